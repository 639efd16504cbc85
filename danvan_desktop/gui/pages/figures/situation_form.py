"""The form beside the situation log: one note's date, village, topic, level, follow-up and resolution."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QPlainTextEdit

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.situation import Level, SituationNote, Topic
from danvan_desktop.gui.widgets.date_field import DateField
from danvan_desktop.gui.widgets.record_form import RecordForm


class SituationForm(RecordForm):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._note: SituationNote | None = None
        form = self.rows
        self.noted_on = DateField(optional=False)
        self.village = QComboBox()
        self.topic = QComboBox()
        for topic in Topic:
            self.topic.addItem(topic.label, topic.value)
        self.level = QComboBox()
        for level in Level:
            self.level.addItem(level.label, level.value)
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(_("Nội dung tình hình, dư luận, vụ việc…"))
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(120)
        self.source = QLineEdit()
        self.source.setPlaceholderText(_("Tổ dân vận thôn, họp dân, Công an xã…"))
        self.action = QPlainTextEdit()
        self.action.setPlaceholderText(_("Đã làm gì để giải quyết"))
        self.action.setTabChangesFocus(True)
        self.action.setMaximumHeight(90)
        self.follower = QLineEdit()
        self.follower.setPlaceholderText(_("Thành viên hoặc tổ chức theo dõi"))
        resolved_row = QHBoxLayout()
        self.resolved = QCheckBox(_("Đã giải quyết"))
        self.resolved_on = DateField(optional=False)
        resolved_row.addWidget(self.resolved)
        resolved_row.addWidget(self.resolved_on, 1)
        self.private = QCheckBox(_("Theo dõi riêng (không đưa vào tệp trao đổi)"))
        self.people = QLineEdit()
        self.people.setPlaceholderText(_("Họ tên người liên quan (thông tin cá nhân)"))
        form.addRow(_("Ngày ghi nhận"), self.noted_on)
        form.addRow(_("Thôn"), self.village)
        form.addRow(_("Lĩnh vực"), self.topic)
        form.addRow(_("Mức độ"), self.level)
        form.addRow(_("Nội dung"), self.summary)
        form.addRow(_("Nguồn tin"), self.source)
        form.addRow(_("Đã xử lý"), self.action)
        form.addRow(_("Người theo dõi"), self.follower)
        form.addRow("", resolved_row)
        form.addRow(_("Người liên quan"), self.people)
        form.addRow("", self.private)
        buttons = self.standard_buttons(_("Ghi chép mới (Ctrl+N)"), save_text=_("Lưu (Ctrl+S)"), tips=False)
        self.finish(self.button_row(*buttons), status_first=False)
        self.resolved.toggled.connect(self.resolved_on.setEnabled)

    def set_villages(self, villages: list[tuple[str, str]]) -> None:
        current = self.village.currentData()
        self.village.clear()
        self.village.addItem(_("Toàn xã"), None)
        for village_id, label in villages:
            self.village.addItem(label, village_id)
        index = self.village.findData(current)
        self.village.setCurrentIndex(max(index, 0))

    def load(self, note: SituationNote | None, today: dt.date) -> None:
        self._note = note
        note = note or SituationNote(noted_on=today)
        self.noted_on.set_value(note.noted_on or today)
        self.village.setCurrentIndex(max(self.village.findData(note.village_id), 0))
        self.topic.setCurrentIndex(max(self.topic.findData(note.topic), 0))
        self.level.setCurrentIndex(max(self.level.findData(note.level), 0))
        self.summary.setPlainText(note.summary)
        self.source.setText(note.source)
        self.action.setPlainText(note.action_taken)
        self.follower.setText(note.follower)
        self.resolved.setChecked(note.resolved)
        self.resolved_on.set_value(note.resolved_on or today)
        self.resolved_on.setEnabled(note.resolved)
        self.private.setChecked(note.private)
        self.people.setText(note.personal_people)
        self.mark_loaded(self._note)

    def is_new(self) -> bool:
        return self._note is None

    def note(self) -> SituationNote:
        base = self._note or SituationNote()
        values = dict(base.__dict__)
        values.update(noted_on=self.noted_on.value(), village_id=self.village.currentData(),
                      topic=self.topic.currentData(), level=self.level.currentData(),
                      summary=self.summary.toPlainText(), source=self.source.text(),
                      action_taken=self.action.toPlainText(), follower=self.follower.text(),
                      resolved=self.resolved.isChecked(),
                      resolved_on=self.resolved_on.value() if self.resolved.isChecked() else None,
                      private=self.private.isChecked(), personal_people=self.people.text())
        return SituationNote(**values)
