"""Pagination an office accepts: headings with their text, the signature with the last paragraph,
tables split by rows, and DOCX with real widths, heading styles and Word footnotes."""

from __future__ import annotations

import subprocess

import docx
import pytest

from danvan_desktop.render.document import Heading, Paragraph
from danvan_desktop.render.docx import render_docx
from danvan_desktop.render.pdf import render_pdf


def _pages(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(params=["annual", "minutes"])
def document(request, xa):
    if request.param == "annual":
        report = xa.reports.create_draft("2025")
        return xa.reports.document(report.id)
    from danvan_desktop.services.meetings.minutes_document import MinutesDocumentBuilder
    latest = max((m for m in xa.meetings.list() if m.content_hash), key=lambda m: m.meeting_date)
    return MinutesDocumentBuilder(xa.db).build(latest.id)


def test_pdf_signature_keeps_the_last_paragraph_and_headings_keep_their_text(document, tmp_path):
    pages = [_squash(p) for p in _pages(render_pdf(document, tmp_path / "d.pdf"))]
    signer = document.signatures[-1].name
    last = next(b for b in reversed(document.body) if isinstance(b, Paragraph)).text.split("\n")[-1]
    page = [p for p in pages if signer in p][-1]          # the signature block: the last page naming the signer
    assert _squash(last)[:40] in page
    for i, block in enumerate(document.body[:-1]):
        if isinstance(block, Heading):
            after = document.body[i + 1]
            words = _squash(getattr(after, "text", "") or "")[:25]
            if words and "[[" not in words:
                assert any(_squash(block.text)[:25] in p and words in p for p in pages), block.text


def test_docx_keeps_the_last_paragraph_with_the_signature_and_styles_headings(document, tmp_path):
    out = docx.Document(str(render_docx(document, tmp_path / "d.docx")))
    body = out.element.body
    closing_table = body.xpath("./w:tbl")[-1]
    previous = [p for p in body.xpath("./w:p") if p.getparent() is body]
    before_table = [p for p in previous if p.getnext() is not None and
                    list(body).index(p) < list(body).index(closing_table)]
    text_paras = [p for p in before_table if "".join(p.itertext()).strip()]
    assert text_paras[-1].xpath("./w:pPr/w:keepNext")                          # the last paragraph → signature
    headings = [p for p in out.paragraphs if p.style.name.startswith("Heading")]
    assert len(headings) == sum(isinstance(b, Heading) for b in document.body)
    assert all(p.paragraph_format.keep_with_next for p in headings)


def test_docx_tables_have_real_column_widths(xa, tmp_path):
    report = xa.reports.create_draft("2025")
    out = docx.Document(str(render_docx(xa.reports.document(report.id), tmp_path / "y.docx")))
    figures = next(t for t in out.tables if t.rows[0].cells[0].text == "TT")
    widths = [c.width for c in figures.columns]
    assert widths[1] > 2.5 * widths[0] and len(set(widths)) > 2                 # "Chỉ tiêu" wide, "TT" narrow
    assert figures._tbl.xpath("./w:tblPr/w:tblLayout[@w:type='fixed']")
    assert figures.rows[0]._tr.xpath("./w:trPr/w:tblHeader")                    # header row repeats
