"""Counted figures: `COUNTERS[code](db, period) -> number | None`, computed from the records.

A feature whose table arrives later adds its counter here (one entry); every counter checks
that its table exists first, so the catalogue works on a database without it (None = no data).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.store.database import Database

Counter = Callable[[Database, Period], "float | None"]


def table_exists(db: Database, table: str) -> bool:
    return db.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                           (table,)).fetchone() is not None


def columns(db: Database, table: str) -> set[str]:
    return {row[1] for row in db.conn.execute(f"PRAGMA table_info({table})")}


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


def count_dvk_new(db: Database, period: Period) -> float | None:
    return _count(db, "dvk_moi", period)


def count_dvk_recognised(db: Database, period: Period) -> float | None:
    return _count(db, "dvk_cong_nhan", period)


def count_hot_spots(db: Database, period: Period) -> float | None:
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


# Meetings arrive with their own table; the briefing kinds and the "finalised" mark are read from
# whatever columns it has, so the counter needs no change when the table lands.
_DATE_COLUMNS = ("held_on", "meeting_date", "date", "starts_at", "start_at", "held_at")
_BRIEFING_KINDS = ("monthly", "quarterly", "half", "six_month", "nine", "annual", "briefing")


def count_briefings(db: Database, period: Period) -> float | None:
    if not table_exists(db, "meetings"):
        return None
    cols = columns(db, "meetings")
    date_col = next((c for c in _DATE_COLUMNS if c in cols), None)
    if date_col is None:
        return None
    where = ["deleted = 0", f"substr({date_col}, 1, 10) BETWEEN ? AND ?"]
    params: list = list(_between(period))
    if "kind" in cols:
        where.append(f"kind IN ({', '.join('?' for _ in _BRIEFING_KINDS)})")
        params += list(_BRIEFING_KINDS)
    if "content_hash" in cols:
        where.append("content_hash IS NOT NULL")
    elif "status" in cols:
        where.append("status IN ('finalised', 'final', 'finalized')")
    # a corrected minute is a new version of the same meeting: count meetings, not versions
    counted = "DISTINCT coalesce(nullif(series_id, ''), id)" if "series_id" in cols else "*"
    try:
        return float(db.conn.execute(f"SELECT count({counted}) FROM meetings WHERE {' AND '.join(where)}",
                                     params).fetchone()[0])
    except sqlite3.Error:
        return None


def count_tasks_done(db: Database, period: Period) -> float | None:
    summary = task_summary(db, period, vietnam_today())
    if summary is None:
        return None
    done = getattr(summary, "done", None)
    return float(done) if isinstance(done, (int, float)) else None


def task_summary(db: Database, period: Period, today: dt.date):
    """The tasks feature's period summary, or None while that feature is not installed."""
    try:
        from danvan_desktop.services.tasks.service import TaskService  # type: ignore[import-not-found]
    except ImportError:
        return None
    try:
        return TaskService(db, lambda: today).period_summary(period)
    except Exception:  # noqa: BLE001 — a summary that cannot be made must not stop a report from drafting
        return None


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
