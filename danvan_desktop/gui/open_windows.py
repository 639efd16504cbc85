"""Main windows made by a language switch or by opening another file have no Qt owner: this list keeps
them alive while they are open (a window removes its predecessor when it takes over)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

OPEN_WINDOWS: list[QMainWindow] = []


def take_over(old: QMainWindow, new: QMainWindow) -> None:
    OPEN_WINDOWS.append(new)
    if old in OPEN_WINDOWS:
        OPEN_WINDOWS.remove(old)
