"""The look comes from danvan_desktop/ui/: the style sheet follows the text size, the icons are there and
used by the running program."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QImageReader, QPalette
from PySide6.QtWidgets import QLabel

import danvan_desktop
from danvan_desktop.gui import theme
from danvan_desktop.gui.appearance import apply_appearance
from danvan_desktop.gui.main_window import MainWindow
from danvan_desktop.gui.pages.registry import pages

PACKAGE = Path(danvan_desktop.__file__).parent


def test_no_fixed_point_sizes_are_left_in_python_code():
    fixed = [f"{path.relative_to(PACKAGE)}:{n}" for path in PACKAGE.rglob("*.py")
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"font-size\s*:\s*\d+\s*pt", line)]
    assert fixed == []


def test_the_style_sheet_sizes_follow_the_text_size():
    small, large = theme.style_sheet(11), theme.style_sheet(18)
    assert "size(" not in large and "px(" not in large
    title = re.compile(r'QLabel\[role="title"\]\s*\{\s*font-size:\s*(\d+)pt')
    assert (title.search(small).group(1), title.search(large).group(1)) == ("13", "22")


def test_a_title_grows_with_the_text_size(qapp, services):
    label = theme.set_role(QLabel("Giao ban tháng 11 năm 2026"), "title")
    services.preferences.set_font_size(18)
    apply_appearance(qapp, services)
    label.ensurePolished()
    at_18 = label.font().pointSize()
    services.preferences.set_font_size(11)
    apply_appearance(qapp, services)
    label.ensurePolished()
    assert (at_18, label.font().pointSize()) == (22, 13)


def test_a_role_or_tone_shows_whether_the_label_was_on_screen_before_or_not(qtbot, qapp, services):
    """A widget themed as it is made is polished by Qt when shown; one already on screen (polished) takes a first
    role through its new style sheet, and a later tone through an explicit re-polish (theme.py)."""
    apply_appearance(qapp, services)
    new = theme.set_role(QLabel("Tổng quan"), "title")          # before it is shown
    shown = QLabel("Khối dân vận")                              # on screen first, themed after
    for label in (new, shown):
        qtbot.addWidget(label)
    shown.show()
    qtbot.waitExposed(shown)
    plain = shown.font().pointSize()
    theme.set_role(shown, "title")
    new.show()
    qtbot.waitExposed(new)
    assert (plain, shown.font().pointSize(), new.font().pointSize()) == (11, 13, 13)
    theme.set_tone(shown, "bad")
    assert shown.palette().color(QPalette.ColorRole.WindowText).name() == "#b3261e"
    theme.set_tone(shown, "")
    assert shown.palette().color(QPalette.ColorRole.WindowText).name() != "#b3261e"


def test_every_page_has_its_icon_and_the_window_uses_them(qtbot, qapp, services):
    for spec in pages():
        assert not theme.icon(f"pages/{spec.key}").isNull(), spec.key
    apply_appearance(qapp, services)
    assert not qapp.windowIcon().isNull()
    window = MainWindow(services)
    qtbot.addWidget(window)
    assert all(not window.sidebar.item(i).icon().isNull() for i in range(window.sidebar.count()))


def test_the_windows_icon_holds_every_size():
    reader = QImageReader(str(PACKAGE / "ui" / "icons" / "app" / "danvan.ico"))
    sizes = set()
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        sizes.add(reader.read().width())
    assert sizes == {16, 24, 32, 48, 64, 128, 256}
    assert (PACKAGE / "ui" / "icons" / "LICENSE.md").read_text(encoding="utf-8").count("CC0") >= 1
