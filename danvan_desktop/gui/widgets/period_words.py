"""A period typed as a code ('2026-11', '2026-Q4') shown beside in the words officers write:
'tháng 11 năm 2026', 'quý IV năm 2026' (Period.label, the one place those words are made)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.records import RuleError


def period_words(code: str) -> str:
    try:
        return Period.parse(code.strip()).label() if code.strip() else ""
    except (RuleError, ValueError):
        return ""


class PeriodWords(QWidget):
    """The line edit with its words under it ('' while the code is not a period)."""

    def __init__(self, edit: QLineEdit, parent=None) -> None:
        super().__init__(parent)
        self.edit = edit
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(edit)
        self.words = QLabel()
        self.words.setStyleSheet("color:#1f4e79;")
        layout.addWidget(self.words)
        edit.textChanged.connect(self._update)
        self._update(edit.text())

    def _update(self, text: str) -> None:
        words = period_words(text)
        self.words.setText(words)
        self.words.setVisible(bool(words))
