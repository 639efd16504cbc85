"""The dashboard's task figures for today and a period's task counts, as SQL aggregates on indexes (flat in the
number of tasks).

The rule of what a task *is* on a day stays in domain/tasks.py `derived_status`: SQL groups the tasks by
their stored status and whether they were done by today, and each group is judged by that rule here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from danvan_desktop.domain.collation import vi_key
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.tasks import OPEN_STATUSES, TaskStatus, derived_status, status_at_end_of
from danvan_desktop.services.tasks.summary import TaskData, VillageTaskCounts

_OPEN = tuple(OPEN_STATUSES)


@dataclass
class DashboardFigures:
    overdue_by_village: list[VillageTaskCounts]   # villages with overdue work, most first
    overdue_total: int                            # tasks overdue today
    due_soon: int                                 # open tasks due today … in 7 days
    month_rate: float | None                      # this month's completion rate
    month_done: int
    month_total: int


def _marks(values: tuple[str, ...]) -> str:
    return ", ".join("?" for _v in values)


def overdue_by_village(service: TaskData, today: dt.date) -> list[VillageTaskCounts]:
    """A village's share is overdue when it is open and its task's due day has passed. A village's open
    share keeps its task open (the task's status is its villages' roll-up), so the open tasks past due
    (index tasks_status_due) lead to their villages (index task_assignments_task)."""
    rows = service.db.conn.execute(
        f"SELECT a.village_id, count(*) FROM tasks t JOIN task_assignments a ON a.task_id = t.id AND a.deleted = 0 "
        f"WHERE t.deleted = 0 AND t.status IN ({_marks(_OPEN)}) AND t.due_date < ? "
        f"AND a.status IN ({_marks(_OPEN)}) GROUP BY a.village_id",
        (*_OPEN, today.isoformat(), *_OPEN)).fetchall()
    names = service.village_names()
    found = [VillageTaskCounts(r[0], names.get(r[0], "?"), overdue=r[1]) for r in rows]
    found.sort(key=lambda v: (-v.overdue, vi_key(v.village_name)))
    return found


def open_count(service: TaskData, first: dt.date | None, last: dt.date) -> int:
    """Open tasks due from `first` (None: any day before) through `last` (index tasks_status_due)."""
    return service.db.conn.execute(
        f"SELECT count(*) FROM tasks WHERE deleted = 0 AND status IN ({_marks(_OPEN)}) "
        "AND due_date BETWEEN ? AND ?", (*_OPEN, first.isoformat() if first else "", last.isoformat())).fetchone()[0]


def period_counts(db: Any, period: Period, today: dt.date) -> tuple[int, int, int]:
    """(total, done, cancelled) of a period's tasks as summarise() counts them, on the day it ended (or
    today while it runs): due in the period, or due before it and still open when it began. Four index
    ranges: due in the period (tasks_due), older and not finished (tasks_status_due), older and finished
    since the period began or with no done day (tasks_status_done)."""
    if period.start > today:
        return 0, 0, 0
    closed = today > period.end
    as_of = period.end if closed else today
    rows = db.conn.execute(
        "SELECT status, done, count(*) FROM ("
        " SELECT status, done_on IS NOT NULL AND done_on <= :day AS done FROM tasks"
        "  WHERE deleted = 0 AND due_date BETWEEN :start AND :end"
        " UNION ALL SELECT status, done_on IS NOT NULL AND done_on <= :day FROM tasks"
        "  WHERE deleted = 0 AND status IN ('not_started', 'in_progress', 'paused') AND due_date < :start"
        " UNION ALL SELECT status, done_on IS NOT NULL AND done_on <= :day FROM tasks"
        "  WHERE deleted = 0 AND status = 'done' AND done_on >= :start AND due_date < :start"
        " UNION ALL SELECT status, 0 FROM tasks"
        "  WHERE deleted = 0 AND status = 'done' AND done_on IS NULL AND due_date < :start"
        ") GROUP BY status, done",
        {"day": as_of.isoformat(), "start": period.start.isoformat(), "end": period.end.isoformat()}).fetchall()
    total = done = cancelled = 0
    for stored, done_by_then, count in rows:
        # the due day does not change done or cancelled, so each group is judged without one
        done_on = as_of if done_by_then else None
        status = (status_at_end_of(stored, None, done_on, as_of) if closed
                  else derived_status(stored, None, as_of, done_on))
        total += count
        done += count if status is TaskStatus.DONE else 0
        cancelled += count if status is TaskStatus.CANCELLED else 0
    return total, done, cancelled


def dashboard(service: TaskData, days: int = 7) -> DashboardFigures:
    today = service.today()
    by_village = overdue_by_village(service, today)
    overdue = open_count(service, None, today - dt.timedelta(days=1))
    soon = open_count(service, today, today + dt.timedelta(days=days))
    total, done, cancelled = period_counts(service.db, Period.containing(today), today)
    counted = total - cancelled
    return DashboardFigures(by_village, overdue, soon, done / counted if counted else None, done, counted)
