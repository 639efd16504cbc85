"""Conclusions become tasks in one step: the task is pre-filled from the conclusion's words, then tracked.

Pre-filling reads the conclusion as an officer would: the villages it names (or every village
when it speaks of "các thôn" / "tổ dân vận"), the organisation it names (its head in the bloc is
responsible), the field ("tuyên truyền", "hòa giải" …), and the due date its words state ("trước
20/12" → 20/12 of the right year, `domain/due_dates`), else the end of the month (before the next
monthly briefing). The task can be edited afterwards on the task page; the conclusion keeps its id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from danvan_desktop.domain.due_dates import default_due, due_from_text
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.meetings import Conclusion, Meeting
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.tasks import Task, TaskStatus
from danvan_desktop.domain.text import fold
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.services.meetings.service import MeetingService
from danvan_desktop.services.tasks.service import TaskService
from danvan_desktop.store.database import Database

TITLE_MAX = 160

# Words in a conclusion → the task's field (checked in this order).
CATEGORY_WORDS = (
    ("mediation", ("hoa giai",)),
    ("security", ("an ninh", "trat tu", "cong an")),
    ("poverty", ("giam ngheo", "ho ngheo", "can ngheo")),
    ("new_rural", ("nong thon moi", "duong", "rac thai", "moi truong", "ve sinh")),
    ("situation", ("nam tinh hinh", "nam chac tinh hinh", "du luan", "tu tuong")),
    ("propaganda", ("tuyen truyen", "pho bien")),
    ("mobilisation", ("van dong",)),
)
# Words naming an organisation → the post of its head in the bloc.
POST_WORDS = (
    ("ct_lhpn", ("hoi lhpn", "hoi lien hiep phu nu", "phu nu")),
    ("ct_nd", ("hoi nong dan",)),
    ("ct_ccb", ("cuu chien binh",)),
    ("bt_doan", ("doan thanh nien", "doan tncs")),
    ("tr_ca", ("cong an",)),
    ("cht_qs", ("quan su",)),
    ("ct_mttq", ("mttq", "mat tran")),
    ("pct_ubnd", ("uy ban nhan dan", "ubnd")),
    ("pct_hdnd", ("hdnd", "hoi dong nhan dan")),
)
ALL_VILLAGES_WORDS = ("cac thon", "to dan van", "cac to", "cac khu pho", "toan xa")


@dataclass
class TaskDraft:
    title: str
    details: str
    category: str
    village_ids: list[str] = field(default_factory=list)
    member_ids: list[str] = field(default_factory=list)
    responsible_id: str | None = None
    start_date: dt.date | None = None
    due_date: dt.date | None = None


@dataclass
class ConclusionTask:
    conclusion: Conclusion
    task: Task | None

    def state(self, today: dt.date) -> str:
        """'chưa giao' / 'Đang thực hiện · hạn 10/12/2026' / 'Quá hạn · hạn …'."""
        if self.task is None:
            return _("chưa giao") if not self.conclusion.task_id else _("nhiệm vụ đã bị xóa")
        status = self.task.status_on(today)
        due = self.task.due_date.strftime("%d/%m/%Y") if self.task.due_date else ""
        return _("{status} · hạn {due}").format(status=status.label, due=due) if due else status.label


class MeetingTaskService:
    def __init__(self, db: Database, meetings: MeetingService, tasks: TaskService, today=vietnam_today) -> None:
        self.db, self.meetings, self.tasks, self.today = db, meetings, tasks, today

    def draft(self, conclusion_id: str) -> TaskDraft:
        conclusion = self.meetings.conclusions_repo.get(conclusion_id)
        meeting = self.meetings.get(conclusion.meeting_id)
        words = fold(conclusion.text)
        villages = self.tasks.villages.all()
        village_ids = [v.id for v in villages if fold(v.name) and f" {fold(v.name)}" in f" {words}"]
        if not village_ids and any(w in words for w in ALL_VILLAGES_WORDS):
            village_ids = [v.id for v in villages]
        day = meeting.meeting_date or self.today()
        current = self.meetings.members.current(day)
        responsible = None
        for post, keys in POST_WORDS:
            if any(k in words for k in keys):
                responsible = next((m.id for m in current if m.post_code == post), None)
                if responsible:
                    break
        member_ids = [responsible] if responsible else []
        if not village_ids and not member_ids:
            # Nobody named: the bloc's officer follows it up (the minute-taker, else the chair).
            fallback = meeting.secretary_id or meeting.chair_id
            member_ids = [fallback] if fallback else []
            responsible = fallback or None
        category = next((code for code, keys in CATEGORY_WORDS if any(k in words for k in keys)), "other")
        title = conclusion.text if len(conclusion.text) <= TITLE_MAX else conclusion.text[:TITLE_MAX - 1] + "…"
        details = _("Kết luận của {meeting} ngày {date}: {text}").format(
            meeting=meeting.display_name(), date=day.strftime("%d/%m/%Y"), text=conclusion.text)
        return TaskDraft(title=title, details=details, category=category, village_ids=village_ids,
                         member_ids=member_ids, responsible_id=responsible, start_date=day,
                         due_date=due_from_text(conclusion.text, day) or default_due(day))

    def give_task(self, conclusion_id: str, **changes) -> Task:
        """Create the task from the conclusion (pre-filled; `changes` override any field) and link it."""
        conclusion = self.meetings.conclusions_repo.get(conclusion_id)
        if conclusion.task_id and self.tasks.tasks.find(conclusion.task_id) is not None:
            raise RuleError(_("Kết luận này đã được giao thành nhiệm vụ."))
        draft = self.draft(conclusion_id)
        for key, value in changes.items():
            if not hasattr(draft, key):
                raise RuleError(_("Không có trường «{key}».").format(key=key))
            setattr(draft, key, value)
        meeting: Meeting = self.meetings.get(conclusion.meeting_id)
        with self.db.transaction():
            task = self.tasks.create_task(title=draft.title, details=draft.details, category=draft.category,
                                          source_kind="meeting", source_ref=meeting.id,
                                          village_ids=draft.village_ids, member_ids=draft.member_ids,
                                          responsible_id=draft.responsible_id, start_date=draft.start_date,
                                          due_date=draft.due_date, priority="normal", recurring_monthly=False)
            self.meetings.link_task(conclusion_id, task.id)
        return task

    def progress(self, meeting_id: str) -> list[ConclusionTask]:
        result = []
        for conclusion in self.meetings.conclusions(meeting_id):
            task = self.tasks.tasks.find(conclusion.task_id) if conclusion.task_id else None
            if task is not None and task.deleted:
                task = None
            result.append(ConclusionTask(conclusion, task))
        return result

    def summary(self, meeting_id: str) -> str:
        """'Nhiệm vụ từ cuộc họp: 2/5 hoàn thành, 1 quá hạn, 1 chưa giao' (empty when nothing concluded)."""
        rows = self.progress(meeting_id)
        if not rows:
            return ""
        today = self.today()
        given = [r for r in rows if r.task is not None]
        done = sum(1 for r in given if r.task.status_on(today) is TaskStatus.DONE)
        late = sum(1 for r in given if r.task.status_on(today) is TaskStatus.OVERDUE)
        text = _("Nhiệm vụ từ cuộc họp: {done}/{given} hoàn thành").format(done=done, given=len(given))
        if late:
            text += _(", {n} quá hạn").format(n=late)
        if len(rows) > len(given):
            text += _(", {n} kết luận chưa giao").format(n=len(rows) - len(given))
        return text
