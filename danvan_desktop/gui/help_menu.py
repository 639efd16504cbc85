"""The Help menu (Trợ giúp): the user guide (F1, at the page shown), the log folder, the About box."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow

from danvan_desktop.domain.i18n import _
from danvan_desktop.gui.shortcuts import set_key
from danvan_desktop.logs import configure, log_dir

# the guide's section for each page; a page not listed opens the guide at its table of contents
SECTIONS = {
    "dashboard": "tong-quan", "members": "thanh-vien", "villages": "thon", "teams": "to-dan-van",
    "tasks": "nhiem-vu", "meetings": "hop", "situation": "tinh-hinh", "figures": "so-lieu",
    "models": "dan-van-kheo", "reports": "bao-cao", "exchange": "trao-doi", "settings": "cai-dat",
}
UPPER_SECTIONS = {"dashboard": "cap-tren", "exchange": "cap-tren-nhan", "settings": "cai-dat"}


def install(window: QMainWindow) -> None:
    """Adds Trợ giúp to the window's menu bar and F1 to the window."""
    menu = window.menuBar().addMenu(_("&Trợ giúp"))
    guide = menu.addAction(_("Hướng dẫn sử dụng"))
    set_key(guide, QKeySequence.StandardKey.HelpContents)
    guide.triggered.connect(lambda: open_guide(window))
    logs = menu.addAction(_("Mở thư mục nhật ký"))
    logs.triggered.connect(open_log_folder)
    menu.addSeparator()
    about = menu.addAction(_("Giới thiệu chương trình"))
    about.triggered.connect(lambda: show_about(window))


def section_for(window) -> str:
    """The guide's section for the page the window shows (the upper level has its own part)."""
    row = window.sidebar.currentRow()
    key = window.page_keys[row] if row >= 0 else ""
    upper = window.services.setup.unit().level == "upper"
    return (UPPER_SECTIONS if upper else SECTIONS).get(key, "muc-luc")


def open_guide(window):
    from danvan_desktop.gui.help_window import HelpWindow
    help_window = getattr(window, "_help_window", None)
    if help_window is None:
        help_window = HelpWindow(window)
        window._help_window = help_window
    help_window.show_section(section_for(window))
    return help_window


def open_log_folder() -> Path:
    """Open the folder of danvan.log in the system's file manager (Explorer on Windows)."""
    configure()
    folder = log_dir()
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
    return folder


def show_about(window) -> None:
    from danvan_desktop.gui.about import AboutDialog
    AboutDialog(window).exec()
