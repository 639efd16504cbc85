"""Task rules without a database: overdue at day and period boundaries, monthly dates, progress checks."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.tasks import (
    ProgressNote,
    Task,
    TaskAssignment,
    TaskStatus,
    add_months,
    derived_status,
    monthly_dates,
    rollup,
    status_at_end_of,
)

D = dt.date


def test_a_task_is_overdue_the_day_after_its_due_day_not_on_it():
    assert derived_status("in_progress", D(2026, 10, 31), D(2026, 10, 31)) is TaskStatus.IN_PROGRESS
    assert derived_status("in_progress", D(2026, 10, 31), D(2026, 11, 1)) is TaskStatus.OVERDUE
    assert derived_status("not_started", D(2026, 10, 31), D(2026, 11, 1)) is TaskStatus.OVERDUE
    # Paused, cancelled and done work is never overdue.
    for stored in ("paused", "cancelled"):
        assert derived_status(stored, D(2026, 1, 1), D(2026, 11, 1)).value == stored
    assert derived_status("done", D(2026, 1, 1), D(2026, 11, 1), D(2026, 3, 1)) is TaskStatus.DONE


def test_period_boundary_judges_the_task_as_it_stood_when_the_period_ended():
    due, end_of_october = D(2026, 10, 31), D(2026, 10, 31)
    # Finished on 1 November: at the end of October it was overdue, and it is done now.
    assert status_at_end_of("done", due, D(2026, 11, 1), end_of_october) is TaskStatus.OVERDUE
    assert status_at_end_of("done", due, D(2026, 10, 31), end_of_october) is TaskStatus.DONE
    # Due on the first day of November: October's end does not make it overdue.
    assert status_at_end_of("in_progress", D(2026, 11, 1), None, end_of_october) is TaskStatus.IN_PROGRESS


def test_add_months_clamps_to_the_end_of_short_months():
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2026, 1, 31), 2, 31) == D(2026, 3, 31)
    assert add_months(D(2026, 12, 15), 1) == D(2027, 1, 15)


def test_monthly_dates_give_one_occurrence_per_month_keeping_the_days():
    dates = monthly_dates(D(2026, 1, 1), D(2026, 1, 31), D(2026, 6, 30))
    assert [due for _s, due in dates] == [D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31), D(2026, 4, 30),
                                         D(2026, 5, 31), D(2026, 6, 30)]
    assert [s for s, _d in dates][:3] == [D(2026, 1, 1), D(2026, 2, 1), D(2026, 3, 1)]
    assert len({due.month for _s, due in dates}) == len(dates)


def test_task_rules_refuse_due_before_start_and_nobody_assigned():
    task = Task(title="Tuyên truyền", start_date=D(2026, 10, 5), due_date=D(2026, 10, 1))
    with pytest.raises(RuleError, match="trước ngày bắt đầu"):
        task.validate(has_assignees=True)
    task.due_date = D(2026, 10, 20)
    with pytest.raises(RuleError, match="chưa giao cho ai"):
        task.validate(has_assignees=False)
    task.validate(has_assignees=True)


def test_progress_note_refuses_the_future_and_bad_figures():
    note = ProgressNote(task_id="t", noted_on=D(2026, 11, 22), result="Đã họp dân")
    with pytest.raises(RuleError, match="tương lai"):
        note.validate(D(2026, 11, 21))
    note = ProgressNote(task_id="t", noted_on=D(2026, 11, 20), figures={"households": "mười"})
    with pytest.raises(RuleError, match="phải là một số"):
        note.validate(D(2026, 11, 21))
    note = ProgressNote(task_id="t", noted_on=D(2026, 11, 20), figures={"households": "12", "sessions": ""})
    note.validate(D(2026, 11, 21))
    assert note.figures == {"households": 12}


def test_rollup_of_villages():
    a = TaskAssignment(status="done", done_on=D(2026, 3, 2))
    b = TaskAssignment(status="done", done_on=D(2026, 3, 9))
    c = TaskAssignment(status="not_started")
    assert rollup([a, b]) == ("done", D(2026, 3, 9))
    assert rollup([a, c])[0] == "in_progress"
    assert rollup([c])[0] == "not_started"
    assert rollup([a, TaskAssignment(status="cancelled")]) == ("done", D(2026, 3, 2))
