"""The hand-over from the command line: export, verify, import (dry run, trust, several files), completeness."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

from exchange_helpers import checksum, make_upper

from danvan_desktop.cli import main
from danvan_desktop.services.demo.upper import build_upper_demo


def test_export_verify_import_from_the_command_line(demo_template, tmp_path, capsys, today):
    shutil.copyfile(demo_template, tmp_path / "xa.sqlite3")
    make_upper(tmp_path / "tinh.sqlite3", today).close()
    out = tmp_path / "usb" / "lo1.dvx"
    assert main(["export", "--db", str(tmp_path / "xa.sqlite3"), "--out", str(out), "--period", "2026-11"]) == 0
    printed = capsys.readouterr().out
    assert "lô số 1" in printed and "Mã nhận dạng khóa" in printed
    assert main(["verify", str(out)]) == 0
    assert "hợp lệ" in capsys.readouterr().out

    broken = tmp_path / "usb" / "hong.dvx"
    broken.write_bytes(out.read_bytes()[:500])
    upper_db = tmp_path / "tinh.sqlite3"
    before = checksum(upper_db)
    assert main(["import", "--db", str(upper_db), str(out)]) == 1      # unknown key, no --trust-new
    assert "--trust-new" in capsys.readouterr().err
    assert main(["import", "--db", str(upper_db), "--dry-run", str(out)]) == 0
    dry = capsys.readouterr().out
    assert "chưa được tin cậy" in dry and dry.count("mới") > 10
    assert checksum(upper_db) == before

    code = main(["import", "--db", str(upper_db), "--trust-new", "--receipt-dir", str(tmp_path / "usb"),
                 str(broken), str(out)])
    captured = capsys.readouterr()
    assert code == 1                                   # one file refused …
    assert "hong.dvx" in captured.err                  # … and named
    assert "Tin cậy khóa" in captured.out and "mới" in captured.out   # … while the other was imported
    assert "Đã ghi biên nhận" in captured.out
    assert main(["import", "--db", str(upper_db), str(out)]) == 0
    assert "không có gì thay đổi" in capsys.readouterr().out
    receipt = next((tmp_path / "usb").glob("bien-nhan-*.dvx"))
    assert main(["import", "--db", str(tmp_path / "xa.sqlite3"), "--trust-new", str(receipt)]) == 0
    assert "đã nhận lô số 1" in capsys.readouterr().out


def test_upper_demo_and_completeness(tmp_path, capsys):
    today = dt.date(2026, 11, 21)
    upper = build_upper_demo(tmp_path / "tinh.sqlite3", today=today, communes=3)
    try:
        rows = upper.exchange.upper.completeness("2026-10")
        assert [r.status for r in rows if r.handed_at is None] == ["missing"]   # the last commune stopped in October
        assert sum(1 for r in rows if r.handed_at) == 2
        november = upper.exchange.upper.completeness("2026-11")
        assert all(r.status == "not_due" and r.status_text == "Chưa đến hạn" for r in november)
        assert len(upper.exchange.upper.communes()) == 3
        documents = upper.exchange.upper.documents()
        titles = sorted(d["title"] for d in documents)
        assert len(documents) == 3 and titles[0].startswith("Báo cáo tháng 10 năm 2026")
        assert titles[-1].startswith("Báo cáo tháng 9 năm 2026")
        assert all(Path(d["stored_path"]).read_bytes().startswith(b"%PDF") for d in documents)
        assert upper.exchange.upper.documents(limit=2, offset=2) == documents[2:]
    finally:
        upper.close()
    assert main(["completeness", "--db", str(tmp_path / "tinh.sqlite3"), "--period", "2026-10"]) == 0
    out = capsys.readouterr().out
    # the due date falls after the period it reports on
    assert "(kỳ từ 01/10/2026 đến 31/10/2026; hạn nộp 05/11/2026)" in out
    assert "2/3 xã đã nộp đủ" in out and "Chưa nộp (quá hạn 16 ngày)" in out
    pdf, docx = tmp_path / "tong-hop.pdf", tmp_path / "tong-hop.docx"
    assert main(["report", "--consolidated", "--db", str(tmp_path / "tinh.sqlite3"), "--period", "2026-10",
                 "--pdf", str(pdf), "--docx", str(docx)]) == 0
    from pypdf import PdfReader
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "TỈNH ỦY THANH HÓA" in text and "BAN TUYÊN GIÁO VÀ DÂN VẬN" in text and "ĐẢNG BỘ TỈNH" not in text
    assert re.search(r"Số\s+-BC/BTGDVTU", text) and "DỰ THẢO" in text        # a draft has no number yet
    assert "ĐIỂM NÓNG" not in text and "TÌNH HÌNH NHÂN DÂN TRÊN ĐỊA BÀN CÁC XÃ" in text
    from docx import Document as Docx
    paragraphs = [p.text for p in Docx(str(docx)).paragraphs]
    assert "BÁO CÁO" in paragraphs and any("Đề xuất" in p or "ĐỀ XUẤT" in p for p in paragraphs)
