"""`danvan check` at the upper level: each commune's records against that commune's rules, named in every line."""

from __future__ import annotations

from danvan_desktop.cli import main
from danvan_desktop.services.checks import run_checks


def test_the_demo_upper_level_passes_its_checks(tinh, capsys):
    assert run_checks(tinh.db, tinh.today()) == []
    path = tinh.db.path
    tinh.close()
    assert main(["check", "--db", str(path)]) == 0
    assert "Không phát hiện" in capsys.readouterr().out


def test_a_breach_is_reported_for_its_commune_only(tinh, capsys):
    conn = tinh.db.conn
    conn.execute("UPDATE bloc_members SET post_code = 'khong_co' WHERE id = (SELECT id FROM bloc_members "
                 "WHERE unit_code = '16174' AND deleted = 0 ORDER BY full_name LIMIT 1)")
    conn.execute("UPDATE bloc_members SET deleted = 1 WHERE unit_code = '16177' AND bloc_role = 'member'")
    problems = run_checks(tinh.db, tinh.today())
    assert problems
    assert all(p.message.startswith(("xã Yên Trường (mã 16174): ", "xã Yên Thái (mã 16177): ")) for p in problems)
    assert any(p.message.startswith("xã Yên Trường") and "khong_co" in p.message for p in problems)
    assert any(p.message.startswith("xã Yên Thái") and "thành viên" in p.message for p in problems)
    path = tinh.db.path
    tinh.close()
    assert main(["check", "--db", str(path)]) == 1
    out = capsys.readouterr()
    lines = [line for line in (out.out + out.err).splitlines() if "(mã 161" in line]
    assert len(lines) == len(problems)
