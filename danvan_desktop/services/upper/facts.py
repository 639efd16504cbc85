"""What the consolidated report says beyond the figures, read from the communes' records in a few
grouped queries: hot spots (still open first, the newest first), "Dân vận khéo" models recognised, the
communes' own proposals (section V of their approved reports, grouped: services/upper/proposals.py) and
how many notes of each level they logged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from danvan_desktop.domain.collation import vi_key
from danvan_desktop.domain.periods import Period
from danvan_desktop.services.upper.proposals import Proposal, group
from danvan_desktop.store.database import Database


@dataclass
class HotSpot:
    unit_code: str
    unit_name: str
    noted_on: dt.date
    village: str
    topic: str
    summary: str
    resolved: bool            # resolved by the end of the period


@dataclass
class Model:
    unit_code: str
    unit_name: str
    name: str
    field: str
    recognition: str          # 'commune' or 'upper'
    recognised_on: dt.date | None


@dataclass
class UpperFacts:
    period: Period
    hot_spots: list[HotSpot] = field(default_factory=list)       # open ones first, each part newest first
    notes_by_level: dict[str, int] = field(default_factory=dict)
    notes_communes: int = 0
    models: list[Model] = field(default_factory=list)
    registered_models: int = 0
    proposals: list[Proposal] = field(default_factory=list)      # each once, the most widely raised first
    communes: int = 0                                             # the communes the upper level holds

    @property
    def open_spots(self) -> list[HotSpot]:
        return [s for s in self.hot_spots if not s.resolved]


def _hot_spots(db: Database, period: Period, names: dict[str, str]) -> list[HotSpot]:
    """Hot spots noted in the period, and older ones still open at its end."""
    start, end = period.start.isoformat(), period.end.isoformat()
    spots = []
    for unit, noted, village, kind, topic, summary, resolved, resolved_on in db.conn.execute(
            "SELECT n.unit_code, n.noted_on, v.name, v.kind, n.topic, n.summary, n.resolved, n.resolved_on "
            "FROM situation_notes n LEFT JOIN villages v ON v.id = n.village_id "
            "WHERE n.deleted = 0 AND n.private = 0 AND n.level = 'hot' AND n.unit_code != ? AND n.noted_on <= ? "
            "AND (n.noted_on >= ? OR n.resolved = 0 OR n.resolved_on > ?)", (db.unit_code, end, start, end)):
        done = bool(resolved) and (not resolved_on or resolved_on <= end)
        place = f"{kind} {village}".strip() if village else ""
        spots.append(HotSpot(unit, names.get(unit, unit), dt.date.fromisoformat(noted[:10]), place, topic or "",
                             summary, done))
    # The newest first: the head of a year's list is what arose lately, not a spot open for years (those are
    # counted as carried over from earlier periods where the list stops); then by commune and topic.
    keys = {name: vi_key(name) for name in {s.unit_name for s in spots}}    # ~200 names, not one per spot
    spots.sort(key=lambda s: (keys[s.unit_name], s.topic))
    spots.sort(key=lambda s: (s.resolved, -s.noted_on.toordinal()))     # stable: commune order kept within a day
    return spots


def _notes(db: Database, period: Period) -> tuple[dict[str, int], int]:
    counts, units = {}, set()
    for unit, level, n in db.conn.execute(
            "SELECT unit_code, level, count(*) FROM situation_notes WHERE deleted = 0 AND unit_code != ? "
            "AND noted_on BETWEEN ? AND ? GROUP BY unit_code, level",
            (db.unit_code, period.start.isoformat(), period.end.isoformat())):
        counts[level] = counts.get(level, 0) + n
        units.add(unit)
    return counts, len(units)


def _models(db: Database, period: Period, names: dict[str, str]) -> tuple[list[Model], int]:
    start, end = period.start.isoformat(), period.end.isoformat()
    models = [Model(unit, names.get(unit, unit), name, fld, recognition,
                    dt.date.fromisoformat(on) if on else None)
              for unit, name, fld, recognition, on in db.conn.execute(
                  "SELECT unit_code, name, field, recognition, recognised_on FROM dvk_models WHERE deleted = 0 "
                  "AND unit_code != ? AND recognition != 'registered' AND recognised_on BETWEEN ? AND ?",
                  (db.unit_code, start, end))]
    registered = db.conn.execute(
        "SELECT count(*) FROM dvk_models WHERE deleted = 0 AND unit_code != ? AND "
        "coalesce(registered_on, printf('%04d-01-01', year)) BETWEEN ? AND ?", (db.unit_code, start, end)).fetchone()[0]
    return sorted(models, key=lambda m: (vi_key(m.unit_name), m.recognised_on or period.end)), registered


def _proposals(db: Database, period: Period, names: dict[str, str]) -> list[Proposal]:
    """Section V of each commune's approved monthly reports of the period (the latest approved version of each
    month), grouped: each proposal once with the communes and months that raised it."""
    months = period.month_periods()
    latest: dict[tuple[str, str], str] = {}
    for unit, month, text in db.conn.execute(
            "SELECT r.unit_code, r.period, s.text FROM reports r JOIN report_sections s ON s.report_id = r.id "
            "WHERE r.deleted = 0 AND r.content_hash IS NOT NULL AND r.unit_code != ? AND r.period BETWEEN ? AND ? "
            "AND s.deleted = 0 AND s.key = 'proposals' ORDER BY r.unit_code, r.period, r.version",
            (db.unit_code, months[0].code, months[-1].code)):
        latest[(unit, month)] = text or ""          # a later version of the month replaces the earlier
    return group((names.get(unit, unit), month, text) for (unit, month), text in latest.items())


def gather(db: Database, period: Period, names: dict[str, str]) -> UpperFacts:
    counts, units = _notes(db, period)
    models, registered = _models(db, period, names)
    return UpperFacts(period, _hot_spots(db, period, names), counts, units, models, registered,
                      _proposals(db, period, names), len(names))
