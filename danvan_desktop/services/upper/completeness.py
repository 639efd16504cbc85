"""Which communes have reported a period, when, and against which due date — from the records.

A commune has reported a month when the upper level holds its approved report for that month (the
record, whatever the hand-over file was labelled). The report was handed over by the first file from
that commune written on or after the day it was signed. A longer period is reported when each of its
months is. One SQL query answers the whole province for any period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from danvan_desktop.domain.due_rule import DELIVERED, EARLY, LATE, MISSING, NOT_DUE, ON_TIME, DueRule
from danvan_desktop.domain.formats import short_date
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.text import fold
from danvan_desktop.store.database import Database
from danvan_desktop.store.exchange_log import local_day

# The approved monthly reports of the period and the first hand-over written on or after each was signed
# (the commune's PC writes both dates; a report signed after its last file counts from that last file).
_DELIVERIES = """
SELECT t.unit_code, t.period, t.signed,
       coalesce((SELECT min(b.created_at) FROM exchange_batches_in b
                 WHERE b.sender_unit = t.unit_code AND b.kind = 'batch'
                   AND b.created_at >= strftime('%Y-%m-%dT%H:%M:%SZ', t.signed, '-7 hours')),
                (SELECT max(b.created_at) FROM exchange_batches_in b
                 WHERE b.sender_unit = t.unit_code AND b.kind = 'batch'))
FROM (SELECT unit_code, period, min(coalesce(doc_date, substr(approved_at, 1, 10))) AS signed
      FROM reports WHERE deleted = 0 AND content_hash IS NOT NULL AND period BETWEEN ? AND ? AND unit_code != ?
      GROUP BY unit_code, period) t
"""


@dataclass
class MonthState:
    month: str
    due: dt.date
    status: str
    handed_on: dt.date | None = None


@dataclass
class CompletenessRow:
    unit_code: str
    unit_name: str
    status: str
    due: dt.date
    handed_at: dt.date | None = None      # the day the period became complete (latest month's hand-over)
    days_late: int = 0
    months: list[MonthState] = field(default_factory=list)

    @property
    def delivered(self) -> list[MonthState]:
        return [m for m in self.months if m.status in DELIVERED]

    @property
    def missing(self) -> list[MonthState]:
        return [m for m in self.months if m.status == MISSING]

    @property
    def months_text(self) -> str:
        return f"{len(self.delivered)}/{len(self.months)}"

    @property
    def status_text(self) -> str:
        several = len(self.months) > 1
        if self.status == EARLY:
            return _("Nộp sớm (trước khi hết kỳ)")
        if self.status == ON_TIME:
            return _("Đúng hạn")
        if self.status == LATE:
            return _("Trễ {n} ngày").format(n=self.days_late)
        if self.status == NOT_DUE:
            return _("Chưa đến hạn") if not self.delivered else _("Đã nộp {k}/{n} tháng, chưa đến hạn").format(
                k=len(self.delivered), n=len(self.months))
        text = _("Chưa nộp (quá hạn {n} ngày)").format(n=self.days_late)
        if several:
            text += " — " + _("thiếu tháng {months}").format(
                months=", ".join(str(int(m.month[5:])) for m in self.missing))
        return text


def _combine(row: CompletenessRow, today: dt.date) -> None:
    """A period is reported when every month is: missing beats late beats not yet due beats on time."""
    states = row.months
    missing = [m for m in states if m.status == MISSING]
    late = [m for m in states if m.status == LATE]
    if missing:
        row.status = MISSING
        row.days_late = max((today - m.due).days for m in missing)
    elif any(m.status == NOT_DUE for m in states):
        row.status = NOT_DUE
    elif late:
        row.status = LATE
        row.days_late = max((m.handed_on - m.due).days for m in late if m.handed_on)
    else:
        row.status = EARLY if all(m.status == EARLY for m in states) else ON_TIME
    row.handed_at = max((m.handed_on for m in row.delivered if m.handed_on), default=None)


def completeness(db: Database, period: Period | str, rule: DueRule, today: dt.date,
                 names: dict[str, str]) -> list[CompletenessRow]:
    """One row per commune (those known and those that sent something), by name."""
    period = Period.parse(str(period))
    months = period.month_periods()
    handed: dict[tuple[str, str], dt.date | None] = {}
    for unit, month, signed, created in db.conn.execute(_DELIVERIES, (months[0].code, months[-1].code,
                                                                      db.unit_code)):
        day = local_day(created)
        if day is None and signed:
            day = dt.date.fromisoformat(signed[:10])
        handed[(unit, month)] = day
    codes = set(names) | {unit for unit, _m in handed}
    due = rule.due_date(period)
    month_due = [(month, rule.due_date(month)) for month in months]
    rows = []
    for code in sorted(codes, key=lambda c: (fold(names.get(c, c)), c)):
        row = CompletenessRow(code, names.get(code, code), NOT_DUE, due)
        for month, month_due_day in month_due:
            day = handed.get((code, month.code))
            row.months.append(MonthState(month.code, month_due_day, rule.status(month, day, today, month_due_day),
                                         day))
        _combine(row, today)
        rows.append(row)
    return rows


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def summary_line(period: Period, rows: list[CompletenessRow], due: dt.date) -> str:
    done = sum(r.status in DELIVERED for r in rows)
    return _("{period}: {done}/{total} xã đã nộp đủ ({early} sớm, {on_time} đúng hạn, {late} trễ hạn), "
             "{missing} xã quá hạn chưa nộp, {not_due} xã chưa đến hạn — hạn {due}").format(
        period=cap(period.label()), done=done, total=len(rows),
        early=sum(r.status == EARLY for r in rows), on_time=sum(r.status == ON_TIME for r in rows),
        late=sum(r.status == LATE for r in rows), missing=sum(r.status == MISSING for r in rows),
        not_due=sum(r.status == NOT_DUE for r in rows), due=short_date(due))
