"""Reporting periods as values: '2026-10' (month), '2026-Q4', '2026-H1', '2026-9M', '2026' (year).

Every period knows its first and last day, its months, its kind, its Vietnamese label
("tháng 10 năm 2026", "quý IV năm 2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "năm 2026"),
and the same period a year earlier (for "so với cùng kỳ").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError


class PeriodKind(str, Enum):
    MONTH = "monthly"
    QUARTER = "quarterly"
    HALF = "half"
    NINE = "nine"
    YEAR = "annual"


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_PATTERNS = (
    (re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$"), PeriodKind.MONTH),
    (re.compile(r"^(\d{4})-Q([1-4])$"), PeriodKind.QUARTER),
    (re.compile(r"^(\d{4})-H([12])$"), PeriodKind.HALF),
    (re.compile(r"^(\d{4})-9M$"), PeriodKind.NINE),
    (re.compile(r"^(\d{4})$"), PeriodKind.YEAR),
)


@dataclass(frozen=True, order=True)
class Period:
    code: str

    @classmethod
    def parse(cls, text: str) -> Period:
        code = (text or "").strip().upper()
        for pattern, _kind in _PATTERNS:
            if pattern.match(code):
                return cls(code)
        raise RuleError(_("Kỳ «{text}» không hợp lệ; ví dụ: 2026-10 (tháng), 2026-Q4 (quý), 2026-H1 (6 tháng), "
                          "2026-9M (9 tháng), 2026 (năm).").format(text=text))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(f"{year:04d}-{month:02d}")

    @classmethod
    def of(cls, kind: PeriodKind, year: int, index: int = 1) -> Period:
        """index: the month (1–12), quarter (1–4) or half (1–2); ignored for nine months and year."""
        return {PeriodKind.MONTH: lambda: cls.month(year, index), PeriodKind.QUARTER: lambda: cls(f"{year}-Q{index}"),
                PeriodKind.HALF: lambda: cls(f"{year}-H{index}"), PeriodKind.NINE: lambda: cls(f"{year}-9M"),
                PeriodKind.YEAR: lambda: cls(f"{year}")}[kind]()

    @classmethod
    def containing(cls, day: dt.date, kind: PeriodKind = PeriodKind.MONTH) -> Period:
        index = {PeriodKind.MONTH: day.month, PeriodKind.QUARTER: (day.month - 1) // 3 + 1,
                 PeriodKind.HALF: 1 if day.month <= 6 else 2}.get(kind, 1)
        return cls.of(kind, day.year, index)

    @property
    def kind(self) -> PeriodKind:
        for pattern, kind in _PATTERNS:
            if pattern.match(self.code):
                return kind
        raise ValueError(self.code)

    @property
    def year(self) -> int:
        return int(self.code[:4])

    @property
    def months(self) -> list[int]:
        kind = self.kind
        if kind is PeriodKind.MONTH:
            return [int(self.code[5:7])]
        if kind is PeriodKind.QUARTER:
            q = int(self.code[-1])
            return [3 * q - 2, 3 * q - 1, 3 * q]
        if kind is PeriodKind.HALF:
            return list(range(1, 7)) if self.code.endswith("1") else list(range(7, 13))
        if kind is PeriodKind.NINE:
            return list(range(1, 10))
        return list(range(1, 13))

    def month_periods(self) -> list[Period]:
        return [Period.month(self.year, m) for m in self.months]

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.months[0], 1)

    @property
    def end(self) -> dt.date:
        last = self.months[-1]
        return dt.date(self.year, last, calendar.monthrange(self.year, last)[1])

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def same_period_last_year(self) -> Period:
        return Period(f"{self.year - 1}{self.code[4:]}")

    def previous(self) -> Period:
        """The period of the same kind just before (month before, quarter before …)."""
        kind = self.kind
        if kind is PeriodKind.MONTH:
            m = self.months[0]
            return Period.month(self.year - 1, 12) if m == 1 else Period.month(self.year, m - 1)
        if kind is PeriodKind.QUARTER:
            q = int(self.code[-1])
            return Period(f"{self.year - 1}-Q4") if q == 1 else Period(f"{self.year}-Q{q - 1}")
        if kind is PeriodKind.HALF:
            return Period(f"{self.year - 1}-H2") if self.code.endswith("1") else Period(f"{self.year}-H1")
        return self.same_period_last_year()

    def next(self) -> Period:
        kind = self.kind
        if kind is PeriodKind.MONTH:
            m = self.months[0]
            return Period.month(self.year + 1, 1) if m == 12 else Period.month(self.year, m + 1)
        if kind is PeriodKind.QUARTER:
            q = int(self.code[-1])
            return Period(f"{self.year + 1}-Q1") if q == 4 else Period(f"{self.year}-Q{q + 1}")
        if kind is PeriodKind.HALF:
            return Period(f"{self.year}-H2") if self.code.endswith("1") else Period(f"{self.year + 1}-H1")
        return Period(f"{self.year + 1}{self.code[4:]}")

    def label(self) -> str:
        """'tháng 10 năm 2026', 'quý IV năm 2026', '6 tháng đầu năm 2026', '9 tháng năm 2026', 'năm 2026'."""
        kind = self.kind
        if kind is PeriodKind.MONTH:
            return _("tháng {m} năm {y}").format(m=self.months[0], y=self.year)
        if kind is PeriodKind.QUARTER:
            return _("quý {q} năm {y}").format(q=_ROMAN[int(self.code[-1])], y=self.year)
        if kind is PeriodKind.HALF:
            return (_("6 tháng đầu năm {y}") if self.code.endswith("1") else _("6 tháng cuối năm {y}")).format(
                y=self.year)
        if kind is PeriodKind.NINE:
            return _("9 tháng năm {y}").format(y=self.year)
        return _("năm {y}").format(y=self.year)

    def __str__(self) -> str:
        return self.code
