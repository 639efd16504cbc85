"""Render a Document to DOCX with python-docx: the same structure as the PDF, editable in Word.

The header block and the signatures are borderless two-column tables; styles carry the font
(Times New Roman, which Word has and LibreOffice maps to Liberation Serif); the page number is
a PAGE field in the header from page 2 (a different first-page header). python-docx cannot
write real footnotes, so the notes follow the body under a short rule, numbered as in the text.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from danvan_desktop.render import common
from danvan_desktop.render.document import Document, Heading, PageBreak, Paragraph, Signature
from danvan_desktop.render.document import Table as DocTable
from danvan_desktop.render.layout import LayoutProfile, TextStyle, load_profile

_ALIGN = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT,
          "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}


def _font_name(profile: LayoutProfile) -> str:
    return profile.font.preferred or profile.font.fallback


def _set_run_font(run, name: str) -> None:
    run.font.name = name
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


class _Writer:
    def __init__(self, document: Document, profile: LayoutProfile) -> None:
        self.doc = document
        self.p = profile
        self.out = new_docx()
        self.font = _font_name(profile)
        self.text_width_mm = profile.page.text_width_mm

    # -- set-up -----------------------------------------------------------------------------
    def setup(self) -> None:
        pg = self.p.page
        section = self.out.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(pg.width_mm), Mm(pg.height_mm)
        section.top_margin, section.bottom_margin = Mm(pg.top_mm), Mm(pg.bottom_mm)
        section.left_margin, section.right_margin = Mm(pg.left_mm), Mm(pg.right_mm)
        section.header_distance = Mm(max(pg.top_mm / 2 - 3, 4))
        section.footer_distance = Mm(max(pg.bottom_mm / 2 - 3, 4))
        for name in ("Normal", "Table Grid"):
            try:
                style = self.out.styles[name]
            except KeyError:
                continue
            style.font.name = self.font
            style.font.size = Pt(self.p.body.style.size)
            rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
            for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                rfonts.set(qn(attr), self.font)
        normal = self.out.styles["Normal"].paragraph_format
        normal.space_before, normal.space_after = Pt(0), Pt(0)
        props = self.out.core_properties
        props.title = common.document_title(self.doc)
        props.author = self.doc.metadata.get("author", "")
        props.subject = self.doc.metadata.get("subject", "")
        props.comments = "danvan-desktop"
        self._page_numbers(section)

    def _page_numbers(self, section) -> None:
        pn = self.p.page_number
        if pn.position == "none":
            return
        section.different_first_page_header_footer = pn.from_page >= 2
        para = section.header.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run()
        for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "2"), ("end", None)):
            if kind:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
                run._element.append(element)
            elif text == "PAGE":
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = " PAGE "
                run._element.append(instr)
            else:
                shown = OxmlElement("w:t")
                shown.text = text
                run._element.append(shown)
        _set_run_font(run, self.font)
        run.font.size = Pt(pn.size)
        if self.doc.stamp:
            for footer in (section.footer, section.first_page_footer):
                fp = footer.paragraphs[0]
                fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
                stamp = fp.add_run(common.nfc(self.doc.stamp))
                _set_run_font(stamp, self.font)
                stamp.font.size = Pt(self.p.stamp.size)

    # -- paragraphs -------------------------------------------------------------------------
    def para(self, container, text: str, style: TextStyle, align: str = "center", *, indent_mm: float = 0.0,
             space_after: float = 0.0, leading: float | None = None, keep_next: bool = False):
        para = container.add_paragraph()
        para.alignment = _ALIGN.get(align, WD_ALIGN_PARAGRAPH.LEFT)
        fmt = para.paragraph_format
        fmt.space_before, fmt.space_after = Pt(0), Pt(space_after)
        if indent_mm:
            fmt.first_line_indent = Mm(indent_mm)
        if leading:
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(leading)
        fmt.keep_with_next = keep_next
        fmt.widow_control = True
        for run_text, number in common.split_footnotes(common.nfc(text)):
            run = para.add_run(style.apply_case(run_text) if number is None else f"({number})")
            _set_run_font(run, self.font)
            run.font.size = Pt(style.size)
            run.bold, run.italic = style.bold, style.italic
            run.underline = style.underline and number is None
            if number is not None:
                run.font.superscript = True
        return para

    def rule(self, container, width_mm: float, cell_width_mm: float, *, at_left: bool = False) -> None:
        """A line `width_mm` long, centred: a tiny paragraph whose bottom border the indents cut to length."""
        para = container.add_paragraph()
        side = max((cell_width_mm - width_mm) / 2, 0)
        fmt = para.paragraph_format
        if at_left:
            fmt.left_indent, fmt.right_indent = Mm(0), Mm(max(cell_width_mm - width_mm, 0))
        else:
            fmt.left_indent, fmt.right_indent = Mm(side), Mm(side)
        fmt.space_before, fmt.space_after = Pt(0), Pt(2)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(3)
        ppr = para._p.get_or_add_pPr()
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
            bottom.set(qn(key), value)
        borders.append(bottom)
        ppr.append(borders)

    @staticmethod
    def _clear(cell) -> None:
        """A new cell holds one empty paragraph; drop it so the cell shows only what we add."""
        for para in list(cell.paragraphs):
            para._p.getparent().remove(para._p)

    def _borderless(self, table) -> None:
        tbl_pr = table._tbl.tblPr
        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            element = OxmlElement(f"w:{edge}")
            element.set(qn("w:val"), "nil")
            borders.append(element)
        tbl_pr.append(borders)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False

    def _widths(self, table, widths_mm: list[float]) -> None:
        for row in table.rows:
            for cell, width in zip(row.cells, widths_mm):
                cell.width = Mm(width)
        # a fixed-layout table is laid out by its grid (LibreOffice reads only the grid): keep it in step
        from docx.oxml.ns import qn
        for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm):
            column.set(qn("w:w"), str(round(width / 25.4 * 1440)))

    # -- parts ------------------------------------------------------------------------------
    def header(self) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        from danvan_desktop.render.fonts import document_fonts, face, register_reportlab

        h, hp = self.doc.header, self.p.header
        names = register_reportlab(document_fonts())
        left_w = common.header_left_mm(self.doc, self.p, lambda text, style: stringWidth(
            text, face(names, style.bold, style.italic), style.size), slack_mm=4.0)
        right_w = self.text_width_mm - left_w
        table = self.out.add_table(rows=1, cols=2)
        self._borderless(table)
        self._widths(table, [left_w, right_w])
        left, right = table.rows[0].cells
        self._clear(left)
        self._clear(right)
        if h.upper_body.strip():
            self.para(left, h.upper_body, hp.upper_body)
        for line in h.issuing_body:
            if line.strip():
                self.para(left, line, hp.issuing_body)
        if hp.separator == "rule":
            self.rule(left, left_w * (hp.separator_rule_fraction or 0.4), left_w)
        else:
            self.para(left, hp.separator, hp.issuing_body)
        if h.number.strip():
            self.para(left, h.number, hp.number)
        for line in hp.right_lines:
            self.para(right, line.text, line.style)
        if hp.right_lines and hp.right_rule == "text":
            last = hp.right_lines[-1]
            width_pt = stringWidth(last.style.apply_case(last.text), face(names, last.style.bold, last.style.italic),
                                   last.style.size)
            self.rule(right, width_pt * 25.4 / 72, right_w)
        date_text = common.header_date_line(self.doc)
        if date_text:
            # Blank lines so the date stands level with the asterisk (or the number), as in the PDF.
            left_lines = (1 if h.upper_body.strip() else 0) + len([x for x in h.issuing_body if x.strip()])
            level = left_lines + (1 if hp.date_level == "number" and h.number.strip() else 0)
            for _blank in range(max(level - len(hp.right_lines), 0)):
                self.para(right, "", hp.date_line)
            self.para(right, date_text, hp.date_line)
        self.out.add_paragraph().paragraph_format.space_after = Pt(hp.space_after_pt / 2)

    def title(self) -> None:
        t, tp = self.doc.title, self.p.title
        if t.kind.strip():
            self.para(self.out, t.kind, tp.kind, keep_next=True)
        if t.subject.strip():
            self.para(self.out, t.subject, tp.subject, keep_next=True)
        if tp.after_subject == "rule":
            self.rule(self.out, self.text_width_mm * 0.2, self.text_width_mm)
        elif tp.after_subject:
            self.para(self.out, tp.after_subject, tp.subject, space_after=tp.space_after_pt)

    def body(self) -> None:
        bp = self.p.body
        for block in self.doc.body:
            if isinstance(block, Heading):
                self.para(self.out, block.text, self.p.heading_style(block.level), "justify",
                          indent_mm=bp.first_line_indent_mm, space_after=bp.space_after_pt, leading=bp.leading_pt,
                          keep_next=True)
            elif isinstance(block, Paragraph):
                style = TextStyle(bp.style.size, bold=block.bold or bp.style.bold,
                                  italic=block.italic or bp.style.italic)
                for line in block.text.split("\n"):
                    if line.strip():
                        self.para(self.out, line, style, block.align,
                                  indent_mm=bp.first_line_indent_mm if block.indent else 0.0,
                                  space_after=bp.space_after_pt, leading=bp.leading_pt)
            elif isinstance(block, DocTable):
                self.table(block)
            elif isinstance(block, PageBreak):
                self.out.add_page_break()

    def table(self, block: DocTable) -> None:
        tp = self.p.table
        n = max(len(block.columns), max((len(r) for r in block.rows), default=0), 1)
        if block.caption.strip():
            self.para(self.out, block.caption, TextStyle(tp.size + 1, bold=True), keep_next=True, space_after=3)
        table = self.out.add_table(rows=1 + len(block.rows), cols=n)
        table.style = self.out.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        weights = block.widths if block.widths and len(block.widths) == n else [1.0] * n
        total = sum(weights) or 1.0
        self._widths(table, [self.text_width_mm * w / total for w in weights])
        head_row = table.rows[0]
        tr_pr = head_row._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        tr_pr.append(repeat)
        for i, text in enumerate(list(block.columns) + [""] * (n - len(block.columns))):
            cell = head_row.cells[i]
            self._clear(cell)
            self.para(cell, text, TextStyle(tp.size, bold=tp.header_bold))
        for r, row in enumerate(block.rows, start=1):
            cells = list(row) + [""] * (n - len(row))
            for i, value in enumerate(cells):
                cell = table.rows[r].cells[i]
                self._clear(cell)
                self.para(cell, str(value), TextStyle(tp.size), "right" if i in block.align_right else "left")
        self.out.add_paragraph().paragraph_format.space_after = Pt(self.p.body.space_after_pt)

    def notes(self) -> None:
        if not self.doc.footnotes:
            return
        self.rule(self.out, self.text_width_mm / 3, self.text_width_mm, at_left=True)
        fp = self.p.footnote
        for note in self.doc.footnotes:
            para = self.para(self.out, "", TextStyle(fp.size), "justify", space_after=2)
            marker = para.add_run(f"({note.number}) ")
            marker.font.superscript = True
            for run in (marker, para.add_run(common.nfc(note.text))):
                _set_run_font(run, self.font)
                run.font.size = Pt(fp.size)

    def signature_cell(self, cell, sig: Signature) -> None:
        sp = self.p.signature
        self._clear(cell)
        if sig.caption.strip():
            self.para(cell, sig.caption, sp.caption, keep_next=True)
        if sig.authority.strip():
            self.para(cell, sig.authority, sp.authority, keep_next=True)
        if sig.post.strip():
            self.para(cell, sig.post, sp.post, keep_next=True)
        gap = cell.add_paragraph()
        gap.paragraph_format.space_after = Mm(sp.space_for_signature_mm - 6)
        gap.paragraph_format.keep_with_next = True
        if sig.name.strip():
            self.para(cell, sig.name, sp.name)
        if not cell.paragraphs:
            cell.add_paragraph()

    def recipients_cell(self, cell) -> None:
        rp = self.p.recipients
        self._clear(cell)
        lines = common.recipient_lines(self.doc.recipients)
        if lines:
            self.para(cell, rp.label, rp.label_style, "left", keep_next=True)
            for line in lines:
                self.para(cell, line, rp.item_style, "left", keep_next=True)
        if not cell.paragraphs:
            cell.add_paragraph()

    def closing(self) -> None:
        sigs = self.doc.signatures
        if not sigs and not self.doc.recipients:
            return
        gap = self.out.add_paragraph()
        gap.paragraph_format.space_after = Pt(self.p.signature.space_before_pt)
        table = self.out.add_table(rows=1, cols=2)
        self._borderless(table)
        half = self.text_width_mm / 2
        if len(sigs) >= 2:
            self._widths(table, [half, half])
            self.signature_cell(table.rows[0].cells[0], sigs[0])
            self.signature_cell(table.rows[0].cells[1], sigs[1])
            if self.doc.recipients:
                row = table.add_row()
                self.recipients_cell(row.cells[0])
                self._clear(row.cells[1])
                row.cells[1].add_paragraph()
        else:
            self._widths(table, [self.text_width_mm * 0.48, self.text_width_mm * 0.52])
            self.recipients_cell(table.rows[0].cells[0])
            if sigs:
                self.signature_cell(table.rows[0].cells[1], sigs[0])
            else:
                self._clear(table.rows[0].cells[1])
                table.rows[0].cells[1].add_paragraph()
        for row in table.rows:
            cant_split = OxmlElement("w:cantSplit")
            row._tr.get_or_add_trPr().append(cant_split)

    def write(self, target: Path) -> None:
        self.setup()
        self.header()
        self.title()
        self.body()
        self.notes()
        self.closing()
        self.out.save(str(target))


def render_docx(document: Document, target: Path | str, profile: LayoutProfile | None = None) -> Path:
    """Write the DOCX to `target` (a temp file beside it, renamed when complete)."""
    profile = profile or load_profile(document.layout)
    prepared = common.prepared(document, profile)
    return common.write_atomically(Path(target), lambda tmp: _Writer(prepared, profile).write(tmp))
