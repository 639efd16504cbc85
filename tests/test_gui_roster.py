"""The roster page as an officer uses it: add, edit, end a term through the dialog, delete and undo,
and the rule banner (here and on the dashboard) following every change."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import dashboard_ready, type_text
from dialog_helpers import Answer
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication

from danvan_desktop.gui.main_window import MainWindow
from danvan_desktop.gui.pages.roster.end_term_dialog import EndTermDialog


@pytest.fixture
def window(qtbot, demo):
    w = MainWindow(demo)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def empty_window(qtbot, services):
    w = MainWindow(services)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def members_page(window):
    window.navigate("members")
    return window.pages["members"]


def shown_names(page) -> list[str]:
    return [page.proxy.row_object(r).full_name for r in range(page.proxy.rowCount())]


def select(page, name: str) -> None:
    for row in range(page.proxy.rowCount()):
        if page.proxy.row_object(row).full_name == name:
            page.table.setCurrentIndex(page.proxy.index(row, 0))
            return
    raise AssertionError(f"{name} is not in the table")


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_the_table_model_is_sound(window):
    page = members_page(window)
    QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    QAbstractItemModelTester(page.proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert page.table.verticalHeader().isHidden()
    assert page.proxy.rowCount() == 10


def test_a_new_roster_shows_what_is_missing_then_adding_a_member_updates_the_banner(qtbot, empty_window):
    page = members_page(empty_window)
    assert not page.banner.isHidden()
    assert "Khối hiện có 0 thành viên; quy chế yêu cầu 9–11." in page.banner.messages()
    page.form.new_button.click()
    type_text(qtbot, page.form.full_name, "Lê Văn Thắng")
    choose(page.form.post, "pbt_tt")
    choose(page.form.role, "head")
    type_text(qtbot, page.form.start_decision, "Quyết định số 126-QĐ/ĐU")
    type_text(qtbot, page.form.phone, "0912 345 678")
    page.form.villages.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClick(page.form.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)   # Ctrl+S
    assert page.form.status.text() == "Đã lưu đồng chí Lê Văn Thắng."
    assert shown_names(page) == ["Lê Văn Thắng"]
    assert "Khối hiện có 1 thành viên; quy chế yêu cầu 9–11." in page.banner.messages()
    assert "Khối chưa có Trưởng khối." not in page.banner.messages()
    saved = page.roster.current()[0]
    assert saved.start_decision == "Quyết định số 126-QĐ/ĐU" and saved.phone == "0912 345 678"
    # the village page shows who follows each village
    empty_window.navigate("villages")
    villages = empty_window.pages["villages"]
    first = villages.proxy.row_object(0)
    assert villages.model.data(villages.model.index(0, 3)) == "Lê Văn Thắng" and first.id in saved.village_ids


def test_a_rule_error_is_said_under_the_form_without_a_dialog(qtbot, window):
    page = members_page(window)
    page.form.new_button.click()
    type_text(qtbot, page.form.full_name, "Lê Văn Tám")
    choose(page.form.post, "ct_nd")
    page.form.save_button.click()
    assert page.form.status.is_error()
    assert page.form.status.text().startswith("Chức danh «Chủ tịch Hội Nông dân» đang do đồng chí Lê Đình Toàn")
    assert "Lê Văn Tám" not in shown_names(page)
    page.form.full_name.clear()
    page.form.save_button.click()
    assert page.form.status.text() == "Họ và tên không được để trống."


def test_edit_a_member(qtbot, window):
    page = members_page(window)
    select(page, "Đỗ Thị Lan")
    assert page.form.full_name.text() == "Đỗ Thị Lan"
    page.form.phone.clear()
    type_text(qtbot, page.form.phone, "0978 000 111")
    page.form.save_button.click()
    assert page.form.status.text() == "Đã lưu đồng chí Đỗ Thị Lan."
    assert next(m for m in page.roster.current() if m.full_name == "Đỗ Thị Lan").phone == "0978 000 111"
    assert page.current_member().full_name == "Đỗ Thị Lan"        # the edited row stays selected
    window.undo_stack.undo()
    assert next(m for m in page.roster.current() if m.full_name == "Đỗ Thị Lan").phone == "0978 551 209"


def test_end_a_term_through_the_dialog_breaks_the_rules_and_a_successor_mends_them(qtbot, window, monkeypatch):
    page = members_page(window)
    dashboard = dashboard_ready(qtbot, window.pages["dashboard"])
    assert page.banner.isHidden()
    assert dashboard.banner.kind == "ok" and not dashboard.banner.isHidden()

    def fill_and_accept(dialog):
        # first a mistake: no decision number; the dialog says so and stays open
        dialog.date.set_value(dt.date(2026, 11, 1))
        dialog.accept()
        assert dialog.status.text() == "Hãy nhập số quyết định kết thúc nhiệm kỳ."
        assert dialog.result() == 0
        type_text(qtbot, dialog.decision_edit, "Quyết định số 140-QĐ/ĐU")
        dialog.accept()
        return dialog.result()
    monkeypatch.setattr(EndTermDialog, "exec", fill_and_accept)
    select(page, "Nguyễn Thị Hương")
    page.form.end_button.click()

    assert page.form.status.text() == "Đã kết thúc nhiệm kỳ của đồng chí Nguyễn Thị Hương."
    assert "Nguyễn Thị Hương" not in shown_names(page)
    assert page.banner.messages() == ["Khối chưa có Phó trưởng khối.", "Khối thiếu Chủ tịch Ủy ban MTTQ."]
    dashboard_ready(qtbot, dashboard)
    assert dashboard.banner.kind == "warning"
    assert dashboard.banner.messages() == page.banner.messages()
    page.show_ended.setChecked(True)
    assert "Nguyễn Thị Hương" in shown_names(page)
    select(page, "Nguyễn Thị Hương")
    assert page.form.end_info.text() == "01/11/2026 — Quyết định số 140-QĐ/ĐU"
    assert not page.form.end_button.isEnabled()

    page.form.new_button.click()
    type_text(qtbot, page.form.full_name, "Lò Thị Mai")
    choose(page.form.post, "ct_mttq")
    choose(page.form.role, "deputy")
    page.form.save_button.click()
    assert page.banner.isHidden()
    dashboard_ready(qtbot, dashboard)
    assert dashboard.banner.kind == "ok"


def test_delete_then_ctrl_z_brings_the_member_back(qtbot, window):
    page = members_page(window)
    select(page, "Vũ Mạnh Hùng")
    page.table.setFocus()
    with Answer("Xóa"):
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "Vũ Mạnh Hùng" not in shown_names(page)
    assert page.form.status.text() == "Đã xóa đồng chí Vũ Mạnh Hùng. Nhấn Ctrl+Z để hoàn tác."
    assert len(page.roster.current()) == 9 and page.banner.isHidden()    # nine still meets 9–11
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)       # the question closed; the window has the keys again
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Vũ Mạnh Hùng" in shown_names(page)
    assert len(page.roster.current()) == 10
    window.undo_stack.redo()
    assert "Vũ Mạnh Hùng" not in shown_names(page)


def test_the_filter_finds_without_marks_and_the_post_history_lists_holders(qtbot, window, monkeypatch):
    page = members_page(window)
    type_text(qtbot, page.filter, "huong")
    assert shown_names(page) == ["Nguyễn Thị Hương"]
    page.filter.clear()
    type_text(qtbot, page.filter, "chu tich hoi")
    assert sorted(shown_names(page)) == ["Hoàng Văn Bình", "Lê Đình Toàn", "Đỗ Thị Lan"]
    page.filter.clear()
    shown = []
    from danvan_desktop.gui.pages.roster.post_history_dialog import PostHistoryDialog
    monkeypatch.setattr(PostHistoryDialog, "exec", lambda self: shown.append(self.rows()) or 0)
    page.history_button.click()
    rows = dict(shown[0])
    assert rows["Chủ tịch Ủy ban MTTQ"] == ["Nguyễn Thị Hương", "Trần Văn Minh"]
    assert rows["Phó Bí thư Thường trực Đảng ủy"] == ["Lê Văn Thắng"]


def test_dashboard_cards_open_the_filtered_lists(qtbot, window):
    dashboard = window.pages["dashboard"]
    window.navigate("dashboard")
    dashboard_ready(qtbot, dashboard)
    assert dashboard.sections[0].trained.value.text() == "90%"
    qtbot.mouseClick(dashboard.sections[0].trained, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "members"
    page = window.pages["members"]
    assert page.untrained_only.isChecked()
    assert shown_names(page) == ["Lê Đình Toàn"]
    window.navigate("dashboard")
    dashboard.sections[0].members.value.click()
    assert not page.untrained_only.isChecked() and len(shown_names(page)) == 10


def test_unfollowed_villages_card_and_filter(qtbot, empty_window):
    dashboard = dashboard_ready(qtbot, empty_window.pages["dashboard"])
    assert dashboard.sections[0].unfollowed.value.text() == "3"
    qtbot.mouseClick(dashboard.sections[0].unfollowed, Qt.MouseButton.LeftButton)
    villages = empty_window.pages["villages"]
    assert empty_window.current_page_key() == "villages"
    assert villages.unfollowed_only.isChecked() and villages.proxy.rowCount() == 3


def test_keyboard_new_and_enter_moves_on(qtbot, window):
    page = members_page(window)
    select(page, "Đỗ Thị Lan")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.form.is_new() and page.form.full_name.text() == ""
    assert QApplication.focusWidget() is page.form.full_name
    type_text(qtbot, page.form.full_name, "Hà Văn Nam")
    qtbot.keyClick(page.form.full_name, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is not page.form.full_name
    assert "Hà Văn Nam" not in shown_names(page)     # Enter moved on; it did not save


def test_the_post_history_marks_a_post_left_empty(qtbot, window):
    from danvan_desktop.gui.pages.roster.post_history_dialog import PostHistoryDialog
    page = members_page(window)
    chair = next(m for m in page.roster.current() if m.post_code == "ct_mttq")
    page.roster.end_term(chair.id, dt.date(2026, 11, 1), "Quyết định số 140-QĐ/ĐU")
    dialog = PostHistoryDialog(page.roster, page)
    qtbot.addWidget(dialog)
    row = [dialog.model.item(r, 0).text() for r in range(dialog.model.rowCount())].index("Chủ tịch Ủy ban MTTQ")
    assert dialog.model.item(row, 1).text() == "đang trống"
    assert dialog.model.item(0, 1).text() == ""       # the head's post is held


def test_tab_walks_the_form_in_reading_order(qtbot, window):
    page = members_page(window)
    page.form.new_button.click()
    form = page.form
    window.activateWindow()
    form.full_name.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.full_name)
    order = []
    for _i in range(11):
        focused = QApplication.focusWidget()
        # the date editor's inner line edit stands for the editor, whose Tab walks day → month → year
        widget = focused.parent() if focused.objectName() == "qt_spinbox_lineedit" else focused
        if not order or order[-1] is not widget:
            order.append(widget)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert order[:8] == [form.full_name, form.post, form.add_post_button, form.role, form.start_date.editor,
                         form.start_decision, form.phone, form.trained_on.enabled_box]
    assert form.note.tabChangesFocus()


def test_the_change_log_of_a_member_opens_from_the_form(qtbot, window, monkeypatch):
    from danvan_desktop.gui.pages.settings.change_log_dialog import ChangeLogDialog
    page = members_page(window)
    select(page, "Đỗ Thị Lan")
    page.form.phone.clear()
    type_text(qtbot, page.form.phone, "0978 000 111")
    page.form.save_button.click()
    seen = []
    monkeypatch.setattr(ChangeLogDialog, "exec", lambda self: seen.append(self.lines()) or 0)
    page.form.log_button.click()
    newest, *older = seen[0]
    assert newest[0].endswith("— Sửa") and newest[1] == "Mai Thị Thu Trang"
    assert newest[2] == [("Điện thoại", "0978 551 209", "0978 000 111")]
    assert older[-1][0].endswith("— Thêm mới")
    page.form.new_button.click()
    assert not page.form.log_button.isEnabled()
