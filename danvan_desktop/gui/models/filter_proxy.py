"""A sort/filter proxy that sorts on raw values and filters on folded text (no marks, Đ→D)."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QSortFilterProxyModel

from danvan_desktop.domain.text import fold, words_match
from danvan_desktop.gui.models.record_table_model import ROW_ROLE, SEARCH_ROLE, SORT_ROLE


class FoldedFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []
        self._predicate: Callable[[Any], bool] | None = None
        self._folded: dict[int, list[str]] = {}   # source row → its folded words, so typing stays quick

    def setSourceModel(self, model) -> None:  # noqa: N802
        super().setSourceModel(model)
        model.modelReset.connect(self._folded.clear)
        model.dataChanged.connect(lambda *_a: self._folded.clear())
        model.rowsRemoved.connect(lambda *_a: self._folded.clear())

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
        self._change_filter(lambda: setattr(self, "_words", words))

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self._change_filter(lambda: setattr(self, "_predicate", predicate))

    def filterAcceptsRow(self, source_row, source_parent) -> bool:  # noqa: N802
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        obj = model.data(index, ROW_ROLE)
        if self._predicate is not None and not self._predicate(obj):
            return False
        if not self._words:
            return True
        words = self._folded.get(source_row)
        if words is None:
            text = model.data(index, SEARCH_ROLE) or ""
            if not text:
                text = " ".join(str(model.data(model.index(source_row, c, source_parent)) or "")
                                for c in range(model.columnCount()))
            words = self._folded[source_row] = fold(text).split()
        return words_match(self._words, words)

    def lessThan(self, left, right) -> bool:  # noqa: N802
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)

    def row_object(self, proxy_row: int) -> Any:
        return self.data(self.index(proxy_row, 0), ROW_ROLE)
