"""The upper level's consolidation of a period: figures combined as each figure aggregates, per commune,
and the communes' hot spots — read from the records the communes handed over."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from danvan_desktop.domain.collation import vi_key
from danvan_desktop.domain.periods import Period
from danvan_desktop.store.database import Database


@dataclass
class FigureTotal:
    code: str
    name: str
    unit: str
    aggregation: str
    numerator: str = ""
    denominator: str = ""
    source: str = "typed"
    per_unit: dict[str, float] = field(default_factory=dict)   # commune code -> value for the period
    total: float | None = None

    @property
    def is_share(self) -> bool:
        return self.aggregation == "ratio" or self.unit == "%"


@dataclass
class HotSpot:
    unit_code: str
    unit_name: str
    noted_on: str
    village: str
    topic: str
    summary: str
    resolved: bool


def _has(conn: sqlite3.Connection, table: str, *columns: str) -> bool:
    cols = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
    return bool(cols) and set(columns) <= cols


def _approved_figures(conn: sqlite3.Connection, unit_code: str, period: Period) -> list[dict] | None:
    """The figures table of the commune's latest approved report for the period, as it signed it."""
    if not _has(conn, "reports", "period", "content_hash", "figures_table", "version"):
        return None
    row = conn.execute("SELECT figures_table FROM reports WHERE unit_code = ? AND period = ? AND deleted = 0 AND "
                       "content_hash IS NOT NULL ORDER BY version DESC LIMIT 1", (unit_code, period.code)).fetchone()
    if row is None:
        return None
    try:
        rows = json.loads(row[0] or "[]")
    except ValueError:
        return None
    return [r for r in rows if isinstance(r, dict) and isinstance(r.get("code"), str)]


def _typed_values(conn: sqlite3.Connection, unit_code: str, period: Period, catalogue: dict[str, FigureTotal]
                  ) -> dict[str, float]:
    """A commune's typed monthly values combined over the period (when it sent no approved report)."""
    if not _has(conn, "figure_values", "figure_code", "period", "value"):
        return {}
    from danvan_desktop.domain.figures import aggregate  # the figures feature's one rule for periods
    months = [m.code for m in period.month_periods()]
    marks = ", ".join("?" for _m in months)
    by_code: dict[str, dict[str, float]] = {}
    for code, month, value in conn.execute(
            f"SELECT figure_code, period, value FROM figure_values WHERE unit_code = ? AND deleted = 0 AND period IN "
            f"({marks})", (unit_code, *months)):
        by_code.setdefault(code, {})[month] = value
    result = {}
    for code, values in by_code.items():
        figure = catalogue.get(code)
        if figure is None or figure.aggregation == "ratio":
            continue
        combined = aggregate(figure.aggregation, [values.get(m) for m in months])
        if combined is not None:
            result[code] = combined
    return result


def _catalogue(conn: sqlite3.Connection, own_unit: str) -> dict[str, FigureTotal]:
    if not _has(conn, "figures", "code", "name_vi", "aggregation"):
        return {}
    catalogue: dict[str, FigureTotal] = {}
    source = "source" if _has(conn, "figures", "source") else "'typed'"
    rows = conn.execute(f"SELECT code, name_vi, unit, aggregation, numerator, denominator, {source} FROM figures "
                        "WHERE deleted = 0 ORDER BY (unit_code = ?) DESC, sort_order, code", (own_unit,))
    for code, name, unit, aggregation, numerator, denominator, kind in rows:
        catalogue.setdefault(code, FigureTotal(code, name, unit, aggregation, numerator or "", denominator or "",
                                               kind or "typed"))
    return catalogue


def combine(figure: FigureTotal, totals: dict[str, FigureTotal]) -> float | None:
    """Communes' values → one: counts add up; a ratio is recomputed from the summed parts; other shares average."""
    values = list(figure.per_unit.values())
    if figure.aggregation == "ratio" and figure.numerator in totals and figure.denominator in totals:
        num, den = totals[figure.numerator], totals[figure.denominator]
        both = [c for c in figure.per_unit if c in num.per_unit and c in den.per_unit] or \
            [c for c in num.per_unit if c in den.per_unit]
        den_sum = sum(den.per_unit[c] for c in both)
        if both and den_sum:
            return sum(num.per_unit[c] for c in both) / den_sum
    if not values:
        return None
    if figure.is_share or figure.aggregation == "average":
        return sum(values) / len(values)
    return float(sum(values))


def consolidate_figures(db: Database, period: Period, unit_codes: list[str]) -> list[FigureTotal]:
    conn = db.conn
    catalogue = _catalogue(conn, db.unit_code)
    for code in unit_codes:
        approved = _approved_figures(conn, code, period)
        if approved is not None:
            for row in approved:
                value = row.get("value")
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    figure = catalogue.setdefault(row["code"], FigureTotal(
                        row["code"], str(row.get("name", row["code"])), str(row.get("unit", "")), "sum"))
                    figure.per_unit[code] = float(value)
            continue
        for figure_code, value in _typed_values(conn, code, period, catalogue).items():
            catalogue[figure_code].per_unit[code] = value
    for figure in catalogue.values():
        figure.total = combine(figure, catalogue)
    return [f for f in catalogue.values() if f.per_unit]


def hot_spots(db: Database, period: Period, names: dict[str, str]) -> list[HotSpot]:
    conn = db.conn
    if not _has(conn, "situation_notes", "level", "noted_on", "summary"):
        return []
    from danvan_desktop.domain.unit import Village
    villages = {r[0]: Village(name=r[1], kind=r[2]).label for r in conn.execute("SELECT id, name, kind FROM villages")}
    has_topic = _has(conn, "situation_notes", "topic")
    has_resolved = _has(conn, "situation_notes", "resolved")
    spots = []
    for row in conn.execute(
            f"SELECT unit_code, noted_on, village_id, {'topic' if has_topic else chr(39) * 2}, summary, "
            f"{'resolved' if has_resolved else '0'} FROM situation_notes WHERE deleted = 0 AND level = 'hot' AND "
            "noted_on BETWEEN ? AND ? ORDER BY noted_on", (period.start.isoformat(), period.end.isoformat())):
        if row[0] in names:
            spots.append(HotSpot(row[0], names[row[0]], row[1], villages.get(row[2], ""), row[3] or "", row[4],
                                 bool(row[5])))
    return sorted(spots, key=lambda s: (vi_key(s.unit_name), s.noted_on))


def format_total(figure: FigureTotal, value: float | None) -> str:
    """The figures feature's own formatting ('1.234', '85,48%') when it is installed."""
    if value is None:
        return ""
    try:
        from danvan_desktop.domain.figures import Figure
        from danvan_desktop.services.figures.service import format_value
    except ImportError:
        from danvan_desktop.domain.formats import number
        return number(value, 0 if value == int(value) else 2)
    return format_value(Figure(code=figure.code, unit=figure.unit, aggregation=figure.aggregation,
                               source=figure.source), value)
