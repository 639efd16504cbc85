"""A report as the shared `render.document.Document`: header, title, parts I–V, figures table,
footnotes, signature and recipients, laid out by the Party (HD36) or State (ND30) profile."""

from __future__ import annotations

import re

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.numbering import format_number, is_state
from danvan_desktop.domain.report import (
    PART_TITLES,
    SECTIONS,
    Report,
    ReportSection,
    ReportStatus,
    next_period_words,
)
from danvan_desktop.domain.unit import Unit
from danvan_desktop.render.document import (
    Document,
    Footnote,
    Header,
    Heading,
    Paragraph,
    Signature,
    Table,
    Title,
)

_FOOTNOTE = re.compile(r"\[\[fn:(.*?)\]\]", re.DOTALL)
_NUMBERED = re.compile(r"^\d+[-.)]\s")
BLOC_NAME = "KHỐI DÂN VẬN"


def _part_heading(group: str, title: str, layout: str) -> str:
    sep = ". " if is_state(layout) else "- "
    return f"{group}{sep}{title}"


def _sub_heading(index: int, title: str, layout: str) -> str:
    sep = ". " if is_state(layout) else "- "
    return f"{index}{sep}{title}"


class _Footnotes:
    """Numbers [[fn:…]] markers in reading order across the whole document."""

    def __init__(self) -> None:
        self.notes: list[Footnote] = []

    def resolve(self, text: str) -> str:
        def repl(match: re.Match) -> str:
            self.notes.append(Footnote(len(self.notes) + 1, match.group(1).strip()))
            return f"[[fn:{len(self.notes)}]]"
        return _FOOTNOTE.sub(repl, text)


def _paragraphs(text: str, notes: _Footnotes) -> list[Paragraph]:
    result = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        result.append(Paragraph(notes.resolve(line), indent=True))
    return result


def figures_table_block(report: Report) -> Table:
    label = report.period_value.label()
    rows = []
    for i, row in enumerate(report.figures_table, start=1):
        rows.append([str(i), row["name"], row.get("unit", ""), row.get("value_text", ""),
                     row.get("last_year_text", "")])
    return Table(columns=[_("TT"), _("Chỉ tiêu"), _("Đơn vị tính"), label[:1].upper() + label[1:],
                          _("Cùng kỳ năm trước")],
                 rows=rows, widths=[0.6, 4.2, 1.3, 1.6, 1.6], align_right=[3, 4],
                 caption=_("Một số chỉ tiêu chủ yếu"))


def build(report: Report, sections: list[ReportSection], unit: Unit, family: str = "party") -> Document:
    layout = family                     # 'party' / 'state': which numbering and heading style applies
    by_key = {s.key: s for s in sections}
    notes = _Footnotes()
    body = []
    if report.replace_note.strip():
        body.append(Paragraph(report.replace_note.strip(), indent=True, italic=True))
    groups_seen: dict[str, int] = {}
    period = report.period_value
    for spec in SECTIONS:
        if spec.group not in groups_seen:
            groups_seen[spec.group] = 0
            title = _(PART_TITLES[spec.group]).format(next=next_period_words(period))
            body.append(Heading(_part_heading(spec.group, title, layout), level=1))
        section = by_key.get(spec.key)
        text = section.text if section else ""
        if spec.title:
            groups_seen[spec.group] += 1
            body.append(Heading(_sub_heading(groups_seen[spec.group], _(spec.title), layout), level=2))
        body.extend(_paragraphs(text, notes))
        if spec.key == "dvk" and report.include_figures_table and report.figures_table:
            body.append(figures_table_block(report))
    number = format_number(layout, report.number, report.doc_type, report.body_symbol)
    header = Header(upper_body=unit.upper_party_name,
                    issuing_body=[unit.party_committee_name, BLOC_NAME] if unit.party_committee_name else [BLOC_NAME],
                    number=number, place=report.place or unit.place_name, date=report.doc_date)
    recipients = [r.strip() for r in report.recipients if r.strip()]   # the renderer adds "- " and punctuation
    draft = report.status == ReportStatus.DRAFT.value
    return Document(
        header=header, title=Title(_("BÁO CÁO"), report.subject), body=body, footnotes=notes.notes,
        recipients=recipients,
        signatures=[Signature(authority=report.signer_authority, post=report.signer_post, name=report.signer_name)],
        layout=report.layout,
        stamp=_("DỰ THẢO — chưa được duyệt") if draft else "",
        metadata={"title": f"{_('Báo cáo')} {report.subject}", "author": unit.name,
                  "subject": report.subject, "number": number})
