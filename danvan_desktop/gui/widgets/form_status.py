"""The line under a form that says what was saved or what to fix, instead of a dialog in the way."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


class FormStatus(QLabel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        # room for two lines kept: a message appearing or going does not make the form jump
        self.setMinimumHeight(2 * self.fontMetrics().lineSpacing())
        self.clear_status()

    def error(self, text: str) -> None:
        self.setStyleSheet("color:#b3261e; font-weight:bold;")
        self.setText(text)

    def ok(self, text: str) -> None:
        self.setStyleSheet("color:#1e6b35;")
        self.setText(text)

    def clear_status(self) -> None:
        self.setStyleSheet("")
        self.setText("")

    def is_error(self) -> bool:
        return "b3261e" in self.styleSheet()
