"""A PDF preview with print, save as PDF and save as DOCX — shared by the minutes and the report pages.

The page that owns it renders the document (off the GUI thread) and calls `show_pdf(bytes)`;
printing paints each page, rendered by QtPdf, onto a QPrinter, so any installed printer works
and what prints is exactly what the preview shows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from danvan_desktop.domain.i18n import _
from danvan_desktop.gui.widgets.form_status import FormStatus

MAX_PRINT_DPI = 300          # an A4 page at 300 dpi is ~35 MB in memory; old PCs have 4 GB


def print_pdf_document(document: QPdfDocument, printer: QPrinter, first: int = 0, last: int | None = None) -> int:
    """Paint pages first..last (0-based) onto the printer at their true size; returns pages printed."""
    count = document.pageCount()
    if count == 0:
        return 0
    last = count - 1 if last is None else min(last, count - 1)
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(_("Không mở được máy in."))
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        for index in range(first, last + 1):
            if index > first:
                printer.newPage()
            points = document.pagePointSize(index)
            image = document.render(index, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi)))
            # The page at its real size (1 pt = 1/72 in), from the paper's corner: the PDF carries the margins.
            scale = printer.resolution() / 72.0
            target = QRectF(QPointF(0, 0), QSize(round(points.width() * scale), round(points.height() * scale)))
            if target.width() > paper.width() * 1.02:       # a smaller paper: shrink to fit, never crop
                target.setSize(target.size().scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio))
            painter.drawImage(target, image)
        return last - first + 1
    finally:
        painter.end()


class PdfPreview(QWidget):
    """Pages of a PDF with zoom, and buttons to print and save it."""

    printed = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._bytes = b""
        self.save_docx_handler: Callable[[Path], object] | None = None
        self.layout_handler: Callable[[], object] | None = None    # opens the layout settings; re-renders
        self.suggested_name = "van-ban"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.print_button = QPushButton(_("In… (Ctrl+P)"))
        self.pdf_button = QPushButton(_("Lưu PDF…"))
        self.docx_button = QPushButton(_("Lưu DOCX…"))
        self.docx_button.setToolTip(_("Lưu thành tệp Word để sửa tiếp"))
        self.zoom_out = QPushButton("−")
        self.zoom_in = QPushButton("+")
        self.fit = QPushButton(_("Vừa khổ"))
        self.layout_button = QPushButton(_("Mẫu trình bày…"))
        self.layout_button.setVisible(False)
        self.pages = QLabel()
        for small in (self.zoom_out, self.zoom_in):
            small.setFixedWidth(34)
        for widget in (self.print_button, self.pdf_button, self.docx_button, self.layout_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.pages, self.zoom_out, self.zoom_in, self.fit):
            bar.addWidget(widget)
        layout.addLayout(bar)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setStyleSheet("background:#8a8f96;")
        layout.addWidget(self.view, 1)
        self.status = FormStatus()
        layout.addWidget(self.status)
        self.print_button.clicked.connect(self.print_dialog)
        self.pdf_button.clicked.connect(self.save_pdf_dialog)
        self.docx_button.clicked.connect(self.save_docx_dialog)
        self.layout_button.clicked.connect(lambda: self.layout_handler() if self.layout_handler else None)
        self.zoom_in.clicked.connect(lambda: self._zoom(1.2))
        self.zoom_out.clicked.connect(lambda: self._zoom(1 / 1.2))
        self.fit.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_dialog)
        self._set_enabled(False)

    # -- content ----------------------------------------------------------------------------
    def show_pdf(self, data: bytes, suggested_name: str | None = None) -> None:
        self._bytes = bytes(data)
        if suggested_name:
            self.suggested_name = suggested_name
        self.document.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self._bytes))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        count = self.document.pageCount()
        self.pages.setText(_("{n} trang").format(n=count))
        self._set_enabled(count > 0)
        self.docx_button.setVisible(self.save_docx_handler is not None)
        self.layout_button.setVisible(self.layout_handler is not None)
        self.status.clear_status()

    def clear(self, message: str = "") -> None:
        self.document.close()
        self._bytes = b""
        self.pages.setText("")
        self._set_enabled(False)
        if message:
            self.status.ok(message)

    def page_count(self) -> int:
        return self.document.pageCount()

    def pdf_bytes(self) -> bytes:
        return self._bytes

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.print_button, self.pdf_button, self.docx_button, self.zoom_in, self.zoom_out, self.fit):
            widget.setEnabled(enabled)

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(self.view.zoomFactor() * factor, 4.0)))

    # -- actions ----------------------------------------------------------------------------
    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setDocName(self.suggested_name)
        printer.setFromTo(1, max(self.page_count(), 1))
        return printer

    def print_dialog(self) -> None:
        if self.page_count() == 0:
            return
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("In văn bản"))
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0:
            first, last = 1, self.page_count()
        try:
            pages = print_pdf_document(self.document, printer, first - 1, last - 1)
        except OSError as exc:
            self.status.error(str(exc))
            return 0
        self.status.ok(_("Đã gửi {n} trang tới máy in.").format(n=pages))
        self.printed.emit(pages)
        return pages

    def _ask_path(self, title: str, suffix: str, filter_text: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(self, title, f"{self.suggested_name}.{suffix}", filter_text)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == f".{suffix}" else path.with_suffix(f".{suffix}")

    def save_pdf_dialog(self) -> None:
        path = self._ask_path(_("Lưu PDF"), "pdf", _("Tệp PDF (*.pdf)"))
        if path is not None:
            self.save_pdf(path)

    def save_pdf(self, path: Path) -> bool:
        from danvan_desktop.services.documents.printing import save_pdf_bytes
        try:
            save_pdf_bytes(self._bytes, path)
        except OSError as exc:
            self.status.error(_("Không ghi được tệp «{path}»: {error}").format(path=path, error=exc.strerror or exc))
            return False
        self.status.ok(_("Đã lưu {path}").format(path=path))
        return True

    def save_docx_dialog(self) -> None:
        path = self._ask_path(_("Lưu DOCX"), "docx", _("Tài liệu Word (*.docx)"))
        if path is not None:
            self.save_docx(path)

    def save_docx(self, path: Path) -> bool:
        if self.save_docx_handler is None:
            return False
        try:
            self.save_docx_handler(path)
        except OSError as exc:
            self.status.error(_("Không ghi được tệp «{path}»: {error}").format(path=path, error=exc.strerror or exc))
            return False
        self.status.ok(_("Đã lưu {path}").format(path=path))
        return True
