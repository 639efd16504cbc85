"""When a commune's data for a period is due at the upper level, and whether a hand-over was early,
on time or late.

The upper body sets two numbers: the day a month's reporting window starts (1 = the calendar month;
15 = "from the 15th to the 14th", as some provinces count) and the due day N. A period's window ends
on the day before the window start in its last month (the month's last day for the calendar month);
its data are due on the first day N after that, so a due date always falls after the period it
reports on: with the calendar month and N = 5, October is due on 5 November; with the window
15th–14th and N = 20, November (15 October – 14 November) is due on 20 November.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.records import RuleError

EARLY, ON_TIME, LATE, MISSING, NOT_DUE = "early", "on_time", "late", "missing", "not_due"
DELIVERED = (EARLY, ON_TIME, LATE)


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


@dataclass(frozen=True)
class DueRule:
    due_day: int = 5           # the data are due by this day, after the window has closed
    window_start: int = 1      # 1: calendar months; 15: a month runs from the 15th to the 14th

    def validate(self) -> DueRule:
        if not 1 <= self.due_day <= 28:
            raise RuleError(_("Ngày hạn nộp phải từ 1 đến 28."), "due_day")
        if not 1 <= self.window_start <= 28:
            raise RuleError(_("Ngày bắt đầu kỳ báo cáo phải từ 1 đến 28."), "window_start")
        return self

    def window_start_day(self, period: Period) -> dt.date:
        """The first day the period's data cover."""
        if self.window_start == 1:
            return period.start
        year, month = _add_months(period.year, period.months[0], -1)
        return dt.date(year, month, self.window_start)

    def window_end(self, period: Period) -> dt.date:
        """The last day the period's data cover."""
        if self.window_start == 1:
            return period.end
        return dt.date(period.year, period.months[-1], self.window_start - 1)

    def due_date(self, period: Period) -> dt.date:
        """The first day `due_day` strictly after the window has closed."""
        end = self.window_end(period)
        if end.day < self.due_day:
            return dt.date(end.year, end.month, self.due_day)
        year, month = _add_months(end.year, end.month, 1)
        return dt.date(year, month, self.due_day)

    def status(self, period: Period, handed_on: dt.date | None, today: dt.date, due: dt.date | None = None) -> str:
        """`due`: the period's due date when the caller has it already."""
        due = due or self.due_date(period)
        if handed_on is None:
            return NOT_DUE if today <= due else MISSING
        if handed_on > due:
            return LATE
        return EARLY if handed_on <= self.window_end(period) else ON_TIME

    def describe(self) -> str:
        if self.window_start == 1:
            return _("Kỳ báo cáo theo tháng dương lịch; hạn nộp ngày {n} của tháng sau kỳ.").format(n=self.due_day)
        return _("Kỳ báo cáo tháng tính từ ngày {s} tháng trước đến ngày {e}; hạn nộp ngày {n} sau khi kỳ kết thúc."
                 ).format(s=self.window_start, e=self.window_start - 1, n=self.due_day)


STATUS_ORDER = {EARLY: 0, ON_TIME: 1, NOT_DUE: 2, LATE: 3, MISSING: 4}
