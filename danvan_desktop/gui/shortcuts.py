"""An action's key, set without making Qt's namespace: QAction.setShortcut's overloads (one of them takes a Qt.Key)
make the ~90 enums of QtCore.Qt on the first call, 15–40 ms that the window's first paint would wait for;
`setShortcuts` with a list of one key sequence gives the action the same single key."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence


def set_key(action: QAction, key: QKeySequence | QKeySequence.StandardKey | str) -> QAction:
    action.setShortcuts([key if isinstance(key, QKeySequence) else QKeySequence(key)])
    return action
