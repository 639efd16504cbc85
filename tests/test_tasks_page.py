"""The Nhiệm vụ page and the dashboard's task figures, driven as a user would (pytest-qt, offscreen)."""

from __future__ import annotations

import datetime as dt

from dialog_helpers import Answer
from PySide6.QtCore import Qt

from danvan_desktop.domain.task_query import TaskQuery
from danvan_desktop.gui.main_window import MainWindow
from danvan_desktop.gui.pages.progress_dialog import ProgressDialog
from danvan_desktop.gui.pages.tasks.task_dashboard import TasksSection
from tests.conftest import dashboard_ready, list_ready, type_text


def _window(qtbot, services) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    return window


def _overdue_card(qtbot, window) -> str:
    dashboard = dashboard_ready(qtbot, window.pages["dashboard"])      # its figures are read off the GUI thread
    section = next(s for s in dashboard.sections if isinstance(s, TasksSection))
    return section.overdue.value.text()


def test_overdue_card_jumps_to_the_overdue_list(qtbot, demo):
    window = _window(qtbot, demo)
    expected = demo.tasks.count(TaskQuery(overdue_only=True))
    assert expected > 0 and _overdue_card(qtbot, window) == str(expected)
    section = next(s for s in window.pages["dashboard"].sections if isinstance(s, TasksSection))
    qtbot.mouseClick(section.overdue.value, Qt.MouseButton.LeftButton)
    page = list_ready(qtbot, window.pages["tasks"])     # the filtered list is read off the GUI thread
    assert window.current_page_key() == "tasks"
    assert page.overdue_only.isChecked()
    rows = page.model.rows()
    assert len(rows) == expected
    assert all(r.task.is_overdue(demo.today()) for r in rows)
    assert page.count_label.text() == f"{expected} nhiệm vụ"


def test_filter_by_village_and_to_overdue_only(qtbot, demo):
    window = _window(qtbot, demo)
    page = window.pages["tasks"]
    window.navigate("tasks")
    village = demo.villages.list()[0]
    page.status_filter.setCurrentIndex(0)               # every status
    page.village_filter.setCurrentIndex(page.village_filter.findData(village.id))
    shown = list_ready(qtbot, page).model.rows()
    assert shown and all(village.label in r.villages for r in shown)
    page.overdue_only.setChecked(True)
    list_ready(qtbot, page)
    assert all(r.status_on(demo.today()).value == "overdue" and village.label in r.villages
               for r in page.model.rows())


def test_add_a_progress_note_and_mark_a_village_done(qtbot, services, monkeypatch):
    east, west = [v.id for v in services.villages.list()][:2]
    task = services.tasks.create_task(title="Vận động hiến đất làm đường", village_ids=[east, west],
                                      due_date=dt.date(2026, 11, 10))
    window = _window(qtbot, services)
    assert _overdue_card(qtbot, window) == "1"
    window.navigate("tasks")
    page = window.pages["tasks"]
    assert page.form.loaded().id == task.id
    page.progress.tracking.selectRow(0)                 # the first village (alphabetical: Thôn Đông)

    def fill_and_accept(dialog: ProgressDialog) -> int:
        type_text(qtbot, dialog.result, "Họp dân, 15 hộ đồng ý hiến đất")
        dialog.figures["households"].setValue(15)
        return int(dialog.try_accept())

    monkeypatch.setattr(ProgressDialog, "exec", fill_and_accept)
    qtbot.mouseClick(page.progress.add_button, Qt.MouseButton.LeftButton)
    assert page.progress.notes_model.rowCount() == 1
    assert "15 hộ đồng ý" in page.progress.notes_model.index(0, 1).data()
    assert "Số hộ được vận động: 15" in page.progress.notes_model.index(0, 1).data()
    assert page.tabs.tabText(1) == "Tiến độ, kết quả (1)"
    assert services.tasks.tracking(task.id)[0].notes[0].figures == {"households": 15}

    # Both villages finish: the task leaves the overdue list and the dashboard figure drops.
    for row in range(2):
        page.progress.tracking.selectRow(row)
        qtbot.mouseClick(page.progress.done_button, Qt.MouseButton.LeftButton)
    assert services.tasks.get(task.id).status == "done"
    assert _overdue_card(qtbot, window) == "0"


def test_a_future_note_is_refused_in_the_dialog(qtbot, services):
    vid = services.villages.list()[0].id
    task = services.tasks.create_task(title="Tuyên truyền", village_ids=[vid], due_date=dt.date(2026, 12, 1))
    dialog = ProgressDialog(task.title, [(vid, "Thôn Đông")], dt.date(2026, 11, 22),
                            lambda values: services.tasks.add_progress(task.id, **values))
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.result, "Chưa làm")
    assert dialog.try_accept() is False
    assert "tương lai" in dialog.status.text()
    assert services.tasks.progress(task.id) == []


def test_new_task_form_refuses_nobody_then_saves(qtbot, services):
    window = _window(qtbot, services)
    window.navigate("tasks")
    page = window.pages["tasks"]
    page.new_task()
    type_text(qtbot, page.form.title, "Tuyên truyền phòng cháy")
    page.save()
    assert "chưa giao cho ai" in page.form.status_line.text()
    assert services.tasks.count(TaskQuery()) == 0
    page.form.villages.item(1).setCheckState(Qt.CheckState.Checked)
    page.save()
    assert page.form.status_line.text() == "Đã lưu nhiệm vụ «Tuyên truyền phòng cháy»."
    assert [r.task.title for r in page.model.rows()] == ["Tuyên truyền phòng cháy"]


def test_delete_then_undo(qtbot, services):
    vid = services.villages.list()[0].id
    services.tasks.create_task(title="Nhầm", village_ids=[vid], due_date=dt.date(2026, 12, 1))
    window = _window(qtbot, services)
    window.navigate("tasks")
    page = window.pages["tasks"]
    with Answer("Xóa"):
        page.delete_current()
    assert page.model.rowCount() == 0
    window.undo_stack.undo()
    assert [r.task.title for r in page.model.rows()] == ["Nhầm"]


def test_overdue_by_village_links_open_that_village_overdue_list(qtbot, services):
    east, west = services.villages.list()[:2]
    services.tasks.create_task(title="Cũ", village_ids=[east.id, west.id], due_date=dt.date(2026, 11, 1))
    services.tasks.create_task(title="Cũ hơn", village_ids=[east.id], due_date=dt.date(2026, 10, 1))
    window = _window(qtbot, services)
    section = next(s for s in dashboard_ready(qtbot, window.pages["dashboard"]).sections
                   if isinstance(s, TasksSection))
    assert section.village_texts() == [f"{east.label} (2)", f"{west.label} (1)"]
    section.village_links.linkActivated.emit(west.id)
    page = list_ready(qtbot, window.pages["tasks"])
    assert window.current_page_key() == "tasks"
    assert page.village_filter.currentData() == west.id and page.overdue_only.isChecked()
    assert [r.task.title for r in page.model.rows()] == ["Cũ"]


def test_a_task_from_a_meeting_names_the_meeting_and_keeps_its_link(qtbot, demo):
    meeting = demo.meetings.latest()
    task = demo.tasks.create_task(title="Triển khai kết luận giao ban", source_kind="meeting", source_ref=meeting.id,
                                  village_ids=[demo.villages.list()[0].id], due_date=dt.date(2026, 12, 5))
    window = _window(qtbot, demo)
    window.navigate("tasks")
    page = window.pages["tasks"]
    page.apply_filters(text="Triển khai kết luận")
    qtbot.waitUntil(lambda: page.form.loaded() is not None and page.form.loaded().id == task.id)
    assert meeting.subject() in page.form.source_ref.text() and page.form.source_ref.isReadOnly()
    page.save()
    assert demo.tasks.get(task.id).source_ref == meeting.id
    assert task.id in [t.id for t in demo.tasks.tasks_from_source("meeting", meeting.id)]


def test_models_pass_qt_model_tester(qtbot, demo):
    from PySide6.QtTest import QAbstractItemModelTester

    window = _window(qtbot, demo)
    window.navigate("tasks")
    tasks_page = window.pages["tasks"]
    tasks_page.apply_filters(status=None)
    list_ready(qtbot, tasks_page)
    for model in (tasks_page.model, tasks_page.progress.tracking_model, tasks_page.progress.notes_model,
                  window.pages["teams"].model, window.pages["teams"].members_model):
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    tasks_page.apply_filters(overdue=True)
    tasks_page.apply_filters(village_id=demo.villages.list()[0].id)
    assert list_ready(qtbot, tasks_page).village_filter.currentData() == demo.villages.list()[0].id
