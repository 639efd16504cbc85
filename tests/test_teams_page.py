"""The Tổ dân vận page and the roster import dialog, driven as a user would."""

from __future__ import annotations

from PySide6.QtCore import Qt

from danvan_desktop.gui.main_window import MainWindow
from danvan_desktop.gui.pages.roster.roster_import_dialog import RosterImportDialog
from tests.conftest import type_text
from tests.test_roster_io import messy_team_workbook


def _page(qtbot, services):
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.navigate("teams")
    return window, window.pages["teams"]


def test_warnings_clear_as_members_are_added(qtbot, services):
    _window, page = _page(qtbot, services)
    assert page.summary.text().startswith("3 thôn; 0 tổ đủ điều kiện hoạt động, 3 tổ cần kiện toàn;")
    page.table.selectRow(0)
    assert "Tổ chưa có tổ trưởng." in page.banner.messages()
    for name, role, post in (("Nguyễn Văn Hải", "leader", "Bí thư chi bộ"), ("Lê Thị Mai", "member", ""),
                             ("Trần Văn Nam", "member", "")):
        page.new_member()
        type_text(qtbot, page.member_form.full_name, name)
        page.member_form.role.setCurrentIndex(page.member_form.role.findData(role))
        page.member_form.post.setEditText(post)
        qtbot.keyClick(page.member_form.phone, Qt.Key.Key_Return)      # Enter on the last field saves
    assert page.members_model.rowCount() == 3
    assert page.banner.messages() == ["Chưa có thành viên khối phụ trách thôn."]
    assert page.model.index(0, 1).data() == "Nguyễn Văn Hải"
    # A second leader is refused under the form, and nothing is added.
    page.new_member()
    type_text(qtbot, page.member_form.full_name, "Đỗ Văn Tư")
    page.member_form.role.setCurrentIndex(page.member_form.role.findData("leader"))
    page.save_member()
    assert "đã có tổ trưởng" in page.member_form.status.text()
    assert page.members_model.rowCount() == 3


def test_bloc_member_assigned_to_follow_the_village_from_the_team_page(qtbot, services):
    import datetime as dt

    from danvan_desktop.domain.members import BlocMember
    member = services.roster.save(BlocMember(full_name="Hoàng Văn Bình", post_code="ct_ccb",
                                             start_date=dt.date(2025, 10, 1)))
    _window, page = _page(qtbot, services)
    page.table.selectRow(0)
    assert "Chưa có thành viên khối phụ trách thôn." in page.banner.messages()
    page.info_form.followers.item(0).setCheckState(Qt.CheckState.Checked)
    page.save_team()
    assert page.info_form.status.text() == "Đã lưu thông tin tổ."
    village = services.villages.list()[0]
    assert village.id in services.roster.members.get(member.id).village_ids
    assert "Chưa có thành viên khối phụ trách thôn." not in page.banner.messages()


def test_import_dialog_previews_then_imports(qtbot, services, tmp_path):
    path = tmp_path / "to.xlsx"
    messy_team_workbook(path)
    dialog = RosterImportDialog(services, teams=True)
    qtbot.addWidget(dialog)
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert not dialog.import_button.isEnabled()
    refused = [o for o in dialog.model.rows() if o.action == "refuse"]
    assert [o.row for o in refused] == [9, 10]
    assert dialog.banner.isVisibleTo(dialog) and "từ chối 2" in dialog.banner.title.text()

    messy_team_workbook(path, with_bad_rows=False)
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "Nhập 4 người"
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    east = next(v for v in services.villages.list() if v.name == "Thôn Đông")
    assert len(services.teams.members(east.id)) == 3


def test_pages_fit_a_1366_pixel_screen_beside_the_sidebar(qtbot, demo):
    window = MainWindow(demo)
    qtbot.addWidget(window)
    for key in ("teams", "tasks"):
        window.navigate(key)
        page = window.pages[key]
        assert page.minimumSizeHint().width() <= 1366 - window.sidebar.width(), key
