"""DOCX read back with python-docx; layout profiles loaded, numbered, adjusted and saved as data."""

from __future__ import annotations

import docx
import pytest
from docx.shared import Mm
from pdftools import text
from render_samples import minutes_document

from danvan_desktop.domain.records import RuleError
from danvan_desktop.render import fonts as fonts_module
from danvan_desktop.render.docx import render_docx
from danvan_desktop.render.layout import (
    PARTY,
    STATE,
    all_profiles,
    builtin_profiles,
    copy_profile,
    load_profile,
    save_profile,
)
from danvan_desktop.render.pdf import render_pdf


def _paragraph_texts(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def test_docx_page_margins_header_table_and_body(tmp_path):
    path = render_docx(minutes_document(), tmp_path / "bb.docx")
    out = docx.Document(str(path))
    section = out.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5) and abs(section.page_height - Mm(297)) < Mm(0.5)
    assert abs(section.left_margin - Mm(30)) < Mm(0.2) and abs(section.right_margin - Mm(15)) < Mm(0.2)
    assert abs(section.top_margin - Mm(20)) < Mm(0.2) and abs(section.bottom_margin - Mm(20)) < Mm(0.2)
    header = out.tables[0]
    left = [p.text for p in header.rows[0].cells[0].paragraphs if p.text]
    right = [p.text for p in header.rows[0].cells[1].paragraphs if p.text]
    assert left == ["ĐẢNG BỘ TỈNH THANH HÓA", "ĐẢNG ỦY XÃ YÊN PHÚ", "KHỐI DÂN VẬN", "*", "Số 07-BB/DV"]
    assert right == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Yên Phú, ngày 05 tháng 02 năm 2026"]
    bold_issuer = header.rows[0].cells[0].paragraphs[1].runs[0]
    assert bold_issuer.bold and bold_issuer.font.size.pt == 14
    party = header.rows[0].cells[1].paragraphs[0].runs[0]
    assert party.bold and party.font.size.pt == 15
    assert header.rows[0].cells[1].paragraphs[-1].runs[0].italic
    texts = _paragraph_texts(out)
    assert texts[:3] == ["BIÊN BẢN", "hội nghị giao ban Khối dân vận tháng 01 năm 2026", "-----"]
    assert "Hội nghị kết thúc vào hồi 11 giờ 00 cùng ngày." in texts
    body = next(p for p in out.paragraphs if p.text.startswith("Đồng chí Nguyễn Thị Hương"))
    assert body.alignment == 3                                  # justified
    assert abs(body.paragraph_format.first_line_indent - Mm(10)) < Mm(0.2)
    assert body.paragraph_format.line_spacing.pt == 18
    assert body.runs[0].font.name == "Times New Roman"
    signatures = out.tables[-1]
    assert [p.text for p in signatures.rows[0].cells[0].paragraphs if p.text] == ["NGƯỜI GHI BIÊN BẢN",
                                                                                  "Mai Thị Thu Trang"]
    assert [p.text for p in signatures.rows[0].cells[1].paragraphs if p.text] == ["CHỦ TRÌ HỘI NGHỊ", "Lê Văn Thắng"]
    figures = out.tables[1]
    assert [c.text for c in figures.rows[0].cells] == ["TT", "Chỉ tiêu", "Kết quả"]
    assert figures.rows[0]._tr.xpath("./w:trPr/w:tblHeader")          # repeats on every page


def test_docx_page_number_field_from_page_two(tmp_path):
    out = docx.Document(str(render_docx(minutes_document(), tmp_path / "bb.docx")))
    section = out.sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_docx_normal_style_font_and_real_word_footnotes(tmp_path):
    out = docx.Document(str(render_docx(minutes_document(), tmp_path / "bb.docx")))
    assert out.styles["Normal"].font.name == "Times New Roman"
    texts = _paragraph_texts(out)
    assert not any(t.startswith("(1) Vắng 01 đồng chí") for t in texts)      # no longer typed after the body
    part = next(p for p in out.part.package.iter_parts() if p.partname == "/word/footnotes.xml")
    xml = part.blob.decode("utf-8")
    assert 'w:id="1"' in xml and "Vắng 01 đồng chí" in xml and "w:footnoteRef" in xml
    assert out.element.body.xpath('.//w:footnoteReference[@w:id="1"]')


def test_builtin_profiles_hold_the_documented_values():
    profiles = builtin_profiles()
    party, state = profiles[PARTY], profiles[STATE]
    assert (party.page.top_mm, party.page.bottom_mm, party.page.left_mm, party.page.right_mm) == (20, 20, 30, 15)
    assert party.header.right_lines[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert party.header.right_lines[0].style.size == 15 and party.header.right_lines[0].style.bold
    assert party.header.separator == "*" and state.header.separator == "rule"
    assert party.body.ending == "." and state.body.ending == "./."
    assert party.body.first_line_indent_mm == 10 and party.body.leading_pt >= 18
    assert party.recipients.label_style.underline and party.recipients.item_style.size == 12
    assert state.recipients.label_style.bold and state.recipients.label_style.italic
    assert party.format_number(7, "BC", "DV") == "Số 07-BC/DV"
    assert state.format_number(7, "BC", "UBND") == "Số: 07/BC-UBND"
    assert party.format_number(None, "BB", "DV").startswith("Số ") and party.format_number(None, "BB", "DV") \
        .endswith("-BB/DV")
    assert party.finish("Hội nghị kết thúc lúc 11 giờ") == "Hội nghị kết thúc lúc 11 giờ."
    assert state.finish("Hội nghị kết thúc lúc 11 giờ.") == "Hội nghị kết thúc lúc 11 giờ./."


def test_user_adjusts_a_profile_and_saves_it_as_new(tmp_path):
    folder = tmp_path / "layouts"
    mine = copy_profile(load_profile(PARTY), "XA-2026", "Mẫu của xã")
    mine.page.left_mm = 35
    mine.page.top_mm = 25
    save_profile(mine, folder)
    again = load_profile("XA-2026", folder)
    assert again.page.left_mm == 35 and again.page.top_mm == 25 and again.based_on == PARTY
    assert again.header.right_lines[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert set(all_profiles(folder)) == {PARTY, STATE, "XA-2026"}
    assert load_profile(PARTY, folder).page.left_mm == 30        # the built-in one is untouched
    with pytest.raises(RuleError):
        save_profile(copy_profile(mine, PARTY, "x"), folder)      # a built-in code is refused
    mine.page.right_mm = 2
    with pytest.raises(RuleError):
        save_profile(mine, folder)                                # silly margins refused


def test_adjusted_profile_moves_the_text(tmp_path, monkeypatch):
    monkeypatch.setenv("DANVAN_DOC_FONT", "shipped")
    from pdftools import MM, words
    profile = copy_profile(load_profile(PARTY), "LE-35", "Lề 35")
    profile.page.left_mm = 35
    pdf = render_pdf(minutes_document(), tmp_path / "bb.pdf", profile)
    assert min(w.x0 for w in words(pdf)) == pytest.approx(35 * MM, abs=1)
    assert "Mai Thị Thu Trang" in text(pdf)


def test_installed_times_new_roman_is_preferred(tmp_path, monkeypatch):
    monkeypatch.delenv("DANVAN_DOC_FONT", raising=False)
    folder = tmp_path / "fonts"
    folder.mkdir()
    for name in ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"):
        (folder / name).write_bytes(b"")
    monkeypatch.setattr(fonts_module, "_font_dirs", lambda: [folder])
    assert fonts_module.document_fonts().family == "Times New Roman"
    monkeypatch.setenv("DANVAN_DOC_FONT", "shipped")
    assert fonts_module.document_fonts().family == "Liberation Serif"
    monkeypatch.setattr(fonts_module, "_font_dirs", lambda: [tmp_path / "none"])
    monkeypatch.delenv("DANVAN_DOC_FONT")
    shipped = fonts_module.document_fonts()
    assert shipped.shipped and all(p.is_file() for p in shipped.files.values())
    assert (shipped.files["regular"].parent / "LICENSE-LiberationSerif.txt").is_file()
