"""One shortcut per key, and page names in the menu as they are written ("Họp & biên bản")."""

from __future__ import annotations

import warnings

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from danvan_desktop.gui.main_window import MainWindow
from danvan_desktop.gui.pages.registry import pages


def test_no_two_pages_share_a_shortcut():
    keys = [spec.shortcut for spec in pages() if spec.shortcut]
    assert len(keys) == len(set(keys)) >= 6


def test_each_page_key_opens_its_page_and_the_menu_shows_names_whole(qtbot, services):
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    with warnings.catch_warnings():      # the offscreen platform activates no window by itself
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(window)
    window.sidebar.setFocus()
    page_menu = next(a.menu() for a in window.menuBar().actions() if "Trang" in a.text())
    for action in page_menu.actions():
        assert "&" not in action.text().replace("&&", "")       # no stray mnemonic
    entry = next(a for a in page_menu.actions() if "biên bản" in a.text())
    assert entry.text() == "Họp && biên bản" and entry.shortcut() == QKeySequence("Ctrl+6")
    for key, sequence in (("teams", Qt.Key.Key_4), ("tasks", Qt.Key.Key_5), ("meetings", Qt.Key.Key_6),
                          ("dashboard", Qt.Key.Key_1)):
        qtbot.keyClick(window.sidebar, sequence, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == key


def test_periods_are_shown_in_the_words_officers_write(qtbot, services):
    from danvan_desktop.gui.widgets.period_words import period_words
    assert period_words("2026-12") == "tháng 12 năm 2026"
    assert period_words("2026-Q4") == "quý IV năm 2026"
    assert period_words("không phải kỳ") == ""
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.navigate("reports")
    page = window.pages["reports"]
    page.period.setText("2026-Q4")
    words = page.period.parentWidget().words
    assert words.text() == "quý IV năm 2026" and not words.isHidden()
