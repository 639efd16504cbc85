"""The figures' consistency rules: enforced when typed, found by `danvan check`, phrased in reports."""

from __future__ import annotations

import subprocess
import sys

import pytest

from danvan_desktop.domain.records import RuleError


def test_petitions_must_balance_with_what_last_month_left_pending(services):
    f = services.figures
    for code, value in {"don_nhan": 8, "don_da_gq": 6, "don_dang_gq": 2}.items():
        f.set_value(code, "2026-09", value)
    f.set_value("don_nhan", "2026-10", 10)
    f.set_value("don_da_gq", "2026-10", 10)          # 10 ≤ 2 carried over + 10 received
    assert f.value("don_ky_truoc", "2026-10") == 2
    with pytest.raises(RuleError) as refused:
        f.set_value("don_dang_gq", "2026-10", 3)      # 2 + 10 ≠ 10 + 3
    message = str(refused.value)
    assert message.startswith("Tháng 10/2026: số liệu đơn thư không cân đối")
    assert "«Đơn thư kỳ trước chuyển sang» 2 + «Đơn thư tiếp nhận» 10 = 12" in message
    assert "«Đơn thư đang giải quyết» 3 = 13" in message and "chưa được lưu" in message
    assert f.month_value("don_dang_gq", "2026-10") is None
    f.set_value("don_dang_gq", "2026-10", 2)
    assert f.value("ty_le_gq_don", "2026-10") == pytest.approx(10 / 12)
    f.set_value("hoa_giai", "2026-10", 4)
    with pytest.raises(RuleError, match="«Vụ hòa giải thành công» \\(5\\) lớn hơn «Vụ việc hòa giải» \\(4\\)"):
        f.set_value("hoa_giai_tc", "2026-10", 5)
    assert f.problems() == []


def test_changing_a_pending_figure_warns_about_the_next_month(services):
    f = services.figures
    for month, values in (("2026-09", (8, 6, 2)), ("2026-10", (10, 10, 2))):
        for code, value in zip(("don_nhan", "don_da_gq", "don_dang_gq"), values):
            f.set_value(code, month, value)
    f.set_value("don_dang_gq", "2026-09", "")          # cleared: not reported, so September is not checked
    assert f.knock_on("don_dang_gq", "2026-09")[0].message.startswith("Tháng 10/2026")


def test_check_exits_1_naming_the_figures_and_the_month(services, db_path):
    f = services.figures
    for code, value in {"don_nhan": 10, "don_da_gq": 10, "don_dang_gq": 0}.items():
        f.set_value(code, "2026-10", value)
    # a hand-over or an older version stored September's pending after October was typed
    services.db.conn.execute("INSERT INTO figure_values (id, unit_code, created_at, updated_at, figure_code, period, "
                             "value) VALUES ('x1', ?, '', '', 'don_dang_gq', '2026-09', 2)", (services.db.unit_code,))
    services.db.conn.commit()
    services.close()
    run = subprocess.run([sys.executable, "-m", "danvan_desktop", "check", "--db", str(db_path)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Tháng 10/2026: số liệu đơn thư không cân đối" in run.stdout
    assert "«Đơn thư kỳ trước chuyển sang» 2" in run.stdout and "«Đơn thư đã giải quyết» 10" in run.stdout


def test_the_demo_obeys_every_figure_rule(demo):
    assert demo.figures.problems() == []
