"""Figures: the catalogue, monthly typed values with their checks, and values for any period.

A month's typed value is entered once; a quarter, half-year, nine months or year is derived
from its months by the figure's aggregation; a ratio divides two derived values; a counted
figure asks its counter in `figures.counters.COUNTERS` (with the injected day).
"""

from __future__ import annotations

from dataclasses import dataclass

from danvan_desktop.domain.figure_rules import Breach, month_breaches
from danvan_desktop.domain.figures import (
    Figure,
    FigureValue,
    aggregate,
    default_figures,
    parse_value,
    ratio,
    total,
)
from danvan_desktop.domain.formats import number, percent
from danvan_desktop.domain.i18n import _, language
from danvan_desktop.domain.periods import Period, PeriodKind
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.services.figures.counters import COUNTERS
from danvan_desktop.store.database import Database
from danvan_desktop.store.figures import FigureRepository, FigureValueRepository


@dataclass(frozen=True)
class PeriodValue:
    figure: Figure
    period: Period
    value: float | None

    @property
    def text(self) -> str:
        return format_value(self.figure, self.value)


def format_value(figure: Figure, value: float | None) -> str:
    """'124', '1.234', '85,48%'; an empty string for no data."""
    if value is None:
        return ""
    if figure.unit == "%" and (figure.is_ratio or figure.source == "counted"):
        return percent(value)
    if figure.unit == "%":
        return number(value, 2 if value != int(value) else 0) + "%"
    return number(value, 0 if value == int(value) else 2)


class FigureService:
    def __init__(self, db: Database, today=vietnam_today) -> None:
        self.db = db
        self.today = today
        self.figures = FigureRepository(db)
        self.values = FigureValueRepository(db)

    # -- catalogue --------------------------------------------------------------------------
    def ensure_catalogue(self) -> None:
        """Add the shipped figures that are missing (a newer release ships more) and keep the shipped
        ones in the shipped order; never overwrites what the user typed into a figure."""
        with self.db.transaction():
            have = {f.code: f for f in self.figures.all(include_deleted=True)}
            for figure in default_figures():
                mine = have.get(figure.code)
                if mine is None:
                    self.figures.insert(figure)
                elif mine.builtin and mine.sort_order != figure.sort_order:
                    mine.sort_order = figure.sort_order
                    self.figures.update(mine)

    def catalogue(self) -> list[Figure]:
        figures = self.figures.all()
        shipped = {f.code for f in default_figures()}
        if self.db.unit_code and not shipped <= {f.code for f in self.figures.all(include_deleted=True)}:
            self.ensure_catalogue()
            figures = self.figures.all()
        return figures

    def figure(self, code: str) -> Figure:
        found = self.figures.by_code(code)
        if found is None and not self.figures.count() and self.db.unit_code:
            self.ensure_catalogue()
            found = self.figures.by_code(code)
        if found is None:
            raise RuleError(_("Không có chỉ tiêu mã «{code}».").format(code=code))
        return found

    def name(self, figure: Figure) -> str:
        return figure.name_en if language() == "en" and figure.name_en else _(figure.name_vi)

    def save_figure(self, figure: Figure) -> Figure:
        with self.db.transaction():
            known = {f.code for f in self.figures.all()}
            existing = self.figures.by_code(figure.code.strip().lower())
            figure.validate(known)
            if existing is not None and existing.id != figure.id:
                raise RuleError(_("Mã chỉ tiêu «{code}» đã có.").format(code=figure.code), "code")
            if existing is None:
                if figure.source == "counted" and figure.code not in COUNTERS:
                    raise RuleError(_("Chỉ tiêu tự đếm chỉ có với các mã chương trình hỗ trợ."), "source")
                figure.builtin = False
                figure.sort_order = figure.sort_order or max((f.sort_order for f in self.figures.all()),
                                                             default=0) + 10
                return self.figures.insert(figure)
            return self.figures.update(figure)

    # -- monthly typed values ---------------------------------------------------------------
    def _month(self, period_code: str) -> Period:
        period = Period.parse(period_code)
        if period.kind is not PeriodKind.MONTH:
            raise RuleError(_("Số liệu chỉ nhập theo tháng; quý, 6 tháng, 9 tháng và năm được tự cộng từ các "
                              "tháng."), "period")
        if period.start > self.today():
            raise RuleError(_("{period} chưa tới; không nhập số liệu cho kỳ tương lai.").format(
                period=period.label().capitalize()), "period")
        return period

    def month_value(self, code: str, period_code: str) -> float | None:
        found = self.values.one(code, period_code)
        return found.value if found else None

    def set_value(self, code: str, period_code: str, text: str | float | None, note: str = "") -> float | None:
        """Type one month's value; empty text clears it. Raises RuleError and changes nothing on bad input."""
        figure = self.figure(code)
        if not figure.is_typed:
            raise RuleError(_("«{name}» được tính tự động; không nhập tay.").format(name=figure.name_vi), "value")
        period = self._month(period_code)
        value = parse_value(text, figure)
        with self.db.transaction():
            if value is not None:
                broken = [b for b in self.breaches(period.code, {code: value}) if b.involves(code)]
                if broken:
                    raise RuleError(broken[0].message + " " + _("Giá trị chưa được lưu; hãy kiểm tra lại các ô "
                                                                 "liên quan của tháng này."), "value")
            existing = self.values.one(code, period.code)
            if value is None:
                if existing is not None:
                    self.values.soft_delete(existing.id)
                return None
            if existing is None:
                self.values.insert(FigureValue(figure_code=code, period=period.code, value=value, note=note))
            elif existing.value != value or note:
                existing.value = value
                existing.note = note or existing.note
                self.values.update(existing)
        return value

    # -- consistency rules ------------------------------------------------------------------
    def month_inputs(self, month: str, override: dict[str, float | None] | None = None) -> dict[str, float | None]:
        """A month's typed values and carried-over (opening) values, with `override` put in first."""
        figures = self.catalogue()
        typed = {v.figure_code: v.value for v in self.values.in_periods([month])}
        typed.update(override or {})
        values: dict[str, float | None] = {f.code: typed.get(f.code) for f in figures if f.is_typed}
        previous = Period.parse(month).previous().code
        for f in figures:
            if f.is_opening:
                values[f.code] = override[f.code] if override and f.code in override else \
                    self.month_value(f.numerator, previous)
        return values

    def breaches(self, month: str, override: dict[str, float | None] | None = None) -> list[Breach]:
        """The rules a month's figures break (with `override` as if typed)."""
        figures = {f.code: f for f in self.catalogue()}
        return month_breaches(month, self.month_inputs(month, override), figures)

    def knock_on(self, code: str, month: str) -> list[Breach]:
        """What a month's value breaks in the month after (its pending is next month's carried over)."""
        carried = [f.code for f in self.catalogue() if f.is_opening and f.numerator == code]
        if not carried:
            return []
        following = Period.parse(month).next().code
        return [b for b in self.breaches(following) if any(b.involves(c) for c in carried)]

    def problems(self, periods: list[str] | None = None) -> list[Breach]:
        """Every breach in the given months (default: every month with a typed value), oldest first."""
        if periods is None:
            periods = [row[0] for row in self.db.conn.execute(
                "SELECT DISTINCT period FROM figure_values WHERE deleted = 0 ORDER BY period")]
        found: list[Breach] = []
        for month in periods:
            found += self.breaches(month)
        return found

    def period_problems(self, period: Period | str) -> list[Breach]:
        """The breaches of a report's period, month by month."""
        period = Period.parse(str(period))
        return self.problems([m.code for m in period.month_periods() if m.start <= self.today()])

    def year_records(self, year: int) -> dict[tuple[str, int], FigureValue]:
        """The typed value records of a year by (code, month): who typed them, when, and where."""
        return {(v.figure_code, int(v.period[5:7])): v
                for v in self.values.in_periods([Period.month(year, m).code for m in range(1, 13)])}

    def imported(self, record: FigureValue) -> bool:
        """A value that came in a hand-over file from another installation, not typed here."""
        return bool(record.origin) and record.origin != self.db.installation_id

    def year_grid(self, year: int) -> dict[str, dict[int, float]]:
        """Typed values of a year: {code: {month: value}}."""
        grid: dict[str, dict[int, float]] = {}
        for v in self.values.in_periods([Period.month(year, m).code for m in range(1, 13)]):
            grid.setdefault(v.figure_code, {})[int(v.period[5:7])] = v.value
        return grid

    # -- any period -------------------------------------------------------------------------
    def value(self, code: str, period: Period | str) -> float | None:
        period = Period.parse(str(period))
        figure = self.figure(code)
        if figure.is_ratio:
            return ratio(self.value(figure.numerator, period),
                         total(self.value(c, period) for c in figure.denominator_codes))
        if figure.is_opening:
            before = period.month_periods()[0].previous()
            return self.month_value(figure.numerator, before.code)
        if figure.source == "counted":
            counter = COUNTERS.get(code)
            return counter(self.db, period, today=self.today()) if counter else None
        months = [m.code for m in period.month_periods()]
        by_month = {v.period: v.value for v in self.values.in_periods(months) if v.figure_code == code}
        return aggregate(figure.aggregation, [by_month.get(m) for m in months])

    def period_values(self, period: Period | str) -> list[PeriodValue]:
        period = Period.parse(str(period))
        return [PeriodValue(f, period, self.value(f.code, period)) for f in self.catalogue()]

    def series(self, code: str, last: Period | str, months: int = 12) -> list[tuple[Period, float | None]]:
        """The figure over the `months` months ending with `last` (for the trend chart)."""
        period = Period.parse(str(last))
        points = []
        for _i in range(months):
            points.append((period, self.value(code, period)))
            period = period.previous()
        return list(reversed(points))

    def has_data(self, period: Period | str) -> bool:
        period = Period.parse(str(period))
        return bool(self.values.in_periods([m.code for m in period.month_periods()]))
