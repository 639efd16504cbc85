"""Every page fits an office screen: 1366×728 (768 less a taskbar), at the default text size and at
14 pt, in Vietnamese and in English, without the page itself scrolling sideways."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from danvan_desktop.gui.appearance import apply_appearance
from danvan_desktop.gui.main_window import MainWindow

SCREEN = (1366, 728)


def open_window(qtbot, services, language: str, points: int) -> MainWindow:
    services.preferences.set_language(language)
    services.preferences.set_font_size(points)
    apply_appearance(QApplication.instance(), services)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    return window


def overflow(window: MainWindow, key: str) -> str:
    """'' when the page fits its place in the window, else what it needs and what it has."""
    window.navigate(key)
    QApplication.processEvents()
    holder = window.stack.currentWidget()
    page = window.pages[key]
    needed, room = page.minimumSizeHint().width(), holder.viewport().width()
    if needed > room or holder.horizontalScrollBar().isVisible():
        return f"{key}: needs {needed} px, has {room}"
    return ""


@pytest.fixture(autouse=True)
def _default_size_afterwards(qapp):
    yield
    font = qapp.font()
    font.setPointSize(11)
    qapp.setFont(font)


@pytest.mark.parametrize("points", [11, 14])
@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_page_fits_1366x728(qtbot, xa, language, points):
    window = open_window(qtbot, xa, language, points)
    problems = [p for p in (overflow(window, key) for key in window.page_keys) if p]
    # the meetings page with finalised minutes open: the green banner must wrap, not widen the page
    meetings = window.pages["meetings"]
    window.navigate("meetings")
    locked = next(m for m in xa.meetings.list() if m.locked)
    meetings.select(locked.id)
    problems += [p for p in [overflow(window, "meetings")] if p]
    assert meetings.editor.banner.isVisible() and meetings.current_meeting().id == locked.id
    assert window.minimumSizeHint().width() <= SCREEN[0]
    assert window.minimumSizeHint().height() <= SCREEN[1]
    assert window.width() <= SCREEN[0] and window.height() <= SCREEN[1]
    assert not problems, f"{language} {points} pt: " + "; ".join(problems)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_an_empty_commune_fits_too(qtbot, services, language):
    window = open_window(qtbot, services, language, 14)
    problems = [p for p in (overflow(window, key) for key in window.page_keys) if p]
    assert not problems, "; ".join(problems)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_upper_level_fits_too(qtbot, tinh, language):
    """The province officer's office PC is the same: the completeness tab's one-line summary of the month
    (its counts and due day, ~1 300 px) wraps rather than widening the hand-over page."""
    window = open_window(qtbot, tinh, language, 11)
    problems = [p for p in (overflow(window, key) for key in window.page_keys) if p]
    assert not problems, "; ".join(problems)
