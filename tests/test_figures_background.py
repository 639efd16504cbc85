"""Số liệu read off the GUI thread: the window shows "…" in the cells until the year's values arrive, then the
same numbers a read on the spot gives; a year changed during a read shows that year's numbers."""

from __future__ import annotations

import threading

from conftest import dashboard_ready

from danvan_desktop.gui.events import DataEvents
from danvan_desktop.gui.models.figure_grid_model import PENDING, FigureGridModel


def cells(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_figures_grid_shows_the_same_numbers_read_off_the_gui_thread(qtbot, xa, monkeypatch):
    from danvan_desktop.gui.pages.figures.figures_page import FiguresPage
    threads = []
    read = FigureGridModel.read

    def spied(service, year):
        threads.append(threading.current_thread())
        return read(service, year)
    monkeypatch.setattr(FigureGridModel, "read", staticmethod(spied))

    page = FiguresPage(xa.figures, DataEvents(), services=xa)
    qtbot.addWidget(page)
    assert page.busy and page.model.rowCount() > 10
    assert page.model.index(0, 0).data() == PENDING                  # the figures' names, each cell waiting
    assert not page.model.flags(page.model.index(0, 0)) & page.model.flags(page.model.index(0, 0)).ItemIsEditable
    dashboard_ready(qtbot, page)
    assert threads and threading.main_thread() not in threads        # read on the job runner
    on_the_spot = FigureGridModel(xa.figures)
    on_the_spot.load(2026)
    assert cells(page.model) == cells(on_the_spot)
    assert any(cell not in ("", PENDING) for row in cells(page.model) for cell in row)
    assert page.table.currentIndex().column() == 10                  # the cursor on this month (November)

    page.year.setValue(2025)
    page.year.setValue(2024)                                         # asked during the 2025 read: one more read
    dashboard_ready(qtbot, page)
    on_the_spot.load(2024)
    assert page.model.year == 2024 and cells(page.model) == cells(on_the_spot)
