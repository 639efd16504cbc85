"""The upper level's consolidation of any period, from the records the communes handed over.

Each commune's typed figures are combined over the months of the period it holds, by the figure's
own rule (sum, last value, average); counted figures that the records answer directly (hot spots,
"Dân vận khéo" models) are counted per commune; ratios are recomputed from the summed parts. Every
step is one grouped SQL query over the whole province, never a query per commune, and a commune is
a key of the result, so it cannot be counted twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from danvan_desktop.domain.figures import aggregate
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.text import fold
from danvan_desktop.services.figures.counters import GROUPED_COUNTERS
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
    integer: bool = True
    per_unit: dict[str, float] = field(default_factory=dict)   # commune code -> value for the period
    total: float | None = None
    last_year: float | None = None                              # the same period a year earlier

    @property
    def is_share(self) -> bool:
        return self.aggregation == "ratio" or self.unit == "%"


@dataclass
class Consolidation:
    period: Period
    names: dict[str, str]                       # every commune the upper level knows: code -> name
    months_held: dict[str, list[str]]           # commune -> the period's months it sent figures for
    figures: list[FigureTotal]

    @property
    def months(self) -> list[str]:
        return [m.code for m in self.period.month_periods()]

    @property
    def contributing(self) -> list[str]:
        """Communes with at least one month of figures in the period, by name."""
        return sorted((c for c, held in self.months_held.items() if held), key=lambda c: fold(self.names.get(c, c)))

    @property
    def absent(self) -> list[str]:
        return sorted((c for c in self.names if not self.months_held.get(c)), key=lambda c: fold(self.names[c]))

    def missing_months(self, code: str, until: str | None = None) -> list[str]:
        """Months of the period (up to `until`, a month code) the commune has sent no figure for."""
        held = set(self.months_held.get(code, ()))
        return [m for m in self.months if m not in held and (until is None or m <= until)]

    def figure(self, code: str) -> FigureTotal | None:
        return next((f for f in self.figures if f.code == code), None)


def communes(db: Database) -> dict[str, str]:
    """Every commune this installation holds (every unit but itself), code -> name."""
    rows = db.conn.execute("SELECT code, name FROM units WHERE deleted = 0 AND code != ?", (db.unit_code,))
    return {code: name for code, name in rows}


def catalogue(db: Database) -> dict[str, FigureTotal]:
    """Each figure once (200 communes each send the catalogue): the upper level's own definition first, else
    the first commune's."""
    result: dict[str, FigureTotal] = {}
    for code, name, unit, aggregation, numerator, denominator, source, integer in db.conn.execute(
            "SELECT code, name_vi, unit, aggregation, numerator, denominator, source, integer FROM ("
            "SELECT *, row_number() OVER (PARTITION BY code ORDER BY (unit_code = ?) DESC, unit_code) AS pick "
            "FROM figures WHERE deleted = 0) WHERE pick = 1 ORDER BY sort_order, code", (db.unit_code,)):
        result[code] = FigureTotal(code, name, unit, aggregation, numerator or "", denominator or "",
                                   source or "typed", bool(integer))
    return result


def _bounds(period: Period) -> tuple[str, str]:
    months = period.month_periods()
    return months[0].code, months[-1].code


def months_held(db: Database, period: Period) -> dict[str, list[str]]:
    first, last = _bounds(period)
    held: dict[str, list[str]] = {}
    for unit, month in db.conn.execute(
            "SELECT unit_code, period FROM figure_values WHERE deleted = 0 AND period BETWEEN ? AND ? "
            "AND unit_code != ? GROUP BY unit_code, period ORDER BY unit_code, period",
            (first, last, db.unit_code)):
        held.setdefault(unit, []).append(month)
    return held


def typed_per_unit(db: Database, period: Period, figures: dict[str, FigureTotal]) -> None:
    """Fill `per_unit` of the typed figures: two grouped queries over the whole province."""
    first, last = _bounds(period)
    params = (first, last, db.unit_code)
    # the period's rows of every commune are one range of this index (migration 046); left alone, SQLite
    # prefers the unique index for its GROUP BY order and skip-scans it commune by commune (25× slower)
    where = "deleted = 0 AND period BETWEEN ? AND ? AND unit_code != ?"
    source = "figure_values INDEXED BY figure_values_by_period"
    # one pass: the sum, the mean and the latest month's value ('2026-10|12.0' sorts by month) of each pair
    for unit, code, total, mean, last in db.conn.execute(
            f"SELECT unit_code, figure_code, sum(value), avg(value), max(period || '|' || value) FROM {source} "
            f"WHERE {where} GROUP BY unit_code, figure_code", params):
        figure = figures.get(code)
        if figure is None or figure.aggregation == "ratio":
            continue
        figure.per_unit[unit] = {"sum": float(total), "average": float(mean)}.get(
            figure.aggregation, float(last.split("|", 1)[1]) if figure.aggregation == "last" else None)
        if figure.per_unit[unit] is None:
            del figure.per_unit[unit]


def counted_per_unit(db: Database, period: Period, figures: dict[str, FigureTotal]) -> None:
    own = db.unit_code
    for code, counter in GROUPED_COUNTERS.items():
        figure = figures.get(code)
        if figure is None:
            continue
        for unit, value in counter(db, period).items():
            if unit != own:
                figure.per_unit[unit] = float(value)


def combine(figure: FigureTotal, totals: dict[str, FigureTotal]) -> float | None:
    """Communes' values → one: counts add up; a ratio is recomputed from the summed parts over the communes
    that have both; other shares average."""
    if figure.aggregation == "ratio":
        num, den = totals.get(figure.numerator), totals.get(figure.denominator)
        if num is None or den is None:
            return None
        both = [c for c in num.per_unit if c in den.per_unit]
        den_sum = sum(den.per_unit[c] for c in both)
        return sum(num.per_unit[c] for c in both) / den_sum if both and den_sum else None
    values = list(figure.per_unit.values())
    if not values:
        return None
    if figure.is_share or figure.aggregation == "average":
        return aggregate("average", values)
    return float(sum(values))


def _totals(db: Database, period: Period, base: dict[str, FigureTotal]) -> dict[str, FigureTotal]:
    figures = {code: replace(f, per_unit={}) for code, f in base.items()}
    typed_per_unit(db, period, figures)
    counted_per_unit(db, period, figures)
    for figure in figures.values():
        if figure.aggregation == "ratio":
            num, den = figures.get(figure.numerator), figures.get(figure.denominator)
            if num and den:
                for unit in num.per_unit.keys() & den.per_unit.keys():
                    if den.per_unit[unit]:
                        figure.per_unit[unit] = num.per_unit[unit] / den.per_unit[unit]
    for figure in figures.values():
        figure.total = combine(figure, figures)
    return figures


def consolidate(db: Database, period: Period | str) -> Consolidation:
    period = Period.parse(str(period))
    base = catalogue(db)
    figures = _totals(db, period, base)
    before = _totals(db, period.same_period_last_year(), base)
    for code, figure in figures.items():
        if code in before:
            figure.last_year = before[code].total
    shown = [f for f in figures.values() if f.per_unit or f.last_year is not None]
    return Consolidation(period, communes(db), months_held(db, period), shown)


def format_total(figure: FigureTotal, value: float | None) -> str:
    """The figures feature's own formatting ('1.234', '85,48%')."""
    if value is None:
        return ""
    from danvan_desktop.domain.figures import Figure
    from danvan_desktop.services.figures.service import format_value
    return format_value(Figure(code=figure.code, unit=figure.unit, aggregation=figure.aggregation,
                               source=figure.source, integer=figure.integer), value)
