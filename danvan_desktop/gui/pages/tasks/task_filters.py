"""The filter bar above the task list: search, overdue only, village, member, status, category, deadline."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.members import BlocMember
from danvan_desktop.domain.periods import Period, PeriodKind
from danvan_desktop.domain.task_query import OPEN_FILTER, TaskQuery
from danvan_desktop.domain.tasks import CATEGORIES, STORED_STATUSES, TaskStatus
from danvan_desktop.domain.unit import Village
from danvan_desktop.gui.widgets.fit import compact_combo
from danvan_desktop.gui.widgets.flow_layout import FlowLayout

PERIOD_CHOICES = (
    ("", N_("Mọi thời hạn")),
    ("next7", N_("Đến hạn trong 7 ngày tới")),
    ("this_month", N_("Hạn trong tháng này")),
    ("last_month", N_("Hạn trong tháng trước")),
    ("this_quarter", N_("Hạn trong quý này")),
    ("this_year", N_("Hạn trong năm nay")),
    ("last_year", N_("Hạn trong năm trước")),
)


class TaskFilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        row1 = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Tìm theo tên nhiệm vụ, nội dung, số văn bản… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.overdue_only = QCheckBox(_("Chỉ việc quá hạn"))
        self.count_label = QLabel()
        row1.addWidget(self.search, 1)
        row1.addWidget(self.overdue_only)
        row1.addWidget(self.count_label)
        row2 = FlowLayout()          # the five lists wrap onto a second line when the window is narrow
        self.village_filter = QComboBox()
        self.member_filter = QComboBox()
        self.status_filter = QComboBox()
        self.status_filter.addItem(_("Mọi trạng thái"), None)
        self.status_filter.addItem(_("Chưa hoàn thành"), OPEN_FILTER)
        self.status_filter.addItem(TaskStatus.OVERDUE.label, TaskStatus.OVERDUE.value)
        for status in STORED_STATUSES:
            self.status_filter.addItem(status.label, status.value)
        self.status_filter.setCurrentIndex(1)
        self.category_filter = QComboBox()
        self.category_filter.addItem(_("Mọi lĩnh vực"), None)
        for code, label in CATEGORIES:
            self.category_filter.addItem(_(label), code)
        self.period_filter = QComboBox()
        for code, label in PERIOD_CHOICES:
            self.period_filter.addItem(_(label), code)
        for combo in self.combos():
            compact_combo(combo, 16)
            row2.addWidget(combo)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        # Typing waits for a pause before asking the database (a search at 100 000 tasks reads them all).
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.overdue_only.toggled.connect(lambda _c: self.changed.emit())
        box.addLayout(row1)
        box.addLayout(row2)

    def combos(self) -> tuple[QComboBox, ...]:
        return (self.village_filter, self.member_filter, self.status_filter, self.category_filter,
                self.period_filter)

    def set_choices(self, villages: list[Village], members: list[BlocMember]) -> None:
        """Refill the village and member lists, keeping what was chosen; says nothing (no reload)."""
        for combo, first, items in (
                (self.village_filter, _("Mọi thôn"), [(v.id, v.label) for v in villages]),
                (self.member_filter, _("Mọi thành viên"), [(m.id, m.full_name) for m in members])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for key, text in items:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
            combo.blockSignals(False)

    def query(self, today: dt.date) -> TaskQuery:
        period, due_from, due_to, status = None, None, None, self.status_filter.currentData()
        choice = self.period_filter.currentData()
        if choice == "next7":
            due_from, due_to = today, today + dt.timedelta(days=7)
            status = status or OPEN_FILTER
        elif choice:
            this_month = Period.containing(today)
            period = {"this_month": this_month, "last_month": this_month.previous(),
                      "this_quarter": Period.containing(today, PeriodKind.QUARTER),
                      "this_year": Period.containing(today, PeriodKind.YEAR),
                      "last_year": Period.containing(today, PeriodKind.YEAR).previous()}[choice]
        return TaskQuery(village_id=self.village_filter.currentData(), member_id=self.member_filter.currentData(),
                         status=status, category=self.category_filter.currentData(), period=period,
                         overdue_only=self.overdue_only.isChecked(), text=self.search.text(),
                         due_from=due_from, due_to=due_to)

    def apply(self, *, overdue: bool = False, village_id: str | None = None, member_id: str | None = None,
              status: str | None = None, category: str | None = None, period: str = "", due_soon: bool = False,
              text: str = "") -> None:
        """Set exactly these filters, the others back to "all", without emitting `changed`."""
        widgets = (*self.combos(), self.search, self.overdue_only)
        for w in widgets:
            w.blockSignals(True)
        self.village_filter.setCurrentIndex(max(0, self.village_filter.findData(village_id)) if village_id else 0)
        self.member_filter.setCurrentIndex(max(0, self.member_filter.findData(member_id)) if member_id else 0)
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(status)) if status else 0)
        self.category_filter.setCurrentIndex(max(0, self.category_filter.findData(category)) if category else 0)
        self.period_filter.setCurrentIndex(max(0, self.period_filter.findData("next7" if due_soon else period)))
        self.search.setText(text)
        self.overdue_only.setChecked(overdue)
        for w in widgets:
            w.blockSignals(False)
