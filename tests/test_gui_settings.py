"""Cài đặt: the text size applies to the open window at once, the language is saved and the window
is rebuilt in it, and a profile of the user's own is saved and applied to the roster check."""

from __future__ import annotations

import pytest
from conftest import dashboard_ready, type_text
from PySide6.QtWidgets import QApplication

from danvan_desktop.domain.i18n import language
from danvan_desktop.gui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _restore_app_font(qapp):
    font = qapp.font()
    yield
    qapp.setFont(font)


@pytest.fixture
def window(qtbot, demo):
    w = MainWindow(demo)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.navigate("settings")
    return w


def test_a_larger_text_size_is_saved_and_applies_at_once(qtbot, window, demo):
    page = window.pages["settings"]
    assert page.font_size.value() == 11
    page.font_size.setValue(14)
    page.look_save.click()
    assert demo.preferences.font_size() == 14
    assert QApplication.font().pointSize() == 14
    assert window.pages["members"].form.full_name.font().pointSize() == 14    # an open page, not a new one
    assert page.status.text() == "Đã áp dụng cỡ chữ 14 pt."


def test_the_user_name_goes_into_the_audit_log(qtbot, window, demo):
    page = window.pages["settings"]
    page.user_name.clear()
    type_text(qtbot, page.user_name, "Nguyễn Văn Quý")
    page.look_save.click()
    assert demo.preferences.current_user() == "Nguyễn Văn Quý"
    demo.roster.add_post("Trưởng thôn")
    from danvan_desktop.store import audit
    assert audit.recent(demo.db, 1)[0].actor == "Nguyễn Văn Quý"


def test_choosing_english_saves_it_and_rebuilds_the_window(qtbot, window, demo):
    page = window.pages["settings"]
    page.language.setCurrentIndex(page.language.findData("en"))
    page.look_save.click()
    assert demo.preferences.language() == "en"
    assert language() == "en"
    successor = window.successor
    assert successor is not None and successor is not window
    qtbot.addWidget(successor)
    assert successor.isVisible() and not window.isVisible()
    assert successor.current_page_key() == "settings"
    assert successor.pages["settings"].language.currentData() == "en"
    # and back: nothing is lost on the way
    new_page = successor.pages["settings"]
    new_page.language.setCurrentIndex(new_page.language.findData("vi"))
    new_page.look_save.click()
    assert language() == "vi" and successor.successor is not None
    qtbot.addWidget(successor.successor)
    assert successor.successor.pages["settings"].status.text() == "Đã đổi ngôn ngữ giao diện."
    assert len(demo.roster.current()) == 10


def test_a_custom_profile_is_saved_and_applied_to_the_roster(qtbot, window, demo):
    page = window.pages["settings"]
    assert page.profile.currentData() == "kl862"
    page.editor.min_members.setValue(11)
    page.editor.max_members.setValue(13)
    type_text(qtbot, page.custom_name, "Quy chế của Đảng ủy xã năm 2026")
    page.custom_save.click()
    assert page.status.text() == "Đã lưu và áp dụng quy chế «Quy chế của Đảng ủy xã năm 2026»."
    profile = demo.roster.active_profile()
    assert profile.name == "Quy chế của Đảng ủy xã năm 2026" and not profile.builtin
    assert (profile.rules.min_members, profile.rules.max_members) == (11, 13)
    assert profile.rules.head_posts == ["pbt_tt"] and profile.rules.required_posts == {"pct_hdnd": 1, "pct_ubnd": 1}
    assert profile.rules.deputies_max == 1 and profile.rules.max_per_post == 1
    assert page.profile.currentData() == profile.code
    members = window.pages["members"]
    window.navigate("members")
    assert members.banner.messages() == ["Khối hiện có 10 thành viên; quy chế yêu cầu 11–13."]
    assert "Quy chế của Đảng ủy xã năm 2026" in members.banner.title.text()
    dashboard = dashboard_ready(qtbot, window.pages["dashboard"])
    assert dashboard.banner.messages() == ["Khối hiện có 10 thành viên; quy chế yêu cầu 11–13."]
    # switching back to the built-in profile clears the banner
    window.navigate("settings")
    page.profile.setCurrentIndex(page.profile.findData("kl862"))
    page.profile_use.click()
    window.navigate("members")
    assert members.banner.isHidden()


def test_a_profile_with_min_above_max_is_refused_under_the_form(qtbot, window, demo):
    page = window.pages["settings"]
    page.editor.max_members.setValue(5)
    page.custom_save.click()
    assert page.status.is_error()
    assert "không lớn hơn số tối đa" in page.status.text()
    assert demo.roster.active_profile().code == "kl862"


def test_the_commune_details_are_edited_here(qtbot, window, demo):
    page = window.pages["settings"]
    edit = page.unit_form.edits["upper_unit_name"]
    edit.clear()
    type_text(qtbot, edit, "Ban Dân vận Huyện ủy Yên Định")
    page.unit_save.click()
    assert demo.setup.unit().upper_unit_name == "Ban Dân vận Huyện ủy Yên Định"
    assert page.unit_form.edits["code"].isReadOnly()
