"""A filter proxy over a RecordTableModel: folded-text search (no marks, Đ→D, word starts) and a
predicate; sorting is handed to the model, which sorts on cached raw keys (see its docstring)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt

from danvan_desktop.domain.text import fold, words_match
from danvan_desktop.gui.models.record_table_model import ROW_ROLE, SEARCH_ROLE, SORT_ROLE, RecordTableModel


class FoldedFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []
        self._needles: list[str] = []
        self._predicate: Callable[[Any], bool] | None = None
        self._folded: dict[int, list[str]] = {}   # for other models: source row → folded words

    def setSourceModel(self, model) -> None:
        super().setSourceModel(model)
        model.modelReset.connect(self._folded.clear)
        model.dataChanged.connect(lambda *_a: self._folded.clear())
        model.rowsRemoved.connect(lambda *_a: self._folded.clear())
        model.layoutChanged.connect(lambda *_a: self._folded.clear())

    def _change_filter(self, apply: Callable[[], None]) -> None:
        # Qt 6.10 deprecates invalidateFilter() for the begin/end pair; older Qt has only the former
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            apply()
            self.endFilterChange()
        else:
            apply()
            self.invalidateFilter()

    def set_query(self, text: str) -> None:
        words = fold(text).split()

        def apply() -> None:
            self._words = words
            self._needles = [" " + w for w in words]
        self._change_filter(apply)

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self._change_filter(lambda: setattr(self, "_predicate", predicate))

    def filterAcceptsRow(self, source_row, source_parent) -> bool:
        model = self.sourceModel()
        ours = isinstance(model, RecordTableModel)
        if self._predicate is not None:
            obj = model.row_object(source_row) if ours else model.data(model.index(source_row, 0, source_parent),
                                                                       ROW_ROLE)
            if not self._predicate(obj):
                return False
        if not self._words:
            return True
        if ours:
            blob = model.search_blob(source_row)
            return all(needle in blob for needle in self._needles)
        words = self._folded.get(source_row)
        if words is None:
            text = model.data(model.index(source_row, 0, source_parent), SEARCH_ROLE) or ""
            if not text:
                text = " ".join(str(model.data(model.index(source_row, c, source_parent)) or "")
                                for c in range(model.columnCount()))
            words = self._folded[source_row] = fold(text).split()
        return words_match(self._words, words)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, RecordTableModel):
            # the model sorts itself in one list.sort; the proxy keeps the model's order
            super().sort(-1)
            model.sort(column, order)
            return
        super().sort(column, order)

    def lessThan(self, left, right) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)

    def row_object(self, proxy_row: int) -> Any:
        source = self.mapToSource(self.index(proxy_row, 0))
        model = self.sourceModel()
        if isinstance(model, RecordTableModel):
            return model.row_object(source.row())
        return model.data(source, ROW_ROLE)
