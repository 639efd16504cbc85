"""The upper level's view of its communes: who handed over for a period, when, on time or late."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from danvan_desktop.domain.collation import vi_key
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.domain.unit import Unit, UnitLevel
from danvan_desktop.services.report.settings import KEYS as REPORT_KEYS
from danvan_desktop.services.report.settings import due_date as report_due_date
from danvan_desktop.store.database import Database
from danvan_desktop.store.exchange_log import BatchIn, ExchangeLog, local_day
from danvan_desktop.store.units import UnitRepository

# The hand-over is due with the report: the same setting and rule as services/report/settings.py.
DUE_DAY_SETTING = REPORT_KEYS["due_day"]
DEFAULT_DUE_DAY = 20

ON_TIME, LATE, MISSING, NOT_DUE = "on_time", "late", "missing", "not_due"


@dataclass
class CompletenessRow:
    unit_code: str
    unit_name: str
    status: str
    handed_at: dt.date | None = None
    days_late: int = 0
    batch: BatchIn | None = None
    batches: int = 0

    @property
    def status_text(self) -> str:
        if self.status == ON_TIME:
            return _("Đúng hạn")
        if self.status == LATE:
            return _("Trễ {n} ngày").format(n=self.days_late)
        if self.status == NOT_DUE:
            return _("Chưa nộp (chưa đến hạn)")
        return _("Chưa nộp (quá hạn {n} ngày)").format(n=self.days_late)


def batch_day(batch: BatchIn) -> dt.date:
    """The day the commune wrote the file."""
    return local_day(batch.created_at) or dt.date.min


class UpperLevelService:
    def __init__(self, db: Database, today: Callable[[], dt.date] = vietnam_today) -> None:
        self.db = db
        self.today = today
        self.log = ExchangeLog(db)
        self.units = UnitRepository(db)

    def is_upper(self) -> bool:
        unit = self.units.by_code(self.db.unit_code) if self.db.unit_code else None
        return unit is not None and unit.level == UnitLevel.UPPER.value

    def due_day(self) -> int:
        try:
            return min(max(int(self.db.get_setting(DUE_DAY_SETTING, str(DEFAULT_DUE_DAY)) or DEFAULT_DUE_DAY), 1), 28)
        except ValueError:
            return DEFAULT_DUE_DAY

    def set_due_day(self, day: int) -> None:
        from danvan_desktop.domain.records import RuleError
        if not 1 <= day <= 31:   # stored as typed; read back clamped to 28 like the report's own settings
            raise RuleError(_("Ngày hạn nộp phải từ 1 đến 31."), "due_day")
        self.db.set_setting(DUE_DAY_SETTING, str(day))

    def due_date(self, period: Period) -> dt.date:
        return report_due_date(period.code, self.due_day())

    def communes(self) -> list[Unit]:
        """Every unit this installation holds other than itself, by name."""
        return [u for u in self.units.all() if u.code != self.db.unit_code]

    def completeness(self, period: Period | str) -> list[CompletenessRow]:
        period = Period.parse(str(period))
        due = self.due_date(period)
        today = self.today()
        by_unit: dict[str, list[BatchIn]] = {}
        for batch in self.log.batches_in_for_period(period.code):
            declared = batch.period == period.code or (not batch.period and period.code in batch.periods)
            if batch.kind == "batch" and declared:
                by_unit.setdefault(batch.sender_unit, []).append(batch)
        rows = []
        names = {u.code: u.name for u in self.communes()}
        for code in sorted(set(names) | set(by_unit), key=lambda c: (vi_key(names.get(c, "")), c)):
            batches = sorted(by_unit.get(code, []), key=lambda b: b.created_at)
            name = names.get(code) or (batches[0].sender_unit_name if batches else code)
            if not batches:
                rows.append(CompletenessRow(code, name, NOT_DUE if today <= due else MISSING,
                                            days_late=max((today - due).days, 0)))
                continue
            first = batches[0]
            day = batch_day(first)
            late = (day - due).days
            rows.append(CompletenessRow(code, name, LATE if late > 0 else ON_TIME, day, max(late, 0), first,
                                        len(batches)))
        return rows

    def consolidated_document(self, period: Period | str):
        from danvan_desktop.services.upper.report import build_consolidated
        return build_consolidated(self, Period.parse(str(period)), self.today())

    def consolidated_pdf(self, period: Period | str, target) -> Path:
        from danvan_desktop.services.upper.report import consolidated_pdf
        return consolidated_pdf(self, Period.parse(str(period)), target)

    def documents(self) -> list[dict]:
        """Approved documents received from the communes, newest first, each with a readable title."""
        result = []
        for doc in self.log.documents():
            title = doc["name"]
            if doc["name"].startswith("report-"):
                row = self.db.conn.execute("SELECT period, number FROM reports WHERE pdf_sha256 = ? LIMIT 1",
                                           (doc["name"][7:],)).fetchone() if self._has_reports() else None
                if row is not None:
                    title = _("Báo cáo {period}").format(period=Period.parse(row[0]).label())
                    if row[1]:
                        title += _(" (số {number})").format(number=row[1])
            unit = self.units.by_code(doc["unit_code"])
            result.append({**doc, "title": title, "unit_name": unit.name if unit else doc["unit_code"]})
        return result

    def _has_reports(self) -> bool:
        return self.db.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'reports'").fetchone() is not None
