"""The counts the scorecard reads, one unit at a time, straight from the travelling tables.

Each function takes the open database, the unit's code and the day the year is judged on, so the
same counts serve a commune's own scorecard and an upper level's table over every imported commune.
"""

from __future__ import annotations

import datetime as dt
import json

from danvan_desktop.domain.text import fold
from danvan_desktop.store.database import Database

BRIEFING_KINDS = ("monthly", "quarterly", "half", "annual")
QUARTER_KINDS = ("quarterly", "half", "annual")
KEY_PEOPLE_WORDS = ("uy tin", "cot can")


def _trained_ids(db: Database, unit: str, on: dt.date, column: str) -> set[str]:
    ids: set[str] = set()
    for (raw,) in db.conn.execute(f"SELECT {column} FROM trainings WHERE unit_code = ? AND deleted = 0 "
                                  "AND held_on <= ?", (unit, on.isoformat())):
        ids.update(json.loads(raw or "[]"))
    return ids


def members_trained(db: Database, unit: str, on: dt.date) -> tuple[int, int]:
    """(trained, current) bloc members on `on`: a training record, or the member's own training date."""
    rows = db.conn.execute(
        "SELECT id, trained_on FROM bloc_members WHERE unit_code = ? AND deleted = 0 "
        "AND (start_date IS NULL OR start_date <= ?) AND (end_date IS NULL OR end_date >= ?)",
        (unit, on.isoformat(), on.isoformat())).fetchall()
    trained = _trained_ids(db, unit, on, "member_ids")
    done = sum(1 for r in rows if r["id"] in trained or (r["trained_on"] and r["trained_on"] <= on.isoformat()))
    return done, len(rows)


def team_members_trained(db: Database, unit: str, on: dt.date) -> tuple[int, int]:
    rows = db.conn.execute("SELECT id FROM team_members WHERE unit_code = ? AND deleted = 0", (unit,)).fetchall()
    trained = _trained_ids(db, unit, on, "team_member_ids")
    return sum(1 for r in rows if r["id"] in trained), len(rows)


def briefing_months(db: Database, unit: str, year: int, on: dt.date, kinds=BRIEFING_KINDS) -> set[int]:
    """The months of `year` in which the bloc held a briefing of one of `kinds` (by `on`)."""
    marks = ",".join("?" for _k in kinds)
    rows = db.conn.execute(
        f"SELECT DISTINCT substr(meeting_date, 6, 2) FROM meetings WHERE unit_code = ? AND deleted = 0 "
        f"AND kind IN ({marks}) AND meeting_date BETWEEN ? AND ?",
        (unit, *kinds, f"{year}-01-01", min(on, dt.date(year, 12, 31)).isoformat())).fetchall()
    return {int(r[0]) for r in rows if r[0]}


def dvk_new(db: Database, unit: str, year: int) -> int:
    return db.conn.execute("SELECT count(*) FROM dvk_models WHERE unit_code = ? AND deleted = 0 AND year = ?",
                           (unit, year)).fetchone()[0]


def _villages(db: Database, unit: str) -> list[str]:
    return [r[0] for r in db.conn.execute("SELECT id FROM villages WHERE unit_code = ? AND deleted = 0 "
                                          "AND merged_into IS NULL", (unit,))]


def teams_regulated(db: Database, unit: str) -> tuple[int, int]:
    """(villages whose team has both its quy chế and chương trình hoạt động, villages)."""
    villages = _villages(db, unit)
    good = {r[0] for r in db.conn.execute(
        "SELECT village_id FROM village_teams WHERE unit_code = ? AND deleted = 0 AND has_regulation = 1 "
        "AND has_programme = 1", (unit,))}
    return sum(1 for v in villages if v in good), len(villages)


def key_people(db: Database, unit: str) -> tuple[int, int]:
    """(villages whose team counts a người có uy tín or a cốt cán, villages)."""
    villages = _villages(db, unit)
    having = set()
    for village_id, post in db.conn.execute("SELECT village_id, post FROM team_members WHERE unit_code = ? "
                                            "AND deleted = 0", (unit,)):
        if any(word in fold(post) for word in KEY_PEOPLE_WORDS):
            having.add(village_id)
    return sum(1 for v in villages if v in having), len(villages)


def has_minorities_or_religions(db: Database, unit: str) -> bool:
    """The situation log speaks of religion or ethnic affairs: the 862 target on key people applies."""
    return db.conn.execute("SELECT EXISTS (SELECT 1 FROM situation_notes WHERE unit_code = ? AND deleted = 0 "
                           "AND topic IN ('religion', 'ethnic'))", (unit,)).fetchone()[0] == 1


def figure_sum(db: Database, unit: str, code: str, year: int, on: dt.date) -> float | None:
    """A typed monthly figure summed over the months of `year` up to `on` (None: never typed)."""
    last = min(on, dt.date(year, 12, 31))
    row = db.conn.execute(
        "SELECT sum(value), count(*) FROM figure_values WHERE unit_code = ? AND deleted = 0 AND figure_code = ? "
        "AND length(period) = 7 AND period BETWEEN ? AND ?",
        (unit, code, f"{year}-01", f"{year}-{last.month:02d}" if last.year == year else f"{year}-00")).fetchone()
    return float(row[0]) if row[1] else None


def report_approved(db: Database, unit: str, period: str) -> bool:
    return db.conn.execute("SELECT EXISTS (SELECT 1 FROM reports WHERE unit_code = ? AND deleted = 0 AND period = ? "
                           "AND status IN ('approved', 'handed_over'))", (unit, period)).fetchone()[0] == 1
