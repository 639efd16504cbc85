"""The consolidated report as the upper body's own document: the commune report's record, number
register and life (draft → approve → lock → new version) reused, with the upper body's sections,
drafting, header, signer, approvers and recipients."""

from __future__ import annotations

from danvan_desktop.domain import consolidated as spec
from danvan_desktop.domain.formats import document_date, short_date
from danvan_desktop.domain.i18n import _, vietnamese
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.report import Report
from danvan_desktop.render.document import Document
from danvan_desktop.services.documents.numbering import layout_family
from danvan_desktop.services.report.service import ReportService
from danvan_desktop.services.upper import drafting, settings
from danvan_desktop.services.upper.completeness import completeness
from danvan_desktop.services.upper.consolidate import communes, consolidate
from danvan_desktop.services.upper.document import build
from danvan_desktop.services.upper.facts import gather
from danvan_desktop.store.reports import ReportRepository
from danvan_desktop.store.units import UnitRepository


class OwnReportRepository(ReportRepository):
    """Only the upper body's own reports: the communes' reports lie in the same table at the upper level."""

    def select(self, where: str = "1", params=(), **kwargs):
        return super().select(f"({where}) AND unit_code = ?", (*tuple(params), self.db.unit_code), **kwargs)


class ConsolidatedReportService(ReportService):
    section_specs = spec.SECTIONS

    def __init__(self, db, today) -> None:
        super().__init__(db, today)
        self.repo = OwnReportRepository(db)

    # -- what differs from the commune report ----------------------------------------------------
    def defaults(self):
        return settings.load(self.db)

    def default_subject(self, period: Period) -> str:
        return spec.default_subject(period)

    def approvers(self) -> list[str]:
        return settings.load(self.db).approvers

    def _drafts_vi(self, period: Period) -> tuple[dict[str, str], list[dict]]:
        rule = settings.due_rule(self.db)
        names = communes(self.db)
        c = consolidate(self.db, period)
        rows = completeness(self.db, period, rule, self.today(), names)
        facts = gather(self.db, period, names)
        texts = drafting.draft_sections(c, rows, facts, short_date(rule.due_date(period)))
        return texts, drafting.figures_table(c, rows)

    def document(self, report_id: str) -> Document:
        report = self.get(report_id)
        unit = UnitRepository(self.db).by_code(self.db.unit_code)
        with vietnamese():
            return build(report, self.sections(report_id), unit, settings.load(self.db).issuing_body,
                         layout_family(report.layout))

    def create_draft(self, period_code: str, kind: str | None = None) -> Report:
        """Dated today: the province consolidates after the communes' due date, not within the period."""
        report = super().create_draft(period_code, kind)
        return self.update_header(report.id, doc_date=self.today())

    def approve(self, report_id: str, approver: str, *, keep_pdf: bool = True) -> Report:
        from danvan_desktop.domain.records import RuleError
        if not self.approvers():
            raise RuleError(_("Chưa khai báo người ký, người được duyệt báo cáo tổng hợp trong Cài đặt."), "approver")
        return super().approve(report_id, approver, keep_pdf=keep_pdf)

    def file_name(self, report: Report) -> str:
        number = f"{report.number:02d}-" if report.number else ""
        return f"BCTH-{number}{report.period}-v{report.version}"

    def new_version(self, report_id: str) -> Report:
        old = self.get(report_id)
        new = super().new_version(report_id)
        with vietnamese():
            note = _("Báo cáo này thay thế Báo cáo {number} ngày {date}.").format(
                number=self.printed_number(old).replace("Số: ", "số ").replace("Số ", "số "),
                date=document_date(old.doc_date) if old.doc_date else "")
        return self.update_header(new.id, replace_note=note)
