"""What every document builder prints, read as text: no doubled words such as "ngày ngày"."""

from __future__ import annotations

import re

from exchange_helpers import make_upper

from danvan_desktop.render.document import Document, Heading, Paragraph, Table

DOUBLED = re.compile(r"\b(ngày|tháng|năm|số|của|và)\s+\1\b", re.IGNORECASE)


def document_text(doc: Document) -> str:
    """Every printed string of a document: header, title, body, tables, footnotes, closing."""
    h = doc.header
    parts = [h.upper_body, *h.issuing_body, h.number, h.place, doc.title.kind, doc.title.subject]
    for block in doc.body:
        if isinstance(block, (Paragraph, Heading)):
            parts.append(block.text)
        elif isinstance(block, Table):
            parts += [block.caption, *block.columns, *(str(c) for row in block.rows for c in row)]
    parts += [f.text for f in doc.footnotes]
    parts += [t for s in doc.signatures for t in (s.caption, s.authority, s.post, s.name)]
    parts += list(doc.recipients)
    return "\n".join(p for p in parts if p)


def _doubled(doc: Document) -> list[str]:
    from danvan_desktop.render.common import header_date_line
    text = document_text(doc) + "\n" + (header_date_line(doc) or "")
    return [m.group(0) for m in DOUBLED.finditer(text)]


def test_no_document_says_ngay_ngay(xa, tmp_path, today):
    from danvan_desktop.services.meetings.minutes_document import MinutesDocumentBuilder
    reports = xa.reports
    approved = [r for r in reports.list() if r.is_locked]
    replacement = reports.new_version(approved[-1].id)
    assert "ngày" in replacement.replace_note
    documents = [reports.document(r.id) for r in reports.list()]
    builder = MinutesDocumentBuilder(xa.db)
    documents += [builder.build(m.id) for m in xa.meetings.list()]
    result = xa.exchange.exporter.export(tmp_path / "x.dvx", period="2026-10")
    documents.append(xa.exchange.batches.receipt_document(result.manifest.batch_id))
    upper = make_upper(tmp_path / "upper.sqlite3", today)
    try:
        upper.exchange.importer.import_file(result.path, trust_new=True)
        documents.append(upper.exchange.upper.consolidated_document("2026-10"))
    finally:
        upper.close()
    assert len(documents) > 20
    found = {i: _doubled(doc) for i, doc in enumerate(documents)}
    assert {i: words for i, words in found.items() if words} == {}
    note = reports.document(replacement.id).body[0].text
    assert re.search(r"thay thế Báo cáo số \d\d-BC/DV ngày \d\d tháng \d+ năm \d{4} của Khối dân vận", note), note


def _period(code):
    from danvan_desktop.domain.periods import Period
    return Period.parse(code)
