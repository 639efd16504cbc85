"""The Công tác năm page as an officer uses it: the plan with its progress, approval, the scorecard with
typed targets, the training record, the register search and the dashboard's count-down."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from danvan_desktop.domain.members import BlocMember, BlocRole
from danvan_desktop.gui.events import DataEvents
from danvan_desktop.gui.pages.yearwork.calendar_tab import DeadlinesCard
from danvan_desktop.gui.pages.yearwork.yearwork_page import YearWorkPage
from danvan_desktop.services.yearwork import YearWork


def _page(qtbot, services):
    page = YearWorkPage(services, QUndoStack(), DataEvents())
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    return page


def test_the_demo_plan_shows_its_items_and_is_locked(qtbot, demo):
    page = _page(qtbot, demo)
    tab = page.plan
    assert tab.model.rowCount() == 13
    assert "Quyết định số 15-QĐ/ĐU" in tab.state.text() and "Hoàn thành" in tab.state.text()
    assert not tab.approve_button.isEnabled() and tab.due_button.isEnabled()
    tab.table.selectRow(0)
    assert not tab.form.content.isEnabled() and tab.form.done_button.isEnabled()
    tab.year.setValue(2027)
    assert tab.approve_button.isEnabled() and tab.model.rowCount() == 13     # next year's draft


def test_an_officer_drafts_and_approves_a_plan(qtbot, services, today, tmp_path):
    services.roster.save(BlocMember(full_name="Lê Văn Thắng", post_code="pbt_tt", bloc_role=BlocRole.HEAD.value,
                                    start_date=dt.date(2025, 10, 1)))
    page = _page(qtbot, services)
    tab = page.plan
    assert tab.create_button.isEnabled()
    tab.create_plan()
    tab.form.content.setPlainText("Tổ chức giao ban Khối dân vận hằng tháng")
    for box in tab.form.months:
        box.setChecked(True)
    tab.save_item()
    assert tab.model.rowCount() == 1 and tab.form.status.text() == "Đã lưu nội dung kế hoạch."
    tab.new_item()
    tab.save_item()
    assert "không được để trống" in tab.form.status.text()
    assert tab.approve("Quyết định số 15-QĐ/ĐU", today)
    assert "Đã được Đảng ủy phê duyệt" in tab.state.text()
    assert tab.export_pdf(tmp_path / "kh.pdf").stat().st_size > 5000


def test_the_scorecard_tab_colours_verdicts_and_takes_typed_evidence(qtbot, demo):
    page = _page(qtbot, demo)
    tab = page.scorecard
    page.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() == 15
    assert tab.summary.text().startswith("Đạt ")
    row = tab.model.find_row(lambda s: s.target.code == "friendly_government")
    tab.table.selectRow(row)
    assert tab.typed.isEnabled()
    tab.typed_value.setChecked(True)
    tab.typed_evidence.setText("")
    tab.save_typed()
    assert "căn cứ" in tab.status.text()
    tab.typed_evidence.setText("Quyết định số 30-QĐ/UBND ngày 10/10/2026")
    tab.save_typed()
    row = tab.model.find_row(lambda s: s.target.code == "friendly_government")
    assert tab.model.row_object(row).met is True


def test_training_register_and_countdown(qtbot, demo):
    page = _page(qtbot, demo)
    assert page.training.model.rowCount() >= 3
    assert "Thành viên khối dân vận được tập huấn: 9/10" in page.training.summary.text()
    page.register.search.setText("luat dat dai")
    assert [page.register.model.row_object(r).number for r in range(page.register.model.rowCount())] == [
        "215-CV/BTGDV"]
    card = DeadlinesCard(demo)
    qtbot.addWidget(card)
    card.refresh()
    assert "còn 9 ngày" in card.lines.text() and "30/11" in card.lines.text()


def test_the_upper_level_page_lists_every_commune_sortable(qtbot, tmp_path, today):
    from danvan_desktop.services.demo.upper import build_upper_demo
    upper = build_upper_demo(tmp_path / "upper.sqlite3", today=today, communes=2)
    try:
        page = _page(qtbot, upper)
        tab = page.communes
        qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=20000)     # computed off the GUI thread
        assert page.tabs.count() == 1 and tab.note.text() == "2 xã"
        names = {tab.model.row_object(r).unit_name for r in range(2)}
        assert names == {"xã Yên Phú", "xã Yên Trường"}
        tab.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        met = [tab.model.row_object(r).met for r in range(2)]
        assert met == sorted(met)
        assert tab.model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
            "Đảng ủy ban hành quy chế công tác dân vận của hệ thống chính trị")
    finally:
        upper.close()


def test_an_officer_lowers_a_threshold_and_moves_a_deadline(qtbot, demo):
    page = _page(qtbot, demo)
    tab = page.scorecard
    row = tab.model.find_row(lambda s: s.target.code == "dvk_new")
    tab.table.selectRow(row)
    assert tab.threshold.isEnabled() and tab.threshold.value() == 3
    tab.threshold.setValue(2)
    tab.save_threshold()
    row = tab.model.find_row(lambda s: s.target.code == "dvk_new")
    assert tab.model.row_object(row).met is True and "điều chỉnh của đơn vị" in tab.summary.text()
    tab.reset_profile()
    assert "(Thanh Hóa, 2022)" in tab.summary.text()
    calendar = page.calendar
    calendar.rules_button.setChecked(True)
    editor = calendar.rules
    r = next(i for i, rule in enumerate(editor.rules) if rule.code == "annual_evaluation")
    editor.table.item(r, 1).setText("25")
    editor.save_button.click()
    assert editor.status.text() == "Đã lưu quy định hạn."
    assert any(line.deadline.rule.code == "annual_evaluation" and line.deadline.day.day == 25
               for line in calendar.model.rows())
    editor.table.item(r, 2).setText("11, mười hai")
    editor.save_button.click()
    assert "phải là số" in editor.status.text()
    assert [r.months for r in YearWork.of(demo).calendar.rules() if r.code == "annual_evaluation"] == [[11]]


def test_opening_the_dashboard_in_a_new_month_gives_that_month_s_plan_tasks(qtbot, demo):
    work = YearWork.of(demo)
    plan = work.plans.plan(2026)
    december = [i for i in work.plans.items(plan.id) if 12 in i.months]
    assert december and all("2026-12" not in i.task_ids for i in december)
    demo.today = lambda: __import__("datetime").date(2026, 12, 1)
    card = DeadlinesCard(demo)
    qtbot.addWidget(card)
    card.refresh()
    again = [i for i in work.plans.items(plan.id) if 12 in i.months]
    assert all("2026-12" in i.task_ids for i in again)
    card.refresh()                                     # once per item and month
    assert len(demo.tasks.tasks_from_source("plan", demo.tasks.get(again[0].task_ids["2026-12"]).source_ref)) == \
        len([m for m in again[0].months if m <= 12])


def test_bringing_the_plan_s_tasks_twice_writes_nothing_the_second_time(demo):
    from danvan_desktop.services.yearwork import YearWork
    work = YearWork.of(demo)
    work.plans.bring_due()
    audit = demo.db.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    stamps = demo.db.conn.execute("SELECT group_concat(updated_at) FROM plan_items").fetchone()[0]
    assert work.plans.bring_due() == []
    assert demo.db.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit
    assert demo.db.conn.execute("SELECT group_concat(updated_at) FROM plan_items").fetchone()[0] == stamps
