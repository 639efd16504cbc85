"""A careful hand: deletes and locks ask first, say what else they touch, and Hủy changes nothing;
a probable duplicate person is flagged before saving."""

from __future__ import annotations

from dialog_helpers import Answer

from danvan_desktop.gui.main_window import MainWindow


def open_window(qtbot, services) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    return window


def test_deleting_a_member_with_tasks_says_so_and_cancel_keeps_her(qtbot, xa):
    window = open_window(qtbot, xa)
    window.navigate("members")
    page = window.pages["members"]
    member = next(m for m in xa.roster.current() if xa.roster.delete_impact(m.id).open_tasks >= 2)
    impact = xa.roster.delete_impact(member.id)
    assert page.select(member.id)
    with Answer("Hủy") as seen:
        page.delete_current()
    assert seen.text.startswith(f"Đồng chí {member.full_name} đang phụ trách {impact.open_tasks} nhiệm vụ")
    assert "xóa sẽ bỏ tên đồng chí khỏi các nhiệm vụ" in seen.text and "Ctrl+Z" in seen.text
    assert seen.buttons == ["Xóa", "Hủy"] and member.id in {m.id for m in xa.roster.current()}
    with Answer("Xóa"):
        page.delete_current()
    assert member.id not in {m.id for m in xa.roster.current()}
    window.undo_stack.undo()
    assert member.id in {m.id for m in xa.roster.current()}


def test_finalising_minutes_asks_first(qtbot, xa):
    window = open_window(qtbot, xa)
    window.navigate("meetings")
    page = window.pages["meetings"]
    draft = next(m for m in xa.meetings.list() if not m.locked)
    page.select(draft.id)
    with Answer("Hủy") as seen:
        assert not page.editor.finalise()
    assert "khóa biên bản" in seen.text and "bản sửa đổi" in seen.text
    assert not xa.meetings.get(draft.id).locked
    with Answer("Hoàn thành") as seen:
        page.editor.finalise()
    assert seen.text                                            # asked again, answered yes
    assert xa.meetings.get(draft.id).locked or page.editor.banner.isVisible()   # locked, or the rule said why


def test_approving_a_report_asks_first(qtbot, xa):
    window = open_window(qtbot, xa)
    window.navigate("reports")
    page = window.pages["reports"]
    draft = next(r for r in xa.reports.list() if not r.is_locked)
    page._reload(draft.id)
    with Answer("Hủy") as seen:
        page.approve()
    assert "không sửa được nữa" in seen.text and "bản thay thế" in seen.text
    assert not xa.reports.get(draft.id).is_locked


def test_deleting_a_task_or_a_village_asks_and_cancel_keeps_it(qtbot, xa):
    window = open_window(qtbot, xa)
    window.navigate("tasks")
    tasks = window.pages["tasks"]
    task = tasks.current_task()
    with Answer("Hủy") as seen:
        tasks.delete_current()
    assert task.title in seen.text and xa.tasks.tasks.find(task.id) is not None
    window.navigate("villages")
    villages = window.pages["villages"]
    before = len(xa.villages.list())
    villages.table.setCurrentIndex(villages.table.model().index(0, 0))
    with Answer("Hủy") as seen:
        villages.delete_current()
    assert "Xóa" in seen.text and len(xa.villages.list()) == before


def test_a_probable_duplicate_is_flagged_before_saving(qtbot, xa):
    from conftest import type_text
    window = open_window(qtbot, xa)
    window.navigate("members")
    page = window.pages["members"]
    existing = next(m for m in xa.roster.current() if m.phone)
    page.new_member()
    type_text(qtbot, page.form.full_name, existing.full_name.lower())      # case does not tell people apart
    type_text(qtbot, page.form.phone, existing.phone)
    held = {m.post_code for m in xa.roster.current()}
    free = next(p.code for p in xa.roster.post_list() if p.code not in held)     # a post nobody holds
    page.form.post.setCurrentIndex(page.form.post.findData(free))
    count = len(xa.roster.members.all())
    with Answer("Hủy") as seen:
        page.save()
    assert seen.title == "Có thể trùng người" and existing.full_name in seen.text and existing.phone in seen.text
    assert len(xa.roster.members.all()) == count and page.form.status.is_error()
    with Answer("Vẫn lưu"):
        page.save()
    assert len(xa.roster.members.all()) == count + 1, page.form.status.text()


def test_a_different_phone_is_a_different_person(qtbot, xa):
    from danvan_desktop.domain.members import BlocMember
    existing = next(m for m in xa.roster.current() if m.phone)
    same = BlocMember(full_name=existing.full_name, phone=existing.phone)
    other = BlocMember(full_name=existing.full_name, phone="0900 000 001")
    assert [m.id for m in xa.roster.possible_duplicates(same)] == [existing.id]
    assert xa.roster.possible_duplicates(other) == []
