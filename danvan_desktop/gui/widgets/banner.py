"""A coloured banner that lists warnings (rule breaches) above a page; hidden when there are none."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

STYLES = {
    "warning": "background:#fff4e5; border:1px solid #f0a030; border-radius:4px;",
    "info": "background:#e8f1fb; border:1px solid #7aa7d9; border-radius:4px;",
    "ok": "background:#e9f6ec; border:1px solid #69b37a; border-radius:4px;",
}


class Banner(QFrame):
    action_clicked = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self._text = QVBoxLayout()
        self.title = QLabel()
        self.title.setWordWrap(True)        # a long message wraps; it never widens the page
        self.title.setStyleSheet("font-weight:bold; border:none; background:transparent;")
        self.body = QLabel()
        self.body.setWordWrap(True)
        # (flags by name: a banner is built before the first paint, which makes no enum of Qt's namespace, theme.py)
        self.body.setProperty("textInteractionFlags", "TextSelectableByMouse")
        self.body.setStyleSheet("border:none; background:transparent;")
        self._text.addWidget(self.title)
        self._text.addWidget(self.body)
        layout.addLayout(self._text, 1)
        self.button = QPushButton()
        self.button.hide()
        self.button.clicked.connect(self.action_clicked)
        side = QVBoxLayout()           # the button at the top of the banner
        side.addWidget(self.button)
        side.addStretch(1)
        layout.addLayout(side)
        self.kind = ""
        self.hide()

    def show_messages(self, title: str, messages: list[str], kind: str = "warning") -> None:
        if not messages:
            self.hide()
            return
        self.kind = kind
        self.setStyleSheet(f"#banner {{{STYLES[kind]}}}")
        self.title.setText(title)
        self.body.setText("\n".join(f"• {m}" for m in messages))
        self.body.setVisible(True)      # a one-line show_text before may have hidden it
        self.button.hide()
        self.show()

    def show_text(self, text: str, kind: str = "info", action: str | None = None) -> None:
        self.kind = kind
        self.setStyleSheet(f"#banner {{{STYLES[kind]}}}")
        self.title.setText(text)
        self.body.setText("")
        self.body.setVisible(False)
        self.button.setVisible(bool(action))
        if action:
            self.button.setText(action)
        self.show()

    def messages(self) -> list[str]:
        return [line[2:] for line in self.body.text().splitlines() if line.startswith("• ")]
