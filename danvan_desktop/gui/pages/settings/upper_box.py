"""Cài đặt at the upper level: the upper body's own settings — the communes' due rule and how its
consolidated report is headed, signed, approved and sent (never the communes' rules or posts)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox

from danvan_desktop.domain.due_rule import DueRule
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.upper import settings


class UpperSettingsBox(QGroupBox):
    saved = Signal()

    def __init__(self, services: AppServices, parent=None) -> None:
        super().__init__(_("Hạn nộp của các xã và báo cáo tổng hợp"), parent)
        self.services = services
        form = QFormLayout(self)
        self.window_start = QSpinBox()
        self.window_start.setRange(1, 28)
        self.due_day = QSpinBox()
        self.due_day.setRange(1, 28)
        for box in (self.window_start, self.due_day):
            box.setMaximumWidth(120)
        self.rule_text = FormStatus()
        self.issuing_body = QLineEdit()
        self.issuing_body.setPlaceholderText(_("Ví dụ: BAN TUYÊN GIÁO VÀ DÂN VẬN"))
        self.place = QLineEdit()
        self.authority = QLineEdit()
        self.authority.setPlaceholderText(_("Ví dụ: K/T TRƯỞNG BAN (để trống nếu Trưởng ban ký)"))
        self.post = QLineEdit()
        self.signer = QLineEdit()
        self.approvers = QPlainTextEdit()
        self.approvers.setPlaceholderText(_("Mỗi dòng một người được duyệt báo cáo tổng hợp"))
        self.recipients = QPlainTextEdit()
        self.recipients.setPlaceholderText(_("Mỗi dòng một nơi nhận; dòng cuối «Lưu …»"))
        for box in (self.approvers, self.recipients):
            box.setTabChangesFocus(True)
            box.setMaximumHeight(90)
        form.addRow(_("Kỳ tháng bắt đầu từ ngày"), self.window_start)
        form.addRow(_("Hạn nộp: ngày (sau khi hết kỳ)"), self.due_day)
        form.addRow("", self.rule_text)
        form.addRow(_("Tên cơ quan trên đầu văn bản"), self.issuing_body)
        form.addRow(_("Địa danh ghi ngày tháng"), self.place)
        form.addRow(_("Thẩm quyền ký"), self.authority)
        form.addRow(_("Chức vụ người ký"), self.post)
        form.addRow(_("Người ký"), self.signer)
        form.addRow(_("Người được duyệt"), self.approvers)
        form.addRow(_("Nơi nhận"), self.recipients)
        self.save_button = QPushButton(_("Lưu cài đặt của cơ quan"))
        form.addRow(self.save_button)
        self.status = FormStatus()
        form.addRow(self.status)
        self.save_button.clicked.connect(lambda _c=False: self.save())
        for box in (self.window_start, self.due_day):
            box.valueChanged.connect(lambda _v: self._describe())

    def _describe(self) -> None:
        self.rule_text.ok(DueRule(self.due_day.value(), self.window_start.value()).describe())

    def refresh(self) -> None:
        rule = settings.due_rule(self.services.db)
        self.window_start.setValue(rule.window_start)
        self.due_day.setValue(rule.due_day)
        self._describe()
        values = settings.load(self.services.db)
        self.issuing_body.setText(values.issuing_body)
        self.place.setText(values.place)
        self.authority.setText(values.authority)
        self.post.setText(values.post)
        self.signer.setText(values.name)
        self.approvers.setPlainText("\n".join(values.approvers))
        self.recipients.setPlainText("\n".join(values.recipients))

    def save(self) -> bool:
        db = self.services.db
        try:
            with db.transaction():
                settings.save_due_rule(db, DueRule(self.due_day.value(), self.window_start.value()))
                settings.save(db, settings.UpperDefaults(
                    authority=self.authority.text(), post=self.post.text(), name=self.signer.text(),
                    approvers=self.approvers.toPlainText().splitlines(),
                    recipients=self.recipients.toPlainText().splitlines(), place=self.place.text(),
                    issuing_body=self.issuing_body.text()))
        except RuleError as exc:
            self.status.error(str(exc))
            return False
        self.refresh()
        self.status.ok(_("Đã lưu cài đặt của cơ quan; báo cáo tổng hợp lập sau sẽ dùng các giá trị này."))
        self.saved.emit()
        return True
