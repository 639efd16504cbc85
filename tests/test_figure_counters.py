"""Every counted figure over the demo and over an empty database: real values, never a silent None
standing for a broken query, and the injected day (not the machine's) decides what "by now" means."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from danvan_desktop.domain.periods import Period
from danvan_desktop.services.figures import counters
from danvan_desktop.services.figures.counters import COUNTERS

OCTOBER = Period.month(2026, 10)
YEAR = Period.parse("2026")


def expected_briefings(db, period: Period) -> int:
    """Counted the slow, obvious way in Python from the declared columns."""
    seen = set()
    for row in db.conn.execute("SELECT id, series_id, kind, meeting_date, content_hash, deleted, unit_code "
                               "FROM meetings"):
        day = (row["meeting_date"] or "")[:10]
        if (not row["deleted"] and row["unit_code"] == db.unit_code and row["content_hash"]
                and row["kind"] in ("monthly", "quarterly", "half", "annual")
                and period.start.isoformat() <= day <= period.end.isoformat()):
            seen.add(row["series_id"] or row["id"])
    return len(seen)


def test_every_counter_gives_a_real_value_over_the_demo(demo, today):
    db = demo.db
    values = {code: counter(db, YEAR, today=today) for code, counter in COUNTERS.items()}
    assert all(v is not None for v in values.values()), values
    assert values["giao_ban"] == expected_briefings(db, YEAR) > 0
    assert values["nv_hoan_thanh"] == demo.tasks.period_summary(YEAR).done > 0
    assert 0 < values["tv_tap_huan"] <= 1
    assert values["dvk_moi"] >= 0 and values["diem_nong"] >= 0
    assert COUNTERS["giao_ban"](db, OCTOBER, today=today) == expected_briefings(db, OCTOBER)


def test_every_counter_over_an_empty_database_is_zero_or_no_data(services, today):
    values = {code: counter(services.db, OCTOBER, today=today) for code, counter in COUNTERS.items()}
    assert values == {"dvk_moi": 0.0, "dvk_cong_nhan": 0.0, "diem_nong": 0.0, "tv_tap_huan": None,
                      "giao_ban": 0.0, "nv_hoan_thanh": 0.0}


def test_the_injected_day_decides_who_was_trained_by_then(demo):
    db = demo.db
    member = db.conn.execute("SELECT id, trained_on FROM bloc_members WHERE deleted = 0 AND end_date IS NULL "
                             "AND trained_on IS NOT NULL ORDER BY trained_on DESC LIMIT 1").fetchone()
    trained = dt.date.fromisoformat(member["trained_on"])
    after = counters.members_trained_ratio(db, YEAR, today=trained)
    before = counters.members_trained_ratio(db, YEAR, today=trained - dt.timedelta(days=1))
    assert before < after


def test_a_wrong_query_fails_loudly_instead_of_a_blank_figure(demo, today, monkeypatch):
    demo.db.conn.execute("ALTER TABLE meetings RENAME COLUMN meeting_date TO held_on")
    with pytest.raises(sqlite3.OperationalError):
        COUNTERS["giao_ban"](demo.db, OCTOBER, today=today)
    with pytest.raises(sqlite3.OperationalError):
        demo.figures.value("giao_ban", OCTOBER)
