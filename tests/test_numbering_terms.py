"""Minutes numbers never repeat in a term, even when the term start is entered after numbers were issued."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from test_meetings_service import _ready, bloc  # noqa: F401 — the ten-member bloc fixture

from danvan_desktop.domain.records import RuleError


def test_a_term_start_entered_later_never_repeats_a_minutes_number(services, bloc):  # noqa: F811
    meetings, numbering = services.meetings, services.numbering
    assert numbering.term_starts() == []                        # numbered before the congress date was entered
    first = meetings.finalise(_ready(services, bloc, dt.date(2026, 9, 7)).id)
    latest = meetings.finalise(_ready(services, bloc, dt.date(2026, 10, 6)).id)
    assert (first.number, latest.number) == (1, 2)
    numbering.set_term_starts([dt.date(2025, 8, 16)])           # the officer now enters the term start
    after = meetings.finalise(_ready(services, bloc, dt.date(2026, 11, 3)).id)
    assert after.number == 3 and after.number != latest.number
    assert [r.number for r in numbering.register("BB", "term:2025-08-16") if r.state == "issued"] == [1, 2, 3]
    # a new term from 01/11/2026: October's minutes stay in the old term, November's opens the new one at 01
    numbering.set_term_starts([dt.date(2025, 8, 16), dt.date(2026, 11, 1)])
    assert [r.number for r in numbering.register("BB", "term:2026-11-01") if r.state == "issued"] == [3]
    second_new = meetings.finalise(_ready(services, bloc, dt.date(2026, 11, 17)).id)
    assert second_new.number == 1                                # 01 of the new term
    with pytest.raises(RuleError, match="trùng"):
        numbering.set_term_starts([dt.date(2025, 8, 16)])      # would put two 01s in one term
    assert numbering.term_starts() == [dt.date(2025, 8, 16), dt.date(2026, 11, 1)]   # refused: nothing changed
    assert [r.number for r in numbering.register("BB", "term:2025-08-16") if r.state == "issued"] == [1, 2]


def test_check_reports_a_number_repeated_within_a_term(services, bloc, db_path):  # noqa: F811
    meetings = services.meetings
    meetings.finalise(_ready(services, bloc, dt.date(2026, 9, 7)).id)
    later = meetings.finalise(_ready(services, bloc, dt.date(2026, 10, 6)).id)
    # an older version of the program wrote the same number twice (or the register was bypassed)
    services.db.conn.execute("UPDATE meetings SET number = 1 WHERE id = ?", (later.id,))
    services.db.conn.commit()
    services.close()
    run = subprocess.run([sys.executable, "-m", "danvan_desktop", "check", "--db", str(db_path)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert "Số 01-BB được cấp cho 2 văn bản khác nhau" in run.stdout
