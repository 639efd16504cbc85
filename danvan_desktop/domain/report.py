"""The briefing report: kind and period, its ordered sections, number, signer, recipients and lock.

A report is a draft until approved; approving stores the content hash (the lock) and the
approved PDF; a handed-over report is one the officer has sent. A correction is a new
version with its own number, or an explicit «thay thế» note.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.labels import LabelledEnum
from danvan_desktop.domain.periods import Period, PeriodKind
from danvan_desktop.domain.records import Record


class ReportStatus(LabelledEnum):
    DRAFT = "draft", N_("Dự thảo")
    APPROVED = "approved", N_("Đã duyệt")
    HANDED_OVER = "handed_over", N_("Đã gửi")


KIND_LABELS = {
    PeriodKind.MONTH: N_("Báo cáo tháng"),
    PeriodKind.QUARTER: N_("Báo cáo quý"),
    PeriodKind.HALF: N_("Báo cáo 6 tháng"),
    PeriodKind.NINE: N_("Báo cáo 9 tháng"),
    PeriodKind.YEAR: N_("Báo cáo năm"),
}


@dataclass(frozen=True)
class SectionSpec:
    key: str
    group: str          # roman numeral of the part it belongs to
    title: str          # the heading as printed (level 2 for sub-sections)


# Part headings (level 1). "{next}" is "tháng tới" / "quý tới" / "6 tháng cuối năm" … by the period.
PART_TITLES = {
    "I": N_("TÌNH HÌNH NHÂN DÂN"),
    "II": N_("KẾT QUẢ CÔNG TÁC DÂN VẬN"),
    "III": N_("ĐÁNH GIÁ CHUNG"),
    "IV": N_("PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM {next}"),
    "V": N_("ĐỀ XUẤT, KIẾN NGHỊ"),
}

SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("situation", "I", ""),
    SectionSpec("leadership", "II", N_("Công tác lãnh đạo, chỉ đạo, điều hành của Khối dân vận")),
    SectionSpec("teams", "II", N_("Hoạt động của các tổ dân vận thôn")),
    SectionSpec("government", "II", N_("Công tác dân vận chính quyền")),
    SectionSpec("front", "II", N_("Hoạt động của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội")),
    SectionSpec("dvk", "II", N_("Phong trào thi đua “Dân vận khéo”")),
    SectionSpec("strengths", "III", N_("Ưu điểm")),
    SectionSpec("limits", "III", N_("Hạn chế, nguyên nhân")),
    SectionSpec("next", "IV", ""),
    SectionSpec("proposals", "V", ""),
)
SECTION_KEYS = tuple(s.key for s in SECTIONS)


def next_period_words(period: Period) -> str:
    """What 'the coming period' is called in part IV's heading."""
    kind = period.kind
    if kind is PeriodKind.MONTH:
        return _("THÁNG {m} NĂM {y}").format(m=period.next().months[0], y=period.next().year)
    if kind is PeriodKind.QUARTER:
        return _("QUÝ TỚI")
    if kind is PeriodKind.HALF:
        return _("6 THÁNG CUỐI NĂM") if period.code.endswith("1") else _("NĂM {y}").format(y=period.year + 1)
    if kind is PeriodKind.NINE:
        return _("QUÝ IV NĂM {y}").format(y=period.year)
    return _("NĂM {y}").format(y=period.year + 1)


@dataclass
class ReportSection(Record):
    report_id: str = ""
    key: str = ""
    position: int = 0
    text: str = ""               # what prints (the officer's edits included)
    drafted_text: str = ""       # the last draft the program wrote
    edited: bool = False         # the officer changed the text after the draft
    pending_draft: str = ""      # a newer draft offered beside edited text, never written over it
    content_hash: str | None = None   # the report's hash once approved: locks the row for the hand-over


@dataclass
class Report(Record):
    kind: str = PeriodKind.MONTH.value
    period: str = ""
    version: int = 1
    replaces_id: str | None = None
    replace_note: str = ""                 # «Báo cáo này thay thế Báo cáo số 07-BC/DV ngày …»
    status: str = ReportStatus.DRAFT.value
    layout: str = "HD36-2018"
    doc_type: str = "BC"
    number: int | None = None
    number_scope: str = ""
    body_symbol: str = "DV"
    doc_date: dt.date | None = None
    place: str = ""
    subject: str = ""
    signer_authority: str = ""
    signer_post: str = ""
    signer_name: str = ""
    recipients: list[str] = field(default_factory=list)
    figures_table: list[dict] = field(default_factory=list)   # the figures as drafted: code, name, unit, values
    include_figures_table: bool = True
    content_hash: str | None = None
    approved_by: str = ""
    approved_at: str = ""
    handed_over_on: dt.date | None = None
    handed_over_to: str = ""
    pdf_sha256: str = ""

    @property
    def period_value(self) -> Period:
        return Period.parse(self.period)

    @property
    def is_locked(self) -> bool:
        return self.content_hash is not None

    @property
    def status_label(self) -> str:
        return ReportStatus(self.status).label

    def title_line(self) -> str:
        """'Báo cáo tháng 10 năm 2026', 'Báo cáo quý IV năm 2026', 'Báo cáo 6 tháng đầu năm 2026' …"""
        return _("Báo cáo {period}").format(period=self.period_value.label())


def default_subject(period: Period) -> str:
    """The trích yếu, as real reports word it (starts lower-case)."""
    kind = period.kind
    if kind is PeriodKind.MONTH:
        return _("tình hình Nhân dân và kết quả công tác dân vận {period}").format(period=period.label())
    if kind is PeriodKind.YEAR:
        return _("tổng kết công tác dân vận {period}, phương hướng, nhiệm vụ năm {next}").format(
            period=period.label(), next=period.year + 1)
    return _("sơ kết công tác dân vận {period}, phương hướng, nhiệm vụ thời gian tới").format(period=period.label())


def content_hash(report: Report, sections: list[ReportSection]) -> str:
    """SHA-256 of what the approved document says: every printed field and every section's text."""
    payload = {
        "kind": report.kind, "period": report.period, "version": report.version, "layout": report.layout,
        "number": report.number, "doc_type": report.doc_type, "body_symbol": report.body_symbol,
        "doc_date": report.doc_date.isoformat() if report.doc_date else None, "place": report.place,
        "subject": report.subject, "signer": [report.signer_authority, report.signer_post, report.signer_name],
        "recipients": report.recipients, "figures": report.figures_table if report.include_figures_table else [],
        "replace_note": report.replace_note,
        "sections": [[s.key, s.text] for s in sorted(sections, key=lambda s: s.position)],
    }
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
