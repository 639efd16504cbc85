"""The first-run wizard, typed in Vietnamese as an input method delivers it: the commune and its villages."""

from __future__ import annotations

import pytest
from conftest import TODAY, type_text
from PySide6.QtWidgets import QWizard

from danvan_desktop.gui.setup_wizard import SetupWizard
from danvan_desktop.services.app import AppServices


@pytest.fixture
def fresh(db_path):
    svc = AppServices.open(db_path, today=lambda: TODAY)
    yield svc
    svc.close()


@pytest.fixture
def wizard(qtbot, fresh):
    w = SetupWizard(fresh.setup)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def next_button(wizard):
    return wizard.button(QWizard.WizardButton.NextButton)


def test_typing_the_commune_and_pasting_villages_creates_them(qtbot, wizard, fresh):
    form = wizard.unit_page.form
    assert not next_button(wizard).isEnabled()          # nothing typed yet
    type_text(qtbot, form.edits["name"], "xã Yên Phú")
    # the lines printed on documents are suggested from the name while the officer has not typed them
    assert form.edits["place_name"].text() == "Yên Phú"
    assert form.edits["party_committee_name"].text() == "ĐẢNG ỦY XÃ YÊN PHÚ"
    assert not next_button(wizard).isEnabled()          # the code is still missing
    type_text(qtbot, form.edits["code"], "16171")
    type_text(qtbot, form.edits["province"], "Thanh Hóa")
    type_text(qtbot, form.edits["upper_unit_name"], "Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Hóa")
    type_text(qtbot, form.edits["upper_party_name"], "ĐẢNG BỘ TỈNH THANH HÓA")
    type_text(qtbot, wizard.unit_page.user_name, "Mai Thị Thu Trang")
    assert next_button(wizard).isEnabled()
    next_button(wizard).click()
    assert wizard.currentPage() is wizard.villages_page

    page = wizard.villages_page
    type_text(qtbot, page.names, "1. Đông Hòa\n2. Phú Lâm\n3. Bản Nậm Cắn\n- Yên Lạc\n")
    assert page.count.text() == "4 tên"
    wizard.button(QWizard.WizardButton.FinishButton).click()

    assert wizard.result() == QWizard.DialogCode.Accepted
    assert fresh.setup.is_set_up()
    unit = fresh.setup.unit()
    assert (unit.code, unit.name, unit.province, unit.place_name) == ("16171", "xã Yên Phú", "Thanh Hóa", "Yên Phú")
    assert unit.upper_unit_name == "Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Hóa"
    assert unit.party_committee_name == "ĐẢNG ỦY XÃ YÊN PHÚ"
    villages = fresh.villages.list()
    assert [v.label for v in villages] == ["Thôn Đông Hòa", "Thôn Phú Lâm", "Bản Nậm Cắn", "Thôn Yên Lạc"]
    assert [v.kind for v in villages] == ["thôn", "thôn", "bản", "thôn"]
    # the defaults every commune needs came with it: the posts and the 862-KL/TU rules
    assert fresh.roster.active_profile().code == "kl862"
    assert "Chủ tịch Ủy ban MTTQ" in fresh.roster.post_names().values()
    # who set it up is named in the audit log from the first record on
    from danvan_desktop.store import audit
    assert fresh.preferences.current_user() == "Mai Thị Thu Trang"
    assert {e.actor for e in audit.recent(fresh.db)} == {"Mai Thị Thu Trang"}


def test_a_wrong_code_is_said_under_the_form_and_the_page_stays(qtbot, wizard, fresh):
    form = wizard.unit_page.form
    type_text(qtbot, form.edits["name"], "phường Hạc Thành")
    type_text(qtbot, form.edits["code"], "mã số 1")
    next_button(wizard).click()
    assert wizard.currentPage() is wizard.unit_page
    assert wizard.unit_page.status.is_error()
    assert wizard.unit_page.status.text() == "Mã đơn vị chỉ gồm chữ, số và dấu gạch (ví dụ 16171)."
    assert not fresh.setup.is_set_up()
    form.edits["code"].clear()
    type_text(qtbot, form.edits["code"], "16180")
    next_button(wizard).click()
    assert wizard.currentPage() is wizard.villages_page


def test_the_village_kind_chosen_applies_to_names_without_one(qtbot, wizard, fresh):
    form = wizard.unit_page.form
    type_text(qtbot, form.edits["name"], "phường Hạc Thành")
    type_text(qtbot, form.edits["code"], "16180")
    next_button(wizard).click()
    page = wizard.villages_page
    page.kind.setCurrentIndex(page.kind.findData("tổ dân phố"))
    type_text(qtbot, page.names, "Tổ dân phố số 1\nHạc Sơn\nĐông Sơn")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert [(v.kind, v.label) for v in fresh.villages.list()] == [
        ("tổ dân phố", "Tổ dân phố số 1"), ("tổ dân phố", "Tổ dân phố Hạc Sơn"), ("tổ dân phố", "Tổ dân phố Đông Sơn")]
    assert fresh.setup.unit().party_committee_name == "ĐẢNG ỦY PHƯỜNG HẠC THÀNH"


def test_cancelling_saves_nothing(qtbot, wizard, fresh):
    type_text(qtbot, wizard.unit_page.form.edits["name"], "xã Yên Phú")
    wizard.reject()
    assert not fresh.setup.is_set_up()
    assert fresh.villages.list() == []


def test_a_commune_outside_thanh_hoa_is_offered_the_general_rules(qtbot, wizard, fresh):
    form = wizard.unit_page.form
    type_text(qtbot, form.edits["name"], "xã Nam Đàn")
    type_text(qtbot, form.edits["code"], "17890")
    type_text(qtbot, form.edits["province"], "Nghệ An")
    next_button(wizard).click()
    page = wizard.villages_page
    assert page.profile.currentData() == "loose"
    type_text(qtbot, page.names, "Xóm 1\nXóm 2")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert fresh.roster.active_profile().code == "loose"
    assert [(v.kind, v.label) for v in fresh.villages.list()] == [("xóm", "Xóm 1"), ("xóm", "Xóm 2")]
    # 862-KL/TU is still there to choose later, untouched
    assert fresh.preferences.profiles.by_code("kl862").builtin
