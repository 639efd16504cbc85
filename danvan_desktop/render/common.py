"""What both renderers (PDF, DOCX) do the same way: text preparation, markers, endings, safe file writes."""

from __future__ import annotations

import copy
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

from danvan_desktop.domain.formats import date_line
from danvan_desktop.render.document import Document, Paragraph
from danvan_desktop.render.layout import LayoutProfile

FOOTNOTE_MARK = re.compile(r"\[\[fn:(\d+)\]\]")


_RUN_OF_SPACES = re.compile(r" {2,}")


def nfc(text: str | None) -> str:
    """NFC text; a run of spaces (a blank to fill by hand: 'Số      -BB/DV') is kept as no-break spaces."""
    text = unicodedata.normalize("NFC", text or "")
    return _RUN_OF_SPACES.sub(lambda m: "\u00a0" * len(m.group()), text)


def split_footnotes(text: str) -> list[tuple[str, int | None]]:
    """'a[[fn:1]] b' → [('a', None), ('', 1), (' b', None)]: plain runs and footnote numbers in order."""
    parts: list[tuple[str, int | None]] = []
    last = 0
    for match in FOOTNOTE_MARK.finditer(text):
        if match.start() > last:
            parts.append((text[last:match.start()], None))
        parts.append(("", int(match.group(1))))
        last = match.end()
    if last < len(text):
        parts.append((text[last:], None))
    return parts


def prepared(document: Document, profile: LayoutProfile) -> Document:
    """A copy with NFC text and the layout's ending on the body's last paragraph ('.' or './.')."""
    doc = copy.deepcopy(document)
    for index in range(len(doc.body) - 1, -1, -1):
        block = doc.body[index]
        if isinstance(block, Paragraph):
            if block.text.strip():
                lines = block.text.rstrip().split("\n")
                lines[-1] = profile.finish(lines[-1])
                block.text = "\n".join(lines)
            break
        if not hasattr(block, "text"):
            break       # a table or page break ends the body: nothing to punctuate
    return doc


def header_date_line(document: Document) -> str:
    h = document.header
    if h.date is None:
        place = nfc(h.place).strip()
        return nfc(f"{place}, ngày      tháng      năm 20     ") if place else ""
    return nfc(date_line(nfc(h.place), h.date))


def recipient_lines(recipients: list[str]) -> list[str]:
    """'- X,' for each line and '- Lưu …' closed with '.', as real documents punctuate them."""
    cleaned = [nfc(r).strip().lstrip("-").strip() for r in recipients if nfc(r).strip()]
    result = []
    for index, line in enumerate(cleaned):
        last = index == len(cleaned) - 1
        base = line.rstrip(",.;")
        result.append(f"- {base}{'.' if last else ','}")
    return result


def document_title(document: Document) -> str:
    if document.metadata.get("title"):
        return document.metadata["title"]
    return " ".join(part for part in (document.title.kind, document.title.subject) if part)


def write_atomically(target: Path, produce: Callable[[Path], None]) -> Path:
    """Have `produce` write a temp file beside `target`, fsync it, then rename it into place."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix + ".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        produce(tmp)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)     # mkstemp makes 0600; a saved document gets the usual rights
        with open(tmp, "rb+") as handle:
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def header_left_mm(document, profile, width_pt, slack_mm: float = 1.0) -> float:
    """The header's left column: the profile's share of the text width, widened just enough (never into what
    the right-hand lines need) for an issuing body's name to stay on one line, as the Party prints
    "BAN TUYÊN GIÁO VÀ DÂN VẬN" under "TỈNH ỦY THANH HÓA". `width_pt(text, style)` measures in points."""
    h, hp = document.header, profile.header
    text_mm = profile.page.text_width_mm
    base = text_mm * hp.left_fraction
    to_mm = 25.4 / 72
    lines = [(h.upper_body, hp.upper_body)] + [(line, hp.issuing_body) for line in h.issuing_body]
    needed = max((width_pt(style.apply_case(nfc(text)), style) * to_mm + slack_mm
                  for text, style in lines if text.strip()), default=0.0)
    right_lines = [(line.style.apply_case(line.text), line.style) for line in hp.right_lines]
    date = header_date_line(document)
    if date:
        right_lines.append((date, hp.date_line))
    right = max((width_pt(text, style) * to_mm + slack_mm for text, style in right_lines), default=0.0)
    return min(max(base, needed), max(base, text_mm - right))
