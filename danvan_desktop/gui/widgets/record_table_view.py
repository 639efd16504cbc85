"""The list every page shows: a read-only table of whole rows, one selected at a time, over a (proxy) model."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

# Rows a column sized to its content is measured on (the rows on show and some more): Qt reads 1 000 rows by
# default, formatting every cell of them in Python each time the list changes — 1.5 s for 500 received files.
RESIZE_PRECISION = 60


def measure_few_rows(table: QTableView) -> None:
    table.horizontalHeader().setResizeContentsPrecision(RESIZE_PRECISION)


def record_table_view(model: QAbstractItemModel, parent=None, *, sortable: bool = True, row_numbers: bool = False,
                      stretch_last: bool = True) -> QTableView:
    """Single row selection, no editing in the cells (the form beside it edits), columns sized to their
    content with the last one stretched, and no row numbers (they mean nothing once sorted or filtered).
    A list kept in its own order (a team's members, a task's villages) is not `sortable`."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSortingEnabled(sortable)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(stretch_last)
    table.verticalHeader().setVisible(row_numbers)
    measure_few_rows(table)
    # A list read again (a filter, a header sorting in SQL) starts at its top: left scrolled to the end, the
    # view would see its scroll bar at the bottom of the new first page and fetch the next one at once.
    model.modelAboutToBeReset.connect(table.scrollToTop)
    return table
