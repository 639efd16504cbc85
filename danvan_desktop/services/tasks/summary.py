"""What the tasks add up to for a period (for the report) and for today (for the dashboard)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Protocol

from danvan_desktop.domain.collation import vi_key
from danvan_desktop.domain.formats import number
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.tasks import (
    CATEGORIES,
    FIGURES,
    TaskStatus,
    derived_status,
    label_of,
    status_at_end_of,
)


class TaskData(Protocol):
    """What the summaries read: the task service's repositories and its day (no import of the service)."""

    db: Any
    tasks: Any
    assignments: Any
    notes: Any

    def today(self) -> dt.date: ...

    def village_names(self) -> dict[str, str]: ...

MAX_NOTABLE = 12


@dataclass
class VillageTaskCounts:
    village_id: str
    village_name: str
    total: int = 0
    done: int = 0
    overdue: int = 0


@dataclass
class CategoryCounts:
    code: str
    label: str
    total: int = 0
    done: int = 0


@dataclass
class FigureTotal:
    code: str
    label: str
    total: float = 0


@dataclass
class NotableNote:
    noted_on: dt.date
    village_id: str
    village_name: str          # '' when the note is about the whole task
    task_title: str
    result: str
    figures: dict[str, float] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """One sentence for a report: 'Thôn Đông Hòa: họp dân, 12 hộ đồng ý (số hộ được vận động: 12)'."""
        body = self.result.rstrip(". ") or self.task_title
        if self.figures:
            shown = "; ".join(f"{label.lower()}: {number(self.figures[code])}"
                              for code, label in ((c, label_of(FIGURES, c)) for c, _l in FIGURES)
                              if code in self.figures)
            body = f"{body} ({shown})"
        return _("{village}: {text}").format(village=self.village_name, text=body) if self.village_name else body


@dataclass
class TaskPeriodSummary:
    """The tasks of a period as they stood at its end (or today, while it runs)."""

    period: Period
    as_of: dt.date
    total: int = 0                  # due in the period, or carried over still open into it
    done: int = 0
    done_late: int = 0              # of `done`, finished after the due date
    overdue: int = 0
    open: int = 0                   # not started or in progress, not yet due
    paused: int = 0
    cancelled: int = 0
    ongoing: int = 0                # started, due after the period: under way, not judged yet
    completion_rate: float | None = None   # done / (total − cancelled); None when nothing was due
    by_village: list[VillageTaskCounts] = field(default_factory=list)
    by_category: list[CategoryCounts] = field(default_factory=list)
    figures: list[FigureTotal] = field(default_factory=list)   # sums of progress figures noted in the period
    notable: list[NotableNote] = field(default_factory=list)

    def figure(self, code: str) -> float:
        return next((f.total for f in self.figures if f.code == code), 0)


def _status(stored: str, due: dt.date | None, done_on: dt.date | None, as_of: dt.date, closed: bool) -> TaskStatus:
    if closed:
        return status_at_end_of(stored, due, done_on, as_of)
    return derived_status(stored, due, as_of, done_on)


def summarise(service: TaskData, period: Period) -> TaskPeriodSummary:
    today = service.today()
    closed = today > period.end
    as_of = period.end if closed else today
    summary = TaskPeriodSummary(period=period, as_of=as_of)
    if period.start > today:
        return summary
    tasks = [t for t in service.tasks.relevant_to(period.start, period.end)
             if t.created_at and t.due_date is not None]
    # A task carried over counts only if it was still open when the period began.
    tasks = [t for t in tasks if t.due_date >= period.start or not (t.done_on and t.done_on < period.start)]
    names = service.village_names()
    assignments = service.assignments.of_tasks([t.id for t in tasks])
    villages: dict[str, VillageTaskCounts] = {}
    categories: dict[str, CategoryCounts] = {c: CategoryCounts(c, label_of(CATEGORIES, c)) for c, _l in CATEGORIES}
    counts: Counter[TaskStatus] = Counter()
    for task in tasks:
        status = _status(task.status, task.due_date, task.done_on, as_of, closed)
        counts[status] += 1
        cat = categories.setdefault(task.category, CategoryCounts(task.category, task.category))
        cat.total += 1
        if status is TaskStatus.DONE:
            cat.done += 1
            if task.done_on and task.due_date and task.done_on > task.due_date:
                summary.done_late += 1
        for a in assignments.get(task.id, []):
            v_status = _status(a.status, task.due_date, a.done_on, as_of, closed)
            if v_status is TaskStatus.CANCELLED:
                continue
            counts_v = villages.setdefault(a.village_id, VillageTaskCounts(a.village_id, names.get(a.village_id, "?")))
            counts_v.total += 1
            counts_v.done += v_status is TaskStatus.DONE
            counts_v.overdue += v_status is TaskStatus.OVERDUE
    summary.total = len(tasks)
    summary.done = counts[TaskStatus.DONE]
    summary.overdue = counts[TaskStatus.OVERDUE]
    summary.open = counts[TaskStatus.NOT_STARTED] + counts[TaskStatus.IN_PROGRESS]
    summary.paused = counts[TaskStatus.PAUSED]
    summary.cancelled = counts[TaskStatus.CANCELLED]
    denominator = summary.total - summary.cancelled
    summary.completion_rate = summary.done / denominator if denominator else None
    summary.by_village = sorted(villages.values(), key=lambda v: vi_key(v.village_name))
    summary.by_category = [c for c in categories.values() if c.total]
    summary.ongoing = service.tasks.ongoing_count(period.start, as_of)
    _add_notes(service, summary, names)
    return summary


def _add_notes(service: TaskData, summary: TaskPeriodSummary, names: dict[str, str]) -> None:
    notes = service.notes.between(summary.period.start, summary.as_of)
    live_tasks = {}
    for chunk in range(0, len(notes), 500):
        ids = list({n.task_id for n in notes[chunk:chunk + 500]})
        marks = ", ".join("?" for _ in ids)
        for t in service.tasks.select(f"id IN ({marks})", ids):
            live_tasks[t.id] = t
    totals = {code: FigureTotal(code, label_of(FIGURES, code)) for code, _l in FIGURES}
    notable: list[tuple[int, dt.date, NotableNote]] = []
    for note in notes:
        task = live_tasks.get(note.task_id)
        if task is None:
            continue   # the note of a deleted task does not count
        for code, value in (note.figures or {}).items():
            totals.setdefault(code, FigureTotal(code, label_of(FIGURES, code))).total += value
        if note.highlight or note.figures:
            item = NotableNote(note.noted_on, note.village_id, names.get(note.village_id, ""), task.title,
                               note.result, dict(note.figures or {}))
            notable.append((0 if note.highlight else 1, note.noted_on, item))
    summary.figures = [f for f in totals.values() if f.total]
    # Highlighted notes first, then those with figures; newest first within each.
    notable.sort(key=lambda x: (x[0], -x[1].toordinal()))
    summary.notable = [n for _rank, _day, n in notable[:MAX_NOTABLE]]
