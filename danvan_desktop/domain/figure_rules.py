"""The consistency rules of a month's figures, checked the same way when a value is typed, by
`danvan check` and in the report editor: balances (`figures.BALANCES`), a ratio's numerator never
above its denominator, `not_above` pairs, and counts never negative.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from danvan_desktop.domain.figures import BALANCES, Balance, Figure
from danvan_desktop.domain.formats import number
from danvan_desktop.domain.i18n import _


@dataclass(frozen=True)
class Breach:
    month: str                 # "2026-10"
    codes: tuple[str, ...]     # the figures involved
    message: str               # names the month and the figures, in the screen's language

    def involves(self, code: str) -> bool:
        return code in self.codes


def month_words(month: str) -> str:
    """'tháng 10/2026'."""
    return _("tháng {m}/{y}").format(m=int(month[5:7]), y=month[:4])


def _n(value: float) -> str:
    return number(value, 0 if value == int(value) else 2)


def _name(figure: Figure | None, code: str) -> str:
    return f"«{_(figure.name_vi)}»" if figure else f"«{code}»"


def _balance(month: str, rule: Balance, values: Mapping[str, float | None],
             figures: Mapping[str, Figure]) -> Breach | None:
    required = [c for c in rule.codes if c not in rule.optional]
    if any(values.get(c) is None for c in required):
        return None                 # not all reported yet: nothing to compare
    inflow = sum(values.get(c) or 0.0 for c in rule.inflow)
    outflow = sum(values.get(c) or 0.0 for c in rule.outflow)
    if abs(inflow - outflow) < 1e-9:
        return None

    def side(codes: tuple[str, ...]) -> str:
        return " + ".join(f"{_name(figures.get(c), c)} {_n(values.get(c) or 0.0)}" for c in codes
                          if c in figures and (values.get(c) is not None or c not in rule.optional))
    message = _("{Month}: số liệu {name} không cân đối: {left} = {a}, nhưng {right} = {b}.").format(
        Month=month_words(month).capitalize(), name=_(rule.name), left=side(rule.inflow), a=_n(inflow),
        right=side(rule.outflow), b=_n(outflow))
    return Breach(month, rule.codes, message)


def month_breaches(month: str, values: Mapping[str, float | None],
                   figures: Mapping[str, Figure]) -> list[Breach]:
    """Every rule a month's values break. `values` holds the month's typed values and the opening
    (carried-over) values; a figure not reported is None or absent."""
    found: list[Breach] = []
    for code, value in values.items():
        if value is not None and value < 0:
            found.append(Breach(month, (code,), _("{Month}: {name} không được âm ({value}).").format(
                Month=month_words(month).capitalize(), name=_name(figures.get(code), code), value=_n(value))))
    for figure in figures.values():
        if figure.is_ratio:
            top = values.get(figure.numerator)
            parts = [values.get(c) for c in figure.denominator_codes]
            if top is None or all(p is None for p in parts):
                continue
            bottom = sum(p or 0.0 for p in parts)
            if top > bottom + 1e-9:
                names = " + ".join(_name(figures.get(c), c) for c in figure.denominator_codes)
                found.append(Breach(month, (figure.numerator, *figure.denominator_codes), _(
                    "{Month}: {top_name} ({top}) lớn hơn {bottom_name} ({bottom}).").format(
                    Month=month_words(month).capitalize(), top_name=_name(figures.get(figure.numerator),
                                                                         figure.numerator),
                    top=_n(top), bottom_name=names, bottom=_n(bottom))))
        if figure.not_above:
            value, ceiling = values.get(figure.code), values.get(figure.not_above)
            if value is not None and ceiling is not None and value > ceiling + 1e-9:
                found.append(Breach(month, (figure.code, figure.not_above), _(
                    "{Month}: {name} ({value}) lớn hơn {other} ({ceiling}).").format(
                    Month=month_words(month).capitalize(), name=_name(figure, figure.code), value=_n(value),
                    other=_name(figures.get(figure.not_above), figure.not_above), ceiling=_n(ceiling))))
    for rule in BALANCES:
        if all(c in figures for c in rule.codes if c not in rule.optional):
            breach = _balance(month, rule, values, figures)
            if breach:
                found.append(breach)
    return found
