"""The dashboard's card: a big figure with its caption; clicking it opens the page behind the figure."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout

from danvan_desktop.domain.formats import number
from danvan_desktop.domain.i18n import _
from danvan_desktop.gui.theme import set_role, set_tone


class Card(QFrame):
    """A figure with its caption; clicking it opens the page behind it."""

    def __init__(self, caption: str, on_click: Callable[[], None] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet("#card { background:#ffffff; border:1px solid #c9d3df; border-radius:6px; }")
        layout = QVBoxLayout(self)
        self.value = QPushButton("—")
        self.value.setFlat(True)
        set_role(self.value, "big-number")
        if on_click:
            self.value.clicked.connect(on_click)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        self._on_click = on_click
        self._pointing = False
        if on_click:
            self.setToolTip(_("Bấm để mở danh sách"))

    def enterEvent(self, event) -> None:
        """The hand over the figure (and over the card that opens a page), given when the mouse first comes: the
        cursor's shape is an enum of Qt's namespace, which the window's first paint does not make (theme.py)."""
        if not self._pointing:
            from PySide6.QtCore import Qt
            self._pointing = True
            self.value.setCursor(Qt.CursorShape.PointingHandCursor)
            if self._on_click:
                self.setCursor(Qt.CursorShape.PointingHandCursor)
        super().enterEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        from PySide6.QtCore import Qt
        if self._on_click and event.button() == Qt.MouseButton.LeftButton:
            self._on_click()
        super().mouseReleaseEvent(event)

    def set_value(self, value: str | int, warn: bool = False) -> None:
        """A count is written as the language writes numbers (1.509 in Vietnamese); a text as it is."""
        self.value.setText(number(value) if isinstance(value, int) else value)
        set_tone(self.value, "bad" if warn else "")
