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
    page = SituationPage(services, QUndoStack(), DataEvents())
    page.model.CHUNK = 3
    page.reload()
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    yield page
    page.model.fetch_all()      # nothing left for the view to fetch once the file is closed


def shown(page, column: int) -> list[str]:
    page.model.fetch_all()
    return [page.proxy.index(r, column).data() for r in range(page.proxy.rowCount())]


def test_clicking_the_content_header_orders_every_note_alphabetically_not_only_those_fetched(log_page):
    assert log_page.model.rowCount() == 3                  # one chunk on show: the rest is not fetched
    header = log_page.table.horizontalHeader()
    header.setSortIndicator(2, Qt.SortOrder.AscendingOrder)
    assert log_page.proxy.index(0, 2).data() == "Ánh sáng đèn đường hỏng"    # not among the three fetched before
    assert shown(log_page, 2) == sorted(SUMMARIES, key=vi_key)     # Ă after A, Â after Ă, Đ after D
    header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)
    assert shown(log_page, 2) == sorted(SUMMARIES, key=vi_key, reverse=True)


def test_each_column_sorts_as_its_cells_read(log_page):
    header = log_page.table.horizontalHeader()
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    assert shown(log_page, 2) == SUMMARIES                           # oldest first
    header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    assert shown(log_page, 1)[:4] == ["Điểm nóng"] * 4 and shown(log_page, 1)[-1] == "Bình thường"
    header.setSortIndicator(3, Qt.SortOrder.AscendingOrder)
    villages = shown(log_page, 3)
    assert villages == sorted(villages, key=vi_key) and "Toàn xã" in villages
    header.setSortIndicator(6, Qt.SortOrder.AscendingOrder)
    followers = shown(log_page, 6)
    assert followers[:6] == sorted(followers[:6], key=vi_key) and followers[6:] == [""] * 6   # empty cells last


def test_the_note_being_read_stays_selected_when_a_header_is_clicked(log_page):
    log_page.table.selectRow(1)
    note = log_page.current_note()
    log_page.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)   # it is now on the last page
    log_page.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)  # back on the first
    assert log_page.current_note().id == note.id
    assert log_page.form.summary.toPlainText() == note.summary
