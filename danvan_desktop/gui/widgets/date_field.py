"""A date field that may be empty (a tick box beside it), typed as officers write dates.

The officer types "2/12", "02/12/2026", "2-12-26" (read by domain/date_input.py) or picks from the
calendar button; an impossible date (31/02) is refused with a message under the field, and `value()`
raises that RuleError, so a form never saves a date other than the one typed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from danvan_desktop.domain.date_input import parse_typed_date
from danvan_desktop.domain.formats import short_date
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.today import today as vietnam_today


class DateField(QWidget):
    changed = Signal()

    def __init__(self, optional: bool = True, parent=None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.enabled_box = QCheckBox()
        self.editor = QLineEdit()
        self.editor.setPlaceholderText(_("ngày/tháng/năm"))
        self.editor.setToolTip(_("Gõ ngày như 2/12, 02/12/2026 hoặc 2-12-26; hoặc bấm nút lịch."))
        self.calendar_button = QToolButton()
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(_("Chọn trên lịch"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)      # Tab goes from field to field
        self.calendar_button.clicked.connect(self._pick)
        row.addWidget(self.enabled_box)
        row.addWidget(self.editor, 1)
        row.addWidget(self.calendar_button)
        outer.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#b3261e;")
        self.message.hide()
        outer.addWidget(self.message)
        self._date: dt.date = vietnam_today()
        self.editor.setText(short_date(self._date))
        self.enabled_box.setVisible(optional)
        self.enabled_box.setChecked(not optional)
        self._set_active(not optional)
        self.enabled_box.toggled.connect(self._set_active)
        self.enabled_box.toggled.connect(lambda _checked: self.changed.emit())
        self.editor.textEdited.connect(self._on_edited)
        self.editor.editingFinished.connect(self._tidy)
        self.editor.returnPressed.connect(self._on_return)
        self.on_enter = None        # Enter moves to the next field, or does this (the form's last field saves)
        self.setFocusProxy(self.editor)

    # -- reading and writing ------------------------------------------------------------------
    def value(self) -> dt.date | None:
        """The typed date; None when the box is unticked; RuleError when the text is not a date."""
        if not self.enabled_box.isChecked():
            return None
        return parse_typed_date(self.editor.text(), vietnam_today())

    def set_value(self, value: dt.date | None) -> None:
        self.enabled_box.setChecked(value is not None)
        if value is not None:
            self._date = value
            self.editor.setText(short_date(value))
        self._show_error("")

    def error(self) -> str:
        """The message shown under the field ('' when the text is a date)."""
        return self.message.text() if not self.message.isHidden() else ""

    # -- behaviour ----------------------------------------------------------------------------
    def _set_active(self, active: bool) -> None:
        self.editor.setEnabled(active)
        self.calendar_button.setEnabled(active)
        if not active:
            self._show_error("")

    def _on_edited(self, _text: str) -> None:
        self._show_error("")
        self.changed.emit()

    def _tidy(self) -> None:
        """On leaving the field: '2/12' becomes '02/12/2026'; an impossible date is said, not changed."""
        if not self.enabled_box.isChecked():
            return
        try:
            day = parse_typed_date(self.editor.text(), vietnam_today())
        except RuleError as exc:
            self._show_error(str(exc))
            return
        self._date = day
        self._show_error("")
        if self.editor.text() != short_date(day):
            self.editor.setText(short_date(day))
            self.changed.emit()

    def _on_return(self) -> None:
        self._tidy()
        if self.error():
            return                  # stay on a date that is not one
        if self.on_enter is not None:
            self.on_enter()
        else:
            self.editor.focusNextChild()

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _pick(self) -> None:
        calendar = QCalendarWidget()
        try:
            current = parse_typed_date(self.editor.text(), vietnam_today())
        except RuleError:
            current = self._date
        calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)

        def chosen(q: QDate) -> None:
            self.set_value(dt.date(q.year(), q.month(), q.day()))
            self.changed.emit()
            menu.close()
        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        menu.exec(self.editor.mapToGlobal(QPoint(0, self.editor.height())))
