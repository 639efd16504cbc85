"""The command line end to end: demo, check, a broken roster, version."""

from __future__ import annotations

import subprocess
import sys

from danvan_desktop.cli import main
from danvan_desktop.services.app import AppServices


def test_demo_then_check_passes_and_removing_mttq_chair_fails(tmp_path, capsys):
    db = tmp_path / "d.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["check", "--db", str(db)]) == 0
    services = AppServices.open(db)
    chair = next(m for m in services.roster.current() if m.post_code == "ct_mttq")
    services.roster.delete(chair.id)
    services.close()
    capsys.readouterr()
    assert main(["check", "--db", str(db)]) == 1
    out = capsys.readouterr().out
    assert "Khối thiếu Chủ tịch Ủy ban MTTQ." in out
    assert "Khối chưa có Phó trưởng khối." in out


def test_demo_refuses_to_overwrite(tmp_path, capsys):
    db = tmp_path / "d.sqlite3"
    db.write_bytes(b"precious")
    assert main(["demo", "--db", str(db)]) == 2
    assert db.read_bytes() == b"precious"
    assert "không ghi đè" in capsys.readouterr().err


def test_version_runs_as_a_command():
    out = subprocess.run([sys.executable, "-m", "danvan_desktop", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and "danvan-desktop" in out.stdout


def test_no_screen_gives_a_clear_message_instead_of_a_qt_abort(tmp_path):
    env = {k: v for k, v in __import__("os").environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run([sys.executable, "-m", "danvan_desktop", "--db", str(tmp_path / "d.sqlite3")],
                         capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 2
    assert "Không tìm thấy màn hình" in out.stderr and "Aborted" not in out.stderr
    assert not (tmp_path / "d.sqlite3").exists()
