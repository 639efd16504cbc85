"""The hand-over from the command line: export, verify, import (dry run, trust, several files), completeness."""

from __future__ import annotations

import datetime as dt

from danvan_desktop.cli import main
from danvan_desktop.services.demo import build_demo
from danvan_desktop.services.demo_upper import build_upper_demo

from exchange_helpers import checksum, make_upper


def test_export_verify_import_from_the_command_line(tmp_path, capsys, today):
    build_demo(tmp_path / "xa.sqlite3", today=today).close()
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
    upper = build_upper_demo(tmp_path / "tinh.sqlite3", today=today, communes=4)
    try:
        rows = upper.exchange.upper.completeness("2026-10")
        assert len(rows) == 4 and all(r.handed_at for r in rows)
        november = upper.exchange.upper.completeness("2026-11")
        assert [r.status for r in november][-2:] != ["on_time", "on_time"] or \
            sum(r.handed_at is None for r in november) == 2
        assert sum(r.handed_at is None for r in november) == 2
        assert len(upper.exchange.upper.communes()) == 4
    finally:
        upper.close()
    assert main(["completeness", "--db", str(tmp_path / "tinh.sqlite3"), "--period", "2026-11"]) == 0
    out = capsys.readouterr().out
    assert "2/4 đơn vị đã nộp" in out and "Chưa nộp" in out
