"""A table model over records that fetches lazily, in chunks, from a pager (offset, limit) → rows.

Columns are data: a title, a display function and a raw sort value. The row object is
exposed under ROW_ROLE and the raw value under SORT_ROLE, so a proxy sorts on numbers and
dates, not on their text. A list page of 100 000 rows shows its first chunk at once and
fetches more as the user scrolls (canFetchMore/fetchMore).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3

Pager = Callable[[int, int], Sequence[Any]]


@dataclass
class Column:
    title: str
    display: Callable[[Any], Any]
    sort: Callable[[Any], Any] | None = None
    align_right: bool = False
    tooltip: Callable[[Any], str] | None = None


class RecordTableModel(QAbstractTableModel):
    CHUNK = 500

    def __init__(self, columns: list[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._rows: list[Any] = []
        self._pager: Pager = lambda offset, limit: []
        self._exhausted = True
        self.muted: Callable[[Any], bool] = lambda row: False   # shown in grey (ended, deleted)
        self.warn: Callable[[Any], bool] = lambda row: False    # shown in red (overdue, breach)
        self.search_text: Callable[[Any], str] = lambda row: ""

    # -- loading ----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        rows = list(rows)
        self.set_pager(lambda offset, limit: rows[offset:offset + limit])

    def set_pager(self, pager: Pager) -> None:
        self.beginResetModel()
        self._pager = pager
        self._rows = list(pager(0, self.CHUNK))
        self._exhausted = len(self._rows) < self.CHUNK
        self.endResetModel()

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802 (Qt API)
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self._exhausted:
            return
        more = list(self._pager(len(self._rows), self.CHUNK))
        self._exhausted = len(more) < self.CHUNK
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def fetch_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    def row_object(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def replace_row(self, row: int, obj: Any) -> None:
        self._rows[row] = obj
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def find_row(self, predicate: Callable[[Any], bool]) -> int:
        self.fetch_all()
        for i, obj in enumerate(self._rows):
            if predicate(obj):
                return i
        return -1

    # -- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        obj = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.display(obj)
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            raw = column.sort(obj) if column.sort else column.display(obj)
            return raw if raw is not None else ""
        if role == ROW_ROLE:
            return obj
        if role == SEARCH_ROLE:
            return self.search_text(obj)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(obj)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.warn(obj):
                return QBrush(QColor("#b3261e"))
            if self.muted(obj):
                return QBrush(QColor("#777777"))
        return None
