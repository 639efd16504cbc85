"""The PDF checked from the file itself: text in order, fonts embedded, A4, margins, header, pages."""

from __future__ import annotations

import datetime as dt

import pytest
from pdftools import MM, find_line, fonts, page_texts, text, words
from pypdf import PdfReader
from render_samples import minutes_document

from danvan_desktop.render.document import Document, Header, Paragraph, Signature, Title
from danvan_desktop.render.layout import load_profile
from danvan_desktop.render.pdf import render_pdf


@pytest.fixture(autouse=True)
def _shipped_font(monkeypatch):
    monkeypatch.setenv("DANVAN_DOC_FONT", "shipped")


def test_text_in_order_and_party_header(tmp_path):
    pdf = render_pdf(minutes_document(), tmp_path / "bb.pdf")
    content = " ".join(text(pdf).split())
    # pdftotext reads the header column by column, as it reads seed 004's real report.
    expected = ["ĐẢNG BỘ TỈNH THANH HÓA", "ĐẢNG ỦY XÃ YÊN PHÚ", "KHỐI DÂN VẬN", "*", "Số 07-BB/DV",
                "ĐẢNG CỘNG SẢN VIỆT NAM", "Yên Phú, ngày 05 tháng 02 năm 2026", "BIÊN BẢN",
                "hội nghị giao ban Khối dân vận tháng 01 năm 2026", "----", "1. Thành phần", "Có mặt: 9/10 đồng chí",
                "2. Diễn biến hội nghị", "(ý kiến số 1)", "(ý kiến số 4)", "Hội nghị kết thúc vào hồi 11 giờ 00 cùng ngày.",
                "NGƯỜI GHI BIÊN BẢN", "CHỦ TRÌ HỘI NGHỊ", "Mai Thị Thu Trang", "Lê Văn Thắng"]
    position = 0
    for phrase in expected:
        found = content.find(phrase, position)
        assert found >= 0, f"{phrase!r} missing or out of order"
        position = found + len(phrase)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" not in content     # no State line on a Party document
    assert "./." not in content


def test_every_font_embedded_and_no_helvetica(tmp_path):
    pdf = render_pdf(minutes_document(), tmp_path / "bb.pdf")
    rows = fonts(pdf)
    assert rows, "no fonts listed"
    assert all(r["emb"] == "yes" for r in rows), rows
    assert not any("Helvetica" in r["name"] for r in rows)
    assert any("LiberationSerif-Bold" in r["name"] for r in rows)


def test_a4_and_margins_from_word_positions(tmp_path):
    doc = minutes_document(speeches=30)
    pdf = render_pdf(doc, tmp_path / "bb.pdf")
    reader = PdfReader(str(pdf))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert abs(float(page.mediabox.width) - 210 * MM) < 0.5
        assert abs(float(page.mediabox.height) - 297 * MM) < 0.5
    all_words = words(pdf)
    body = [w for w in all_words if not (w.text.isdigit() and w.y1 < 20 * MM)]    # page numbers aside
    assert min(w.x0 for w in body) == pytest.approx(30 * MM, abs=1.0)      # left margin 30 mm
    assert max(w.x1 for w in body) <= 195 * MM + 0.5                          # right margin 15 mm
    justified = [w for w in body if w.page == 1 and "(ý" in w.text]
    assert justified
    assert max(w.x1 for w in all_words if w.page == 2) == pytest.approx(195 * MM, abs=1.5)  # justified edge
    assert min(w.y0 for w in body) >= 20 * MM - 1                             # top margin 20 mm
    assert max(w.y1 for w in body) <= 277 * MM + 1                            # bottom margin 20 mm


def test_page_numbers_from_page_two_centred_in_top_margin(tmp_path):
    pdf = render_pdf(minutes_document(speeches=40), tmp_path / "bb.pdf")
    all_words = words(pdf)
    pages = max(w.page for w in all_words)
    assert pages >= 3
    top_band = [w for w in all_words if w.y1 < 20 * MM]
    assert [w.text for w in top_band if w.page == 1] == []
    for number in range(2, pages + 1):
        marks = [w for w in top_band if w.page == number]
        assert [w.text for w in marks] == [str(number)]
        centre = (marks[0].x0 + marks[0].x1) / 2
        assert centre == pytest.approx((30 + 165 / 2) * MM, abs=2)


def test_header_columns_asterisk_centred_and_date_under_party_line(tmp_path):
    pdf = render_pdf(minutes_document(), tmp_path / "bb.pdf")
    all_words = words(pdf)
    party = find_line(all_words, "ĐẢNG CỘNG SẢN VIỆT NAM", page=1)
    bloc = find_line(all_words, "KHỐI DÂN VẬN", page=1)
    star = next(w for w in all_words if w.text == "*" and w.page == 1)
    date = find_line(all_words, "Yên Phú, ngày 05 tháng 02 năm 2026", page=1)
    bloc_centre = (bloc[0].x0 + bloc[-1].x1) / 2
    assert (star.x0 + star.x1) / 2 == pytest.approx(bloc_centre, abs=2)
    party_centre = (party[0].x0 + party[-1].x1) / 2
    assert (date[0].x0 + date[-1].x1) / 2 == pytest.approx(party_centre, abs=2)
    assert party[0].x0 > bloc[-1].x1                     # right column
    assert date[0].y0 > party[0].y1                      # under the party line
    assert all(w.x0 >= 30 * MM - 1 for w in bloc)
    upper = find_line(all_words, "ĐẢNG BỘ TỈNH THANH HÓA", page=1)
    assert abs(upper[0].y1 - party[0].y1) < 3            # both top lines on one level


def test_footnote_prints_at_the_foot_of_its_page(tmp_path):
    pdf = render_pdf(minutes_document(speeches=30), tmp_path / "bb.pdf")
    pages = page_texts(pdf)
    assert "(1)" in pages[0]
    note = find_line(words(pdf), "Vắng 01 đồng chí:")
    assert note[0].page == 1
    assert note[0].y0 > 200 * MM                          # at the foot, not after the heading
    assert all("Vắng 01 đồng chí" not in p for p in pages[1:])


def test_state_profile_header_number_and_ending(tmp_path):
    doc = minutes_document(layout="ND30-2020", footnotes=False)
    doc.header.number = load_profile("ND30-2020").format_number(7, "BB", "UBND")
    pdf = render_pdf(doc, tmp_path / "bb.pdf")
    content = " ".join(text(pdf).split())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in content
    assert "Độc lập - Tự do - Hạnh phúc" in content
    assert "Số: 07/BB-UBND" in content
    assert "cùng ngày./." in content
    assert "*" not in content.split("BIÊN BẢN")[0]


def test_forty_page_minute_breaks_pages_and_keeps_signatures_together(tmp_path):
    doc = minutes_document(speeches=360)
    pdf = render_pdf(doc, tmp_path / "long.pdf")
    pages = page_texts(pdf)
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 40
    last = pages[-1]
    for phrase in ("NGƯỜI GHI BIÊN BẢN", "CHỦ TRÌ HỘI NGHỊ", "Mai Thị Thu Trang", "Lê Văn Thắng"):
        assert phrase in last
    # no speech lost, none printed twice
    content = " ".join(text(pdf).split())
    for n in (1, 180, 360):
        assert content.count(f"(ý kiến số {n})") == 1


def test_vietnamese_decomposed_input_prints_composed(tmp_path):
    import unicodedata
    doc = Document(Header("", ["KHỐI DÂN VẬN"], "", "Yên Phú", dt.date(2026, 3, 16)), Title("BÁO CÁO", ""),
                   [Paragraph(unicodedata.normalize("NFD", "Nghị quyết được thông qua"))],
                   signatures=[Signature(authority="T/M KHỐI DÂN VẬN", post="TRƯỞNG KHỐI", name="Lê Văn Thắng")],
                   recipients=["Ban Thường vụ Đảng ủy xã", "Lưu"])
    pdf = render_pdf(doc, tmp_path / "r.pdf")
    content = text(pdf)
    assert "Nghị quyết được thông qua." in content
    assert "ngày 16 tháng 3 năm 2026" in content
    assert "- Ban Thường vụ Đảng ủy xã," in content and "- Lưu." in content
    all_words = words(pdf)
    label = find_line(all_words, "Nơi nhận:")
    authority = find_line(all_words, "T/M KHỐI DÂN VẬN")
    assert label[0].x0 == pytest.approx(30 * MM, abs=1)
    assert abs(label[0].y0 - authority[0].y0) < 3      # "Nơi nhận" level with the signing block


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path):
    from danvan_desktop.render.common import write_atomically
    target = tmp_path / "bb.pdf"
    target.write_bytes(b"old version")

    def half_then_fail(tmp):
        tmp.write_bytes(b"%PDF-1.4 half")
        raise OSError("disk full")
    with pytest.raises(OSError):
        write_atomically(target, half_then_fail)
    assert target.read_bytes() == b"old version"
    assert [p.name for p in tmp_path.iterdir()] == ["bb.pdf"]
