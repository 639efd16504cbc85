"""Repositories of tasks, their per-village assignments and progress notes; the task list's SQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from danvan_desktop.domain.task_query import OPEN_FILTER, TaskQuery
from danvan_desktop.domain.tasks import OPEN_STATUSES, ProgressNote, Task, TaskAssignment, TaskStatus
from danvan_desktop.domain.text import fold
from danvan_desktop.store.repository import Repository

_OPEN = "('not_started', 'in_progress')"


def _from_clause(query: TaskQuery) -> tuple[str, list[Any], str]:
    """FROM, its parameters, and the alias whose status and due date the filters read.

    Filtered to one village, the list is that village's share of each task: its own status (the
    village may have finished while others have not), found through the village's own index. Asked for
    its open work (overdue, open, not started, under way), the village's shares lead the join (CROSS JOIN
    fixes SQLite's order): a few hundred of its 16 000 shares are open, where walking every task by due
    date to find them took 0.5 s at 100 000 tasks.
    """
    if query.village_id:
        join = "CROSS JOIN" if _open_work(query) else "JOIN"
        return (f"task_assignments a {join} tasks t ON t.id = a.task_id",
                ["a.village_id = ?", "a.deleted = 0", "t.deleted = 0"], "a")
    return "tasks t", ["t.deleted = 0"], "t"


def _open_work(query: TaskQuery) -> bool:
    """The list is asked for open work only (overdue, open, not started, under way): a few thousand of
    100 000 tasks, found through their status rather than by walking every task in due order."""
    return query.overdue_only or query.status in (OPEN_FILTER, "overdue", *OPEN_STATUSES)


def where_clause(query: TaskQuery, today: dt.date) -> tuple[str, str, list[Any]]:
    """FROM and WHERE of the task list: every filter in SQL, on indexed columns where it matters."""
    source, parts, alias = _from_clause(query)
    params: list[Any] = [query.village_id] if query.village_id else []
    day = today.isoformat()
    status, due = f"{alias}.status", "t.due_date"
    if query.member_id:
        parts.append("(t.responsible_id = ? OR t.member_ids LIKE ?)")
        params += [query.member_id, f'%"{query.member_id}"%']
    if query.overdue_only or query.status == "overdue":
        parts.append(f"{status} IN {_OPEN} AND {due} < ?")
        params.append(day)
    elif query.status == OPEN_FILTER:
        parts.append(f"{status} IN {_OPEN}")
    elif query.status in OPEN_STATUSES:
        parts.append(f"{status} = ? AND {due} >= ?")
        params += [query.status, day]
    elif query.status:
        parts.append(f"{status} = ?")
        params.append(query.status)
    if query.category:
        parts.append("t.category = ?")
        params.append(query.category)
    if query.source_kind:
        parts.append("t.source_kind = ?")
        params.append(query.source_kind)
    if query.source_ref is not None:
        parts.append("t.source_ref = ?")
        params.append(query.source_ref)
    if query.period is not None:
        parts.append(f"{due} BETWEEN ? AND ?")
        params += [query.period.start.isoformat(), query.period.end.isoformat()]
    if query.due_from is not None:
        parts.append(f"{due} >= ?")
        params.append(query.due_from.isoformat())
    if query.due_to is not None:
        parts.append(f"{due} <= ?")
        params.append(query.due_to.isoformat())
    for word in fold(query.text).split():
        parts.append("t.search_text LIKE ?")
        params.append(f"%{word}%")
    return source, " AND ".join(parts), params


@dataclass
class ListedTask:
    """A row of the task list: the task and, when the list is one village's, that village's share."""

    task: Task
    share: TaskAssignment | None = None

    def status_on(self, on: dt.date) -> TaskStatus:
        if self.share is not None:
            return self.share.status_on(on, self.task.due_date)
        return self.task.status_on(on)


class TaskRepository(Repository[Task]):
    table = "tasks"
    record_type = Task
    label = "nhiệm vụ"
    search_fields = ("title", "details", "source_ref")
    order_by = "due_date, title"

    def __init__(self, db) -> None:
        super().__init__(db)
        self._cursors: dict = {}    # (query, offset) -> key of the row just before it, for paging on

    def listed(self, query: TaskQuery, today: dt.date, offset: int, limit: int) -> list[ListedTask]:
        source, where, params = where_clause(query, today)
        direction = "ASC" if query.oldest_first else "DESC"
        share_columns = (", a.id AS share_id, a.status AS share_status, a.done_on AS share_done_on"
                         if query.village_id else "")
        # A list scrolled to row 90 000 asks for the rows after the last ones it was given: resume from
        # that row's key (due date, rowid) instead of making SQLite step over `offset` rows again.
        key = (source, where, tuple(params), direction)
        if not offset:      # a list (re)loads from its first row: keys from an earlier load may be stale
            self._cursors = {k: v for k, v in self._cursors.items() if k[0] != key}
        resume = self._cursors.get((key, offset)) if offset else None
        if resume is not None:
            where += f" AND (t.due_date, t.rowid) {'>' if direction == 'ASC' else '<'} (?, ?)"
            params = [*params, *resume]
        # rowid breaks ties: every index ends with it, so the order can come straight from an index. Open work
        # only: `+` keeps SQLite off the due-date index (it walked every task by due date looking for the few
        # open ones, 30–120 ms) and on the status index, sorting the few thousand it finds (2–4 ms).
        due = "+t.due_date" if _open_work(query) and not query.village_id else "t.due_date"
        sql = (f"SELECT t.*, t.rowid AS list_rowid{share_columns} FROM {source} WHERE {where} "
               f"ORDER BY {due} {direction}, t.rowid {direction} "
               f"LIMIT {int(limit)}" + ("" if resume is not None else f" OFFSET {int(offset)}"))
        result = []
        last = None
        for row in self.db.conn.execute(sql, params):
            task = self.from_row(row)
            last = (row["due_date"], row["list_rowid"])
            share = None
            if query.village_id:
                share = TaskAssignment(id=row["share_id"], task_id=task.id, village_id=query.village_id,
                                       status=row["share_status"],
                                       done_on=dt.date.fromisoformat(row["share_done_on"])
                                       if row["share_done_on"] else None)
            result.append(ListedTask(task, share))
        if last is not None:
            if len(self._cursors) > 64:
                self._cursors.clear()
            self._cursors[(key, offset + len(result))] = last
        return result

    def page(self, query: TaskQuery, today: dt.date, offset: int, limit: int) -> list[Task]:
        return [row.task for row in self.listed(query, today, offset, limit)]

    def count_query(self, query: TaskQuery, today: dt.date) -> int:
        source, where, params = where_clause(query, today)
        return self.db.conn.execute(f"SELECT count(*) FROM {source} WHERE {where}", params).fetchone()[0]

    def of_series(self, series_id: str) -> list[Task]:
        return self.select("series_id = ?", (series_id,), order_by="due_date")

    def ongoing_count(self, start: dt.date, end: dt.date) -> int:
        """Tasks under way during [start, end] but due after it (not judged in this period)."""
        return self.count("start_date IS NOT NULL AND start_date <= ? AND due_date > ? AND status != 'cancelled' "
                          "AND (done_on IS NULL OR done_on >= ?)", (end.isoformat(), end.isoformat(),
                                                                    start.isoformat()))

    def relevant_to(self, start: dt.date, end: dt.date) -> list[Task]:
        """Tasks due in [start, end], and older ones still open (or done only after `start`)."""
        s, e = start.isoformat(), end.isoformat()
        return self.select(
            "(due_date BETWEEN ? AND ?) OR (due_date < ? AND status != 'cancelled' "
            "AND (done_on IS NULL OR done_on >= ?))", (s, e, s, s), order_by="due_date")


class AssignmentRepository(Repository[TaskAssignment]):
    table = "task_assignments"
    record_type = TaskAssignment
    label = "phần việc của thôn"
    order_by = "rowid"

    def of_task(self, task_id: str) -> list[TaskAssignment]:
        return self.select("task_id = ?", (task_id,))

    def of_tasks(self, task_ids: list[str]) -> dict[str, list[TaskAssignment]]:
        result: dict[str, list[TaskAssignment]] = {}
        for chunk_start in range(0, len(task_ids), 500):
            chunk = task_ids[chunk_start:chunk_start + 500]
            marks = ", ".join("?" for _ in chunk)
            for a in self.select(f"task_id IN ({marks})", chunk):
                result.setdefault(a.task_id, []).append(a)
        return result


class ProgressRepository(Repository[ProgressNote]):
    table = "task_progress"
    record_type = ProgressNote
    label = "kết quả thực hiện"
    order_by = "noted_on DESC, created_at DESC"

    def of_task(self, task_id: str) -> list[ProgressNote]:
        return self.select("task_id = ?", (task_id,))

    def between(self, start: dt.date, end: dt.date) -> list[ProgressNote]:
        return self.select("noted_on BETWEEN ? AND ?", (start.isoformat(), end.isoformat()),
                           order_by="noted_on, created_at")
