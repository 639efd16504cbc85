"""The form beside the task list: what the task is, who it is given to, by when, and its status."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPlainTextEdit,
)

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.members import BlocMember
from danvan_desktop.domain.tasks import CATEGORIES, PRIORITIES, SOURCES, STORED_STATUSES, Task, TaskStatus
from danvan_desktop.domain.unit import Village
from danvan_desktop.gui.widgets.checklist import checked_keys, fill_checklist, set_checked
from danvan_desktop.gui.widgets.date_field import DateField
from danvan_desktop.gui.widgets.record_form import RecordForm


def _checklist(height: int = 92) -> QListWidget:
    """A list of tick boxes laid out in columns, so twelve villages fit in a few lines."""
    widget = QListWidget()
    widget.setFlow(QListView.Flow.LeftToRight)
    widget.setWrapping(True)
    widget.setResizeMode(QListView.ResizeMode.Adjust)
    widget.setGridSize(QSize(168, 22))
    widget.setMaximumHeight(height)
    return widget


class TaskForm(RecordForm):
    """`status` is the task's status list here; the line under the form is `status_line`."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, margins=4)
        self._task: Task | None = None
        self._linked_ref: str | None = None     # a meeting's id, shown as the meeting's name
        self.source_resolver = lambda kind, ref: None
        form = self.rows
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title = QLineEdit()
        self.title.setPlaceholderText(_("Ví dụ: Vận động nhân dân hiến đất làm đường"))
        self.details = QPlainTextEdit()
        self.details.setMaximumHeight(46)
        self.category = QComboBox()
        for code, label in CATEGORIES:
            self.category.addItem(_(label), code)
        self.source_kind = QComboBox()
        for code, label in SOURCES:
            self.source_kind.addItem(_(label), code)
        self.source_ref = QLineEdit()
        self.source_ref.setPlaceholderText(_("Số văn bản, tên cuộc họp…"))
        self.villages = _checklist()
        self.members = _checklist()
        self.responsible = QComboBox()
        self.start_date = DateField(optional=True)
        self.due_date = DateField(optional=False)
        self.priority = QComboBox()
        for code, label in PRIORITIES:
            self.priority.addItem(_(label), code)
        self.status = QComboBox()
        for status in STORED_STATUSES:
            self.status.addItem(status.label, status.value)
        self.done_on = DateField(optional=False)
        self.recurring = QCheckBox(_("Lặp lại hằng tháng"))
        self.recurring.setToolTip(_("Mỗi tháng có một lần giao riêng, theo dõi riêng từng tháng"))
        self.repeat_until = DateField(optional=True)
        self.repeat_until.setToolTip(_("Để trống: lặp mãi cho đến khi hủy"))
        form.addRow(_("Tên nhiệm vụ"), self.title)
        form.addRow(_("Nội dung"), self.details)
        form.addRow(_("Lĩnh vực"), self.category)
        form.addRow(_("Nguồn giao"), self.source_kind)
        form.addRow(_("Số văn bản, cuộc họp"), self.source_ref)
        form.addRow(_("Giao cho thôn"), self.villages)
        form.addRow(_("Giao cho thành viên"), self.members)
        form.addRow(_("Người phụ trách"), self.responsible)
        form.addRow(_("Ngày bắt đầu"), self.start_date)
        form.addRow(_("Hạn hoàn thành"), self.due_date)
        form.addRow(_("Mức ưu tiên"), self.priority)
        form.addRow(_("Trạng thái"), self.status)
        self.done_label = QLabel(_("Ngày xong"))
        form.addRow(self.done_label, self.done_on)
        self.repeat_caption = QLabel(_("Định kỳ"))
        form.addRow(self.repeat_caption, self.recurring)
        self.repeat_label = QLabel(_("Lặp đến ngày"))
        form.addRow(self.repeat_label, self.repeat_until)
        save, new, delete = self.standard_buttons(_("Thêm mới"), default=True)
        self.finish(self.button_row(new, save, delete))
        self.enter_moves_on(self.title, self.source_ref)
        self.details.setTabChangesFocus(True)
        self.status.currentIndexChanged.connect(lambda _i: self._sync_done_field())
        # Combos may shrink with the form (1366×768 screens): their lists still show the whole text.
        for combo in (self.category, self.source_kind, self.responsible, self.priority, self.status):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        self.recurring.toggled.connect(lambda _c: self._sync_repeat())

    def set_choices(self, villages: list[Village], members: list[BlocMember]) -> None:
        fill_checklist(self.villages, [(v.id, v.label) for v in villages])
        fill_checklist(self.members, [(m.id, m.full_name) for m in members])
        self.responsible.clear()
        self.responsible.addItem(_("— chưa chọn —"), None)
        for m in members:
            self.responsible.addItem(m.full_name, m.id)

    def _sync_done_field(self) -> None:
        done = self.status.currentData() == TaskStatus.DONE.value
        self.done_on.setVisible(done)
        self.done_label.setVisible(done)

    def _sync_repeat(self) -> None:
        shown = self.recurring.isChecked() and self._task is None
        self.repeat_label.setVisible(shown)
        self.repeat_until.setVisible(shown)
        self.repeat_until.setEnabled(self.recurring.isEnabled())

    def load(self, task: Task | None, village_ids: list[str], today: dt.date) -> None:
        self._task = task
        t = task or Task(due_date=today + dt.timedelta(days=14), start_date=today)
        self.title.setText(t.title)
        self.title.setCursorPosition(0)
        linked = self.source_resolver(t.source_kind, t.source_ref) if t.source_ref else None
        self._linked_ref = t.source_ref if linked else None
        self.source_ref.setReadOnly(bool(linked))
        self.source_ref.setText(linked or t.source_ref)
        self.source_ref.setCursorPosition(0)
        self.source_kind.setEnabled(not linked)
        self.details.setPlainText(t.details)
        self.category.setCurrentIndex(max(0, self.category.findData(t.category)))
        self.source_kind.setCurrentIndex(max(0, self.source_kind.findData(t.source_kind)))
        set_checked(self.villages, village_ids)
        set_checked(self.members, t.member_ids)
        self.responsible.setCurrentIndex(max(0, self.responsible.findData(t.responsible_id))
                                         if t.responsible_id else 0)
        self.start_date.set_value(t.start_date)
        self.due_date.set_value(t.due_date)
        self.priority.setCurrentIndex(max(0, self.priority.findData(t.priority)))
        self.status.setCurrentIndex(max(0, self.status.findData(t.status)))
        self.done_on.set_value(t.done_on or today)
        # A recurring series is chosen when the task is given; each month is then its own task.
        self.recurring.setChecked(t.recurring)
        self.recurring.setEnabled(task is None)
        self.repeat_until.set_value(t.repeat_until)
        for widget in (self.repeat_caption, self.recurring):
            widget.setVisible(task is None or t.recurring)
        self._sync_repeat()
        self._sync_done_field()
        self.mark_loaded(task)

    def is_new(self) -> bool:
        return self._task is None

    def loaded(self) -> Task | None:
        return self._task

    def village_ids(self) -> list[str]:
        return checked_keys(self.villages)

    def wanted_status(self) -> tuple[str, dt.date | None]:
        status = self.status.currentData()
        return status, (self.done_on.value() if status == TaskStatus.DONE.value else None)

    def values(self) -> dict:
        """The fields as create_task takes them (without villages, status and recurrence)."""
        source_ref = self._linked_ref if self._linked_ref is not None else self.source_ref.text()
        return {"title": self.title.text(), "details": self.details.toPlainText(),
                "category": self.category.currentData(), "source_kind": self.source_kind.currentData(),
                "source_ref": source_ref, "member_ids": checked_keys(self.members),
                "responsible_id": self.responsible.currentData(), "start_date": self.start_date.value(),
                "due_date": self.due_date.value(), "priority": self.priority.currentData()}

    def task(self) -> Task:
        """The loaded task with the form's values (status is applied separately)."""
        assert self._task is not None
        return Task(**{**self._task.__dict__, **self.values()})
