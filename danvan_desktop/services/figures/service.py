"""Figures: the catalogue, monthly typed values with their checks, and values for any period.

A month's typed value is entered once; a quarter, half-year, nine months or year is derived
from its months by the figure's aggregation; a ratio divides two derived values; a counted
figure asks its counter in `figures.counters.COUNTERS` (with the injected day).
"""

from __future__ import annotations

from dataclasses import dataclass

from danvan_desktop.domain.figures import Figure, FigureValue, aggregate, default_figures, parse_value, ratio
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
        """Add the shipped figures that are missing; never overwrites the user's edits."""
        with self.db.transaction():
            have = {f.code for f in self.figures.all(include_deleted=True)}
            for figure in default_figures():
                if figure.code not in have:
                    self.figures.insert(figure)

    def catalogue(self) -> list[Figure]:
        figures = self.figures.all()
        if not figures and self.db.unit_code:
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
                self._check_bounds(figure, period.code, value)
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

    def _check_bounds(self, figure: Figure, month: str, value: float) -> None:
        if figure.not_above:
            ceiling = self.month_value(figure.not_above, month)
            if ceiling is not None and value > ceiling:
                upper = self.figure(figure.not_above)
                raise RuleError(_("«{name}» ({value}) lớn hơn «{other}» ({ceiling}) trong cùng tháng.").format(
                    name=figure.name_vi, value=format_value(figure, value), other=upper.name_vi,
                    ceiling=format_value(upper, ceiling)), "value")
        for lower in self.figures.select("not_above = ?", (figure.code,)):
            floor = self.month_value(lower.code, month)
            if floor is not None and value < floor:
                raise RuleError(_("«{name}» ({value}) nhỏ hơn «{other}» đã nhập ({floor}) trong cùng tháng.").format(
                    name=figure.name_vi, value=format_value(figure, value), other=lower.name_vi,
                    floor=format_value(lower, floor)), "value")

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
            return ratio(self.value(figure.numerator, period), self.value(figure.denominator, period))
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
