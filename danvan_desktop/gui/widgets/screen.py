"""The screen's usable area, and a window fitted into it: what the main window needs at every start, apart
from fit.py, whose widget classes (and Qt's namespace) are made on import."""

from __future__ import annotations

from PySide6.QtCore import QRect


def available_screen(widget=None) -> QRect:
    """The part of the screen windows may use (without the taskbar)."""
    from PySide6.QtGui import QGuiApplication
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fit_to_screen(window, width: int, height: int, frame: int = 40) -> None:
    """Resize a window or dialog to width×height, or less where the screen is smaller: a dialog taller
    than a 768-pixel screen hides its buttons. `frame` leaves room for the title bar."""
    area = available_screen(window)
    window.resize(min(width, area.width()), min(height, max(200, area.height() - frame)))
