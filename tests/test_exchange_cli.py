"""The hand-over from the command line: export, verify, import (dry run, trust, several files), completeness."""

from __future__ import annotations

import datetime as dt
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
        assert len(rows) == 3 and all(r.handed_at for r in rows)       # everyone reported last month
        november = upper.exchange.upper.completeness("2026-11")
        missing = [r for r in november if r.handed_at is None]
        assert len(missing) >= 2 and all(r.status_text.startswith("Chưa nộp") for r in missing)
        assert len(upper.exchange.upper.communes()) == 3
        documents = upper.exchange.upper.documents()
        assert len(documents) == 3 and all(d["title"].startswith("Báo cáo tháng 10 năm 2026") for d in documents)
        assert all(Path(d["stored_path"]).read_bytes().startswith(b"%PDF") for d in documents)
    finally:
        upper.close()
    assert main(["completeness", "--db", str(tmp_path / "tinh.sqlite3"), "--period", "2026-11"]) == 0
    out = capsys.readouterr().out
    assert f"{3 - len(missing)}/3 đơn vị đã nộp" in out and "Chưa nộp" in out
    pdf = tmp_path / "tong-hop.pdf"
    assert main(["report", "--consolidated", "--db", str(tmp_path / "tinh.sqlite3"), "--period", "2026-10",
                 "--pdf", str(pdf)]) == 0
    from pypdf import PdfReader
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "3/3 xã đã bàn giao" in text and "Tổng cộng" in text and "ĐIỂM NÓNG" in text
