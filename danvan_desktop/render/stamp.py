"""Print a hand-over mark (small text and a QR code) at the foot of every page of an existing PDF."""

from __future__ import annotations

import io

import qrcode
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from danvan_desktop.render.fonts import document_fonts, register_reportlab

QR_SIZE = 13 * mm


def _draw_qr(canvas: Canvas, payload: str, x: float, y: float) -> None:
    """The QR code as filled squares (reportlab's own widget would name an unembedded Helvetica)."""
    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()
    cell = QR_SIZE / len(matrix)
    canvas.setFillColorRGB(0, 0, 0)
    for row, line in enumerate(matrix):
        for col, dark in enumerate(line):
            if dark:
                canvas.rect(x + col * cell, y + QR_SIZE - (row + 1) * cell, cell, cell, stroke=0, fill=1)


def _overlay(width: float, height: float, text: str, payload: str) -> bytes:
    names = register_reportlab(document_fonts())
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), initialFontName=names["regular"], initialFontSize=7)
    right = width - 12 * mm
    _draw_qr(canvas, payload, right - QR_SIZE, 4 * mm)
    canvas.setFont(names["regular"], 7)
    canvas.drawRightString(right - QR_SIZE - 2 * mm, 4 * mm + QR_SIZE / 2 - 2, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def stamp_pdf(data: bytes, text: str, payload: str) -> bytes:
    """The same pages with the mark drawn over their foot; the document's own content is untouched."""
    from pypdf import PdfReader, PdfWriter
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        page.merge_page(PdfReader(io.BytesIO(_overlay(width, height, text, payload))).pages[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
