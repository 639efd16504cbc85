"""Real Word footnotes for python-docx, which has no footnote API: the footnotes part written as XML.

The part (word/footnotes.xml) holds Word's two separator notes (ids -1 and 0) and one note per
document footnote; the body's marker is a `w:footnoteReference` between superscript brackets, so
Word and LibreOffice number the notes themselves (in reading order, as the PDF does) and print
each at the foot of the page where its marker falls, marked "(1)" as the PDF and seed 004 mark
them. (A custom mark, `customMarkFollows`, is shown twice by LibreOffice: not used.) No maintained python-docx add-on does this (the forks that do
replace python-docx itself), so these few elements are written here.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _run_props(font: str, size_pt: float, superscript: bool = False) -> str:
    half_points = round(size_pt * 2)
    sup = '<w:vertAlign w:val="superscript"/>' if superscript else ""
    return (f'<w:rPr><w:rFonts w:ascii="{escape(font)}" w:hAnsi="{escape(font)}" w:eastAsia="{escape(font)}" '
            f'w:cs="{escape(font)}"/>{sup}<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>')


def footnotes_xml(notes: list[tuple[int, str]], font: str, size_pt: float) -> bytes:
    """The footnotes part: separators, then each (number, text) as a justified paragraph "ⁿ text" (the
    number is the note's own reference mark; LibreOffice draws its number there itself)."""
    body = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
    ]
    for number, text in notes:
        body.append(
            f'<w:footnote w:id="{number}"><w:p><w:pPr><w:spacing w:after="40"/><w:jc w:val="both"/></w:pPr>'
            f'<w:r>{_run_props(font, size_pt, superscript=True)}<w:footnoteRef/></w:r>'
            f'<w:r>{_run_props(font, size_pt)}<w:t xml:space="preserve"> {escape(text)}</w:t></w:r>'
            f'</w:p></w:footnote>')
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{_W}">'
           + "".join(body) + "</w:footnotes>")
    return xml.encode("utf-8")


def add_footnotes_part(document, notes: list[tuple[int, str]], font: str, size_pt: float) -> None:
    """Attach word/footnotes.xml to a python-docx Document and declare the separators in its settings."""
    if not notes:
        return
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, footnotes_xml(notes, font, size_pt),
                document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    settings = document.settings.element
    if settings.find(qn("w:footnotePr")) is None:
        pr = OxmlElement("w:footnotePr")
        for note_id in ("-1", "0"):
            ref = OxmlElement("w:footnote")
            ref.set(qn("w:id"), note_id)
            pr.append(ref)
        compat = settings.find(qn("w:compat"))      # the schema's order: footnotePr comes before compat
        if compat is not None:
            compat.addprevious(pr)
        else:
            settings.append(pr)


def reference_run(paragraph, number: int, font: str, size_pt: float) -> None:
    """A marker in the text: "(", the footnote reference (Word numbers it), ")" — all superscript."""
    for piece in ("(", None, ")"):
        run = paragraph.add_run()
        fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), font)
        run.font.size = Pt(size_pt)
        run.font.superscript = True
        if piece is None:
            ref = OxmlElement("w:footnoteReference")
            ref.set(qn("w:id"), str(number))
            run._element.append(ref)
        else:
            run._element.append(_text(piece))


def _text(value: str):
    element = OxmlElement("w:t")
    element.text = value
    return element
