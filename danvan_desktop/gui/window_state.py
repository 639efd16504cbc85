"""The main window's size, place, maximised state and splitter positions, kept between sessions in the
database's local settings (through the preferences service; they never travel in a hand-over file)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from danvan_desktop.gui.widgets.screen import available_screen

DEFAULT_SIZE = (1280, 760)
TITLE_BAR = 40          # the window manager's frame, not part of the window's own height


def _splitters(page: QWidget) -> list[QSplitter]:
    return page.findChildren(QSplitter)


def initial_size(window: QMainWindow) -> None:
    """The default size, but never taller or wider than the screen less its taskbar."""
    area = available_screen(window)
    window.resize(min(DEFAULT_SIZE[0], area.width()), min(DEFAULT_SIZE[1], area.height() - TITLE_BAR))


def restore(window, preferences) -> bool:
    """Geometry and maximised state from the last session; False when there is none."""
    state = preferences.window_state()
    geometry = state.get("geometry")
    if not geometry:
        return False
    window.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
    area = available_screen(window)
    if not area.intersects(window.geometry()):        # saved on a screen that is no longer there
        initial_size(window)
        window.move(area.topLeft())
    return True


def was_maximised(preferences) -> bool:
    return bool(preferences.window_state().get("maximised"))


def restore_splitters(key: str, page: QWidget, preferences) -> None:
    saved = preferences.window_state().get("splitters", {}).get(key, [])
    for splitter, state in zip(_splitters(page), saved):
        if state:
            splitter.restoreState(QByteArray.fromBase64(state.encode("ascii")))


def save(window, shown_pages: dict[str, QWidget], preferences) -> None:
    state = preferences.window_state()
    state["geometry"] = bytes(window.saveGeometry().toBase64()).decode("ascii")
    state["maximised"] = window.isMaximized()
    splitters = state.setdefault("splitters", {})
    for key, page in shown_pages.items():      # pages never opened keep what was saved before
        splitters[key] = [bytes(s.saveState().toBase64()).decode("ascii") for s in _splitters(page)]
    preferences.set_window_state(state)


