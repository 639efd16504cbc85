"""What the consolidated report says beyond the figures, read from the communes' records in a few
grouped queries: hot spots (still open first), "Dân vận khéo" models recognised, the communes'
own proposals (section V of their approved reports) and how many notes of each level they logged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.text import fold
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
    hot_spots: list[HotSpot] = field(default_factory=list)       # open ones first, then by commune and topic
    notes_by_level: dict[str, int] = field(default_factory=dict)
    notes_communes: int = 0
    models: list[Model] = field(default_factory=list)
    registered_models: int = 0
    proposals: dict[str, list[str]] = field(default_factory=dict)   # commune name -> its distinct proposals

    @property
    def open_spots(self) -> list[HotSpot]:
        return [s for s in self.hot_spots if not s.resolved]


NO_PROPOSAL = ("không có đề xuất", "không có kiến nghị", "không có đề xuất, kiến nghị", "không")
_NO_PROPOSAL_FOLDED = frozenset(fold(p) for p in NO_PROPOSAL)


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
    folded = {name: fold(name) for name in {s.unit_name for s in spots}}    # ~200 names, not one per spot
    return sorted(spots, key=lambda s: (s.resolved, folded[s.unit_name], s.topic, s.noted_on))


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
    return sorted(models, key=lambda m: (fold(m.unit_name), m.recognised_on or period.end)), registered


def _proposals(db: Database, period: Period, names: dict[str, str]) -> dict[str, list[str]]:
    """Section V of each commune's approved reports of the period's months (latest version of each)."""
    months = period.month_periods()
    found: dict[str, list[str]] = {}
    for unit, text in db.conn.execute(
            "SELECT r.unit_code, s.text FROM reports r JOIN report_sections s ON s.report_id = r.id "
            "WHERE r.deleted = 0 AND r.content_hash IS NOT NULL AND r.unit_code != ? AND r.period BETWEEN ? AND ? "
            "AND s.deleted = 0 AND s.key = 'proposals' ORDER BY r.unit_code, r.period, r.version",
            (db.unit_code, months[0].code, months[-1].code)):
        for line in (text or "").splitlines():
            line = line.strip().lstrip("-–• ").strip()
            if not line or fold(line).rstrip(".") in _NO_PROPOSAL_FOLDED:
                continue
            name = names.get(unit, unit)
            if line not in found.setdefault(name, []):
                found[name].append(line)
    return dict(sorted(found.items(), key=lambda kv: fold(kv[0])))


def gather(db: Database, period: Period, names: dict[str, str]) -> UpperFacts:
    counts, units = _notes(db, period)
    models, registered = _models(db, period, names)
    return UpperFacts(period, _hot_spots(db, period, names), counts, units, models, registered,
                      _proposals(db, period, names))
