"""The user guide inside the program: F1 and Trợ giúp → Hướng dẫn sử dụng open it at the page's own
section, offline. The guide is HTML with the program's own screenshots, shipped as package data
(danvan_desktop/resources/guide/); a QTextBrowser shows it, so anchors work on every PC without a
browser (a browser started on a file:// address drops the #section on Windows)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from danvan_desktop.domain.i18n import _
from danvan_desktop.paths import resource_path

GUIDE = ("guide", "huong-dan.html")


def guide_file():
    return resource_path(*GUIDE)


class HelpWindow(QDialog):
    """One window for the whole guide; `show_section(key)` scrolls to a page's section."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Hướng dẫn sử dụng"))
        self.resize(980, 700)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(guide_file().parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(guide_file())))
        contents = QPushButton(_("Mục lục"))
        contents.clicked.connect(lambda: self.show_section("muc-luc"))
        back = QPushButton(_("Quay lại"))
        back.clicked.connect(self.browser.backward)
        close = QPushButton(_("Đóng"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(contents)
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Back), self, self.browser.backward)

    def show_section(self, anchor: str) -> None:
        self.browser.scrollToAnchor(anchor)
        self.show()
        self.raise_()
        self.activateWindow()
