"""Repositories of tasks, their per-village assignments and progress notes; the task list's SQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

from danvan_desktop.domain.task_query import OPEN_FILTER, TaskQuery
from danvan_desktop.domain.tasks import OPEN_STATUSES, ProgressNote, Task, TaskAssignment
from danvan_desktop.domain.text import fold
from danvan_desktop.store.repository import Repository

_OPEN = "('not_started', 'in_progress')"


def where_clause(query: TaskQuery, today: dt.date) -> tuple[str, list[Any]]:
    """The WHERE of the task list (every filter in SQL, on indexed columns where it matters)."""
    parts: list[str] = ["t.deleted = 0"]
    params: list[Any] = []
    day = today.isoformat()
    if query.village_id:
        parts.append("EXISTS (SELECT 1 FROM task_assignments a WHERE a.task_id = t.id AND a.village_id = ? "
                     "AND a.deleted = 0)")
        params.append(query.village_id)
    if query.member_id:
        parts.append("(t.responsible_id = ? OR t.member_ids LIKE ?)")
        params += [query.member_id, f'%"{query.member_id}"%']
    if query.overdue_only or query.status == "overdue":
        parts.append(f"t.status IN {_OPEN} AND t.due_date < ?")
        params.append(day)
    elif query.status == OPEN_FILTER:
        parts.append(f"t.status IN {_OPEN}")
    elif query.status in OPEN_STATUSES:
        parts.append("t.status = ? AND t.due_date >= ?")
        params += [query.status, day]
    elif query.status:
        parts.append("t.status = ?")
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
        parts.append("t.due_date BETWEEN ? AND ?")
        params += [query.period.start.isoformat(), query.period.end.isoformat()]
    if query.due_from is not None:
        parts.append("t.due_date >= ?")
        params.append(query.due_from.isoformat())
    if query.due_to is not None:
        parts.append("t.due_date <= ?")
        params.append(query.due_to.isoformat())
    for word in fold(query.text).split():
        parts.append("t.search_text LIKE ?")
        params.append(f"%{word}%")
    return " AND ".join(parts), params


class TaskRepository(Repository[Task]):
    table = "tasks"
    record_type = Task
    label = "nhiệm vụ"
    search_fields = ("title", "details", "source_ref")
    order_by = "due_date, title"

    def page(self, query: TaskQuery, today: dt.date, offset: int, limit: int) -> list[Task]:
        where, params = where_clause(query, today)
        direction = "ASC" if query.oldest_first else "DESC"
        sql = (f"SELECT t.* FROM tasks t WHERE {where} ORDER BY t.due_date {direction}, t.id "
               f"LIMIT {int(limit)} OFFSET {int(offset)}")
        return [self.from_row(r) for r in self.db.conn.execute(sql, params)]

    def count_query(self, query: TaskQuery, today: dt.date) -> int:
        where, params = where_clause(query, today)
        return self.db.conn.execute(f"SELECT count(*) FROM tasks t WHERE {where}", params).fetchone()[0]

    def of_series(self, series_id: str) -> list[Task]:
        return self.select("series_id = ?", (series_id,), order_by="due_date")

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
