"""`danvan tasks`, `danvan import-roster`, `danvan export-roster` end to end."""

from __future__ import annotations

from danvan_desktop.cli import main
from danvan_desktop.services.app import AppServices
from tests.test_roster_io import messy_team_workbook


def test_tasks_lists_only_overdue_work_of_a_village(tmp_path, capsys):
    db = tmp_path / "d.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    capsys.readouterr()
    assert main(["tasks", "--db", str(db), "--overdue"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert lines and all("Quá hạn" in line for line in lines)
    assert main(["tasks", "--db", str(db), "--summary", "2026-10"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Nhiệm vụ tháng 10 năm 2026 (tính đến 31/10/2026):")
    assert main(["tasks", "--db", str(db), "--village", "khong co thon nay"]) == 2
    assert "Không có thôn «khong co thon nay»" in capsys.readouterr().err


def test_import_roster_previews_refuses_and_applies(tmp_path, capsys):
    db = tmp_path / "d.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    services = AppServices.open(db)
    village = services.villages.list()[0]
    services.close()
    path = tmp_path / "to.xlsx"
    messy_team_workbook(path)
    capsys.readouterr()
    assert main(["import-roster", "--db", str(db), str(path), "--teams", "--apply"]) == 1
    out = capsys.readouterr().out
    assert "dòng 9: Từ chối — Hoàng Văn Sơn (Thôn Bắc) — Không có thôn «Thôn Bắc»" in out
    assert "dòng 10: Từ chối" in out

    # The demo's villages differ from the test workbook's: rewrite it for this commune.
    from openpyxl import Workbook
    wb = Workbook()
    wb.active.append(["DANH SÁCH"])
    wb.active.append(["STT", "Họ và tên", "Thôn", "Chức vụ"])
    wb.active.append([1, "Cao Văn Mười", village.name, "Người có uy tín"])
    wb.save(path)
    assert main(["import-roster", "--db", str(db), str(path), "--teams"]) == 0
    assert "Chưa ghi gì" in capsys.readouterr().out
    services = AppServices.open(db)
    assert services.teams.find_member(village.id, "Cao Văn Mười") is None
    services.close()
    assert main(["import-roster", "--db", str(db), str(path), "--teams", "--apply"]) == 0
    services = AppServices.open(db)
    assert services.teams.find_member(village.id, "Cao Văn Mười") is not None
    services.close()

    out_csv = tmp_path / "khoi.csv"
    assert main(["export-roster", "--db", str(db), str(out_csv)]) == 0
    assert out_csv.read_bytes().startswith(b"\xef\xbb\xbf")
