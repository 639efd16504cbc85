"""Tasks: give work to villages and members, track it per village, record progress, recur monthly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.records import RuleError, new_id
from danvan_desktop.domain.task_query import TaskQuery
from danvan_desktop.domain.tasks import (
    OPEN_STATUSES,
    ProgressNote,
    Task,
    TaskAssignment,
    TaskStatus,
    add_months,
    monthly_dates,
    rollup,
)
from danvan_desktop.domain.text import fold
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.services.tasks.summary import TaskPeriodSummary, summarise
from danvan_desktop.store.database import Database
from danvan_desktop.store.members import MemberRepository
from danvan_desktop.store.tasks import AssignmentRepository, ListedTask, ProgressRepository, TaskRepository
from danvan_desktop.store.villages import VillageRepository


@dataclass
class VillageTracking:
    """One village's share of a task as it stands today, with its own progress notes."""

    village_id: str
    village_name: str
    status: TaskStatus
    done_on: dt.date | None
    notes: list[ProgressNote] = field(default_factory=list)


class TaskService:
    def __init__(self, db: Database, today=vietnam_today) -> None:
        self.db = db
        self.today = today
        self.tasks = TaskRepository(db)
        self.assignments = AssignmentRepository(db)
        self.notes = ProgressRepository(db)
        self.villages = VillageRepository(db)
        self.members = MemberRepository(db)

    # -- reading ----------------------------------------------------------------------------
    def get(self, task_id: str) -> Task:
        return self.tasks.get(task_id)

    def page(self, query: TaskQuery, offset: int, limit: int) -> list[Task]:
        return self.tasks.page(query, self.today(), offset, limit)

    def listed(self, query: TaskQuery, offset: int, limit: int) -> list[ListedTask]:
        """A page of the list; filtered to a village, each row carries that village's own share."""
        return self.tasks.listed(query, self.today(), offset, limit)

    def count(self, query: TaskQuery) -> int:
        return self.tasks.count_query(query, self.today())

    def tasks_from_source(self, source_kind: str, source_ref: str) -> list[Task]:
        """Every task born of one meeting (its id) or one document (its number), by due date."""
        return self.tasks.page(TaskQuery(source_kind=source_kind, source_ref=source_ref), self.today(), 0, 100_000)

    def village_ids(self, task_id: str) -> list[str]:
        return [a.village_id for a in self.assignments.of_task(task_id)]

    def village_names(self) -> dict[str, str]:
        return {v.id: v.label for v in self.villages.all(include_deleted=True)}

    def member_names(self) -> dict[str, str]:
        return {m.id: m.full_name for m in self.members.all(include_deleted=True)}

    def progress(self, task_id: str) -> list[ProgressNote]:
        """Every progress note of a task, newest first."""
        return self.notes.of_task(task_id)

    def tracking(self, task_id: str) -> list[VillageTracking]:
        """Per village: status today, completion date and the village's notes."""
        task = self.tasks.get(task_id)
        names = self.village_names()
        notes = self.notes.of_task(task_id)
        today = self.today()
        result = []
        for a in self.assignments.of_task(task_id):
            result.append(VillageTracking(a.village_id, names.get(a.village_id, "?"),
                                          a.status_on(today, task.due_date), a.done_on,
                                          [n for n in notes if n.village_id == a.village_id]))
        return sorted(result, key=lambda t: fold(t.village_name))

    def series(self, task: Task) -> list[Task]:
        return self.tasks.of_series(task.series_id) if task.series_id else [task]

    # -- writing tasks ----------------------------------------------------------------------
    def _check_refs(self, village_ids: Iterable[str], member_ids: Iterable[str], responsible_id: str | None) -> None:
        villages = {v.id for v in self.villages.all()}
        for vid in village_ids:
            if vid not in villages:
                raise RuleError(_("Thôn được giao không có trong danh sách."), "village_ids")
        members = {m.id for m in self.members.all()}
        for mid in list(member_ids) + ([responsible_id] if responsible_id else []):
            if mid not in members:
                raise RuleError(_("Thành viên được giao không có trong danh sách khối."), "member_ids")

    def create_task(self, *, title: str, details: str = "", category: str = "other", source_kind: str = "adhoc",
                    source_ref: str = "", village_ids: Iterable[str] = (), member_ids: Iterable[str] = (),
                    responsible_id: str | None = None, start_date: dt.date | None = None,
                    due_date: dt.date | None, priority: str = "normal", recurring_monthly: bool = False,
                    repeat_until: dt.date | None = None) -> Task:
        """Give a task; a monthly one gets its occurrences up to next month (or `repeat_until`).

        Returns the first (or only) occurrence.
        """
        village_ids = list(dict.fromkeys(village_ids))
        member_ids = list(dict.fromkeys(member_ids))
        task = Task(title=title, details=details, category=category, source_kind=source_kind,
                    source_ref=source_ref, member_ids=member_ids, responsible_id=responsible_id or None,
                    start_date=start_date, due_date=due_date, priority=priority)
        task.validate(has_assignees=bool(village_ids or member_ids))
        if recurring_monthly:
            assert task.due_date is not None
            if repeat_until is not None and repeat_until < task.due_date:
                raise RuleError(_("Ngày kết thúc lặp lại trước hạn của lần đầu."), "repeat_until")
            task.series_id = task.id
            task.repeat_until = repeat_until
            task.occurrence = Period.containing(task.due_date).code
        with self.db.transaction():
            self._check_refs(village_ids, member_ids, task.responsible_id)
            self._insert_with_villages(task, village_ids)
            if recurring_monthly:
                self._extend_series(task, village_ids)
        return task

    def _insert_with_villages(self, task: Task, village_ids: list[str]) -> None:
        task.village_count = len(village_ids)
        task.villages_done = 0
        self.tasks.insert(task)
        for vid in village_ids:
            self.assignments.insert(TaskAssignment(task_id=task.id, village_id=vid, status=task.status,
                                                   done_on=task.done_on))

    def _horizon(self, latest: Task) -> dt.date:
        """How far a series is filled: through next month, never past its end."""
        today = self.today()
        horizon = add_months(today.replace(day=1), 2) - dt.timedelta(days=1)
        return min(horizon, latest.repeat_until) if latest.repeat_until else horizon

    def _extend_series(self, latest: Task, village_ids: list[str], after: Task | None = None) -> list[Task]:
        """Add the months missing after `after` (default `latest`), copying `latest` (edits carry forward)."""
        anchor = after or latest
        assert anchor.due_date is not None
        dates = monthly_dates(anchor.start_date, anchor.due_date, self._horizon(latest))[1:]
        created = []
        for start, due in dates:
            occurrence = replace(latest, id=new_id(), start_date=start, due_date=due, created_at="",
                                 status=TaskStatus.NOT_STARTED.value, done_on=None, deleted=False,
                                 occurrence=Period.containing(due).code)
            self._insert_with_villages(occurrence, village_ids)
            created.append(occurrence)
        return created

    def extend_recurring(self) -> int:
        """Make sure every monthly series has its occurrences through next month.

        The last month ever made (even if deleted since) is where a series continues from, so a month
        the officer deleted does not come back; a cancelled last month ends the series.
        """
        rows = self.db.conn.execute(
            "SELECT t.* FROM tasks t JOIN (SELECT series_id, max(due_date) AS last FROM tasks "
            "WHERE series_id IS NOT NULL GROUP BY series_id) s "
            "ON t.series_id = s.series_id AND t.due_date = s.last").fetchall()
        anchors = {row["series_id"]: self.tasks.from_row(row) for row in rows}
        created = 0
        for series_id, anchor in anchors.items():
            if anchor.due_date is None or (anchor.status == TaskStatus.CANCELLED.value and not anchor.deleted):
                continue
            template = anchor
            if anchor.deleted:
                live = self.tasks.select("series_id = ?", (series_id,), order_by="due_date DESC", limit=1)
                if not live:
                    continue          # the whole series was deleted
                template = live[0]
            if add_months(anchor.due_date, 1, anchor.due_date.day) > self._horizon(template):
                continue
            with self.db.transaction():
                created += len(self._extend_series(template, self.village_ids(template.id), after=anchor))
        return created

    def save_task(self, task: Task, village_ids: Iterable[str]) -> Task:
        """Save a new or edited task (one occurrence) with its villages; removed villages are dropped."""
        village_ids = list(dict.fromkeys(village_ids))
        task.validate(has_assignees=bool(village_ids or task.member_ids))
        with self.db.transaction():
            self._check_refs(village_ids, task.member_ids, task.responsible_id)
            if self.tasks.find(task.id) is None:
                self._insert_with_villages(task, village_ids)
                return task
            current = {a.village_id: a for a in self.assignments.select(
                "task_id = ?", (task.id,), include_deleted=True)}
            for vid, a in current.items():
                if vid not in village_ids and not a.deleted:
                    self.assignments.soft_delete(a.id)
            for vid in village_ids:
                a = current.get(vid)
                if a is None:
                    self.assignments.insert(TaskAssignment(task_id=task.id, village_id=vid))
                elif a.deleted:
                    self.assignments.restore(a.id)
            # With villages, the status is theirs (changed through set_status); without, the form's.
            return self._sync(task, explicit=not village_ids)

    def _sync(self, task: Task, *, explicit: bool = False) -> Task:
        """Recount the villages; a task given to villages takes the status its villages add up to."""
        live = self.assignments.of_task(task.id)
        task.village_count = len(live)
        task.villages_done = sum(1 for a in live if a.status == TaskStatus.DONE.value)
        if live and not explicit:
            task.status, task.done_on = rollup(live)
        return self.tasks.update(task)

    def set_status(self, task_id: str, status: str, *, done_on: dt.date | None = None,
                   village_id: str | None = None) -> Task:
        """Set the status of one village's share (village_id) or of the whole task and all its villages."""
        if status not in {s.value for s in TaskStatus} or status == TaskStatus.OVERDUE.value:
            raise RuleError(_("Trạng thái nhiệm vụ không hợp lệ."), "status")
        today = self.today()
        if status == TaskStatus.DONE.value:
            done_on = done_on or today
            if done_on > today:
                raise RuleError(_("Ngày hoàn thành không được ở tương lai."), "done_on")
        else:
            done_on = None
        with self.db.transaction():
            task = self.tasks.get(task_id, include_deleted=False)
            live = self.assignments.of_task(task_id)
            targets = [a for a in live if a.village_id == village_id] if village_id else live
            if village_id and not targets:
                raise RuleError(_("Nhiệm vụ này không giao cho thôn đã chọn."), "village_id")
            for a in targets:
                a.status, a.done_on = status, done_on
                self.assignments.update(a)
            if not live:
                task.status, task.done_on = status, done_on
                return self._sync(task, explicit=True)
            if village_id is None:
                task.status, task.done_on = status, done_on
                return self._sync(task, explicit=status in (TaskStatus.PAUSED.value, TaskStatus.CANCELLED.value))
            return self._sync(task)

    def mark_done(self, task_id: str, *, village_id: str | None = None, on: dt.date | None = None) -> Task:
        return self.set_status(task_id, TaskStatus.DONE.value, done_on=on, village_id=village_id)

    def delete(self, task_id: str) -> Task:
        return self.tasks.soft_delete(task_id)

    def restore(self, task_id: str) -> Task:
        return self.tasks.restore(task_id)

    # -- progress ---------------------------------------------------------------------------
    def add_progress(self, task_id: str, *, noted_on: dt.date, result: str = "",
                     figures: dict[str, float] | None = None, village_id: str = "", highlight: bool = False,
                     reported_by: str = "") -> ProgressNote:
        """Record a result; the village's (or task's) work counts as started from then on."""
        note = ProgressNote(task_id=task_id, village_id=village_id or "", noted_on=noted_on, result=result,
                            figures=dict(figures or {}), highlight=highlight, reported_by=reported_by)
        note.validate(self.today())
        with self.db.transaction():
            task = self.tasks.get(task_id, include_deleted=False)
            live = self.assignments.of_task(task_id)
            if note.village_id and note.village_id not in {a.village_id for a in live}:
                raise RuleError(_("Nhiệm vụ này không giao cho thôn đã chọn."), "village_id")
            self.notes.insert(note)
            started = TaskStatus.IN_PROGRESS.value
            if note.village_id:
                for a in live:
                    if a.village_id == note.village_id and a.status == TaskStatus.NOT_STARTED.value:
                        a.status = started
                        self.assignments.update(a)
                self._sync(task)
            elif task.status == TaskStatus.NOT_STARTED.value:
                for a in live:
                    if a.status == TaskStatus.NOT_STARTED.value:
                        a.status = started
                        self.assignments.update(a)
                task.status = started
                self._sync(task, explicit=not live)
        return note

    def delete_progress(self, note_id: str) -> ProgressNote:
        return self.notes.soft_delete(note_id)

    def restore_progress(self, note_id: str) -> ProgressNote:
        return self.notes.restore(note_id)

    # -- summaries (see services/tasks/summary.py) -------------------------------------------
    def period_summary(self, period: Period) -> TaskPeriodSummary:
        return summarise(self, period)

    def open_statuses(self) -> tuple[str, ...]:
        return OPEN_STATUSES
