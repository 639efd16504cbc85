"""Tasks given to village teams and bloc members: categories, sources, statuses, progress notes.

A task's stored status is what the officer set (or, for a task given to villages, what its
villages add up to). "Quá hạn" is never stored: it is derived from the due date and the day one
looks from, so the same task reads "đang thực hiện" on its due date and "quá hạn" the day after,
and a report for October judges it as it stood on 31 October.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.labels import LabelledEnum
from danvan_desktop.domain.records import Record, RuleError
from danvan_desktop.domain.text import clean, clean_multiline


class TaskStatus(LabelledEnum):
    NOT_STARTED = "not_started", N_("Chưa bắt đầu")
    IN_PROGRESS = "in_progress", N_("Đang thực hiện")
    DONE = "done", N_("Hoàn thành")
    PAUSED = "paused", N_("Tạm dừng")
    CANCELLED = "cancelled", N_("Đã hủy")
    OVERDUE = "overdue", N_("Quá hạn")      # derived only; never stored


STORED_STATUSES = (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.DONE, TaskStatus.PAUSED,
                   TaskStatus.CANCELLED)
OPEN_STATUSES = (TaskStatus.NOT_STARTED.value, TaskStatus.IN_PROGRESS.value)

CATEGORIES: tuple[tuple[str, str], ...] = (
    ("propaganda", N_("Tuyên truyền")),
    ("mobilisation", N_("Vận động")),
    ("situation", N_("Nắm tình hình nhân dân")),
    ("mediation", N_("Hòa giải")),
    ("new_rural", N_("Nông thôn mới")),
    ("poverty", N_("Giảm nghèo")),
    ("security", N_("An ninh trật tự")),
    ("other", N_("Khác")),
)
SOURCES: tuple[tuple[str, str], ...] = (
    ("meeting", N_("Kết luận cuộc họp")),
    ("directive", N_("Văn bản cấp trên")),
    ("plan", N_("Kế hoạch năm")),
    ("adhoc", N_("Đột xuất")),
)
PRIORITIES: tuple[tuple[str, str], ...] = (
    ("low", N_("Thấp")),
    ("normal", N_("Bình thường")),
    ("high", N_("Cao")),
    ("urgent", N_("Khẩn")),
)
# Figures a progress note may carry; the report sums them by code.
FIGURES: tuple[tuple[str, str], ...] = (
    ("households", N_("Số hộ được vận động")),
    ("sessions", N_("Số buổi tuyên truyền")),
    ("attendees", N_("Số lượt người tham dự")),
    ("mediations", N_("Số vụ hòa giải thành")),
    ("land_m2", N_("Diện tích đất hiến (m²)")),
    ("money_k", N_("Kinh phí vận động (nghìn đồng)")),
)
MAX_OCCURRENCES = 60


def label_of(table: tuple[tuple[str, str], ...], code: str) -> str:
    """The translated label of a code in one of the tables above (the code itself if unknown)."""
    for key, text in table:
        if key == code:
            return _(text)
    return code


def derived_status(stored: str, due_date: dt.date | None, on: dt.date, done_on: dt.date | None = None) -> TaskStatus:
    """What the task is on day `on`: done counts only if done by then; open and past due is overdue.

    A task due on day D is overdue from D+1: "quá hạn" means the whole due day has passed.
    """
    if done_on is not None and done_on <= on:
        return TaskStatus.DONE
    status = TaskStatus(stored)
    if status is TaskStatus.DONE:
        # Done after `on`: as it stood then, it was still open.
        status = TaskStatus.IN_PROGRESS
    if status.value in OPEN_STATUSES and due_date is not None and due_date < on:
        return TaskStatus.OVERDUE
    return status


def add_months(day: dt.date, months: int, day_of_month: int | None = None) -> dt.date:
    """The same day `months` later, clamped to the month's end (31 Jan + 1 month → 28/29 Feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    wanted = day_of_month or day.day
    return dt.date(year, month + 1, min(wanted, calendar.monthrange(year, month + 1)[1]))


def monthly_dates(start: dt.date | None, due: dt.date, until: dt.date) -> list[tuple[dt.date | None, dt.date]]:
    """(start, due) of each monthly occurrence from the first due date through `until`.

    Both days of the month are kept (31 → the end of shorter months): 01–25/10 gives 01–25/11 …
    """
    if until < due:
        return [(start, due)]
    result: list[tuple[dt.date | None, dt.date]] = []
    k = 0
    while len(result) < MAX_OCCURRENCES:
        occ_due = add_months(due, k, due.day)
        if occ_due > until:
            break
        occ_start = min(add_months(start, k, start.day), occ_due) if start else None
        result.append((occ_start, occ_due))
        k += 1
    return result


@dataclass
class Task(Record):
    title: str = ""
    details: str = ""
    category: str = "other"
    source_kind: str = "adhoc"
    source_ref: str = ""            # a meeting id, or an upper-level document number
    member_ids: list[str] = field(default_factory=list)
    responsible_id: str | None = None
    start_date: dt.date | None = None
    due_date: dt.date | None = None
    priority: str = "normal"
    status: str = TaskStatus.NOT_STARTED.value
    done_on: dt.date | None = None
    series_id: str | None = None    # the first occurrence's id, shared by every month of a recurring task
    occurrence: str = ""            # '2026-10' for a monthly occurrence; '' for a one-off task
    repeat_until: dt.date | None = None  # last day a recurring series may fall due; None: open-ended
    village_count: int = 0          # how many villages it was given to (kept for the list)
    villages_done: int = 0

    @property
    def recurring(self) -> bool:
        return self.series_id is not None

    def status_on(self, on: dt.date) -> TaskStatus:
        return derived_status(self.status, self.due_date, on, self.done_on)

    def is_overdue(self, on: dt.date) -> bool:
        return self.status_on(on) is TaskStatus.OVERDUE

    def validate(self, *, has_assignees: bool) -> None:
        self.title = clean(self.title)
        self.details = clean_multiline(self.details)
        self.source_ref = clean(self.source_ref)
        if not self.title:
            raise RuleError(_("Tên nhiệm vụ không được để trống."), "title")
        if self.category not in {c for c, _label in CATEGORIES}:
            raise RuleError(_("Lĩnh vực nhiệm vụ không hợp lệ."), "category")
        if self.source_kind not in {s for s, _label in SOURCES}:
            raise RuleError(_("Nguồn giao nhiệm vụ không hợp lệ."), "source_kind")
        if self.priority not in {p for p, _label in PRIORITIES}:
            raise RuleError(_("Mức ưu tiên không hợp lệ."), "priority")
        if self.status not in {s.value for s in STORED_STATUSES}:
            raise RuleError(_("Trạng thái nhiệm vụ không hợp lệ."), "status")
        if self.due_date is None:
            raise RuleError(_("Hãy nhập hạn hoàn thành."), "due_date")
        if self.start_date and self.due_date < self.start_date:
            raise RuleError(_("Hạn hoàn thành ({due}) trước ngày bắt đầu ({start}).").format(
                due=self.due_date.strftime("%d/%m/%Y"), start=self.start_date.strftime("%d/%m/%Y")), "due_date")
        if not has_assignees:
            raise RuleError(_("Nhiệm vụ chưa giao cho ai: hãy chọn ít nhất một thôn hoặc một thành viên."),
                            "village_ids")
        if self.status == TaskStatus.DONE.value and self.done_on is None:
            raise RuleError(_("Hãy nhập ngày hoàn thành."), "done_on")
        if self.status != TaskStatus.DONE.value:
            self.done_on = None


@dataclass
class TaskAssignment(Record):
    """One village's share of a task: its own status and completion date."""

    task_id: str = ""
    village_id: str = ""
    status: str = TaskStatus.NOT_STARTED.value
    done_on: dt.date | None = None

    def status_on(self, on: dt.date, due_date: dt.date | None) -> TaskStatus:
        return derived_status(self.status, due_date, on, self.done_on)


@dataclass
class ProgressNote(Record):
    """A dated result: what was done, by which village (or '' for the whole task), with optional figures."""

    task_id: str = ""
    village_id: str = ""
    noted_on: dt.date | None = None
    result: str = ""
    figures: dict[str, float] = field(default_factory=dict)
    reported_by: str = ""
    highlight: bool = False         # worth quoting in the report

    def validate(self, today: dt.date) -> None:
        self.result = clean_multiline(self.result)
        if self.noted_on is None:
            raise RuleError(_("Hãy nhập ngày của kết quả."), "noted_on")
        if self.noted_on > today:
            raise RuleError(_("Ngày {date} còn ở tương lai; kết quả chỉ ghi cho việc đã làm.").format(
                date=self.noted_on.strftime("%d/%m/%Y")), "noted_on")
        if not self.result and not self.figures:
            raise RuleError(_("Hãy ghi kết quả hoặc ít nhất một số liệu."), "result")
        known = {code for code, _label in FIGURES}
        cleaned: dict[str, float] = {}
        for code, value in (self.figures or {}).items():
            if code not in known:
                raise RuleError(_("Số liệu «{code}» không có trong danh mục.").format(code=code), "figures")
            if value is None or value == "":
                continue
            try:
                number = float(value)
            except (TypeError, ValueError):
                raise RuleError(_("Số liệu «{name}» phải là một số.").format(name=label_of(FIGURES, code)),
                                "figures") from None
            if number < 0:
                raise RuleError(_("Số liệu «{name}» không được âm.").format(name=label_of(FIGURES, code)),
                                "figures")
            cleaned[code] = int(number) if number.is_integer() else number
        self.figures = cleaned


def status_at_end_of(stored: str, due_date: dt.date | None, done_on: dt.date | None, day: dt.date) -> TaskStatus:
    """The status as it stood when `day` ended: done only if done by then, overdue if due by then."""
    done = done_on if done_on is not None and done_on <= day else None
    return derived_status(stored, due_date, day + dt.timedelta(days=1), done)


def rollup(assignments: list[TaskAssignment]) -> tuple[str, dt.date | None]:
    """The task's status from its villages: all done (or cancelled) → done on the last day; any started → in progress."""
    live = [a for a in assignments if not a.deleted and a.status != TaskStatus.CANCELLED.value]
    if not live:
        return TaskStatus.CANCELLED.value, None
    if all(a.status == TaskStatus.DONE.value for a in live):
        return TaskStatus.DONE.value, max((a.done_on for a in live if a.done_on), default=None)
    if any(a.status in (TaskStatus.DONE.value, TaskStatus.IN_PROGRESS.value) for a in live):
        return TaskStatus.IN_PROGRESS.value, None
    if all(a.status == TaskStatus.PAUSED.value for a in live):
        return TaskStatus.PAUSED.value, None
    return TaskStatus.NOT_STARTED.value, None
