"""The calendar of the bloc's deadlines (briefings, reports, hand-overs, 15/10, the year's evaluation
by 30/11, next year's plan) from rules in settings, with what is already done and the count-down."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from danvan_desktop.domain.deadlines import (
    Deadline,
    DeadlineRule,
    deadlines_between,
    default_rules,
    rules_from_json,
    rules_to_json,
)
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.store import scorecard_counts as counts
from danvan_desktop.store.database import Database
from danvan_desktop.store.yearwork import PlanRepository

RULES_SETTING = "calendar_rules"


@dataclass
class CalendarLine:
    deadline: Deadline
    days_left: int
    done: bool

    @property
    def name(self) -> str:
        return _(self.deadline.rule.name)

    def countdown_text(self) -> str:
        if self.done:
            return _("đã xong")
        if self.days_left == 0:
            return _("hôm nay")
        if self.days_left < 0:
            return _("quá {n} ngày").format(n=-self.days_left)
        return _("còn {n} ngày").format(n=self.days_left)


class CalendarService:
    def __init__(self, db: Database, today=vietnam_today) -> None:
        self.db = db
        self.today = today
        self.plans = PlanRepository(db)

    def rules(self) -> list[DeadlineRule]:
        text = self.db.get_setting(RULES_SETTING, "") or ""
        if text:
            try:
                found = rules_from_json(text)
                if found:
                    return found
            except (ValueError, TypeError):
                pass
        try:
            due = int(self.db.get_setting("report_due_day", "20") or 20)
        except ValueError:
            due = 20
        return default_rules(min(max(due, 1), 28))

    def save_rules(self, rules: list[DeadlineRule]) -> None:
        for rule in rules:
            if not 1 <= int(rule.day) <= 31 or any(not 1 <= int(m) <= 12 for m in rule.months):
                raise RuleError(_("Ngày hoặc tháng của hạn «{name}» không hợp lệ.").format(name=_(rule.name)))
        self.db.set_setting(RULES_SETTING, rules_to_json(rules))

    def lines(self, first: dt.date | None = None, days: int = 60) -> list[CalendarLine]:
        on = self.today()
        first = first or on.replace(day=1)
        last = on + dt.timedelta(days=days)
        return [CalendarLine(d, d.days_left(on), self._done(d, on)) for d in deadlines_between(self.rules(), first,
                                                                                              last)]

    def upcoming(self, count: int = 5) -> list[CalendarLine]:
        """The next deadlines not yet done, nearest first (overdue ones of this month included)."""
        return [line for line in self.lines() if not line.done and line.days_left >= -10][:count]

    def _done(self, d: Deadline, on: dt.date) -> bool:
        code, unit = d.rule.code, self.db.unit_code
        if code == "monthly_briefing":
            return d.day.month in counts.briefing_months(self.db, unit, d.day.year, on)
        if code == "quarterly_briefing":
            return d.day.month in counts.briefing_months(self.db, unit, d.day.year, on, counts.QUARTER_KINDS)
        if code == "annual_briefing":
            return d.day.month in counts.briefing_months(self.db, unit, d.day.year, on, ("annual",))
        if code == "monthly_report":
            return counts.report_approved(self.db, unit, d.period)
        if code == "next_year_plan":
            plan = self.plans.of_year(d.day.year + 1)
            return plan is not None and plan.locked
        return d.day < on
