"""The consolidated report as the shared `render.document.Document`: the upper body's header
("TỈNH ỦY THANH HÓA" over "BAN TUYÊN GIÁO VÀ DÂN VẬN"), parts I–V, the consolidated figures table,
signature and recipients — laid out by the same renderer and profile as the commune documents."""

from __future__ import annotations

from danvan_desktop.domain import consolidated as spec
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.numbering import format_number, is_state
from danvan_desktop.domain.report import Report, ReportSection, ReportStatus, next_period_words
from danvan_desktop.domain.unit import Unit
from danvan_desktop.render.document import Document, Header, Heading, Paragraph, Signature, Table, Title
from danvan_desktop.services.report.document import _Footnotes, _paragraphs


def _heading(mark: str, title: str, family: str) -> str:
    return f"{mark}{'. ' if is_state(family) else '- '}{title}"


def communes_block(report: Report) -> Table | None:
    """Every commune whose data the report sums: months sent, approved reports, when, state."""
    rows = [row for row in report.figures_table if row.get("table") == "communes"]
    if not rows:
        return None
    several = len(report.period_value.months) > 1
    return Table(columns=[_("TT"), _("Đơn vị"), _("Tháng có số liệu") if several else _("Có số liệu"),
                          _("Báo cáo đã duyệt"), _("Ngày gửi"), _("Tình trạng")],
                 rows=[[str(i), row["name"], row["months"], row["reports"], row["handed"], row["status"]]
                       for i, row in enumerate(rows, start=1)],
                 widths=[0.6, 2.4, 1.8, 1.2, 1.5, 2.5], align_right=[0],
                 caption=_("Tình hình gửi báo cáo, dữ liệu của các xã"))


def figures_block(report: Report) -> Table:
    label = report.period_value.label()
    figures = [row for row in report.figures_table if row.get("table", "figures") == "figures"]
    rows = [[str(i), row["name"], row.get("unit", ""), row.get("value_text", ""), row.get("last_year_text", ""),
             str(row.get("communes", ""))] for i, row in enumerate(figures, start=1)]
    return Table(columns=[_("TT"), _("Chỉ tiêu"), _("Đơn vị tính"), label[:1].upper() + label[1:],
                          _("Cùng kỳ năm trước"), _("Số xã")],
                 rows=rows, widths=[0.6, 3.8, 1.3, 1.6, 1.6, 0.8], align_right=[3, 4, 5],
                 caption=_("Số liệu tổng hợp của các xã"))


def header(unit: Unit, issuing_body: str, number: str, place: str, day) -> Header:
    committee = unit.party_committee_name or unit.upper_party_name
    return Header(upper_body=committee.upper(), issuing_body=[issuing_body.upper()] if issuing_body else [],
                  number=number, place=place or unit.place_name, date=day)


def build(report: Report, sections: list[ReportSection], unit: Unit, issuing_body: str,
          family: str = "party") -> Document:
    by_key = {s.key: s for s in sections}
    notes = _Footnotes()
    body: list = []
    if report.replace_note.strip():
        body.append(Paragraph(report.replace_note.strip(), indent=True, italic=True))
    counters: dict[str, int] = {}
    for section_spec in spec.SECTIONS:
        if section_spec.group not in counters:
            counters[section_spec.group] = 0
            title = _(spec.PART_TITLES[section_spec.group]).format(next=next_period_words(report.period_value))
            body.append(Heading(_heading(section_spec.group, title, family), level=1))
        if section_spec.title:
            counters[section_spec.group] += 1
            body.append(Heading(_heading(str(counters[section_spec.group]), _(section_spec.title), family), level=2))
        section = by_key.get(section_spec.key)
        body.extend(_paragraphs(section.text if section else "", notes))
        if section_spec.key == spec.COMMUNES_AFTER and report.include_figures_table:
            table = communes_block(report)
            if table is not None:
                body.append(table)
        if section_spec.key == spec.TABLE_AFTER and report.include_figures_table and report.figures_table:
            body.append(figures_block(report))
    number = format_number(family, report.number, report.doc_type, report.body_symbol)
    return Document(
        header=header(unit, issuing_body, number, report.place, report.doc_date),
        title=Title(_("BÁO CÁO"), report.subject), body=body, footnotes=notes.notes,
        recipients=[r.strip() for r in report.recipients if r.strip()],
        signatures=[Signature(authority=report.signer_authority, post=report.signer_post, name=report.signer_name)],
        layout=report.layout,
        stamp=_("DỰ THẢO — chưa được duyệt") if report.status == ReportStatus.DRAFT.value else "",
        metadata={"title": f"{_('Báo cáo')} {report.subject}", "author": unit.name, "subject": report.subject,
                  "number": number})
