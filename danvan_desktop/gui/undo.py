"""Undo through Qt's QUndoStack: each command runs a service call and knows its inverse."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack


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


def push_done(undo: QUndoStack, command: ServiceCommand) -> None:
    """Record an action that already ran: QUndoStack.push would run redo() again, so skip that first call."""
    original = command._do
    command._do = lambda: None
    try:
        undo.push(command)
    finally:
        command._do = original
