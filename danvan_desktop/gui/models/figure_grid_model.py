"""The month grid of figures: one row a figure, twelve typed months, then the derived periods.

Month cells of typed figures are editable (not future months); quarters, halves, nine months
and the year are computed by the service, shown in grey and never typed.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from danvan_desktop.domain.figures import Figure
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.records import RuleError
from danvan_desktop.services.figures.service import FigureService, format_value

DERIVED = ("Q1", "Q2", "Q3", "Q4", "H1", "H2", "9M", "")


class FigureGridModel(QAbstractTableModel):
    error = Signal(str)
    saved = Signal(str)

    def __init__(self, service: FigureService, parent=None) -> None:
        super().__init__(parent)
        self.service = service
        self.year = service.today().year
        self.figures: list[Figure] = []
        self._values: dict[tuple[str, str], float | None] = {}

    def periods(self) -> list[Period]:
        months = [Period.month(self.year, m) for m in range(1, 13)]
        derived = [Period.parse(f"{self.year}-{d}" if d else str(self.year)) for d in DERIVED]
        return months + derived

    def load(self, year: int | None = None) -> None:
        self.beginResetModel()
        if year:
            self.year = year
        self.figures = self.service.catalogue()
        self._values = {(f.code, p.code): self.service.value(f.code, p) for f in self.figures for p in self.periods()}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.figures)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 20

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            figure = self.figures[section]
            return f"{self.service.name(figure)} ({figure.unit})" if figure.unit else self.service.name(figure)
        if section < 12:
            return _("T{m}").format(m=section + 1)
        return [_("Quý I"), _("Quý II"), _("Quý III"), _("Quý IV"), _("6 tháng đầu"), _("6 tháng cuối"),
                _("9 tháng"), _("Cả năm")][section - 12]

    def _editable(self, index: QModelIndex) -> bool:
        figure = self.figures[index.row()]
        return index.column() < 12 and figure.is_typed and \
            Period.month(self.year, index.column() + 1).start <= self.service.today()

    def flags(self, index: QModelIndex):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() and self._editable(index) else base

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        figure = self.figures[index.row()]
        period = self.periods()[index.column()]
        value = self._values.get((figure.code, period.code))
        if role == Qt.ItemDataRole.DisplayRole:
            return format_value(figure, value)
        if role == Qt.ItemDataRole.EditRole:
            return "" if value is None else format_value(figure, value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and not self._editable(index):
            return QBrush(QColor("#eef2f6"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() >= 12:
                return _("Tự tính từ các tháng; không nhập tay.")
            if not figure.is_typed:
                return _("Tự đếm từ dữ liệu của chương trình.")
        return None

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self._editable(index):
            return False
        figure = self.figures[index.row()]
        period = Period.month(self.year, index.column() + 1)
        try:
            self.service.set_value(figure.code, period.code, str(value))
        except RuleError as exc:
            self.error.emit(str(exc))
            return False
        self.load()
        self.saved.emit(_("Đã lưu {name} {period}.").format(name=self.service.name(figure), period=period.label()))
        return True
