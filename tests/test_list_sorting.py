"""Lists paged and sorted in SQL, as a user sees them: a header click orders every row, fetched or not, and
the row being read stays selected."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from danvan_desktop.domain.collation import vi_key
from danvan_desktop.domain.situation import SituationNote
from danvan_desktop.gui.events import DataEvents
from tests.conftest import shown_list

SUMMARIES = ["Bò lạc vào ruộng", "Đường liên thôn xuống cấp", "Ánh sáng đèn đường hỏng", "Dân phản ánh tiếng ồn",
             "Cống thoát nước tắc", "Ăn trộm gà", "Ao làng ô nhiễm", "Xin cấp đất làm nhà", "Âm thanh loa kéo",
             "Hộ nghèo cần hỗ trợ", "Giếng nước cạn", "Ô tô chở cát làm hỏng đường"]


@pytest.fixture
def log_page(services, qtbot):      # qtbot after services: its widgets go first
    """The situation log with twelve notes, one a day, fetched three at a time (most rows not fetched yet)."""
    from danvan_desktop.gui.pages.figures.situation_page import SituationPage
    villages = services.villages.list()
    for i, summary in enumerate(SUMMARIES):
        services.situation.save(SituationNote(noted_on=dt.date(2026, 11, 1) + dt.timedelta(days=i),
                                              village_id=villages[i % 3].id if i % 4 else None, topic="land",
                                              level=("normal", "watch", "hot")[i % 3], summary=summary,
                                              follower="" if i % 2 else f"Cán bộ {i}"))
    page = shown_list(qtbot, SituationPage(services, QUndoStack(), DataEvents()), 3, (1200, 600))
    yield page
    page.model.fetch_all()      # nothing left for the view to fetch once the file is closed


def sort_by(qtbot, page, column: int, order: Qt.SortOrder) -> None:
    """A click on a header; the new order is read off the GUI thread (the situation log), then on show."""
    page.table.horizontalHeader().setSortIndicator(column, order)
    qtbot.waitUntil(lambda: not getattr(page, "busy", False), timeout=10000)


def settled(qtbot, page) -> None:
    """Wait for the list of the latest filter or order (read off the GUI thread)."""
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)


def shown(page, column: int) -> list[str]:
    page.model.fetch_all()
    model = page.table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_clicking_the_content_header_orders_every_note_alphabetically_not_only_those_fetched(qtbot, log_page):
    page = log_page
    assert page.model.rowCount() == 3                      # one chunk on show: the rest is not fetched
    page.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.AscendingOrder)
    assert page.busy                                       # the order is read on the job runner: no waiting
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert page.table.model().index(0, 2).data() == "Ánh sáng đèn đường hỏng"    # not among the three fetched before
    assert shown(log_page, 2) == sorted(SUMMARIES, key=vi_key)     # Ă after A, Â after Ă, Đ after D
    sort_by(qtbot, page, 2, Qt.SortOrder.DescendingOrder)
    assert shown(log_page, 2) == sorted(SUMMARIES, key=vi_key, reverse=True)


def test_each_column_sorts_as_its_cells_read(qtbot, log_page):
    page = log_page
    sort_by(qtbot, page, 0, Qt.SortOrder.AscendingOrder)
    assert shown(log_page, 2) == SUMMARIES                           # oldest first
    sort_by(qtbot, page, 1, Qt.SortOrder.DescendingOrder)
    assert shown(log_page, 1)[:4] == ["Điểm nóng"] * 4 and shown(log_page, 1)[-1] == "Bình thường"
    sort_by(qtbot, page, 3, Qt.SortOrder.AscendingOrder)
    villages = shown(log_page, 3)
    assert villages == sorted(villages, key=vi_key) and "Toàn xã" in villages
    sort_by(qtbot, page, 6, Qt.SortOrder.AscendingOrder)
    followers = shown(log_page, 6)
    assert followers[:6] == sorted(followers[:6], key=vi_key) and followers[6:] == [""] * 6   # empty cells last


def test_the_note_being_read_stays_selected_when_a_header_is_clicked(qtbot, log_page):
    log_page.table.selectRow(1)
    note = log_page.current_note()
    sort_by(qtbot, log_page, 0, Qt.SortOrder.AscendingOrder)   # it is now on the last page
    sort_by(qtbot, log_page, 0, Qt.SortOrder.DescendingOrder)  # back on the first
    assert log_page.current_note().id == note.id
    assert log_page.form.summary.toPlainText() == note.summary


@pytest.fixture
def meetings_page(services, qtbot):
    """Fourteen monthly briefings, a thematic meeting, the list fetched four rows at a time."""
    from danvan_desktop.domain.members import BlocMember, BlocRole
    from danvan_desktop.gui.pages.meetings.meetings_page import MeetingsPage
    for name, post, role in (("Lê Văn Thắng", "pbt_tt", BlocRole.HEAD), ("Nguyễn Thị Hương", "ct_mttq", BlocRole.DEPUTY)):
        services.roster.save(BlocMember(full_name=name, post_code=post, bloc_role=role.value,
                                        start_date=dt.date(2025, 1, 1)))
    for i in range(14):
        services.meetings.create("monthly", dt.date(2025, 10, 5) + dt.timedelta(days=30 * i))
    services.meetings.create("thematic", dt.date(2026, 3, 12), title="Ăn mừng lễ hội")
    page = shown_list(qtbot, MeetingsPage(services), 4, (1300, 760))
    yield page
    page.model.fetch_all()


def test_the_meetings_list_pages_in_sql_and_counts_every_meeting(qtbot, meetings_page, services):
    page = meetings_page
    assert page.count_label.text() == "15 cuộc họp"
    assert page.model.rowCount() == 4                       # the first page only
    assert page.proxy.index(0, 0).data() == "30/10/2026"    # newest first
    assert page.proxy.index(0, 2).data() == "2/2"           # who was present, counted in SQL
    type_text_into = page.filter
    type_text_into.setText("giao ban thang 3")              # the name the list shows, found in SQL
    settled(qtbot, page)                                    # read off the GUI thread
    assert page.count_label.text() == "1 cuộc họp"
    assert shown(page, 1) == ["Giao ban T3/2026"]
    type_text_into.setText("")
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("thematic"))
    settled(qtbot, page)
    assert page.count_label.text() == "1 cuộc họp" and page.current_meeting().title == "Ăn mừng lễ hội"


def test_a_header_click_sorts_every_meeting(qtbot, meetings_page):
    page = meetings_page
    sort_by(qtbot, page, 0, Qt.SortOrder.AscendingOrder)
    assert page.proxy.index(0, 0).data() == "05/10/2025"   # the oldest, not among the four fetched before
    sort_by(qtbot, page, 1, Qt.SortOrder.AscendingOrder)
    names = shown(page, 1)
    assert len(names) == 15 and names == sorted(names, key=lambda n: vi_key(n.replace("T", "tháng ")))
