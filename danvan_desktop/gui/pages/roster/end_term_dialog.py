"""Ask for the date and decision that end a member's term; a mistake is said in the dialog, which stays open."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.members import BlocMember
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.gui.widgets.date_field import DateField
from danvan_desktop.gui.widgets.dialog_buttons import action_buttons
from danvan_desktop.gui.widgets.form_status import FormStatus

Submit = Callable[[dt.date, str], Any]


class EndTermDialog(QDialog):
    def __init__(self, member: BlocMember, today: dt.date, parent=None, submit: Submit | None = None) -> None:
        super().__init__(parent)
        self.submit = submit
        self.outcome: Any = None
        self.setWindowTitle(_("Kết thúc nhiệm kỳ"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Kết thúc nhiệm kỳ của đồng chí {name}.").format(name=member.full_name)))
        form = QFormLayout()
        self.date = DateField(optional=False)
        self.date.set_value(today)
        self.decision_edit = QLineEdit()
        self.decision_edit.setPlaceholderText(_("Ví dụ: Quyết định số 125-QĐ/ĐU"))
        form.addRow(_("Ngày kết thúc"), self.date)
        form.addRow(_("Số quyết định"), self.decision_edit)
        layout.addLayout(form)
        self.status = FormStatus()
        layout.addWidget(self.status)
        layout.addWidget(action_buttons(self, _("Kết thúc nhiệm kỳ")))
        self.decision_edit.setFocus()

    def accept(self) -> None:
        """Run the change; if the service refuses it, say why here and keep what was typed."""
        if self.submit is not None:
            try:
                self.outcome = self.submit(self.end_date(), self.decision())
            except RuleError as exc:
                self.status.error(str(exc))
                (self.decision_edit if exc.field_name == "end_decision" else self.date).setFocus()
                return
        super().accept()

    def end_date(self) -> dt.date:
        return self.date.value() or vietnam_today()

    def decision(self) -> str:
        return self.decision_edit.text()
