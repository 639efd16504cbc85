"""The form of one plan item: field, content, the member in charge, villages, months, expected result;
read-only once the plan is approved, except for recording that the item is done."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QListWidget, QPlainTextEdit, QWidget

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.yearwork import PLAN_FIELDS, PlanItem
from danvan_desktop.gui.widgets.checklist import checked_keys, fill_checklist, set_checked
from danvan_desktop.gui.widgets.date_field import DateField
from danvan_desktop.gui.widgets.record_form import RecordForm


class PlanItemForm(RecordForm):
    done_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._item: PlanItem | None = None
        form = self.rows
        self.field = QComboBox()
        for code, name, _cat in PLAN_FIELDS:
            self.field.addItem(_(name), code)
        self.content = QPlainTextEdit()
        self.content.setMaximumHeight(70)
        self.owner = QComboBox()
        self.villages = QListWidget()
        self.villages.setMaximumHeight(90)
        self.months: list[QCheckBox] = []
        grid = QGridLayout()
        for m in range(1, 13):
            box = QCheckBox(str(m))
            self.months.append(box)
            grid.addWidget(box, (m - 1) // 6, (m - 1) % 6)
        months = QWidget()
        months.setLayout(grid)
        self.expected = QPlainTextEdit()
        self.expected.setMaximumHeight(55)
        form.addRow(_("Lĩnh vực"), self.field)
        form.addRow(_("Nội dung công việc"), self.content)
        form.addRow(_("Người phụ trách"), self.owner)
        form.addRow(_("Thôn (bỏ trống: toàn xã)"), self.villages)
        form.addRow(_("Tháng thực hiện"), months)
        form.addRow(_("Kết quả cần đạt"), self.expected)
        self.done_on = DateField()
        self.result = QPlainTextEdit()
        self.result.setMaximumHeight(50)
        form.addRow(_("Ngày hoàn thành"), self.done_on)
        form.addRow(_("Kết quả đạt được"), self.result)
        buttons = QGridLayout()
        self.done_button = self.action_button(_("Ghi kết quả thực hiện"), self.done_requested)
        shown = (*self.standard_buttons(_("Thêm nội dung"), save_text=_("Lưu nội dung"), tips=False),
                 self.done_button)
        for index, button in enumerate(shown):
            buttons.addWidget(button, index // 2, index % 2)
        self.finish(buttons, status_first=False)

    def set_choices(self, members: list[tuple[str, str]], villages: list[tuple[str, str]]) -> None:
        self.owner.clear()
        for member_id, name in members:
            self.owner.addItem(name, member_id)
        fill_checklist(self.villages, villages)

    def load(self, item: PlanItem | None, plan_id: str, locked: bool) -> None:
        self._item = item or PlanItem(plan_id=plan_id)
        i = self._item
        self.field.setCurrentIndex(max(self.field.findData(i.field), 0))
        self.content.setPlainText(i.content)
        index = self.owner.findData(i.owner_id)
        self.owner.setCurrentIndex(index if index >= 0 else (0 if self.owner.count() else -1))
        set_checked(self.villages, i.village_ids)
        for m, box in enumerate(self.months, start=1):
            box.setChecked(m in i.months)
        self.expected.setPlainText(i.expected_result)
        self.done_on.set_value(i.done_on)
        self.result.setPlainText(i.result)
        for widget in (self.field, self.content, self.owner, self.villages, self.expected, *self.months):
            widget.setEnabled(not locked)
        self.mark_loaded(item)
        self.save_button.setEnabled(not locked)
        self.new_button.setEnabled(not locked)
        self.delete_button.setEnabled(not locked and item is not None)
        self.done_button.setEnabled(locked and item is not None)
        self.done_on.setEnabled(locked and item is not None)
        self.result.setEnabled(locked and item is not None)

    def item(self) -> PlanItem:
        i = self._item or PlanItem()
        i.field = self.field.currentData() or "other"
        i.content = self.content.toPlainText()
        i.owner_id = self.owner.currentData() or ""
        i.village_ids = checked_keys(self.villages)
        i.months = [m for m, box in enumerate(self.months, start=1) if box.isChecked()]
        i.expected_result = self.expected.toPlainText()
        return i

    def execution(self) -> tuple[dt.date | None, str]:
        return self.done_on.value(), self.result.toPlainText()
