"""The upper level's view of its communes: who reported a period and when, against the upper body's
own due rule; the consolidation of any period; the consolidated report; the documents received."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from danvan_desktop.domain.due_rule import EARLY, LATE, MISSING, NOT_DUE, ON_TIME, DueRule
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.domain.unit import Unit, UnitLevel
from danvan_desktop.services.upper import settings
from danvan_desktop.services.upper.completeness import CompletenessRow, completeness
from danvan_desktop.services.upper.consolidate import Consolidation, communes, consolidate
from danvan_desktop.store.database import Database
from danvan_desktop.store.exchange_log import ExchangeLog
from danvan_desktop.store.units import UnitRepository

__all__ = ["EARLY", "LATE", "MISSING", "NOT_DUE", "ON_TIME", "CompletenessRow", "UpperLevelService"]

# The received documents list is read a page at a time (a province receives ~2 400 a month).
DOCUMENTS_PAGE = 500


class UpperLevelService:
    def __init__(self, db: Database, today: Callable[[], dt.date] = vietnam_today) -> None:
        self.db = db
        self.today = today
        self.log = ExchangeLog(db)
        self.units = UnitRepository(db)
        self._report = None

    def is_upper(self) -> bool:
        unit = self.units.by_code(self.db.unit_code) if self.db.unit_code else None
        return unit is not None and unit.level == UnitLevel.UPPER.value

    # -- the due rule ----------------------------------------------------------------------------
    def due_rule(self) -> DueRule:
        return settings.due_rule(self.db)

    def set_due_rule(self, due_day: int, window_start: int | None = None) -> DueRule:
        rule = DueRule(due_day, self.due_rule().window_start if window_start is None else window_start)
        settings.save_due_rule(self.db, rule)
        return rule

    def due_day(self) -> int:
        return self.due_rule().due_day

    def due_date(self, period: Period | str) -> dt.date:
        return self.due_rule().due_date(Period.parse(str(period)))

    def reporting_period(self) -> Period:
        """The month the communes are reporting on now: the last month whose window has closed."""
        month = Period.containing(self.today())
        rule = self.due_rule()
        while rule.window_end(month) >= self.today():
            month = month.previous()
        return month

    # -- the communes ----------------------------------------------------------------------------
    def communes(self) -> list[Unit]:
        """Every unit this installation holds other than itself, by name."""
        return [u for u in self.units.all() if u.code != self.db.unit_code]

    def completeness(self, period: Period | str) -> list[CompletenessRow]:
        return completeness(self.db, period, self.due_rule(), self.today(), communes(self.db))

    def overview(self) -> UpperOverview:
        return overview(self)

    def consolidate(self, period: Period | str) -> Consolidation:
        return consolidate(self.db, period)

    # -- the consolidated report -----------------------------------------------------------------
    @property
    def reports(self):
        if self._report is None:
            from danvan_desktop.services.upper.report import ConsolidatedReportService
            self._report = ConsolidatedReportService(self.db, self.today)
        return self._report

    def consolidated_report(self, period: Period | str):
        """The period's consolidated report (its newest version), drafted from the records if there is none."""
        return self.reports.get_or_draft(Period.parse(str(period)).code)

    def consolidated_document(self, period: Period | str):
        return self.reports.document(self.consolidated_report(period).id)

    def consolidated_pdf(self, period: Period | str, target) -> Path:
        report = self.consolidated_report(period)
        self.reports.write_pdf(report.id, Path(target))
        return Path(target)

    def consolidated_docx(self, period: Period | str, target) -> Path:
        report = self.consolidated_report(period)
        self.reports.write_docx(report.id, Path(target))
        return Path(target)

    # -- documents received ----------------------------------------------------------------------
    def documents(self, limit: int = DOCUMENTS_PAGE, offset: int = 0) -> list[dict]:
        """Approved documents received from the communes, newest first, one page, each with a readable title:
        one query (the report each PDF belongs to and the sender's name joined in)."""
        rows = self.db.conn.execute(
            "SELECT d.*, r.period AS report_period, r.number AS report_number, "
            "(SELECT u.name FROM units u WHERE u.code = d.unit_code AND u.deleted = 0) AS unit_name "
            "FROM exchange_documents d LEFT JOIN reports r ON r.id = (SELECT r2.id FROM reports r2 "
            "WHERE d.name LIKE 'report-%' AND r2.pdf_sha256 = substr(d.name, 8) AND r2.deleted = 0 LIMIT 1) "
            "ORDER BY d.received_at DESC, d.name LIMIT ? OFFSET ?", (limit, offset))
        result = []
        for row in rows:
            doc = dict(row)
            title = doc["name"]
            if doc.pop("report_period"):
                title = _("Báo cáo {period}").format(period=Period.parse(row["report_period"]).label())
                if doc["report_number"]:
                    title += _(" (số {number})").format(number=row["report_number"])
            doc.pop("report_number", None)
            doc["title"] = title
            doc["unit_name"] = doc["unit_name"] or doc["unit_code"]
            result.append(doc)
        return result


@dataclass
class UpperOverview:
    """What the upper level's dashboard shows for the period being reported on."""
    period: Period
    due: dt.date
    late: list[str]            # commune names
    missing: list[str]
    open_hot_spots: int
    hot_spot_communes: int
    new_keys: int              # keys trusted on first sight in the last KEY_DAYS days (to confirm by phone)


KEY_DAYS = 30


def overview(service: UpperLevelService) -> UpperOverview:
    period = service.reporting_period()
    rows = service.completeness(period)
    db = service.db
    spots, communes_ = db.conn.execute(
        "SELECT count(*), count(DISTINCT unit_code) FROM situation_notes WHERE deleted = 0 AND level = 'hot' "
        "AND resolved = 0 AND unit_code != ?", (db.unit_code,)).fetchone()
    since = (service.today() - dt.timedelta(days=KEY_DAYS)).isoformat()
    keys = db.conn.execute("SELECT count(*) FROM exchange_trusted_keys WHERE replaced_at IS NULL AND trusted_at >= ?",
                           (since,)).fetchone()[0]
    return UpperOverview(period, service.due_date(period), [r.unit_name for r in rows if r.status == LATE],
                         [r.unit_name for r in rows if r.status == MISSING], spots, communes_, keys)
