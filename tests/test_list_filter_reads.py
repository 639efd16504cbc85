"""Lists paged in SQL read a filter's first page and count off the GUI thread, as a user sees them: the old rows
stay until the new ones come, then exactly the filtered rows and their count; of two quick filters only the
second's rows are ever shown; the record being read stays selected when the new first page holds it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QUndoStack

from danvan_desktop.gui.events import DataEvents
from tests import test_list_sorting as sorting
from tests.conftest import list_ready, shown_list

SUMMARIES = sorting.SUMMARIES
log_page, meetings_page = sorting.log_page, sorting.meetings_page      # the same lists as the sort tests


def summaries(page) -> list[str]:
    page.model.fetch_all()
    return [note.summary for note in page.model.rows()]


def resets(page) -> list[list[str]]:
    """What the list showed at each reset from now on (a read put on show)."""
    seen: list[list[str]] = []
    page.model.modelReset.connect(lambda: seen.append([getattr(r, "summary", None) or getattr(r, "id", "")
                                                       for r in page.model.rows()]))
    return seen


def test_a_filter_is_read_off_the_gui_thread_then_shows_exactly_its_notes(qtbot, log_page):
    page = log_page
    before = (page.model.rows(), page.count_label.text())
    page.level_filter.setCurrentIndex(page.level_filter.findData("hot"))
    assert page.busy                                        # read on the job runner: no waiting here
    assert (page.model.rows(), page.count_label.text()) == before      # the old rows meanwhile
    list_ready(qtbot, page)
    hot = [s for i, s in enumerate(SUMMARIES) if i % 3 == 2]
    assert sorted(summaries(page)) == sorted(hot)
    assert page.count_label.text().startswith(f"{len(hot)} ghi chép; {len(hot)} điểm nóng")


def test_two_quick_filters_show_the_second_only(qtbot, log_page):
    page = log_page
    shown = resets(page)
    page.filter.setText("đường")                # "Đường liên thôn…", "Ánh sáng đèn đường…", "Ô tô … hỏng đường"
    page.filter.setText("nước")                 # typed on before the first read came back
    list_ready(qtbot, page)
    assert sorted(summaries(page)) == ["Cống thoát nước tắc", "Giếng nước cạn"]
    assert len(shown) == 1                      # the first filter's rows were never on show
    assert page.count_label.text().startswith("2 ghi chép")


def test_a_list_read_after_a_save_supersedes_a_filter_under_way(qtbot, log_page):
    page = log_page
    page.filter.setText("đường")
    page.filter.blockSignals(True)
    page.filter.setText("gà")
    page.filter.blockSignals(False)
    page.reload()                                # as after a save: read here, at once
    assert summaries(page) == ["Ăn trộm gà"]
    list_ready(qtbot, page)
    assert summaries(page) == ["Ăn trộm gà"] and page.count_label.text().startswith("1 ghi chép")


def test_the_note_being_read_stays_selected_when_the_new_filter_lists_it(qtbot, log_page):
    page = log_page
    page.table.selectRow(0)
    note = page.current_note()
    assert note.summary == SUMMARIES[-1]        # newest first; the content "Ô tô chở cát…"
    page.filter.setText("ô tô")
    list_ready(qtbot, page)
    assert page.current_note().id == note.id and page.form.summary.toPlainText() == note.summary
    page.filter.setText("giếng")                # a filter that hides it: the form is left blank
    list_ready(qtbot, page)
    assert page.current_note() is None and page.form.summary.toPlainText() == ""
    page.filter.setText("ô tô")                 # listed again: nothing was being read, nothing is selected
    list_ready(qtbot, page)
    assert page.current_note() is None and page.form.summary.toPlainText() == ""


def test_meetings_two_quick_filters_show_the_second_only(qtbot, meetings_page):
    page = meetings_page
    shown = resets(page)
    page.filter.setText("giao ban")
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("thematic"))
    assert page.busy and page.count_label.text() == "15 cuộc họp"
    list_ready(qtbot, page)
    assert len(shown) == 1
    assert page.count_label.text() == "0 cuộc họp" and page.model.rowCount() == 0
    page.filter.setText("")
    list_ready(qtbot, page)
    assert page.count_label.text() == "1 cuộc họp" and page.current_meeting().title == "Ăn mừng lễ hội"


@pytest.fixture
def tasks_page(services, qtbot):
    """Eight tasks, four of them overdue in the first village, the list fetched three rows at a time."""
    from danvan_desktop.gui.pages.tasks.tasks_page import TasksPage
    east, west = services.villages.list()[:2]
    for i in range(8):
        services.tasks.create_task(title=f"Việc số {i}", village_ids=[east.id if i % 2 else west.id],
                                   due_date=dt.date(2026, 11, 10) + dt.timedelta(days=5 * i))
    page = shown_list(qtbot, TasksPage(services, QUndoStack(), DataEvents()), 3, (1200, 600))
    yield page
    page.model.fetch_all()


def titles(page) -> list[str]:
    page.model.fetch_all()
    return [row.task.title for row in page.model.rows()]


def test_tasks_a_filter_is_read_off_the_gui_thread_and_the_selection_stays(qtbot, tasks_page):
    page = tasks_page
    assert page.count_label.text() == "8 nhiệm vụ"
    page.table.selectRow(0)
    first = page.current_task()
    assert first.title == "Việc số 0"           # due 10/11: overdue, in the west village
    page.overdue_only.setChecked(True)
    assert page.busy and page.count_label.text() == "8 nhiệm vụ"
    list_ready(qtbot, page)
    assert titles(page) == ["Việc số 0", "Việc số 1", "Việc số 2"] and page.count_label.text() == "3 nhiệm vụ"
    assert page.current_task().id == first.id


def test_tasks_a_typed_search_then_a_filter_shows_the_last_only(qtbot, tasks_page):
    page = tasks_page
    shown = resets(page)
    asked: list[bool] = []

    def then_overdue() -> None:               # asked as soon as the search's read is, before its rows come back
        if not asked:
            asked.append(page.busy)
            page.overdue_only.setChecked(True)
    page.filters.changed.connect(then_overdue)
    page.search.setText("số 3")                # read once typing pauses (250 ms)
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    list_ready(qtbot, page)
    assert asked == [True]
    assert titles(page) == [] and page.count_label.text() == "0 nhiệm vụ"
    assert len(shown) == 1
    page.overdue_only.setChecked(False)
    list_ready(qtbot, page)
    assert titles(page) == ["Việc số 3"] and page.count_label.text() == "1 nhiệm vụ"
    assert page.current_task().title == "Việc số 3"
