"""Số liệu: type each month's figures in a grid; quarters, halves, nine months and the year follow."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.figures import Aggregation, Figure
from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui.events import DataEvents
from danvan_desktop.gui.models.figure_grid_model import FigureGridModel
from danvan_desktop.gui.pages.spec import PageContext, PageSpec
from danvan_desktop.gui.widgets.form_status import FormStatus
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Thêm"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def figure(self) -> Figure:
        return Figure(code=self.code.text(), name_vi=self.name_vi.text(), name_en=self.name_en.text(),
                      unit=self.unit.text(), aggregation=self.aggregation.currentData(),
                      numerator=self.numerator.currentData(), denominator=self.denominator.currentData(),
                      integer=self.aggregation.currentData() != "average")


class FiguresPage(QWidget):
    def __init__(self, service: FigureService, events: DataEvents, parent=None) -> None:
        super().__init__(parent)
        self.service, self.events = service, events
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(_("Năm")))
        self.year = QSpinBox()
        self.year.setRange(2000, service.today().year)
        self.year.setValue(service.today().year)
        bar.addWidget(self.year)
        hint = QLabel(_("Nhập số liệu từng tháng (ô trắng). Quý, 6 tháng, 9 tháng và cả năm tự tính; các chỉ tiêu tô "
                        "xám được đếm từ dữ liệu của chương trình."))
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
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setMinimumSectionSize(48)
        self.table.verticalHeader().setMaximumWidth(300)   # long names elide; the tooltip holds them whole
        layout.addWidget(self.table, 1)
        self.status = FormStatus()
        layout.addWidget(self.status)
        self.year.valueChanged.connect(lambda y: self.model.load(y))
        self.model.error.connect(self.status.error)
        self.model.saved.connect(self._saved)
        self.add_button.clicked.connect(self.add_figure)
        self.view_choice.currentIndexChanged.connect(lambda _i: self._show_columns())
        self.refresh()
        self._show_columns()

    def _show_columns(self) -> None:
        months = self.view_choice.currentData() == "months"
        for column in range(self.model.columnCount()):
            derived = 12 <= column < 19
            self.table.setColumnHidden(column, (column < 12 and not months) or (derived and months))

    def refresh(self) -> None:
        self.model.load(self.year.value())

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
    return FiguresPage(ctx.services.figures, ctx.events)


PAGE = PageSpec("figures", N_("Số liệu"), 55, _factory)
