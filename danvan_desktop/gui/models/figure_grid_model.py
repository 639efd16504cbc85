"""The month grid of figures: one row a figure, twelve typed months, then the derived periods.

Month cells of typed figures are editable (not future months); quarters, halves, nine months
and the year are computed by the service, shown in grey and never typed. A save refreshes the
values in place (no model reset), so the view keeps its cursor. Each cell says where its number
comes from: typed here, received in a hand-over file, counted from the records, or derived.

The year's values (40 figures × 19 periods, the counted ones read from 100 000 tasks) are read by `read`,
which touches only the service it is given: the page runs it off the GUI thread and hands the result to
`show`; until then a year not yet read shows "…" in its cells, none of them editable.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from danvan_desktop.domain.figures import Figure, FigureValue
from danvan_desktop.domain.formats import timestamp
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.records import RuleError
from danvan_desktop.services.figures.service import FigureService, format_value

DERIVED = ("Q1", "Q2", "Q3", "Q4", "H1", "H2", "9M", "")
PENDING = "…"       # a cell whose value is being read


def grid_periods(year: int) -> list[Period]:
    """The twenty columns' periods: twelve months, four quarters, two halves, nine months, the year."""
    months = [Period.month(year, m) for m in range(1, 13)]
    return months + [Period.parse(f"{year}-{d}" if d else str(year)) for d in DERIVED]


@dataclass
class GridData:
    """A year of the grid as read in one go: the figures, every cell's value, the typed months' records."""

    year: int
    figures: list[Figure]
    values: dict[tuple[str, str], float | None]
    records: dict[tuple[str, int], FigureValue]

# Where a number comes from → the cell's colour (the page shows the same colours in its legend).
COLOURS = {"typed": "#ffffff", "imported": "#fff3c4", "counted": "#e3eefa", "derived": "#eceff3"}


def source_labels() -> dict[str, str]:
    return {"typed": _("Nhập tay"), "imported": _("nhận từ tệp bàn giao"), "counted": _("Tự đếm từ dữ liệu"),
            "derived": _("Tự tính")}


class FigureGridModel(QAbstractTableModel):
    error = Signal(str)
    saved = Signal(str)

    def __init__(self, service: FigureService, parent=None) -> None:
        super().__init__(parent)
        self.service = service
        self.year = service.today().year
        self.figures: list[Figure] = []
        self._values: dict[tuple[str, str], float | None] = {}
        self._records: dict[tuple[str, int], FigureValue] = {}
        self._periods: list[Period] = []
        self._periods_year = 0
        self.pending = False        # the year's values are being read: cells show PENDING, none is editable

    def periods(self) -> list[Period]:
        """The twenty columns' periods (built once a year: the view asks for them on every paint)."""
        if self._periods_year != self.year:
            self._periods, self._periods_year = grid_periods(self.year), self.year
        return self._periods

    @staticmethod
    def read(service: FigureService, year: int) -> GridData:
        """Every cell of `year` through `service` alone (no widget, no model): safe on the job runner."""
        figures = service.catalogue()
        periods = grid_periods(year)
        return GridData(year, figures, {(f.code, p.code): service.value(f.code, p) for f in figures for p in periods},
                        service.year_records(year))

    def show(self, data: GridData) -> None:
        """The values read by `read`, on show at once (a reset: the page puts the cursor back)."""
        self.beginResetModel()
        self.year, self.figures, self._values, self._records = data.year, data.figures, data.values, data.records
        self.pending = False
        self.endResetModel()

    def await_year(self, year: int) -> None:
        """Values for `year` are on their way. Another year than the one shown: its figures at once, each cell
        PENDING until `show`; the same year: the values shown stay until the new ones replace them."""
        if year == self.year and self.figures:
            return
        self.beginResetModel()
        self.year = year
        self.figures = self.service.catalogue()
        self._values, self._records = {}, {}
        self.pending = True
        self.endResetModel()

    def _compute(self, typed_only: bool = False) -> None:
        """The values of every cell; after a typed value is saved only the figures that follow typed values
        (typed, ratios, carried over) are read again — counted figures do not change with a typed number."""
        figures = [f for f in self.figures if not typed_only or f.source != "counted" or f.is_ratio]
        self._values.update({(f.code, p.code): self.service.value(f.code, p) for f in figures
                             for p in self.periods()})
        self._records = self.service.year_records(self.year)

    def load(self, year: int | None = None) -> None:
        """Read and show `year` here, on the caller's thread."""
        self.show(self.read(self.service, year or self.year))

    def reload_values(self) -> None:
        """New values in the same cells: the view keeps its current cell and selection."""
        self._compute(typed_only=True)
        if self.figures:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.figures) - 1, self.columnCount() - 1))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.figures)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 20

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.ToolTipRole:
            return self.service.name(self.figures[section])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            figure = self.figures[section]
            return f"{self.service.name(figure)} ({figure.unit})" if figure.unit else self.service.name(figure)
        if section < 12:
            return _("T{m}").format(m=section + 1)
        return [_("Quý I"), _("Quý II"), _("Quý III"), _("Quý IV"), _("6 tháng đầu"), _("6 tháng cuối"),
                _("9 tháng"), _("Cả năm")][section - 12]

    def editable(self, index: QModelIndex) -> bool:
        if not index.isValid() or self.pending:
            return False
        figure = self.figures[index.row()]
        return index.column() < 12 and figure.is_typed and \
            self.periods()[index.column()].start <= self.service.today()

    def flags(self, index: QModelIndex):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() and self.editable(index) else base

    def source(self, index: QModelIndex) -> str:
        """'typed', 'imported', 'counted' or 'derived' (quarters, ratios, carried over, future months)."""
        figure = self.figures[index.row()]
        if figure.source == "counted" and not figure.is_ratio:
            return "counted"
        if index.column() >= 12 or not figure.is_typed:
            return "derived"
        record = self._records.get((figure.code, index.column() + 1))
        return "imported" if record is not None and self.service.imported(record) else "typed"

    def _tooltip(self, index: QModelIndex, figure: Figure) -> str:
        source = self.source(index)
        if source == "counted":
            return _("Tự đếm từ dữ liệu của chương trình; không nhập tay.")
        if source == "derived":
            if index.column() >= 12:
                return _("Tự tính từ các tháng; không nhập tay.")
            if figure.is_opening:
                return _("Lấy từ «{name}» của tháng trước; không nhập tay.").format(
                    name=self.service.name(self.service.figure(figure.numerator)))
            return _("Tự tính; không nhập tay.")
        record = self._records.get((figure.code, index.column() + 1))
        if record is None:
            return _("Chưa báo cáo. Gõ số rồi Enter để lưu; Delete để xóa ô.")
        when = timestamp(_parse_moment(record.updated_at)) if record.updated_at else ""
        if source == "imported":
            return _("Nhận từ tệp bàn giao ({when}).").format(when=when)
        return _("Nhập tay tại máy này ({when}, {who}).").format(when=when, who=record.updated_by or "—")

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        figure = self.figures[index.row()]
        period = self.periods()[index.column()]
        value = self._values.get((figure.code, period.code))
        if role == Qt.ItemDataRole.DisplayRole:
            return PENDING if self.pending else format_value(figure, value)
        if role == Qt.ItemDataRole.EditRole:
            return "" if value is None else format_value(figure, value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.source(index) == "typed" and not self.editable(index):
                return QBrush(QColor(COLOURS["derived"]))      # a future month
            return QBrush(QColor(COLOURS[self.source(index)]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("Đang đọc số liệu…") if self.pending else self._tooltip(index, figure)
        return None

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.editable(index):
            return False
        figure = self.figures[index.row()]
        period = Period.month(self.year, index.column() + 1)
        text = "" if value is None else str(value)
        before = self._values.get((figure.code, period.code))
        try:
            saved = self.service.set_value(figure.code, period.code, text)
        except RuleError as exc:
            self.error.emit(str(exc))
            return False
        self.reload_values()
        name = self.service.name(figure)
        if saved is None:
            message = _("Đã xóa {name} {period} (chưa báo cáo).").format(name=name, period=period.label()) \
                if before is not None else ""
        else:
            message = _("Đã lưu {name} {period}.").format(name=name, period=period.label())
        later = self.service.knock_on(figure.code, period.code)
        if later:
            self.error.emit(message + " " + _("Lưu ý: {problem}").format(problem=later[0].message))
        elif message:
            self.saved.emit(message)
        return True



def _parse_moment(stamp: str):
    """The hybrid clock's stamp as a naive datetime in Vietnam's time (for display)."""
    import datetime as dt

    from danvan_desktop.domain.clock import stamp_time
    from danvan_desktop.domain.today import VIETNAM
    moment = stamp_time(stamp)
    return (moment or dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)).astimezone(VIETNAM).replace(tzinfo=None)
