"""The calendar's rules: each deadline of the bloc's year as data (which months, which day), so the
dates come from settings and are not typed every year. Pure: expand rules into dated deadlines."""

from __future__ import annotations

import calendar
import datetime as dt
import json
from dataclasses import asdict, dataclass, field

from danvan_desktop.domain.i18n import N_


@dataclass
class DeadlineRule:
    code: str
    name: str                                   # Vietnamese, N_ for the shipped ones
    day: int                                    # day of the month (clamped to the month's end)
    months: list[int] = field(default_factory=list)   # empty: every month
    basis: str = ""                             # what the rule comes from ("Chỉ thị 18/CT-UBND")
    enabled: bool = True


@dataclass(frozen=True)
class Deadline:
    day: dt.date
    rule: DeadlineRule
    period: str                                 # "2026-11", "2026-Q4", "2026"

    def days_left(self, on: dt.date) -> int:
        return (self.day - on).days


QUARTER_ENDS = [3, 6, 9, 12]


def default_rules(report_due_day: int = 20) -> list[DeadlineRule]:
    r = DeadlineRule
    return [
        r("monthly_briefing", N_("Giao ban tháng của Khối dân vận"), 25, [], N_("Kết luận 862-KL/TU")),
        r("monthly_report", N_("Báo cáo tháng gửi cấp trên"), report_due_day, [], N_("Quy chế hoạt động của Khối")),
        r("handover", N_("Chuyển tệp dữ liệu cho cấp trên"), report_due_day, [], N_("Quy chế hoạt động của Khối")),
        r("quarterly_briefing", N_("Giao ban quý"), 25, QUARTER_ENDS, N_("Kết luận 862-KL/TU")),
        r("traditional_day", N_("Ngày truyền thống công tác dân vận của Đảng (15/10)"), 15, [10],
          N_("Kết luận 862-KL/TU")),
        r("annual_evaluation", N_("Đánh giá kết quả công tác dân vận năm, gửi trước 30/11"), 30, [11],
          N_("Chỉ thị 18/CT-UBND")),
        r("next_year_plan", N_("Trình Đảng ủy kế hoạch hoạt động năm sau"), 15, [12], N_("Kết luận 862-KL/TU")),
        r("annual_briefing", N_("Giao ban tổng kết năm"), 20, [12], N_("Kết luận 862-KL/TU")),
    ]


def rules_to_json(rules: list[DeadlineRule]) -> str:
    return json.dumps([asdict(r) for r in rules], ensure_ascii=False)


def rules_from_json(text: str) -> list[DeadlineRule]:
    known = set(DeadlineRule.__dataclass_fields__)
    data = json.loads(text or "[]")
    return [DeadlineRule(**{k: v for k, v in d.items() if k in known}) for d in data
            if isinstance(d, dict) and d.get("code") and d.get("name") and d.get("day")]


def _period(rule: DeadlineRule, year: int, month: int) -> str:
    if not rule.months:
        return f"{year}-{month:02d}"
    if rule.months == QUARTER_ENDS:
        return f"{year}-Q{(month - 1) // 3 + 1}"
    return str(year)


def deadlines_between(rules: list[DeadlineRule], first: dt.date, last: dt.date) -> list[Deadline]:
    """Every deadline of the enabled rules falling on first…last, in date order."""
    result = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        for rule in rules:
            if not rule.enabled or (rule.months and m not in rule.months):
                continue
            day = dt.date(y, m, min(max(rule.day, 1), calendar.monthrange(y, m)[1]))
            if first <= day <= last:
                result.append(Deadline(day, rule, _period(rule, y, m)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return sorted(result, key=lambda d: (d.day, d.rule.code))
