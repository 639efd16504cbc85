"""The consolidated report is the upper body's own document: its register, its life, its header and signer."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from danvan_desktop.domain.records import RuleError
from danvan_desktop.services.upper import settings


def _text(path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def test_draft_approve_number_lock_and_new_version(tinh, tmp_path):
    reports = tinh.exchange.upper.reports
    communes_numbers = tinh.db.conn.execute("SELECT count(*) FROM doc_numbers WHERE unit_code != ?",
                                            (tinh.db.unit_code,)).fetchone()[0]
    assert communes_numbers > 0          # the communes' registers arrived with their files
    report = tinh.exchange.upper.consolidated_report("2026-Q3")
    assert report.unit_code == tinh.db.unit_code and report.number is None and report.doc_date == tinh.today()
    assert [s.key for s in reports.sections(report.id)][:2] == ["situation", "reporting"]
    assert report.signer_authority == "K/T TRƯỞNG BAN" and report.signer_name == "Nguyễn Văn Thành"
    # recipients are editable before approval; sections too
    reports.update_header(report.id, recipients=["Thường trực Tỉnh ủy (báo cáo)", "- Đảng ủy các xã", "Lưu VP"])
    reports.save_section(report.id, "next", "1. Nhiệm vụ do cán bộ viết lại.")
    with pytest.raises(RuleError):
        reports.approve(report.id, "Người Lạ")
    with pytest.raises(RuleError, match="chưa có số"):
        reports.approve(report.id, "Nguyễn Văn Thành")
    reports.take_number(report.id)
    approved = reports.approve(report.id, "Nguyễn Văn Thành", keep_pdf=False)
    assert approved.number == 1, "its own register starts at 01 whatever the communes' registers hold"
    assert reports.printed_number(approved) == "Số 01-BC/BTGDVTU"
    assert approved.is_locked and reports.verify_lock(approved.id)
    with pytest.raises(RuleError):
        reports.save_section(approved.id, "next", "sửa sau khi duyệt")
    pdf = tmp_path / "q3.pdf"
    reports.write_pdf(approved.id, pdf)
    text = _text(pdf)
    assert "Số 01-BC/BTGDVTU" in text and "DỰ THẢO" not in text
    assert "Nhiệm vụ do cán bộ viết lại" in text and "Đảng ủy các xã" in text and "Lưu VP" in text
    # a second document of the year takes the next number; a correction is a new version with its own number
    other = tinh.exchange.upper.consolidated_report("2026-10")
    assert reports.take_number(other.id).number == 2
    correction = reports.new_version(approved.id)
    assert correction.version == 2 and correction.number is None and "thay thế Báo cáo số 01-BC/BTGDVTU" in \
        correction.replace_note
    assert reports.current_for("2026-Q3").id == correction.id
    assert all(r.unit_code == tinh.db.unit_code for r in reports.list())


def test_pdf_and_docx_header_from_the_bodys_own_names(tinh, tmp_path):
    upper = tinh.exchange.upper
    pdf, docx = upper.consolidated_pdf("2026-10", tmp_path / "t.pdf"), upper.consolidated_docx("2026-10",
                                                                                              tmp_path / "t.docx")
    lines = [line.strip() for line in PdfReader(pdf).pages[0].extract_text().splitlines()]
    assert lines[0] == "TỈNH ỦY THANH HÓA" and "BAN TUYÊN GIÁO VÀ DÂN VẬN" in lines[:4]
    assert not any(line in ("BAN TUYÊN GIÁO", "VÀ DÂN VẬN", "ĐẢNG BỘ TỈNH THANH HÓA") for line in lines)
    from docx import Document as Docx
    cells = [p.text for p in Docx(str(docx)).tables[0].rows[0].cells[0].paragraphs]
    assert cells[:2] == ["TỈNH ỦY THANH HÓA", "BAN TUYÊN GIÁO VÀ DÂN VẬN"]
    # the signer and the issuing body's name come from the upper body's settings
    defaults = settings.load(tinh.db)
    defaults.authority, defaults.post, defaults.name = "", "TRƯỞNG BAN", "Lê Văn Tâm"
    defaults.issuing_body = "Ban Tuyên giáo và Dân vận"
    settings.save(tinh.db, defaults)
    report = upper.reports.create_draft("2026-09")
    assert (report.signer_authority, report.signer_post, report.signer_name) == ("", "TRƯỞNG BAN", "Lê Văn Tâm")
    assert upper.reports.document(report.id).header.issuing_body == ["BAN TUYÊN GIÁO VÀ DÂN VẬN"]


def test_the_body_names_hot_spots_models_and_the_communes_proposals(tinh):
    upper = tinh.exchange.upper
    report = upper.consolidated_report("2026")
    texts = {s.key: s.text for s in upper.reports.sections(report.id)}
    names = sorted(upper.consolidate("2026").names.values())
    open_spots = tinh.db.conn.execute(
        "SELECT count(*) FROM situation_notes WHERE level = 'hot' AND resolved = 0 AND deleted = 0 "
        "AND unit_code != ? AND noted_on <= '2026-12-31'", (tinh.db.unit_code,)).fetchone()[0]
    assert open_spots and f"còn {open_spots:02d} vụ việc đang theo dõi" in texts["situation"]
    first_listed = texts["situation"].split("giải quyết:\n", 1)[1].splitlines()[0]
    assert first_listed.startswith("- Xã ")
    assert "được công nhận" in texts["dvk"]
    assert texts["proposals"].startswith("Trong năm, ") and "\n1. Đề nghị " in texts["proposals"]
    assert any(n in texts["proposals"] for n in names)
    table = {row["code"]: row for row in report.figures_table}
    assert table["don_nhan"]["last_year_text"] and table["don_nhan"]["communes"] == len(names)
