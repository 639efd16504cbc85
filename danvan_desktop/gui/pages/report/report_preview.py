"""The report's preview window: the shared PdfPreview (print, save PDF, save DOCX) in a dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QVBoxLayout

from danvan_desktop.gui.widgets.fit import fit_to_screen
from danvan_desktop.gui.widgets.pdf_preview import PdfPreview


class PdfPreviewDialog(QDialog):
    def __init__(self, title: str, data: bytes, parent=None, *, suggested_name: str = "bao-cao",
                 save_docx: Callable[[Path], object] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        fit_to_screen(self, 860, 900)      # never taller than the screen
        layout = QVBoxLayout(self)
        self.preview = PdfPreview(self)
        self.preview.save_docx_handler = save_docx
        layout.addWidget(self.preview)
        self.preview.show_pdf(data, suggested_name)

    def page_count(self) -> int:
        return self.preview.page_count()
