"""Reports: drafting from known data, redraft that keeps edits, numbering under edits/deletes, the lock."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan_desktop.domain.dvk import DvkModel
from danvan_desktop.domain.members import BlocMember
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.situation import SituationNote
from danvan_desktop.render.document import Heading, Paragraph, Table


def _head(services):
    services.roster.save(BlocMember(full_name="Lê Văn Thắng", post_code="pbt_tt", bloc_role="head",
                                    start_date=dt.date(2025, 10, 20), trained_on=dt.date(2025, 11, 2)))


def _october(services):
    villages = services.villages.list()
    services.situation.save(SituationNote(
        noted_on=dt.date(2026, 10, 6), village_id=villages[0].id, topic="land", level="hot",
        summary="Một số hộ chưa đồng thuận phương án bồi thường mở rộng đường liên thôn",
        action_taken="Tổ dân vận phối hợp UBND xã đối thoại với các hộ"))
    services.situation.save(SituationNote(
        noted_on=dt.date(2026, 10, 12), village_id=villages[1].id, topic="environment", level="watch",
        summary="Nhân dân phản ánh mùi hôi từ trại chăn nuôi", resolved=True, resolved_on=dt.date(2026, 10, 25)))
    services.situation.save(SituationNote(noted_on=dt.date(2026, 10, 14), topic="security", level="watch",
                                          summary="Mâu thuẫn gia đình ông A", private=True,
                                          personal_people="Nguyễn Văn A"))
    for code, value in {"tcd_luot": 18, "tcd_nguoi": 21, "don_nhan": 124, "don_da_gq": 106, "don_dang_gq": 14,
                        "hoa_giai": 5, "hoa_giai_tc": 4, "tuyen_truyen": 75, "tuyen_truyen_luot": 231}.items():
        services.figures.set_value(code, "2026-10", str(value))
    services.dvk.save(DvkModel(name="Dân vận khéo trong hiến đất làm đường", owner_name="Thôn Đông",
                               year=2026, registered_on=dt.date(2026, 10, 9)))


def test_draft_states_the_figures_as_real_reports_do(services):
    _head(services)
    _october(services)
    report = services.reports.create_draft("2026-10")
    text = {s.key: s.text for s in services.reports.sections(report.id)}
    assert "Tiếp nhận 124 đơn, đã giải quyết 106/124 đơn, đạt 85,48%, 14 đơn đang giải quyết." in text["government"]
    assert "tiếp 18 lượt công dân với 21 người" in text["government"]
    assert "hòa giải 05 vụ việc, thành công 04/05 vụ, đạt 80,00%" in text["government"]
    assert "tuyên truyền được 75 buổi với 231 lượt đoàn viên, hội viên và Nhân dân tham dự" in text["front"]
    assert "ghi nhận 03 vụ việc" in text["situation"] and "01 điểm nóng" in text["situation"]
    assert "Nhân dân phản ánh mùi hôi từ trại chăn nuôi (Thôn Tây); đã được giải quyết ngày 25/10/2026" in \
        text["situation"]
    assert "ông A" not in text["situation"] and "01 vụ việc được theo dõi riêng" in text["situation"]
    assert "“Dân vận khéo trong hiến đất làm đường” của Thôn Đông" in text["dvk"]
    assert "chỉ tiêu năm: ít nhất 03 mô hình" in text["dvk"]
    assert "Còn 01 điểm nóng chưa được giải quyết dứt điểm" in text["limits"]
    assert "mở rộng đường liên thôn tại Thôn Đông" in text["next"]
    report = services.reports.get(report.id)
    assert report.subject == "tình hình Nhân dân và kết quả công tác dân vận tháng 10 năm 2026"
    assert report.signer_name == "Lê Văn Thắng" and report.signer_authority == "T/M KHỐI DÂN VẬN"
    rows = {r["code"]: r["value_text"] for r in report.figures_table}
    assert rows["ty_le_gq_don"] == "85,48%" and rows["don_nhan"] == "124"


def test_an_empty_month_drafts_an_honest_report(services):
    report = services.reports.create_draft("2026-09")
    text = {s.key: s.text for s in services.reports.sections(report.id)}
    assert all(t.strip() for t in text.values())
    assert "không ghi nhận vụ việc phức tạp" in text["situation"]
    assert "chưa cập nhật số liệu tiếp công dân" in text["government"]
    assert "không có mô hình “Dân vận khéo” mới" in text["dvk"]


def test_comparison_with_the_same_period_last_year(services):
    services.figures.set_value("don_nhan", "2025-10", "100")
    services.figures.set_value("don_da_gq", "2025-10", "90")
    services.figures.set_value("don_nhan", "2026-10", "124")
    services.figures.set_value("don_da_gq", "2026-10", "106")
    report = services.reports.create_draft("2026-10")
    gov = services.reports.section(report.id, "government").text
    assert "[[fn:Cùng kỳ năm trước tiếp nhận 100 đơn, đã giải quyết 90/100 đơn, đạt 90,00%; số đơn tiếp nhận " \
           "tăng 24 đơn.]]" in gov
    doc = services.reports.document(report.id)
    assert doc.footnotes and doc.footnotes[0].text.startswith("Cùng kỳ năm trước")
    assert any("[[fn:1]]" in b.text for b in doc.body if isinstance(b, Paragraph))


def test_quarterly_report_sums_the_months(services):
    for month, value in ((7, 10), (8, 20), (9, 30)):
        services.figures.set_value("don_nhan", f"2026-{month:02d}", str(value))
        services.figures.set_value("don_da_gq", f"2026-{month:02d}", str(value - 1))
    report = services.reports.create_draft("2026-Q3", "quarterly")
    assert "Tiếp nhận 60 đơn, đã giải quyết 57/60 đơn, đạt 95,00%" in \
        services.reports.section(report.id, "government").text
    assert report.subject.startswith("sơ kết công tác dân vận quý III năm 2026")
    with pytest.raises(RuleError, match="không phải kỳ"):
        services.reports.create_draft("2026-Q2", "monthly")


def test_redraft_keeps_edited_text_and_offers_the_new_draft_beside_it(services):
    report = services.reports.create_draft("2026-10")
    services.reports.save_section(report.id, "front", "Mặt trận tổ chức hội nghị đối thoại với Nhân dân.")
    services.figures.set_value("tuyen_truyen", "2026-10", "12")
    services.figures.set_value("don_nhan", "2026-10", "3")
    waiting = services.reports.redraft(report.id)
    front = services.reports.section(report.id, "front")
    assert front.text == "Mặt trận tổ chức hội nghị đối thoại với Nhân dân."
    assert "12 buổi" in front.pending_draft and waiting == ["front"]
    assert "Tiếp nhận 03 đơn" in services.reports.section(report.id, "government").text   # untouched: replaced
    services.reports.accept_pending(report.id, "front")
    front = services.reports.section(report.id, "front")
    assert "12 buổi" in front.text and not front.edited and not front.pending_draft


def test_bad_input_on_create_and_approve(services):
    with pytest.raises(RuleError, match="chưa bắt đầu"):
        services.reports.create_draft("2026-12")
    report = services.reports.create_draft("2026-10")
    with pytest.raises(RuleError, match="Đã có báo cáo tháng 10 năm 2026"):
        services.reports.create_draft("2026-10")
    with pytest.raises(RuleError, match="Chưa có Trưởng khối"):
        services.reports.approve(report.id, "Ai đó")
    _head(services)
    services.reports.save_section(report.id, "proposals", "   ")
    with pytest.raises(RuleError, match="còn trống"):
        services.reports.approve(report.id, "Lê Văn Thắng")
    services.reports.save_section(report.id, "proposals", "Không có đề xuất, kiến nghị.")
    with pytest.raises(RuleError, match="chưa có số"):
        services.reports.approve(report.id, "Lê Văn Thắng")
    services.reports.take_number(report.id)
    with pytest.raises(RuleError, match="Chỉ Lê Văn Thắng"):
        services.reports.approve(report.id, "Mai Thị Thu Trang")
    assert services.reports.get(report.id).status == "draft"


def test_second_report_numbered_like_the_first_is_refused(services):
    first = services.reports.create_draft("2026-09")
    second = services.reports.create_draft("2026-10")
    services.reports.take_number(first.id)
    with pytest.raises(RuleError, match="Số 01 đã dùng"):
        services.reports.take_number(second.id, wanted=1)
    assert services.reports.take_number(second.id).number == 2
    services.reports.delete(first.id)                          # a deleted draft frees its number
    third = services.reports.create_draft("2026-08")
    assert services.reports.take_number(third.id).number == 1


def test_approval_locks_and_a_correction_is_a_new_version(services):
    _head(services)
    services.db.set_setting("report_approver", "Mai Thị Thu Trang")
    report = services.reports.create_draft("2026-10")
    services.reports.take_number(report.id)
    approved = services.reports.approve(report.id, "Mai Thị Thu Trang", keep_pdf=False)
    assert approved.status == "approved" and approved.content_hash and services.reports.verify_lock(report.id)
    assert {s.content_hash for s in services.reports.sections(report.id)} == {approved.content_hash}
    with pytest.raises(RuleError, match="khóa"):
        services.reports.save_section(report.id, "front", "sửa sau khi duyệt")
    with pytest.raises(RuleError, match="không xóa được"):
        services.reports.delete(report.id)
    # someone edits the row behind the program's back: the lock no longer verifies
    services.db.conn.execute("UPDATE report_sections SET text = 'giả mạo' WHERE report_id = ? AND key = 'front'",
                             (report.id,))
    assert not services.reports.verify_lock(report.id)
    correction = services.reports.new_version(report.id)
    assert correction.version == 2 and correction.number is None and correction.status == "draft"
    assert correction.replace_note.startswith("Báo cáo này thay thế Báo cáo số 01-BC/DV ngày")
    assert services.reports.take_number(correction.id).number == 2
    doc = services.reports.document(correction.id)
    assert isinstance(doc.body[0], Paragraph) and doc.body[0].italic


def test_document_has_the_party_layout_parts(services):
    _head(services)
    services.figures.set_value("don_nhan", "2026-10", "5")
    report = services.reports.create_draft("2026-10")
    services.reports.take_number(report.id)
    doc = services.reports.document(report.id)
    assert doc.header.number == "Số 01-BC/DV"
    assert doc.header.issuing_body == ["ĐẢNG ỦY XÃ THỬ NGHIỆM", "KHỐI DÂN VẬN"]
    headings = [b.text for b in doc.body if isinstance(b, Heading)]
    assert headings[0] == "I- TÌNH HÌNH NHÂN DÂN" and "II- KẾT QUẢ CÔNG TÁC DÂN VẬN" in headings
    assert "IV- PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM THÁNG 11 NĂM 2026" in headings
    assert "1- Công tác lãnh đạo, chỉ đạo, điều hành của Khối dân vận" in headings
    assert any(isinstance(b, Table) for b in doc.body)
    assert doc.recipients[-1] == "Lưu Khối dân vận" and doc.recipients[0] == "Ban Thường vụ Đảng ủy xã (báo cáo)"
    assert doc.signatures[0].post == "TRƯỞNG KHỐI" and doc.stamp      # a draft is marked as such


def test_demo_has_a_year_of_approved_reports_numbered_without_gaps(demo):
    reports = sorted(demo.reports.list(), key=lambda r: r.period)
    approved = [r for r in reports if r.is_locked]
    assert len(approved) == 12 and all(demo.reports.verify_lock(r.id) for r in approved)
    assert [r.number for r in approved] == list(range(4, 16))        # 01–03 were made on paper
    assert reports[-1].status == "draft" and reports[-1].period == "2026-11"
    assert demo.situation.open_hot_spots()
    assert demo.dvk.progress(2026).new == 2


def test_check_reports_a_broken_lock(services):
    from danvan_desktop.services.checks import run_checks
    _head(services)
    report = services.reports.create_draft("2026-10")
    services.reports.take_number(report.id)
    services.reports.approve(report.id, "Lê Văn Thắng", keep_pdf=False)
    assert not [p for p in run_checks(services.db, dt.date(2026, 11, 21)) if "mã khóa" in p.message]
    services.db.conn.execute("UPDATE reports SET subject = 'khác' WHERE id = ?", (report.id,))
    assert [p for p in run_checks(services.db, dt.date(2026, 11, 21)) if "mã khóa" in p.message]


def test_report_is_written_in_vietnamese_when_the_screen_is_english(services):
    from danvan_desktop.domain.i18n import set_language
    set_language("en")
    report = services.reports.create_draft("2026-09")
    doc = services.reports.document(report.id)
    assert report.subject.startswith("tình hình Nhân dân")
    assert doc.body[0].text == "I- TÌNH HÌNH NHÂN DÂN" and doc.title.kind == "BÁO CÁO"
    assert "không ghi nhận vụ việc phức tạp" in services.reports.section(report.id, "situation").text


@pytest.mark.parametrize("period, kind, subject, part_iv", [
    ("2026-H1", "half", "sơ kết công tác dân vận 6 tháng đầu năm 2026", "IV- PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM"),
    ("2026-9M", "nine", "sơ kết công tác dân vận 9 tháng năm 2026", "IV- PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2026"),
    ("2025", "annual", "tổng kết công tác dân vận năm 2025, phương hướng, nhiệm vụ năm 2026",
     "IV- PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM NĂM 2026"),
])
def test_every_kind_drafts_over_its_months(services, period, kind, subject, part_iv):
    for month in range(1, 13):
        services.figures.set_value("don_nhan", f"2025-{month:02d}", "2")
        if month <= 10:
            services.figures.set_value("don_nhan", f"2026-{month:02d}", "3")
    report = services.reports.create_draft(period, kind)
    expected = {"2026-H1": 18, "2026-9M": 27, "2025": 24}[period]
    assert f"Tiếp nhận {expected} đơn" in services.reports.section(report.id, "government").text
    assert report.subject.startswith(subject)
    headings = [b.text for b in services.reports.document(report.id).body if isinstance(b, Heading)]
    assert part_iv in headings
    assert all(s.text.strip() for s in services.reports.sections(report.id))


def test_the_same_matter_in_several_villages_reads_once(services):
    villages = services.villages.list()
    for village, resolved in ((villages[0], True), (villages[1], False)):
        services.situation.save(SituationNote(
            noted_on=dt.date(2026, 8, 3), village_id=village.id, topic="land", level="watch",
            summary="Tranh chấp ranh giới đất ở giữa hai hộ liền kề", resolved=resolved,
            resolved_on=dt.date(2026, 8, 20) if resolved else None))
    report = services.reports.create_draft("2026-Q3", "quarterly")
    text = services.reports.section(report.id, "situation").text
    assert text.lower().count("tranh chấp ranh giới") == 1
    assert "tranh chấp ranh giới đất ở giữa hai hộ liền kề (Thôn Đông, Thôn Tây); đã giải quyết 01/02 nơi" in text


def test_a_private_matter_is_never_quoted_in_any_section(services):
    """Issue 11: a hot spot kept private ("theo dõi riêng"), open for months, was quoted in full in sections IV
    and V and in the list of earlier open matters; now it is only counted."""
    _head(services)
    secret = "Tranh chấp đất giữa hộ ông Nguyễn Văn Bí và hộ bà Trần Thị Mật"
    services.situation.save(SituationNote(noted_on=dt.date(2026, 7, 3), topic="land", level="hot", summary=secret,
                                          action_taken="Đang hòa giải riêng", private=True,
                                          personal_people="Nguyễn Văn Bí"))
    for period in ("2026-07", "2026-10"):
        report = services.reports.create_draft(period)
        text = "\n".join(s.text for s in services.reports.sections(report.id))
        assert "Nguyễn Văn Bí" not in text and "Tranh chấp đất" not in text and "hòa giải riêng" not in text
    text = {s.key: s.text for s in services.reports.sections(report.id)}
    assert "Còn 01 điểm nóng chưa được giải quyết dứt điểm" in text["limits"]     # counted, not quoted
