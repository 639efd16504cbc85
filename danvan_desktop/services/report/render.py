"""The report's files through the shared printing helpers (the document's own layout profile, atomic writes)."""

from __future__ import annotations

from pathlib import Path

from danvan_desktop.render.document import Document
from danvan_desktop.services.report import printing


def pdf_bytes(document: Document) -> bytes:
    return printing.document_pdf(document)


def write_docx(document: Document, path: str | Path) -> Path:
    return printing.save_docx(document, path)


def write_atomically(path: str | Path, data: bytes) -> Path:
    """Temp name in the same folder, flushed and fsynced, then renamed over the target."""
    return printing.save_pdf_bytes(data, path)
