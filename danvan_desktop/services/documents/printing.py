"""Documents to files and bytes for the screens: PDF bytes for the preview, PDF/DOCX files on request.

The screens never import the renderers themselves; they hand a Document here (built by a
service such as MinutesDocumentBuilder). Pure functions of the Document: safe on a worker thread.
"""

from __future__ import annotations

from pathlib import Path

from danvan_desktop.render.document import Document
from danvan_desktop.render.layout import LayoutProfile, load_profile


def document_pdf(document: Document, profile: LayoutProfile | None = None) -> bytes:
    from danvan_desktop.render.pdf import pdf_bytes
    return pdf_bytes(document, profile or load_profile(document.layout))


def save_pdf_bytes(data: bytes, target: Path | str) -> Path:
    """Write PDF bytes already rendered (the preview's) to `target`, atomically."""
    from danvan_desktop.render.common import write_atomically
    return write_atomically(Path(target), lambda tmp: tmp.write_bytes(data))


def save_docx(document: Document, target: Path | str, profile: LayoutProfile | None = None) -> Path:
    from danvan_desktop.render.docx import render_docx
    return render_docx(document, target, profile or load_profile(document.layout))
