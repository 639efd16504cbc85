"""Số liệu: type each month's figures in a grid; quarters, halves, nine months and the year follow.

Opened with the file's services, the page reads the year's cells off the GUI thread (gui/background_reader.py,
in one snapshot, as the dashboard does): the window never waits for the 40 figures × 19 periods, the cells
show "…" until they arrive, and a refresh asked for during a read folds into one more read."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.figures import Aggregation, Figure
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui.background_reader import BackgroundReader
from danvan_desktop.gui.events import DataEvents
from danvan_desktop.gui.models.figure_grid_model import COLOURS, FigureGridModel, GridData, source_labels
from danvan_desktop.gui.pages.figures.figure_grid_view import FigureGridView
from danvan_desktop.gui.pages.spec import PageContext
from danvan_desktop.gui.widgets.dialog_buttons import action_buttons
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.figures.service import FigureService


class FigureDialog(QDialog):
    """A user's own figure: code, names, unit and how it adds up over a period."""

    def __init__(self, figures: list[Figure], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Thêm chỉ tiêu"))
        form = QFormLayout(self)
        self.code = QLineEdit()
        self.code.setPlaceholderText(_("ví dụ: doi_thoai"))
        self.name_vi = QLineEdit()
        self.name_en = QLineEdit()
        self.unit = QLineEdit()
        self.aggregation = QComboBox()
        for agg in Aggregation:
            self.aggregation.addItem(agg.label, agg.value)
        self.numerator = QComboBox()
        self.denominator = QComboBox()
        for combo in (self.numerator, self.denominator):
            combo.addItem("", "")
            for figure in figures:
                combo.addItem(figure.name_vi, figure.code)
        form.addRow(_("Mã"), self.code)
        form.addRow(_("Tên tiếng Việt"), self.name_vi)
        form.addRow(_("Tên tiếng Anh"), self.name_en)
        form.addRow(_("Đơn vị tính"), self.unit)
        form.addRow(_("Cách tổng hợp"), self.aggregation)
        form.addRow(_("Tử số (tỷ lệ)"), self.numerator)
        form.addRow(_("Mẫu số (tỷ lệ)"), self.denominator)
        self.status = FormStatus()
        form.addRow(self.status)
        form.addRow(action_buttons(self, _("Thêm")))

    def figure(self) -> Figure:
        return Figure(code=self.code.text(), name_vi=self.name_vi.text(), name_en=self.name_en.text(),
                      unit=self.unit.text(), aggregation=self.aggregation.currentData(),
                      numerator=self.numerator.currentData(), denominator=self.denominator.currentData(),
                      integer=self.aggregation.currentData() != "average")


class FiguresPage(QWidget):
    def __init__(self, service: FigureService, events: DataEvents, parent=None,
                 services: AppServices | None = None) -> None:
        """With `services` (the file's), the year is read off the GUI thread; without, here and at once."""
        super().__init__(parent)
        self.service, self.events = service, events
        self.reader = BackgroundReader(services, self) if services is not None else None
        self._cursor: tuple[int, int] | None = None     # the cell to go back to once the values are on show
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(_("Năm")))
        self.year = QSpinBox()
        self.year.setRange(2000, service.today().year)
        self.year.setValue(service.today().year)
        bar.addWidget(self.year)
        hint = QLabel(_("Nhập số liệu từng tháng (ô trắng): gõ số rồi Enter để xuống ô dưới cùng tháng; Delete để "
                        "xóa ô (chưa báo cáo). Quý, 6 tháng, 9 tháng và cả năm tự tính."))
        hint.setWordWrap(True)
        bar.addWidget(hint, 1)
        self.view_choice = QComboBox()
        self.view_choice.addItem(_("Các tháng và cả năm"), "months")
        self.view_choice.addItem(_("Quý, 6 tháng, 9 tháng, cả năm"), "periods")
        bar.addWidget(self.view_choice)
        self.add_button = QPushButton(_("Thêm chỉ tiêu…"))
        bar.addWidget(self.add_button)
        layout.addLayout(bar)
        self.model = FigureGridModel(service, self)
        self.table = FigureGridView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setMinimumSectionSize(48)
        self.table.verticalHeader().setMaximumWidth(300)   # long names elide; the tooltip holds them whole
        layout.addWidget(self.table, 1)
        labels = source_labels()
        self.legend = QWidget()               # where each number comes from: the cells' colours, explained
        legend_row = QHBoxLayout(self.legend)
        legend_row.setContentsMargins(0, 0, 0, 0)
        self.legend_labels: list[QLabel] = []
        for key in ("typed", "imported", "counted", "derived"):
            swatch = QLabel()
            swatch.setFixedSize(16, 16)
            swatch.setStyleSheet(f"background:{COLOURS[key]}; border:1px solid #8a8f98;")
            text = QLabel(labels[key][:1].upper() + labels[key][1:])
            self.legend_labels.append(text)
            legend_row.addWidget(swatch)
            legend_row.addWidget(text)
            legend_row.addSpacing(12)
        legend_row.addStretch(1)
        self.legend.setToolTip(_("Màu nền của ô cho biết số liệu từ đâu; rê chuột vào ô để xem chi tiết."))
        layout.addWidget(self.legend)
        self.status = FormStatus()
        layout.addWidget(self.status)
        self.year.valueChanged.connect(lambda _y: self.refresh())
        self.model.error.connect(self.status.error)
        self.model.saved.connect(self._saved)
        self.add_button.clicked.connect(self.add_figure)
        self.view_choice.currentIndexChanged.connect(lambda _i: self._show_columns())
        if self.reader is not None:
            self.reader.loaded.connect(self._loaded)
        self.refresh()
        self._show_columns()

    @property
    def busy(self) -> bool:
        """The year's values are being read (cells show "…")."""
        return self.reader is not None and self.reader.busy

    def _show_columns(self) -> None:
        months = self.view_choice.currentData() == "months"
        for column in range(self.model.columnCount()):
            derived = 12 <= column < 19
            self.table.setColumnHidden(column, (column < 12 and not months) or (derived and months))

    def refresh(self) -> None:
        current = self.table.currentIndex()
        self._cursor = (current.row(), current.column()) if current.isValid() else None
        year = self.year.value()
        if self.reader is None:
            self.model.load(year)
            self._put_cursor()
            return
        self.model.await_year(year)
        self.reader.request(lambda services: FigureGridModel.read(services.figures, year))

    def _loaded(self, data: GridData) -> None:
        if data.year != self.year.value():
            return          # a year since left (its read was already running): the new one follows
        self.model.show(data)
        self._put_cursor()

    def _put_cursor(self) -> None:
        today = self.service.today()
        if self._cursor is not None:
            self.table.show_month(*self._cursor)
        else:
            month = today.month - 1 if self.year.value() == today.year else 11
            first = next((r for r, f in enumerate(self.model.figures) if f.is_typed), 0)
            self.table.show_month(first, month)

    def _saved(self, text: str) -> None:
        self.status.ok(text)
        self.events.changed.emit("figure_values")

    def add_figure(self) -> None:
        dialog = FigureDialog(self.service.catalogue(), self)
        while dialog.exec():
            try:
                figure = self.service.save_figure(dialog.figure())
            except RuleError as exc:
                dialog.status.error(str(exc))
                continue
            self.refresh()
            self.status.ok(_("Đã thêm chỉ tiêu «{name}».").format(name=figure.name_vi))
            return


def _factory(ctx: PageContext) -> QWidget:
    return FiguresPage(ctx.services.figures, ctx.events, services=ctx.services)
