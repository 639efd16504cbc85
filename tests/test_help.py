"""Help inside the program: the Vietnamese guide ships as package data with the program's own
screenshots, F1 opens it at the shown page's section, and the About box names the version, the data
folder and the licences."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from danvan_desktop import __version__
from danvan_desktop.gui import help_menu
from danvan_desktop.gui.help_window import guide_file
from danvan_desktop.paths import user_data_dir


def test_the_guide_is_package_data_and_every_link_and_picture_resolves():
    text = guide_file().read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a name="([^"]+)"', text))
    links = set(re.findall(r'href="#([^"]+)"', text))
    assert links <= anchors, links - anchors
    for section in [*help_menu.SECTIONS.values(), *help_menu.UPPER_SECTIONS.values(), "muc-luc"]:
        assert section in anchors, section
    pictures = re.findall(r'<img src="([^"]+)"', text)
    assert len(pictures) >= 14
    for picture in pictures:
        assert (guide_file().parent / picture).is_file(), picture
    assert "Cán bộ Khối dân vận xã" in text and "Cán bộ cấp trên" in text


def _press_f1(qtbot, window):
    """F1 is the guide action's shortcut; offscreen the window is never active, so trigger the action."""
    (menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Trợ giúp"]
    (guide,) = [a for a in menu.actions() if a.text() == "Hướng dẫn sử dụng"]
    assert guide.shortcut() == QKeySequence(Qt.Key.Key_F1)
    guide.trigger()
    helper = window._help_window
    qtbot.waitUntil(helper.isVisible)
    return helper


def test_f1_opens_the_guide_at_the_page_shown(qtbot, services):
    from danvan_desktop.gui.main_window import MainWindow
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.navigate("members")
    helper = _press_f1(qtbot, window)
    helper.resize(980, 700)
    helper.show_section(help_menu.section_for(window))
    at_members = helper.browser.verticalScrollBar().value()
    window.navigate("exchange")
    helper = _press_f1(qtbot, window)
    helper.show_section(help_menu.section_for(window))
    at_exchange = helper.browser.verticalScrollBar().value()
    assert 0 < at_members < at_exchange          # each page scrolls the guide to its own section
    assert help_menu.section_for(window) == "trao-doi"
    assert helper.windowTitle() == "Hướng dẫn sử dụng"


def test_the_about_box(qtbot):
    from danvan_desktop.gui.about import AboutDialog
    about = AboutDialog()
    qtbot.addWidget(about)
    text = about.text.toPlainText()
    assert f"Phiên bản {__version__}" in text
    assert str(user_data_dir()) in text
    for part in ("PySide6-Essentials", "LGPL-3.0", "reportlab", "Liberation Serif", "OFL-1.1", "GPL-3.0"):
        assert part in text, part
