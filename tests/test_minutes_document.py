"""The biên bản built from a meeting, printed to PDF and DOCX, checked from the files."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from pdftools import fonts, page_texts, text

from danvan_desktop.cli import main
from danvan_desktop.domain.meetings import MeetingKind, Presence
from danvan_desktop.domain.members import BlocMember, BlocRole
from danvan_desktop.services.meetings.minutes_document import write_minutes


@pytest.fixture(autouse=True)
def _shipped_font(monkeypatch):
    monkeypatch.setenv("DANVAN_DOC_FONT", "shipped")


@pytest.fixture
def meeting(services):
    people = [("Lê Văn Thắng", "pbt_tt", BlocRole.HEAD), ("Nguyễn Thị Hương", "ct_mttq", BlocRole.DEPUTY),
              ("Lê Đình Toàn", "ct_nd", BlocRole.MEMBER), ("Mai Thị Thu Trang", "cb_ct", BlocRole.MEMBER)]
    ids = {}
    for name, post, role in people:
        ids[name] = services.roster.save(BlocMember(full_name=name, post_code=post, bloc_role=role.value,
                                                    start_date=dt.date(2026, 1, 1))).id
    ms = services.meetings
    m = ms.create(MeetingKind.MONTHLY.value, dt.date(2026, 10, 6), "2026-10")
    m.place, m.start_time, m.end_time = "Hội trường Đảng ủy xã", "8h", "10h30"
    m.guests = [{"name": "Lê Thị Mai", "post": "Chuyên viên Ban Tuyên giáo và Dân vận Tỉnh ủy"}]
    ms.save(m)
    ms.set_attendance(m.id, ids["Lê Đình Toàn"], Presence.EXCUSED.value, "đi công tác")
    item = ms.items(m.id)[0]
    item.title, item.presenter = "Đánh giá công tác dân vận tháng 10", "Mai Thị Thu Trang"
    item.discussion = ("Đồng chí Mai Thị Thu Trang báo cáo kết quả tháng 10\n"
                       "Đồng chí Nguyễn Thị Hương: đề nghị các thôn nắm chắc dư luận")
    ms.save_item(item)
    ms.set_conclusions(item.id, "Các đoàn thể nắm chắc tình hình Nhân dân\nTổ dân vận họp định kỳ")
    return ms.get(m.id)


def test_minutes_pdf_reads_like_a_bien_ban(services, meeting, tmp_path):
    pdf = tmp_path / "bb.pdf"
    write_minutes(services.db, meeting.id, pdf=pdf)
    content = " ".join(text(pdf).split())
    expected = ["ĐẢNG BỘ TỈNH THANH HÓA", "ĐẢNG ỦY XÃ THỬ NGHIỆM", "KHỐI DÂN VẬN", "*", "-BB/DV",
                "ĐẢNG CỘNG SẢN VIỆT NAM", "Thử Nghiệm, ngày 06 tháng 10 năm 2026", "BIÊN BẢN",
                "hội nghị giao ban Khối dân vận tháng 10 năm 2026",
                "Thời gian: vào hồi 08 giờ 00, ngày 06 tháng 10 năm 2026.", "Địa điểm: Hội trường Đảng ủy xã.",
                "Người chủ trì: đồng chí Lê Văn Thắng, Phó Bí thư Thường trực Đảng ủy, Trưởng Khối dân vận.",
                "Người ghi biên bản: đồng chí Mai Thị Thu Trang, Cán bộ chuyên trách.", "1. Thành phần",
                "có mặt: 03/04 đồng chí", "Vắng mặt: 01 đồng chí: đồng chí Lê Đình Toàn, Chủ tịch Hội Nông dân "
                "(có lý do: đi công tác).", "Khách mời: đồng chí Lê Thị Mai", "2. Diễn biến hội nghị",
                "Đồng chí Mai Thị Thu Trang báo cáo kết quả tháng 10.", "3. Kết luận",
                "- Các đoàn thể nắm chắc tình hình Nhân dân;", "- Tổ dân vận họp định kỳ.",
                "Hội nghị kết thúc vào hồi 10 giờ 30 cùng ngày.", "NGƯỜI GHI BIÊN BẢN", "CHỦ TRÌ HỘI NGHỊ",
                "Mai Thị Thu Trang", "Lê Văn Thắng", "Bản nháp"]
    position = 0
    for phrase in expected:
        found = content.find(phrase, position)
        assert found >= 0, f"{phrase!r} missing or out of order"
        position = found + len(phrase)
    assert all(row["emb"] == "yes" for row in fonts(pdf))


def test_finalised_minute_prints_its_number_and_check_code(services, meeting, tmp_path):
    locked = services.meetings.finalise(meeting.id)
    pdf, out = tmp_path / "bb.pdf", tmp_path / "bb.docx"
    write_minutes(services.db, meeting.id, pdf=pdf, docx=out)
    content = text(pdf)
    assert "Số 01-BB/DV" in content
    assert locked.content_hash[:12] in content and "Bản nháp" not in content
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    assert paragraphs[:2] == ["BIÊN BẢN", "hội nghị giao ban Khối dân vận tháng 10 năm 2026"]
    assert "Hội nghị kết thúc vào hồi 10 giờ 30 cùng ngày." in paragraphs


def test_state_layout_names_the_signers_thu_ky_and_chu_toa(services, meeting, tmp_path):
    services.documents.set_layout_code("ND30-2020")
    pdf = tmp_path / "bb.pdf"
    write_minutes(services.db, meeting.id, pdf=pdf)
    content = text(pdf)
    assert "THƯ KÝ" in content and "CHỦ TỌA" in content and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in content
    assert "cùng ngày./." in " ".join(content.split())


def test_forty_page_minute_from_a_meeting(services, meeting, tmp_path):
    item = services.meetings.items(meeting.id)[0]
    item.discussion = "\n".join(
        f"Đồng chí Nguyễn Thị Hương phát biểu lần {n}: tình hình Nhân dân các thôn cơ bản ổn định, một số hộ còn băn "
        f"khoăn về giá phân bón và việc đền bù giải phóng mặt bằng, đề nghị các tổ dân vận bám sát địa bàn"
        for n in range(1, 471))
    services.meetings.save_item(item)
    pdf = tmp_path / "long.pdf"
    write_minutes(services.db, meeting.id, pdf=pdf)
    pages = [p for p in page_texts(pdf) if p.strip()]
    assert len(pages) >= 40
    assert "CHỦ TRÌ HỘI NGHỊ" in pages[-1] and "Lê Văn Thắng" in pages[-1]
    assert pages[-1].lstrip().startswith(str(len(pages)))       # its page number at the top


def test_cli_minutes_latest_and_by_id(services, meeting, tmp_path, capsys):
    services.db.conn.commit()
    db = services.db.path
    assert main(["minutes", "--db", str(db), "--latest", "--pdf", str(tmp_path / "a.pdf"),
                 "--docx", str(tmp_path / "a.docx")]) == 0
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF") and (tmp_path / "a.docx").stat().st_size > 0
    assert main(["minutes", "--db", str(db), "--meeting", meeting.id[:8], "--pdf", str(tmp_path / "b.pdf")]) == 0
    assert main(["minutes", "--db", str(db), "--meeting", "khong-co", "--pdf", str(tmp_path / "c.pdf")]) == 2
    assert "Không tìm thấy cuộc họp «khong-co»." in capsys.readouterr().err
    assert not (tmp_path / "c.pdf").exists()
