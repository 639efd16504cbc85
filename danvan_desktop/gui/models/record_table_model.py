"""A table model over records that fetches lazily, in chunks, from a pager (offset, limit) → rows.

Columns are data: a title, a display function and a raw sort value. The row object is
exposed under ROW_ROLE and the raw value under SORT_ROLE. A list page of 100 000 rows shows
its first chunk at once and fetches more as the user scrolls (canFetchMore/fetchMore).

Sorting happens here, in Python, not in the proxy: a key per row is computed once and cached,
and the list is sorted with `list.sort` (tens of milliseconds for 100 000 rows), where a Qt
proxy would call back into Python for every one of ~2 million comparisons (tens of seconds;
see bench/bench_roster_model.py). A model filled with `set_rows` sorts the whole list; a model
fed by a plain SQL pager sorts the rows fetched so far. A model fed by an ordered pager
(`set_ordered_pager`) sorts in SQL: a header click reads the first page again in the new order, so
every row takes its place, fetched or not, and nothing already loaded is sorted on the GUI thread.
A pager's first page may be handed in already read (`first`): a page that reads it off the GUI thread
(a filter's or an order's first page, on the job runner) puts it on show without reading it again.
The folded search words of each row are cached here too, for the proxy.

A list scrolled to 100 000 rows holds about a million Python objects; the cyclic garbage collector's
full passes walk them all (0.2 s each, at random moments while scrolling). Once a model holds many rows,
what is alive is moved out of the collector's reach (gc.freeze()): the rows are plain records freed by
their reference counts when the list is read again, so the collector has nothing to find there. Freeing
them is itself 0.1 s for 100 000 rows: a list read again lets its old rows go a slice at a time from the
event loop.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor

from danvan_desktop.domain.collation import vi_key
from danvan_desktop.domain.text import fold

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3

Pager = Callable[[int, int], Sequence[Any]]
OrderedPager = Callable[[int, bool], Pager]    # (column, descending) → the pager of that order; column -1: its own
FREEZE_ROWS = 5000      # rows held from which fetched rows are kept out of the garbage collector's full passes
DROP_SLICE = 5000       # rows of an old list freed at a time


@dataclass
class Column:
    title: str
    display: Callable[[Any], Any]
    sort: Callable[[Any], Any] | None = None
    align_right: bool = False
    tooltip: Callable[[Any], str] | None = None


class _Last:
    """Sorts after everything: where rows without a value go, whatever the column's type."""

    def __lt__(self, other: object) -> bool:
        return False

    def __gt__(self, other: object) -> bool:
        return not isinstance(other, _Last)


def _thaw(*_args: Any) -> None:
    gc.unfreeze()


class RecordTableModel(QAbstractTableModel):
    CHUNK = 500
    resorted = Signal()     # an ordered pager's list was read again in a new order (the selection is gone)

    def __init__(self, columns: list[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._rows: list[Any] = []
        self._all: list[Any] | None = None        # the whole list when filled by set_rows
        self._pager: Pager = lambda offset, limit: []
        self._ordered: OrderedPager | None = None
        self._dropping: list[list[Any]] = []          # old lists being freed a slice at a time
        self._froze = False
        # An ordered pager's new order read elsewhere (off the GUI thread): called with (column, descending)
        # on a header click, the page hands the rows to `show_sorted` when they arrive.
        self.sort_elsewhere: Callable[[int, bool], None] | None = None
        self._exhausted = True
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._keys: dict[tuple[int, int], Any] = {}    # (id(row), column) → sort key
        self._words: dict[int, str] = {}               # id(row) → ' ' + folded search words
        self.muted: Callable[[Any], bool] = lambda row: False   # shown in grey (ended, deleted)
        self.warn: Callable[[Any], bool] = lambda row: False    # shown in red (overdue, breach)
        self.search_text: Callable[[Any], str] = lambda row: ""

    # -- loading ----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._forget()
        self._ordered = None
        self._all = list(rows)
        if self._sort is not None:
            self._sort_list(self._all)
        self._pager = lambda offset, limit: self._all[offset:offset + limit]
        self._load_first()
        self.endResetModel()

    def set_pager(self, pager: Pager, first: Sequence[Any] | None = None) -> None:
        self.beginResetModel()
        self._forget()
        self._all = None
        self._ordered = None
        self._pager = pager
        self._load_first(first)
        if self._sort is not None:
            self._sort_list(self._rows)
        self.endResetModel()

    def set_ordered_pager(self, ordered: OrderedPager, first: Sequence[Any] | None = None) -> None:
        """Rows paged in SQL in the order of the header's column: `ordered(column, descending)` gives the pager
        (column -1: the list's own order). Only the first page is read (or `first`, read already in the
        current order); a header click reads it again."""
        self.beginResetModel()
        self._forget()
        self._all = None
        self._ordered = ordered
        column, order = self._sort if self._sort is not None else (-1, Qt.SortOrder.AscendingOrder)
        self._pager = ordered(column, order == Qt.SortOrder.DescendingOrder)
        self._load_first(first)
        self.endResetModel()

    def ordered_state(self) -> tuple[int, bool]:
        """(column, descending) an ordered pager reads in now (column -1: the list's own order)."""
        column, order = self._sort if self._sort is not None else (-1, Qt.SortOrder.AscendingOrder)
        return column, order == Qt.SortOrder.DescendingOrder

    def _load_first(self, first: Sequence[Any] | None = None) -> None:
        self._rows = list(self._pager(0, self.CHUNK) if first is None else first)
        self._exhausted = len(self._rows) < self.CHUNK

    def _forget(self) -> None:
        self._keys.clear()
        self._words.clear()
        if len(self._rows) >= FREEZE_ROWS:
            self._dropping.append(self._rows)     # the caller puts a new list in its place
            self._rows = []
            QTimer.singleShot(0, self._drop_some)

    def _drop_some(self) -> None:
        if not self._dropping:
            return
        rows = self._dropping[-1]
        del rows[-DROP_SLICE:]
        if not rows:
            self._dropping.pop()
        if self._dropping:
            QTimer.singleShot(0, self._drop_some)
        else:
            gc.unfreeze()   # what is left goes back within the collector's reach

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or self._exhausted:
            return
        more = list(self._pager(len(self._rows), self.CHUNK))
        self._exhausted = len(more) < self.CHUNK
        if not more:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()
        if len(self._rows) >= FREEZE_ROWS:
            gc.freeze()     # the rows live as long as the list: out of the collector's full passes (docstring)
            if not self._froze:
                self._froze = True      # a page closed with its list: what was frozen goes back to the collector
                self.destroyed.connect(_thaw)
        if self._sort is not None and self._all is None and self._ordered is None:
            # a pager's rows come in its own order: keep what is shown sorted as the user asked
            self._relayout(lambda: self._sort_list(self._rows))

    def fetch_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    def row_object(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def replace_row(self, row: int, obj: Any) -> None:
        old = self._rows[row]
        self._rows[row] = obj
        if self._all is not None:
            for i, item in enumerate(self._all):
                if item is old:
                    self._all[i] = obj
                    break
        self._words.pop(id(old), None)
        for column in range(len(self.columns)):
            self._keys.pop((id(old), column), None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def find_row(self, predicate: Callable[[Any], bool]) -> int:
        for i, obj in enumerate(self._rows):
            if predicate(obj):
                return i
        # look in the whole list first, so a row far down loads only when it is there
        if self._all is not None and not any(predicate(obj) for obj in self._all[len(self._rows):]):
            return -1
        while self.canFetchMore():
            start = len(self._rows)
            self.fetchMore()
            for i in range(start, len(self._rows)):
                if predicate(self._rows[i]):
                    return i
        return -1

    # -- cached keys and words --------------------------------------------------------------
    def sort_key(self, row: int, column: int) -> Any:
        return self._key(self._rows[row], column)

    def _key(self, obj: Any, column: int) -> Any:
        cache_key = (id(obj), column)
        try:
            return self._keys[cache_key]
        except KeyError:
            pass
        col = self.columns[column]
        raw = col.sort(obj) if col.sort else col.display(obj)
        value = _Last() if raw is None or raw == "" else raw
        if isinstance(value, str):
            value = vi_key(value)       # Vietnamese alphabetical order: Đ after D, tones after letters
        self._keys[cache_key] = value
        return value

    def search_words(self, row: int) -> list[str]:
        """The row's folded words: its search text, or every cell when it has none."""
        return self.search_blob(row).split()

    def search_blob(self, row: int) -> str:
        """' ' + the row's folded words joined by spaces: a query word q starts a word of the row exactly
        when ' ' + q is in it, one substring test in C instead of a Python loop over words."""
        obj = self._rows[row]
        blob = self._words.get(id(obj))
        if blob is None:
            text = self.search_text(obj) or " ".join(str(c.display(obj) or "") for c in self.columns)
            blob = self._words[id(obj)] = " " + fold(text)
        return blob

    # -- sorting ----------------------------------------------------------------------------
    def _sort_list(self, rows: list[Any]) -> None:
        column, order = self._sort  # type: ignore[misc]
        if not 0 <= column < len(self.columns):
            return
        reverse = order == Qt.SortOrder.DescendingOrder

        def key(obj: Any) -> Any:
            return self._key(obj, column)
        try:
            rows.sort(key=key, reverse=reverse)
        except TypeError:    # a column mixing types: compare as text rather than fail
            rows.sort(key=lambda obj: str(key(obj)), reverse=reverse)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        if self._ordered is not None and self.sort_elsewhere is not None:
            self.sort_elsewhere(column, order == Qt.SortOrder.DescendingOrder)
            return
        if self._ordered is not None:
            self.beginResetModel()
            self._forget()
            self._pager = self._ordered(column, order == Qt.SortOrder.DescendingOrder)
            self._load_first()
            self.endResetModel()
            self.resorted.emit()
            return
        if column < 0:
            return
        if self._all is not None:
            loaded = len(self._rows)
            self._sort_list(self._all)
            self._relayout(lambda: self._rows.__setitem__(slice(None), self._all[:loaded]))
        else:
            self._relayout(lambda: self._sort_list(self._rows))

    def show_sorted(self, pager: Pager, first: Sequence[Any] | None = None) -> None:
        """The list in the order last asked for, read elsewhere: its first page on show (`resorted` follows)."""
        self.beginResetModel()
        self._forget()
        self._pager = pager
        self._load_first(first)
        self.endResetModel()
        self.resorted.emit()

    def sort_state(self) -> tuple[int, Qt.SortOrder] | None:
        return self._sort

    def _relayout(self, change: Callable[[], Any]) -> None:
        """Reorder the rows keeping selections on the same records (persistent indexes follow them)."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        objects = [self._rows[i.row()] if 0 <= i.row() < len(self._rows) else None for i in before]
        change()
        position = {id(obj): r for r, obj in enumerate(self._rows)}
        after = [self.index(position[id(o)], i.column()) if o is not None and id(o) in position else QModelIndex()
                 for o, i in zip(objects, before)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # -- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
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
