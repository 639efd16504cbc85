"""The figures grid's table view: typing runs down a column, Delete clears, the cursor never jumps.

Enter commits the cell and moves to the next editable cell of the same column (same month);
a refused value keeps the cursor on its cell. Delete (or Backspace) clears the selected typed
cells: a cleared cell is "not reported", never 0.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QTableView

from danvan_desktop.gui.models.figure_grid_model import FigureGridModel


class FigureGridView(QTableView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed |
                             QAbstractItemView.EditTrigger.DoubleClicked |
                             QAbstractItemView.EditTrigger.EditKeyPressed)
        self._refused = False

    def grid(self) -> FigureGridModel:
        return self.model()   # type: ignore[return-value]

    def setModel(self, model) -> None:
        super().setModel(model)
        model.error.connect(self._on_error)

    def _on_error(self, _text: str) -> None:
        self._refused = True

    def next_editable(self, index: QModelIndex, step: int = 1) -> QModelIndex:
        """The next cell below (or above) in the same column that can be typed; the same cell if none."""
        model = self.grid()
        row = index.row() + step
        while 0 <= row < model.rowCount():
            candidate = model.index(row, index.column())
            if model.editable(candidate):
                return candidate
            row += step
        return index

    def commitData(self, editor) -> None:
        self._refused = False
        super().commitData(editor)

    def closeEditor(self, editor, hint) -> None:
        index = self.currentIndex()
        refused = self._refused
        self._refused = False
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache and not refused:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            target = self.next_editable(index)
            self.setCurrentIndex(target)
            self.scrollTo(target)
            return
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if refused else hint)
        if refused:
            self.setCurrentIndex(index)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != \
                QAbstractItemView.State.EditingState:
            cells = self.selectionModel().selectedIndexes() or [self.currentIndex()]
            current = self.currentIndex()
            for index in cells:
                if self.grid().editable(index) and self.grid().data(index):
                    self.grid().setData(index, "")
            self.setCurrentIndex(current)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != \
                QAbstractItemView.State.EditingState:
            target = self.next_editable(self.currentIndex())
            self.setCurrentIndex(target)
            event.accept()
            return
        super().keyPressEvent(event)

    def show_month(self, row: int, column: int) -> None:
        """Put the cursor on a month (the current one when the page opens) and scroll it into view."""
        index = self.grid().index(row, column)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
