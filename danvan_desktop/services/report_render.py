"""Bytes of a Document as PDF or DOCX through the shared renderers, and atomic file writes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.render.document import Document


def pdf_bytes(document: Document) -> bytes:
    try:
        from danvan_desktop.render import pdf  # type: ignore[attr-defined]
    except ImportError as exc:
        raise RuleError(_("Chương trình chưa có bộ dựng PDF.")) from exc
    return pdf.pdf_bytes(document)


def write_docx(document: Document, path: str | Path) -> Path:
    try:
        from danvan_desktop.render import docx  # type: ignore[attr-defined]
    except ImportError as exc:
        raise RuleError(_("Chương trình chưa có bộ dựng DOCX.")) from exc
    return docx.render_docx(document, path)   # writes to a temp name and renames, like write_atomically


def write_atomically(path: str | Path, data: bytes) -> Path:
    """Write to a temporary name in the same folder, flush and fsync, then rename over the target."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~" + path.name, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path
