"""A date field that may be empty (a tick box beside a dd/MM/yyyy date editor)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget


class DateField(QWidget):
    changed = Signal()

    def __init__(self, optional: bool = True, parent=None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled_box = QCheckBox()
        self.editor = QDateEdit()
        self.editor.setDisplayFormat("dd/MM/yyyy")
        self.editor.setCalendarPopup(True)
        self.editor.setDate(QDate.currentDate())
        layout.addWidget(self.enabled_box)
        layout.addWidget(self.editor, 1)
        self.enabled_box.setVisible(optional)
        self.enabled_box.setChecked(not optional)
        self.editor.setEnabled(not optional)
        self.enabled_box.toggled.connect(self.editor.setEnabled)
        self.enabled_box.toggled.connect(lambda _checked: self.changed.emit())
        self.editor.dateChanged.connect(lambda _d: self.changed.emit())
        self.setFocusProxy(self.editor)

    def value(self) -> dt.date | None:
        if not self.enabled_box.isChecked():
            return None
        q = self.editor.date()
        return dt.date(q.year(), q.month(), q.day())

    def set_value(self, value: dt.date | None) -> None:
        self.enabled_box.setChecked(value is not None)
        if value is not None:
            self.editor.setDate(QDate(value.year, value.month, value.day))
