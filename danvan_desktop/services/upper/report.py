"""The consolidated report as the upper body's own document: the commune report's record, number
register and life (draft → approve → lock → new version) reused, with the upper body's sections,
drafting, header, signer, approvers and recipients."""

from __future__ import annotations

import datetime as dt

from danvan_desktop.domain import consolidated as spec
from danvan_desktop.domain.formats import document_date, short_date
from danvan_desktop.domain.i18n import _, vietnamese
from danvan_desktop.domain.periods import Period, PeriodKind
from danvan_desktop.domain.report import Report
from danvan_desktop.render.document import Document, Heading
from danvan_desktop.services.documents.numbering import layout_family
from danvan_desktop.services.report.service import ReportService
from danvan_desktop.services.upper import drafting, settings
from danvan_desktop.services.upper.completeness import completeness
from danvan_desktop.services.upper.consolidate import communes, consolidate
from danvan_desktop.services.upper.document import build
from danvan_desktop.services.upper.facts import gather
from danvan_desktop.services.yearwork.scorecard import ScorecardService, consolidated_targets_blocks
from danvan_desktop.store.reports import ReportRepository
from danvan_desktop.store.units import UnitRepository

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _next_part(body: list) -> str:
    """The numeral after the document's last part heading ("V- ĐỀ XUẤT…" → "VI")."""
    parts = [b.text.split("-")[0].split(".")[0].strip() for b in body if isinstance(b, Heading)]
    used = [ROMAN.index(p) for p in parts if p in ROMAN]
    return ROMAN[max(used) + 1] if used else ROMAN[0]


class OwnReportRepository(ReportRepository):
    """Only the upper body's own reports: the communes' reports lie in the same table at the upper level."""

    def select(self, where: str = "1", params=(), **kwargs):
        return super().select(f"({where}) AND unit_code = ?", (*tuple(params), self.db.unit_code), **kwargs)


class ConsolidatedReportService(ReportService):
    section_specs = spec.SECTIONS

    def __init__(self, db, today) -> None:
        super().__init__(db, today)
        self.repo = OwnReportRepository(db)
        self._prepared: dict[str, tuple[dict[str, str], list[dict]]] = {}

    # -- what differs from the commune report ----------------------------------------------------
    def defaults(self):
        return settings.load(self.db)

    def default_subject(self, period: Period) -> str:
        return spec.default_subject(period)

    def approvers(self) -> list[str]:
        return settings.load(self.db).approvers

    def figure_problems(self, report_id: str) -> list:
        """None of its own: the upper body types no figures. Each commune's figures are checked against
        that commune's rules by `danvan check`, commune by commune (services/upper/checks.py); the
        commune rules never run over the union of all communes."""
        return []

    def _drafts(self, period: Period) -> tuple[dict[str, str], list[dict]]:
        ready = self._prepared.pop(period.code, None)
        return ready if ready is not None else super()._drafts(period)

    def _drafts_vi(self, period: Period) -> tuple[dict[str, str], list[dict]]:
        return compute_drafts(self.db, self.today(), period)

    # -- the heavy part off the GUI thread ----------------------------------------------------------
    def draft_from(self, period_code: str, parts: tuple[dict[str, str], list[dict]]) -> Report:
        """The period's report (drafted now from `parts`, made by `draft_parts` on the job runner, if it has none)."""
        self._prepared[Period.parse(period_code).code] = parts
        try:
            return self.get_or_draft(period_code)
        finally:
            self._prepared.pop(Period.parse(period_code).code, None)

    def redraft_from(self, report_id: str, parts: tuple[dict[str, str], list[dict]]) -> list[str]:
        self._prepared[self.get(report_id).period] = parts
        try:
            return self.redraft(report_id)
        finally:
            self._prepared.pop(self.get(report_id).period, None)

    def document(self, report_id: str) -> Document:
        report = self.get(report_id)
        unit = UnitRepository(self.db).by_code(self.db.unit_code)
        with vietnamese():
            document = build(report, self.sections(report_id), unit, settings.load(self.db).issuing_body,
                             layout_family(report.layout))
            if report.period_value.kind is PeriodKind.YEAR:   # the year's report quotes the communes' scorecards
                scored = ScorecardService(self.db, self.today).every_commune(report.period_value.year)
                document.body += consolidated_targets_blocks(scored, _next_part(document.body))
        return document

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


def compute_drafts(db, today: dt.date, period: Period) -> tuple[dict[str, str], list[dict]]:
    """The sections and tables of a period's consolidated report, read from the communes' records (read only)."""
    rule = settings.due_rule(db)
    names = communes(db)
    c = consolidate(db, period)
    rows = completeness(db, period, rule, today, names)
    facts = gather(db, period, names)
    texts = drafting.draft_sections(c, rows, facts, short_date(rule.due_date(period)))
    return texts, drafting.figures_table(c, rows)


def draft_parts(db, today: dt.date, period_code: str) -> tuple[dict[str, str], list[dict]]:
    """`compute_drafts` in one read transaction of `db` (the job runner's connection: the screen stays live)."""
    with db.snapshot(), vietnamese():
        return compute_drafts(db, today, Period.parse(period_code))
