"""A sort/filter proxy that sorts on raw values and filters on folded text (no marks, Đ→D)."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QSortFilterProxyModel

from danvan_desktop.domain.text import fold
from danvan_desktop.gui.models.record_table_model import ROW_ROLE, SEARCH_ROLE, SORT_ROLE


class FoldedFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []
        self._predicate: Callable[[Any], bool] | None = None

    def set_query(self, text: str) -> None:
        self._words = fold(text).split()
        self.invalidateFilter()

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self._predicate = predicate
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row, source_parent) -> bool:  # noqa: N802
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        obj = model.data(index, ROW_ROLE)
        if self._predicate is not None and not self._predicate(obj):
            return False
        if not self._words:
            return True
        text = model.data(index, SEARCH_ROLE) or ""
        if not text:
            text = " ".join(str(model.data(model.index(source_row, c, source_parent)) or "")
                            for c in range(model.columnCount()))
        folded = fold(text)
        return all(word in folded for word in self._words)

    def lessThan(self, left, right) -> bool:  # noqa: N802
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)

    def row_object(self, proxy_row: int) -> Any:
        return self.data(self.index(proxy_row, 0), ROW_ROLE)
