"""Reports: draft from the period's data, edit sections, number, approve (lock), hand over, correct.

A redraft never overwrites a section the officer edited: the new draft waits beside it
(`pending_draft`) until accepted or dismissed. Approval checks every section, the number and
the signer, stores the content hash and keeps the approved PDF with the report.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from danvan_desktop.domain.formats import document_date
from danvan_desktop.domain.i18n import _, vietnamese
from danvan_desktop.domain.numbering import format_number
from danvan_desktop.domain.periods import Period, PeriodKind
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.report import (
    SECTIONS,
    Report,
    ReportSection,
    ReportStatus,
    content_hash,
    default_subject,
)
from danvan_desktop.domain.text import clean, clean_multiline
from danvan_desktop.domain.today import now as vietnam_now
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.render.document import Document
from danvan_desktop.services.activity import logged
from danvan_desktop.services.documents import printing
from danvan_desktop.services.documents.numbering import NumberingService, layout_family
from danvan_desktop.services.figures.service import FigureService
from danvan_desktop.services.report import document as report_document
from danvan_desktop.services.report import settings as report_settings
from danvan_desktop.services.report.drafting import draft_sections, figures_table
from danvan_desktop.services.report.facts import gather
from danvan_desktop.store.database import Database
from danvan_desktop.store.reports import FileStore, ReportRepository, SectionRepository
from danvan_desktop.store.units import UnitRepository

HOLDER = "reports"


class ReportService:
    section_specs = SECTIONS      # a report of another shape (the upper level's) names its own

    def __init__(self, db: Database, today=vietnam_today) -> None:
        self.db = db
        self.today = today
        self.repo = ReportRepository(db)
        self.sections_repo = SectionRepository(db)
        self.numbers = NumberingService(db)
        self.files = FileStore(db)

    # -- reading ----------------------------------------------------------------------------
    def list(self) -> list[Report]:
        return self.repo.all()

    def get(self, report_id: str) -> Report:
        return self.repo.get(report_id, include_deleted=False)

    def sections(self, report_id: str) -> list[ReportSection]:
        return self.sections_repo.of_report(report_id)

    def section(self, report_id: str, key: str) -> ReportSection:
        for section in self.sections(report_id):
            if section.key == key:
                return section
        raise RuleError(_("Báo cáo không có mục «{key}».").format(key=key))

    def current_for(self, period: str) -> Report | None:
        """The newest version of the period's report, if any."""
        found = self.repo.of_period(Period.parse(period).code)
        return found[0] if found else None

    def printed_number(self, report: Report) -> str:
        return format_number(layout_family(report.layout), report.number, report.doc_type, report.body_symbol)

    # -- drafting ---------------------------------------------------------------------------
    def _check_period(self, period: Period) -> None:
        if period.start > self.today():
            raise RuleError(_("{period} chưa bắt đầu; chưa thể lập báo cáo.").format(
                period=period.label().capitalize()), "period")

    def _drafts(self, period: Period) -> tuple[dict[str, str], list[dict]]:
        with vietnamese():   # the report is written in Vietnamese whatever the screen's language
            return self._drafts_vi(period)

    def _drafts_vi(self, period: Period) -> tuple[dict[str, str], list[dict]]:
        facts = gather(self.db, period, self.today())
        figures = FigureService(self.db, self.today)
        fmt = {f.code: f for f in figures.catalogue()}
        from danvan_desktop.services.figures.service import format_value
        rows = figures_table(facts, lambda code, value: format_value(fmt[code], value))
        return draft_sections(facts), rows

    def create_draft(self, period_code: str, kind: str | None = None) -> Report:
        period = Period.parse(period_code)
        if kind and PeriodKind(kind) is not period.kind:
            raise RuleError(_("Kỳ {period} không phải kỳ của loại báo cáo đã chọn.").format(period=period.code),
                            "period")
        self._check_period(period)
        existing = self.current_for(period.code)
        if existing is not None:
            raise RuleError(_("Đã có báo cáo {period} (bản {version}, {status}); hãy mở để sửa, hoặc lập bản "
                              "thay thế.").format(period=period.label(), version=existing.version,
                                                 status=existing.status_label), "period")
        with vietnamese():
            defaults = self.defaults()
            subject = self.default_subject(period)
        unit = UnitRepository(self.db).by_code(self.db.unit_code)
        doc_day = min(self.today(), max(period.end, period.start))
        report = Report(kind=period.kind.value, period=period.code, layout=self.numbers.layout(),
                        body_symbol=unit.doc_symbol if unit else "DV", doc_date=doc_day, place=defaults.place,
                        subject=subject, signer_authority=defaults.authority,
                        signer_post=defaults.post, signer_name=defaults.name, recipients=defaults.recipients)
        drafts, rows = self._drafts(period)
        report.figures_table = rows
        with self.db.transaction():
            self.repo.insert(report)
            for position, spec in enumerate(self.section_specs):
                text = drafts.get(spec.key, "")
                self.sections_repo.insert(ReportSection(report_id=report.id, key=spec.key, position=position,
                                                        text=text, drafted_text=text))
        return report

    def get_or_draft(self, period_code: str, kind: str | None = None) -> Report:
        return self.current_for(period_code) or self.create_draft(period_code, kind)

    def redraft(self, report_id: str) -> list[str]:
        """Draft again from today's data. Untouched sections take the new text; edited ones keep the
        officer's text and get the new draft beside it. Returns the keys of sections with a draft waiting."""
        report = self._editable(report_id)
        drafts, rows = self._drafts(report.period_value)
        waiting = []
        with self.db.transaction():
            for section in self.sections(report_id):
                new = drafts.get(section.key, "")
                if not section.edited:
                    section.text = section.drafted_text = new
                    section.pending_draft = ""
                elif new != section.drafted_text and new != section.text:
                    section.pending_draft = new
                    waiting.append(section.key)
                else:
                    continue
                self.sections_repo.update(section)
            report.figures_table = rows
            self.repo.update(report)
        return waiting

    def save_edits(self, report_id: str, header: dict, sections: dict[str, str]) -> None:
        """What the editor holds, header and every section, saved in one transaction: all or nothing."""
        with self.db.transaction():
            self.update_header(report_id, **header)
            for key, text in sections.items():
                self.save_section(report_id, key, text)

    def save_section(self, report_id: str, key: str, text: str) -> ReportSection:
        self._editable(report_id)
        section = self.section(report_id, key)
        text = clean_multiline(text)
        if text == section.text:
            return section
        section.text = text
        section.edited = text != section.drafted_text
        return self.sections_repo.update(section)

    def accept_pending(self, report_id: str, key: str) -> ReportSection:
        self._editable(report_id)
        section = self.section(report_id, key)
        if not section.pending_draft:
            return section
        section.text = section.drafted_text = section.pending_draft
        section.pending_draft, section.edited = "", False
        return self.sections_repo.update(section)

    def dismiss_pending(self, report_id: str, key: str) -> ReportSection:
        self._editable(report_id)
        section = self.section(report_id, key)
        section.drafted_text, section.pending_draft = section.pending_draft or section.drafted_text, ""
        return self.sections_repo.update(section)

    def defaults(self):
        """Signer, recipients and place a new draft starts with."""
        return report_settings.load(self.db, self.today())

    def save_settings(self, *, layout_code: str, term_starts: list[dt.date],
                      defaults: report_settings.ReportDefaults, dvk_target: int) -> None:
        """The report settings dialog's five groups saved in one transaction: a refused value changes nothing."""
        from danvan_desktop.services.documents.settings import DocumentSettings
        from danvan_desktop.services.figures.dvk import DvkService
        with self.db.transaction():
            DocumentSettings(self.db).set_layout_code(layout_code)
            NumberingService(self.db).set_term_starts(term_starts)
            report_settings.save(self.db, defaults)
            DvkService(self.db, self.today).set_target(dvk_target)

    def default_subject(self, period: Period) -> str:
        return default_subject(period)

    # -- header fields ----------------------------------------------------------------------
    def _editable(self, report_id: str) -> Report:
        report = self.get(report_id)
        if report.is_locked:
            raise RuleError(_("Báo cáo đã được duyệt và khóa; muốn sửa hãy lập bản thay thế."))
        return report

    def update_header(self, report_id: str, *, doc_date: dt.date | None = None, place: str | None = None,
                      subject: str | None = None, signer_authority: str | None = None,
                      signer_post: str | None = None, signer_name: str | None = None,
                      recipients: list[str] | None = None, include_figures_table: bool | None = None,
                      replace_note: str | None = None) -> Report:
        report = self._editable(report_id)
        period = report.period_value
        with self.db.transaction():
            if doc_date is not None:
                if doc_date < period.start:
                    raise RuleError(_("Ngày báo cáo ({date}) trước khi kỳ báo cáo bắt đầu.").format(
                        date=doc_date.strftime("%d/%m/%Y")), "doc_date")
                if doc_date > self.today() + dt.timedelta(days=31):
                    raise RuleError(_("Ngày báo cáo quá xa trong tương lai."), "doc_date")
                old_scope = report.number_scope
                report.doc_date = doc_date
                if report.number and self.numbers.scope(doc_date, report.layout) != old_scope:
                    # the number belongs to another term / year now: give it back, take the new scope's next
                    self.numbers.release(HOLDER, report.id)
                    report.number = None
                    report.number_scope = ""
            for attr, value in (("place", place), ("subject", subject), ("signer_authority", signer_authority),
                                ("signer_post", signer_post), ("signer_name", signer_name)):
                if value is not None:
                    setattr(report, attr, clean(value))
            if replace_note is not None:
                report.replace_note = clean_multiline(replace_note)
            if recipients is not None:
                report.recipients = [clean(r).lstrip("-– ").strip() for r in recipients if clean(r).strip("-– ")]
            if include_figures_table is not None:
                report.include_figures_table = include_figures_table
            if not report.subject:
                raise RuleError(_("Trích yếu báo cáo không được để trống."), "subject")
            return self.repo.update(report)

    # -- numbering --------------------------------------------------------------------------
    def take_number(self, report_id: str, wanted: int | None = None) -> Report:
        report = self._editable(report_id)
        if report.doc_date is None:
            raise RuleError(_("Hãy nhập ngày báo cáo trước khi lấy số."), "doc_date")
        scope = self.numbers.scope(report.doc_date, report.layout)
        with self.db.transaction():
            report.number = self.numbers.take(report.doc_type, scope, HOLDER, report.id, wanted)
            report.number_scope = scope
            return self.repo.update(report)

    def clear_number(self, report_id: str) -> Report:
        report = self._editable(report_id)
        with self.db.transaction():
            self.numbers.release(HOLDER, report.id)
            report.number, report.number_scope = None, ""
            return self.repo.update(report)

    # -- approval, hand-over, correction ----------------------------------------------------
    def figure_problems(self, report_id: str) -> list:
        """The period's figures that break a consistency rule (domain/figures.BALANCES and bounds)."""
        from danvan_desktop.services.figures.service import FigureService
        return FigureService(self.db, self.today).period_problems(self.get(report_id).period)

    def approvers(self) -> list[str]:
        return report_settings.allowed_approvers(self.db, self.today())

    @logged("approve report")
    def approve(self, report_id: str, approver: str, *, keep_pdf: bool = True) -> Report:
        report = self._editable(report_id)
        sections = self.sections(report_id)
        allowed = self.approvers()
        if not allowed:
            raise RuleError(_("Chưa có Trưởng khối đương nhiệm hay người được giao duyệt báo cáo trong Cài đặt."))
        if clean(approver) not in allowed:
            raise RuleError(_("Chỉ {names} được duyệt báo cáo.").format(names=", ".join(allowed)), "approver")
        titles = {spec.key: spec for spec in self.section_specs}
        for section in sections:
            if not section.text.strip():
                spec = titles.get(section.key)
                raise RuleError(_("Mục «{title}» còn trống; hãy viết nội dung trước khi duyệt.").format(
                    title=_(spec.title) if spec and spec.title else _section_part(section.key)), section.key)
        if not report.number:
            raise RuleError(_("Báo cáo chưa có số; hãy lấy số trước khi duyệt."), "number")
        if not report.signer_name.strip():
            raise RuleError(_("Chưa có họ tên người ký."), "signer_name")
        if report.doc_date is None:
            raise RuleError(_("Chưa có ngày báo cáo."), "doc_date")
        broken = self.figure_problems(report_id)
        if broken:
            raise RuleError(_("Số liệu của kỳ chưa nhất quán, chưa duyệt được: {problem}").format(
                problem=broken[0].message) + (_(" (và {n} chỗ khác)").format(n=len(broken) - 1)
                                               if len(broken) > 1 else ""), "figures")
        with self.db.transaction():
            self.numbers.issue(HOLDER, report.id, report.subject)
            report.status = ReportStatus.APPROVED.value
            report.approved_by = clean(approver)
            report.approved_at = vietnam_now().strftime("%Y-%m-%d %H:%M")
            report.content_hash = content_hash(report, sections)
            self.repo.update(report)
            for section in sections:
                section.content_hash = report.content_hash
                self.sections_repo.update(section)
        if keep_pdf:
            try:
                self.approved_pdf(report.id)
            except RuleError:
                pass  # no renderer in this build: the PDF is made the first time it is asked for
        return self.get(report.id)

    def approved_pdf(self, report_id: str, rendered: bytes | None = None) -> bytes:
        """The PDF kept with an approved report; rendered and stored the first time it is asked for (`rendered`:
        the document's PDF already rendered off the GUI thread)."""
        report = self.get(report_id)
        if not report.is_locked:
            raise RuleError(_("Báo cáo chưa được duyệt."))
        if report.pdf_sha256:
            data = self.files.get(report.pdf_sha256)
            if data is not None:
                return data
        data = rendered if rendered is not None else printing.document_pdf(self.document(report_id))
        sha = hashlib.sha256(data).hexdigest()
        with self.db.transaction():
            self.files.put(sha, report.id, self.file_name(report) + ".pdf", data)
            report.pdf_sha256 = sha
            self.repo.update(report, action="update")
        return data

    def hand_over(self, report_id: str, to: str, on: dt.date | None = None) -> Report:
        report = self.get(report_id)
        if report.status == ReportStatus.DRAFT.value:
            raise RuleError(_("Chỉ gửi báo cáo đã được duyệt."))
        report.status = ReportStatus.HANDED_OVER.value
        report.handed_over_to = clean(to)
        report.handed_over_on = on or self.today()
        return self.repo.update(report)

    def new_version(self, report_id: str) -> Report:
        """A correction of an approved report: a new draft version (own number) noting what it replaces."""
        old = self.get(report_id)
        if not old.is_locked:
            raise RuleError(_("Báo cáo chưa duyệt thì sửa trực tiếp, không cần lập bản thay thế."))
        if self.current_for(old.period).id != old.id:
            raise RuleError(_("Đã có bản mới hơn của báo cáo này."))
        with vietnamese():
            # document_date() already reads "ngày 02 tháng 11 năm 2026": no second "ngày" here
            note = _("Báo cáo này thay thế Báo cáo {number} {date} của Khối dân vận.").format(
                number=self.printed_number(old).replace("Số: ", "số ").replace("Số ", "số "),
                date=document_date(old.doc_date) if old.doc_date else "")
        new = Report(**{k: v for k, v in old.__dict__.items()
                        if k not in ("id", "created_at", "updated_at", "updated_by", "origin", "deleted")})
        new.version, new.replaces_id, new.replace_note = old.version + 1, old.id, note
        new.status, new.number, new.number_scope, new.content_hash = ReportStatus.DRAFT.value, None, "", None
        new.approved_by = new.approved_at = new.pdf_sha256 = new.handed_over_to = ""
        new.handed_over_on, new.doc_date = None, self.today()
        with self.db.transaction():
            self.repo.insert(new)
            for section in self.sections(old.id):
                self.sections_repo.insert(ReportSection(report_id=new.id, key=section.key, position=section.position,
                                                        text=section.text, drafted_text=section.drafted_text,
                                                        edited=section.edited))
        return new

    def delete(self, report_id: str) -> Report:
        report = self.get(report_id)
        if report.is_locked:
            raise RuleError(_("Báo cáo đã duyệt không xóa được; nếu cần sửa, hãy lập bản thay thế."))
        with self.db.transaction():
            self.numbers.release(HOLDER, report.id)
            report.number, report.number_scope = None, ""
            self.repo.update(report)
            return self.repo.soft_delete(report.id)

    def restore(self, report_id: str) -> Report:
        with self.db.transaction():
            report = self.repo.restore(report_id)
            clash = [r for r in self.repo.of_period(report.period) if r.id != report.id and r.version == report.version]
            if clash:
                raise RuleError(_("Đã có báo cáo khác cho kỳ này."))
            return report

    def verify_lock(self, report_id: str) -> bool:
        """True when an approved report's content still matches the hash stored when it was approved."""
        report = self.get(report_id)
        return report.content_hash is not None and report.content_hash == content_hash(report, self.sections(report_id))

    # -- documents --------------------------------------------------------------------------
    def document(self, report_id: str) -> Document:
        report = self.get(report_id)
        unit = UnitRepository(self.db).by_code(self.db.unit_code)
        with vietnamese():
            return report_document.build(report, self.sections(report_id), unit, layout_family(report.layout))

    def file_name(self, report: Report) -> str:
        number = f"{report.number:02d}-" if report.number else ""
        return f"BC-{number}{report.period}-v{report.version}"

    def write_pdf(self, report_id: str, path) -> None:
        report = self.get(report_id)
        data = self.approved_pdf(report_id) if report.is_locked else printing.document_pdf(self.document(report_id))
        if report.is_locked:   # printed after a hand-over: batch number, short hash and QR (services/exchange_marks)
            from danvan_desktop.services.handover.marks import mark_pdf
            data = mark_pdf(self.db, "reports", report.id, data)
        printing.save_pdf_bytes(data, path)

    def write_docx(self, report_id: str, path) -> None:
        printing.save_docx(self.document(report_id), path)


def _section_part(key: str) -> str:
    from danvan_desktop.domain.report import PART_TITLES
    group = next(s.group for s in SECTIONS if s.key == key)
    return f"{group}- " + _(PART_TITLES[group]).split(" {")[0].replace("{next}", "").strip()
