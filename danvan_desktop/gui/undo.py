"""Undo through Qt's QUndoStack: each command runs a service call and knows its inverse."""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand


class ServiceCommand(QUndoCommand):
    """`redo` runs `do`, `undo` runs `undo`; `after` refreshes the screen either way."""

    def __init__(self, text: str, do: Callable[[], object], undo: Callable[[], object],
                 after: Callable[[], None] | None = None) -> None:
        super().__init__(text)
        self._do, self._undo, self._after = do, undo, after

    def redo(self) -> None:
        self._do()
        if self._after:
            self._after()

    def undo(self) -> None:
        self._undo()
        if self._after:
            self._after()
