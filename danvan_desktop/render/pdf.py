"""Render a Document to PDF with reportlab platypus, laid out by a layout profile, fonts embedded.

Footnotes go to the foot of the page where their marker is printed (as seed 004 does). The first
pass keeps their room while it lays the pages out (render/pdf_footnotes.py: before a paragraph that
cites a note is placed, the page's bottom is raised by the notes' room); the pages of the markers
are recorded while drawing, and when they are the pages the room was kept on, that pass is the
document. Otherwise space is reserved at the foot of the recorded pages and the layout is repeated
until every page has the room it needs (each such pass only ever grows the reserved room, so it
settles).
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph as RLParagraph

from danvan_desktop.render import common
from danvan_desktop.render.document import Document, Footnote, Heading, PageBreak, Paragraph, Signature
from danvan_desktop.render.document import Table as DocTable
from danvan_desktop.render.fonts import FontSet, document_fonts, face, register_reportlab
from danvan_desktop.render.layout import MM, LayoutProfile, TextStyle, load_profile
from danvan_desktop.render.pdf_footnotes import FOOTNOTE_CALLBACK, FootnoteFrame

_ALIGN = {"justify": TA_JUSTIFY, "left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
# Page streams compressed only, not also ASCII85-encoded (reportlab's default): binary streams are as
# valid, smaller, and encoding them in pure Python cost ~10 % of a report's render.
rl_config.useA85 = 0
_MAX_PASSES = 6
_RULE_ROOM = 14.0       # above a page's footnotes: the short rule and the gaps around it


class _TextRule(Flowable):
    """A horizontal rule of a given width, centred in its cell (the line under a header's text)."""

    def __init__(self, width: float, thickness: float = 0.6, gap: float = 3.0) -> None:
        super().__init__()
        self.rule_width, self.thickness, self.gap = width, thickness, gap

    def wrap(self, available_width, available_height):
        self._avail = available_width
        return available_width, self.gap + self.thickness + 2

    def draw(self):
        x0 = (self._avail - self.rule_width) / 2
        y = 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x0, y, x0 + self.rule_width, y)


class _Styles:
    """reportlab paragraph styles built from the profile's text styles."""

    def __init__(self, profile: LayoutProfile, names: dict[str, str]) -> None:
        self.profile, self.names = profile, names
        self._cache: dict[tuple, ParagraphStyle] = {}

    def get(self, style: TextStyle, align: str = "center", *, leading: float | None = None,
            indent: float = 0.0, space_after: float = 0.0, space_before: float = 0.0) -> ParagraphStyle:
        key = (style.size, style.bold, style.italic, align, leading, indent, space_after, space_before)
        if key not in self._cache:
            self._cache[key] = ParagraphStyle(
                f"s{len(self._cache)}", fontName=face(self.names, style.bold, style.italic),
                fontSize=style.size, leading=leading or style.size * 1.2, alignment=_ALIGN.get(align, TA_LEFT),
                firstLineIndent=indent, spaceAfter=space_after, spaceBefore=space_before,
                allowWidows=0, allowOrphans=0)
        return self._cache[key]

    def width_of(self, text: str, style: TextStyle) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth
        return stringWidth(text, face(self.names, style.bold, style.italic), style.size)


def _markup(text: str, style: TextStyle | None = None, *, footnotes: bool = True) -> str:
    """Escape text for a reportlab Paragraph; footnote markers become superscript '(n)' with a draw hook."""
    out = []
    for run, number in common.split_footnotes(common.nfc(text)):
        if number is None:
            out.append(escape(style.apply_case(run) if style else run))
        elif footnotes:
            out.append(f'<super>({number})</super><onDraw name="{FOOTNOTE_CALLBACK}" label="{number}"/>')
    result = "".join(out)
    if style is not None and style.underline:
        result = f"<u>{result}</u>"
    return result


class _Builder:
    """Turns the document model into flowables for one profile and font set."""

    def __init__(self, document: Document, profile: LayoutProfile, names: dict[str, str]) -> None:
        self.doc = document
        self.p = profile
        self.s = _Styles(profile, names)
        self.width = profile.page.text_width_mm * MM

    # -- header -----------------------------------------------------------------------------
    def header(self) -> list[Flowable]:
        h, hp = self.doc.header, self.p.header
        left: list[list[Flowable]] = []
        if h.upper_body.strip():
            left.append([RLParagraph(_markup(h.upper_body, hp.upper_body), self.s.get(hp.upper_body))])
        for line in h.issuing_body:
            if line.strip():
                left.append([RLParagraph(_markup(line, hp.issuing_body), self.s.get(hp.issuing_body))])
        left_width = common.header_left_mm(self.doc, self.p, self.s.width_of) * MM
        if hp.separator == "rule":
            rule = _TextRule(left_width * (hp.separator_rule_fraction or 0.4))
            separator_row = len(left) - 1
            if left:
                left[-1].append(rule)
            else:
                left.append([rule])
                separator_row = 0
        else:
            left.append([RLParagraph(escape(hp.separator), self.s.get(hp.issuing_body))])
            separator_row = len(left) - 1
        if h.number.strip():
            left.append([RLParagraph(_markup(h.number, hp.number), self.s.get(hp.number))])
        # The right column: the fixed lines, a rule as long as the last one, then the date line.
        right_top: list[Flowable] = []
        for line in hp.right_lines:
            right_top.append(RLParagraph(_markup(line.text, line.style), self.s.get(line.style)))
        if hp.right_lines and hp.right_rule == "text":
            last = hp.right_lines[-1]
            right_top.append(_TextRule(self.s.width_of(last.style.apply_case(last.text), last.style)))
        date_text = common.header_date_line(self.doc)
        # The date line stands level with the asterisk (Party) or the number (State): a profile value.
        date_row = separator_row + (1 if hp.date_level == "number" and h.number.strip() else 0)
        date_row = max(date_row, 1)
        rows = max(len(left), date_row + 1)
        data = []
        for index in range(rows):
            left_cell = left[index] if index < len(left) else []
            right_cell: list[Flowable] = []
            if index == 0:
                right_cell = right_top
            if index == date_row and date_text:
                right_cell = right_cell + [RLParagraph(escape(date_text), self.s.get(hp.date_line))]
            data.append([left_cell, right_cell])
        table = Table(data, colWidths=[left_width, self.width - left_width], hAlign="CENTER")
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), self.s.names["regular"]), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
        return [table, Spacer(1, hp.space_after_pt)]

    # -- title ------------------------------------------------------------------------------
    def title(self) -> list[Flowable]:
        t, tp = self.doc.title, self.p.title
        flow: list[Flowable] = []
        if t.kind.strip():
            flow.append(RLParagraph(_markup(t.kind, tp.kind), self.s.get(tp.kind, space_before=6)))
        if t.subject.strip():
            flow.append(RLParagraph(_markup(t.subject, tp.subject), self.s.get(tp.subject)))
        if tp.after_subject == "rule":
            flow.append(_TextRule(self.width * 0.2))
        elif tp.after_subject:
            flow.append(RLParagraph(escape(tp.after_subject), self.s.get(tp.subject)))
        flow.append(Spacer(1, tp.space_after_pt))
        return [KeepTogether(flow)]

    # -- body -------------------------------------------------------------------------------
    def body_style(self, block: Paragraph) -> ParagraphStyle:
        bp = self.p.body
        style = TextStyle(bp.style.size, bold=block.bold or bp.style.bold, italic=block.italic or bp.style.italic)
        indent = bp.first_line_indent_mm * MM if block.indent else 0.0
        return self.s.get(style, block.align, leading=bp.leading_pt, indent=indent, space_after=bp.space_after_pt)

    def block(self, block) -> list[Flowable]:
        bp = self.p.body
        if isinstance(block, Heading):
            style = self.p.heading_style(block.level)
            para = RLParagraph(_markup(block.text, style),
                               self.s.get(style, "justify", leading=bp.leading_pt, indent=bp.first_line_indent_mm
                                          * MM, space_after=bp.space_after_pt, space_before=0))
            para.keepWithNext = 1
            return [CondPageBreak(bp.leading_pt * 3), para]
        if isinstance(block, Paragraph):
            style = self.body_style(block)
            return [RLParagraph(_markup(line), style) for line in block.text.split("\n") if line.strip()]
        if isinstance(block, DocTable):
            return self.table(block)
        if isinstance(block, PageBreak):
            return [RLPageBreak()]
        return []

    def table(self, block: DocTable) -> list[Flowable]:
        tp = self.p.table
        n = max(len(block.columns), max((len(r) for r in block.rows), default=0), 1)
        weights = block.widths if block.widths and len(block.widths) == n else [1.0] * n
        total = sum(weights) or 1.0
        widths = [self.width * w / total for w in weights]
        head = TextStyle(tp.size, bold=tp.header_bold)
        cell = TextStyle(tp.size)
        data = [[RLParagraph(_markup(c), self.s.get(head, "center", leading=tp.leading_pt)) for c in block.columns]]
        for row in block.rows:
            cells = list(row) + [""] * (n - len(row))
            data.append([RLParagraph(_markup(str(value)), self.s.get(
                cell, "right" if i in block.align_right else "left", leading=tp.leading_pt))
                for i, value in enumerate(cells)])
        table = Table(data, colWidths=widths, repeatRows=1 if block.columns else 0, hAlign="CENTER")
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), self.s.names["regular"]), ("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                                   ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]))
        # The table splits by rows (its header row repeats on the next page); only its caption, header
        # and first rows are kept together, so a long table never leaves a third of a page blank.
        _w, head_height = Table(data[:1], colWidths=widths).wrap(self.width, 10_000)
        first_rows = sum(Table(data[i:i + 1], colWidths=widths).wrap(self.width, 10_000)[1]
                         for i in range(1, min(len(data), 3)))
        flow: list[Flowable] = []
        caption_height = 0.0
        caption = None
        if block.caption.strip():
            caption = RLParagraph(_markup(block.caption), self.s.get(TextStyle(tp.size + 1, bold=True), "center",
                                                                      space_after=3))
            caption_height = caption.wrap(self.width, 10_000)[1] + 3
        flow.append(CondPageBreak(caption_height + head_height + first_rows + 6))
        if caption is not None:
            flow.append(caption)
        flow += [table, Spacer(1, self.p.body.space_after_pt)]
        return flow

    # -- signatures and recipients ----------------------------------------------------------
    def signature_cell(self, sig: Signature) -> list[Flowable]:
        sp = self.p.signature
        cell: list[Flowable] = []
        if sig.caption.strip():
            cell.append(RLParagraph(_markup(sig.caption, sp.caption), self.s.get(sp.caption)))
        if sig.authority.strip():
            cell.append(RLParagraph(_markup(sig.authority, sp.authority), self.s.get(sp.authority)))
        if sig.post.strip():
            cell.append(RLParagraph(_markup(sig.post, sp.post), self.s.get(sp.post)))
        cell.append(Spacer(1, sp.space_for_signature_mm * MM))
        if sig.name.strip():
            cell.append(RLParagraph(_markup(sig.name, sp.name), self.s.get(sp.name)))
        return cell

    def recipients_cell(self) -> list[Flowable]:
        rp = self.p.recipients
        lines = common.recipient_lines(self.doc.recipients)
        if not lines:
            return []
        cell: list[Flowable] = [RLParagraph(_markup(rp.label, rp.label_style),
                                            self.s.get(rp.label_style, "left"))]
        cell += [RLParagraph(escape(line), self.s.get(rp.item_style, "left")) for line in lines]
        return cell

    def closing(self) -> list[Flowable]:
        sigs = self.doc.signatures
        recipients = self.recipients_cell()
        if not sigs and not recipients:
            return []
        half = self.width / 2
        rows: list[list] = []
        if len(sigs) >= 2:
            rows.append([self.signature_cell(sigs[0]), self.signature_cell(sigs[1])])
            if recipients:
                rows.append([recipients, []])
            widths = [half, half]
        else:
            right = self.signature_cell(sigs[0]) if sigs else []
            rows.append([recipients, right])
            widths = [self.width * 0.48, self.width * 0.52]
        table = Table(rows, colWidths=widths, hAlign="CENTER")
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), self.s.names["regular"]), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        return [Spacer(1, self.p.signature.space_before_pt), table]

    # -- footnotes --------------------------------------------------------------------------
    def footnote_flowables(self, numbers: list[int]) -> list[Flowable]:
        fp = self.p.footnote
        texts = {f.number: f.text for f in self.doc.footnotes}
        style = self.s.get(TextStyle(fp.size), "justify", leading=fp.leading_pt, space_after=2)
        return [RLParagraph(f"<super>({n})</super> {_markup(texts[n], footnotes=False)}", style)
                for n in numbers if n in texts]

    def footnotes_height(self, numbers: list[int]) -> float:
        if not numbers:
            return 0.0
        height = _RULE_ROOM
        for para in self.footnote_flowables(numbers):
            _w, h = para.wrap(self.width, 10_000)
            height += h + para.getSpaceAfter()
        return height

    def story(self) -> list[Flowable]:
        flow = self.header() + self.title()
        body: list[Flowable] = []
        for block in self.doc.body:
            body += self.block(block)
        closing = self.closing()
        if self.p.footnote.placement == "end" and self.doc.footnotes:
            body += [Spacer(1, 6), _TextRule(self.width / 3)]
            body += self.footnote_flowables([f.number for f in self.doc.footnotes])
        if closing and body:
            # The signature never stands alone at the top of a page: it keeps the last paragraph with it,
            # and with that paragraph any heading just above it (reportlab's keepWithNext does not reach
            # into a KeepTogether, so the heading is taken in explicitly).
            start = len(body) - 1
            while start > 0 and (getattr(body[start - 1], "keepWithNext", 0) or
                                 isinstance(body[start - 1], CondPageBreak)):
                start -= 1
            flow += body[:start] + [KeepTogether(body[start:] + closing)]
        else:
            flow += body + closing
        return flow


class _Template(BaseDocTemplate):
    """One frame a page; the frame shrinks by the room its page's footnotes need.

    `live`: the room is kept while the page is laid out (`FootnoteFrame`, the notes in `predicted`);
    else it is the fixed `reserve` of each page, from an earlier pass.
    """

    def __init__(self, target, builder: _Builder, reserve: dict[int, float], live: bool = False, **kwargs) -> None:
        super().__init__(target, **kwargs)
        self.builder = builder
        self.reserve = reserve
        self.live = live
        self.predicted: dict[int, frozenset[int]] = {}
        self._rooms: dict[frozenset[int], float] = {}
        self.marks: dict[int, list[int]] = {}
        p = builder.p.page
        self.frame_box = (p.left_mm * MM, p.bottom_mm * MM, builder.width, (p.height_mm - p.top_mm - p.bottom_mm) * MM)
        x, y, w, h = self.frame_box
        frame = FootnoteFrame(x, y, w, h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._begin, onPageEnd=self._end)])

    def notes_height(self, numbers: frozenset[int]) -> float:
        if numbers not in self._rooms:
            self._rooms[numbers] = self.builder.footnotes_height(sorted(numbers))
        return self._rooms[numbers]

    def notes_fit(self, numbers: frozenset[int]) -> bool:
        return self.notes_height(numbers) <= self.frame_box[3] * 0.6

    def room_for(self, numbers: frozenset[int]) -> float:
        """The room notes take at the foot of a page (at most 60 % of the frame)."""
        return min(self.notes_height(numbers), self.frame_box[3] * 0.6)

    def _room(self) -> float:
        if self.live:
            return self.room_for(self.predicted.get(self.page, frozenset()))
        return min(self.reserve.get(self.page, 0.0), self.frame_box[3] * 0.6)

    def _begin(self, canv, doc) -> None:
        _x, y, _w, h = self.frame_box
        room = self._room()
        frame = self.pageTemplate.frames[0]
        frame.y1 = y + room
        frame.height = h - room
        canv.setNamedCB(FOOTNOTE_CALLBACK, lambda c, kind, label: self.marks.setdefault(self.page, []).append(int(label)))

    def _end(self, canv, doc) -> None:
        b, p = self.builder, self.builder.p
        x, y, w, h = self.frame_box
        numbers = sorted(set(self.marks.get(self.page, [])))
        if numbers and p.footnote.placement == "page":
            notes = b.footnote_flowables(numbers)
            heights = [para.wrap(w, h)[1] for para in notes]
            # The notes end at the page's foot, also when more room was kept than they take (a fixed-room
            # pass whose marker moved on); past it only when they need more than a page may keep.
            needed = _RULE_ROOM + sum(ph + para.getSpaceAfter() for ph, para in zip(heights, notes))
            top = y + min(self._room(), needed)
            canv.saveState()
            canv.setLineWidth(0.5)
            canv.line(x, top - 6, x + w / 3, top - 6)
            cursor = top - 10
            for para, ph in zip(notes, heights):
                para.drawOn(canv, x, cursor - ph)
                cursor -= ph + para.getSpaceAfter()
            canv.restoreState()
        pn = p.page_number
        if self.page >= pn.from_page and pn.position != "none":
            canv.saveState()
            canv.setFont(face(b.s.names, False, False), pn.size)
            centre = p.page.left_mm * MM + w / 2
            canv.drawCentredString(centre, (p.page.height_mm - p.page.top_mm / 2) * MM - pn.size / 3, str(self.page))
            canv.restoreState()
        if b.doc.stamp:
            canv.saveState()
            canv.setFont(face(b.s.names, False, False), p.stamp.size)
            canv.drawCentredString(p.page.left_mm * MM + w / 2, p.page.bottom_mm * MM / 2, common.nfc(b.doc.stamp))
            canv.restoreState()


def _build_once(document: Document, profile: LayoutProfile, names: dict[str, str],
                reserve: dict[int, float], live: bool = False) -> _Template:
    builder = _Builder(document, profile, names)
    buffer = io.BytesIO()
    title = common.document_title(document)
    template = _Template(buffer, builder, reserve, live, pagesize=(profile.page.width_mm * MM, profile.page.height_mm * MM),
                         leftMargin=profile.page.left_mm * MM, rightMargin=profile.page.right_mm * MM,
                         topMargin=profile.page.top_mm * MM, bottomMargin=profile.page.bottom_mm * MM,
                         title=title, author=document.metadata.get("author", ""),
                         subject=document.metadata.get("subject", ""), creator="danvan-desktop",
                         initialFontName=names["regular"], initialFontSize=profile.body.style.size)
    template.build(builder.story())
    template.data = buffer.getvalue()
    return template


def pdf_bytes(document: Document, profile: LayoutProfile | None = None, fonts: FontSet | None = None) -> bytes:
    """The document as PDF bytes, laid out by `profile` (default: the document's own layout code)."""
    profile = profile or load_profile(document.layout)
    names = register_reportlab(fonts or document_fonts())
    document = common.prepared(document, profile)
    if profile.footnote.placement != "page" or not document.footnotes:
        return _build_once(document, profile, names, {}).data
    first = _build_once(document, profile, names, {}, live=True)
    drawn = {page: frozenset(numbers) for page, numbers in first.marks.items()}
    if drawn == {page: numbers for page, numbers in first.predicted.items() if numbers}:
        return first.data        # the room kept on each page was for the notes drawn there
    data, marks = first.data, first.marks
    builder = _Builder(document, profile, names)
    reserve: dict[int, float] = {}
    slack = profile.body.leading_pt      # more room than this left empty above the notes is a visible gap
    for attempt in range(_MAX_PASSES):
        needed = {page: builder.footnotes_height(sorted(set(nums))) for page, nums in marks.items()}
        fits = all(height <= reserve.get(page, 0.0) + 0.5 for page, height in needed.items())
        tight = all(reserve.get(page, 0.0) - needed.get(page, 0.0) < slack for page in reserve)
        if fits and (tight or attempt >= 2):
            return data
        if attempt < 2:
            # First try the exact room; a marker pushed to the next page by it shows in the next pass.
            reserve = dict(needed)
        else:
            # Then only grow the room, which always settles.
            for page, height in needed.items():
                reserve[page] = max(reserve.get(page, 0.0), height)
        again = _build_once(document, profile, names, reserve)
        data, marks = again.data, again.marks
    return data


def render_pdf(document: Document, target: Path | str, profile: LayoutProfile | None = None,
               fonts: FontSet | None = None) -> Path:
    """Write the PDF to `target` (a temp file beside it, renamed when complete)."""
    data = pdf_bytes(document, profile, fonts)
    return common.write_atomically(Path(target), lambda tmp: tmp.write_bytes(data))


__all__ = ["Footnote", "pdf_bytes", "render_pdf"]
