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


def test_the_report_phrases_petitions_as_officers_do(services):
    f = services.figures
    for code, value in {"don_nhan": 8, "don_da_gq": 6, "don_dang_gq": 2}.items():
        f.set_value(code, "2026-09", value)
    for code, value in {"don_nhan": 10, "don_da_gq": 10, "don_dang_gq": 2}.items():
        f.set_value(code, "2026-10", value)
    report = services.reports.create_draft("2026-10")
    text = services.reports.section(report.id, "government").text
    assert "Tiếp nhận 10 đơn (kỳ trước chuyển sang 02 đơn), đã giải quyết 10/12 đơn, đạt 83,33%; " \
           "đang giải quyết 02 đơn." in text
    rows = {r["code"]: r["value_text"] for r in services.reports.get(report.id).figures_table}
    assert rows["ty_le_gq_don"] == "83,33%" and rows["don_ky_truoc"] == "2"
    f.set_value("don_dang_gq", "2026-09", "")          # cleared first: a complete month must balance
    f.set_value("don_da_gq", "2026-09", 8)
    f.set_value("don_dang_gq", "2026-09", 0)
    f.set_value("don_dang_gq", "2026-10", 0)
    services.reports.redraft(report.id)
    text = services.reports.section(report.id, "government").text
    assert "Tiếp nhận 10 đơn, đã giải quyết 10/10 đơn, đạt 100%." in text


def test_unbalanced_figures_are_shown_in_the_editor_and_stop_approval(qtbot, services):
    import datetime as dt

    from danvan_desktop.domain.members import BlocMember
    from danvan_desktop.gui.events import DataEvents
    from danvan_desktop.gui.pages.report.reports_page import ReportsPage
    services.roster.save(BlocMember(full_name="Lê Văn Thắng", post_code="pbt_tt", bloc_role="head",
                                    start_date=dt.date(2025, 10, 20)))
    for code, value in {"don_nhan": 10, "don_da_gq": 10, "don_dang_gq": 0}.items():
        services.figures.set_value(code, "2026-10", value)
    services.db.conn.execute("INSERT INTO figure_values (id, unit_code, created_at, updated_at, figure_code, period, "
                             "value) VALUES ('x1', ?, '', '', 'don_dang_gq', '2026-09', 2)", (services.db.unit_code,))
    services.db.conn.commit()
    page = ReportsPage(services, DataEvents())
    qtbot.addWidget(page)
    page.period.setText("2026-10")
    page.create_draft()
    qtbot.waitUntil(lambda: not page.drafting, timeout=20000)
    assert page.figure_problems.isVisibleTo(page)
    assert "Tháng 10/2026: số liệu đơn thư không cân đối" in page.figure_problems.text()
    report = services.reports.take_number(page._report.id)
    with pytest.raises(RuleError, match="chưa nhất quán"):
        services.reports.approve(report.id, "Lê Văn Thắng")


def test_the_upper_level_rate_divides_by_carried_over_plus_received():
    from danvan_desktop.services.upper.consolidate import FigureTotal, combine
    totals = {
        "don_ky_truoc": FigureTotal("don_ky_truoc", "Đơn thư kỳ trước chuyển sang", "đơn", "opening",
                                    per_unit={"A": 2.0}),
        "don_nhan": FigureTotal("don_nhan", "Đơn thư tiếp nhận", "đơn", "sum", per_unit={"A": 10.0, "B": 8.0}),
        "don_da_gq": FigureTotal("don_da_gq", "Đơn thư đã giải quyết", "đơn", "sum", per_unit={"A": 10.0, "B": 8.0}),
    }
    rate = FigureTotal("ty_le_gq_don", "Tỷ lệ", "%", "ratio", "don_da_gq", "don_ky_truoc+don_nhan",
                       per_unit={"A": 10 / 12, "B": 1.0})
    assert combine(rate, totals) == pytest.approx(18 / 20)
