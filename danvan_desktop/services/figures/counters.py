"""Counted figures: `COUNTERS[code](db, period, today=None) -> number | None`, computed from the records.

Every counter reads the columns its table declares in the migrations (meetings.meeting_date,
kind, content_hash, series_id; dvk_models.registered_on, recognition, recognised_on;
situation_notes.level, noted_on; bloc_members.trained_on …) and the kinds named in the domain
(`MeetingKind.is_briefing`), never guesses. A wrong query raises: a bug must fail a test, not
become a blank figure in a signed report (`tests/test_figure_counters.py` runs every counter over
the demo and over an empty database). None means "no data", e.g. a ratio over nobody.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from danvan_desktop.domain.meetings import MeetingKind
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.store.database import Database

Counter = Callable[..., "float | None"]
BRIEFING_KINDS = tuple(kind.value for kind in MeetingKind if kind.is_briefing)


def _between(period: Period) -> tuple[str, str]:
    return period.start.isoformat(), period.end.isoformat()


# Each counted rule once, as (table, condition on the period's first and last day): the commune counts its
# own rows with it, the upper level counts every commune's rows with it in one grouped query.
_RULES = {
    "dvk_moi": ("dvk_models", "coalesce(registered_on, printf('%04d-01-01', year)) BETWEEN ? AND ?"),
    "dvk_cong_nhan": ("dvk_models", "recognition != 'registered' AND recognised_on BETWEEN ? AND ?"),
    "diem_nong": ("situation_notes", "level = 'hot' AND noted_on BETWEEN ? AND ?"),
}


def _count(db: Database, code: str, period: Period) -> float:
    table, condition = _RULES[code]
    row = db.conn.execute(f"SELECT count(*) FROM {table} WHERE deleted = 0 AND unit_code = ? AND {condition}",
                          (db.unit_code, *_between(period))).fetchone()
    return float(row[0])


def count_per_unit(db: Database, code: str, period: Period) -> dict[str, float]:
    """The same count for every unit the database holds (the upper level's communes), one query."""
    table, condition = _RULES[code]
    return {unit: float(n) for unit, n in db.conn.execute(
        f"SELECT unit_code, count(*) FROM {table} WHERE deleted = 0 AND {condition} GROUP BY unit_code",
        _between(period))}


def count_dvk_new(db: Database, period: Period, today: dt.date | None = None) -> float | None:
    """Models registered in the period (a model without a registration day counts on 1 January of its year)."""
    return _count(db, "dvk_moi", period)


def count_dvk_recognised(db: Database, period: Period, today: dt.date | None = None) -> float | None:
    return _count(db, "dvk_cong_nhan", period)


def count_hot_spots(db: Database, period: Period, today: dt.date | None = None) -> float | None:
    return _count(db, "diem_nong", period)


def members_trained_ratio(db: Database, period: Period, today: dt.date | None = None) -> float | None:
    """Share of the members in office at the period's end (or today) who had been trained by then."""
    day = min(period.end, today or vietnam_today()).isoformat()
    row = db.conn.execute(
        "SELECT count(*), sum(CASE WHEN trained_on IS NOT NULL AND trained_on <= ? THEN 1 ELSE 0 END) "
        "FROM bloc_members WHERE deleted = 0 AND (start_date IS NULL OR start_date <= ?) "
        "AND (end_date IS NULL OR end_date >= ?)", (day, day, day)).fetchone()
    total, trained = row[0], row[1] or 0
    return trained / total if total else None


def count_briefings(db: Database, period: Period, today: dt.date | None = None) -> float | None:
    """Briefings (giao ban) held in the period whose minutes are finalised (content_hash set); a
    corrected minute is a new version of the same meeting (series_id): meetings are counted, not versions."""
    start, end = _between(period)
    marks = ", ".join("?" for _ in BRIEFING_KINDS)
    row = db.conn.execute(
        f"SELECT count(DISTINCT coalesce(nullif(series_id, ''), id)) FROM meetings WHERE deleted = 0 "
        f"AND unit_code = ? AND kind IN ({marks}) AND content_hash IS NOT NULL "
        f"AND substr(meeting_date, 1, 10) BETWEEN ? AND ?", (db.unit_code, *BRIEFING_KINDS, start, end)).fetchone()
    return float(row[0])


def count_tasks_done(db: Database, period: Period, today: dt.date | None = None) -> float | None:
    """Tasks of the period done by its end, as the period's task summary counts them (one grouped query)."""
    from danvan_desktop.services.tasks.dashboard import period_counts
    return float(period_counts(db, period, today or vietnam_today())[1])


def task_summary(db: Database, period: Period, today: dt.date):
    """The tasks feature's summary of the period as it stood on `today`."""
    from danvan_desktop.services.tasks.service import TaskService
    return TaskService(db, lambda: today).period_summary(period)


COUNTERS: dict[str, Counter] = {
    "dvk_moi": count_dvk_new,
    "dvk_cong_nhan": count_dvk_recognised,
    "diem_nong": count_hot_spots,
    "tv_tap_huan": members_trained_ratio,
    "giao_ban": count_briefings,
    "nv_hoan_thanh": count_tasks_done,
}

# Counted figures the upper level can count for all its communes at once: code -> (db, period) -> {unit: n}
GROUPED_COUNTERS: dict[str, Callable[[Database, Period], dict[str, float]]] = {
    code: (lambda db, period, code=code: count_per_unit(db, code, period)) for code in _RULES}
