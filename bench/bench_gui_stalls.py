"""P4: the task list, the situation log and the meetings list at 100 000 rows (10 000 meetings) — open and
filter against their own SQL, and the longest GUI-thread stall while scrolling to the end, sorting and
filtering (same run, same machine).

    PYTHONPATH=$PWD QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui_stalls.py [DB]

With no DB it builds a commune of 100 000 tasks, 100 000 situation notes and 10 000 meetings in a temp
folder (bench_list_pages.build, plain SQL: about a minute); give the path of one built before to skip that.

- "open" and each filter: the page's reload, or the filter until its rows are on show (read on the job runner:
  the time includes the hand-over to it and back), best of 3, against the SQL the page runs for it (the first
  page of rows and the count, through the service, best of 3): the ratio is what the screen adds.
- stalls: a 2 ms heartbeat timer on the GUI thread (bench/stall.py) measures the largest gap while the
  actions run from the event loop as a user's would: the scroll bar dragged to the end again and again
  until every row is loaded (each drag fetches the next chunk), a click on each column header of the
  situation log and the meetings list with every row loaded (both sort in SQL, off the GUI thread: a
  click reads the new order's row ids on the job runner, then the first page; the task list's order is
  the due day, set in SQL), and filters typed or chosen (read on the job runner too: the first page and the
  count; the stall is measured until the new rows are on show).
  Goal: no stall over 100 ms. The same script runs against an older tree (PYTHONPATH) whose pages read a
  filter on the GUI thread: there `busy` is false at once and the filter's whole read is the stall.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from stall import Heartbeat, pump, until

from danvan_desktop.domain.task_query import TaskQuery
from danvan_desktop.services.app import AppServices

TODAY_TEXT = "2026-11-21"


def best(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _i in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def scroll_to_end(table, model, limit: float = 600.0) -> tuple[float, int]:
    """Drag the scroll bar to the bottom until the model has every row; the largest stall and the rows."""
    bar = table.verticalScrollBar()
    started = time.perf_counter()
    with Heartbeat() as beat:
        while model.canFetchMore() and time.perf_counter() - started < limit:
            bar.setValue(bar.maximum())
            pump(0.005)
        pump(0.05)
    return beat.max_gap, model.rowCount()


def busy_of(page) -> Callable[[], bool]:
    return lambda: bool(getattr(page, "busy", False))


def on_show(page, action: Callable[[], object]) -> Callable[[], object]:
    """`action`, then the event loop until what it asked for is on show (a page reading off the GUI thread)."""
    def run() -> None:
        action()
        until(lambda: not busy_of(page)())
    return run


def stall(action: Callable[[], object], settle: float = 0.2, busy: Callable[[], bool] = lambda: False) -> float:
    """The longest gap while `action` runs from the event loop and, for a page reading off the GUI thread,
    until what it asked for is on show (`busy` false)."""
    with Heartbeat() as beat:
        from PySide6.QtCore import QTimer
        QTimer.singleShot(0, action)
        pump(settle)
        started = time.perf_counter()
        while busy() and time.perf_counter() - started < 60:
            pump(0.01)
        pump(0.05)
    return beat.max_gap


def tasks_part(services: AppServices) -> list[tuple[str, float, float | None]]:
    from danvan_desktop.gui.events import DataEvents
    from danvan_desktop.gui.pages.tasks.tasks_page import TasksPage

    rows: list[tuple[str, float, float | None]] = []
    page = TasksPage(services, QUndoStack(), DataEvents())
    page.resize(1366, 700)
    page.show()
    pump(0.1)
    chunk = page.model.CHUNK
    village = services.villages.list()[3].id

    def sql(query: TaskQuery) -> Callable[[], object]:
        return lambda: (services.tasks.listed(query, 0, chunk), services.tasks.count(query))

    rows.append(("tasks: open (first page + count)", best(page.refresh), best(sql(page.query()))))
    for label, filters in (("tasks: filter overdue", {"overdue": True}),
                           ("tasks: filter one village + overdue", {"village_id": village, "overdue": True}),
                           ("tasks: filter this month", {"period": "this_month"}),
                           ("tasks: filter text 'so 77'", {"text": "so 77"}),
                           ("tasks: every status", {"status": None})):
        shown = best(on_show(page, lambda f=filters: page.apply_filters(**f)))
        rows.append((label, shown, best(sql(page.query()))))
    gap, loaded = scroll_to_end(page.table, page.model)
    rows.append((f"tasks: longest stall scrolling to the end ({loaded:,} rows)".replace(",", " "), gap, None))
    rows.append(("tasks: longest stall, filter overdue at the end", stall(
        lambda: page.apply_filters(overdue=True), busy=busy_of(page)), None))
    rows.append(("tasks: longest stall, typing a search", stall(      # the list is read 250 ms after typing
        lambda: page.search.setText("so 12"), settle=0.6, busy=busy_of(page)), None))
    page.close()
    page.deleteLater()
    return rows


def situation_part(services: AppServices) -> list[tuple[str, float, float | None]]:
    from danvan_desktop.gui.events import DataEvents
    from danvan_desktop.gui.pages.figures.situation_page import SituationPage

    rows: list[tuple[str, float, float | None]] = []
    page = SituationPage(services, QUndoStack(), DataEvents())
    page.resize(1366, 700)
    page.show()
    pump(0.1)
    chunk = page.model.CHUNK

    def sql() -> Callable[[], object]:
        flt = page.current_filter()
        return lambda: (services.situation.page(flt, 0, chunk), services.situation.count(flt))

    rows.append(("situation: open (first page + count)", best(page.refresh), best(sql())))
    rows.append(("situation: filter open hot spots", best(on_show(
        page, lambda: page.apply_filters(open_only=True, level="hot"))), best(sql())))
    on_show(page, page.apply_filters)()
    gap, loaded = scroll_to_end(page.table, page.model)
    rows.append((f"situation: longest stall scrolling to the end ({loaded:,} rows)".replace(",", " "), gap, None))
    header = page.table.horizontalHeader()
    worst = 0.0
    for column in range(page.model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            worst = max(worst, stall(lambda c=column, o=order: header.setSortIndicator(c, o),
                                     busy=busy_of(page)))
    rows.append(("situation: longest stall sorting each column, from all rows", worst, None))
    rows.append(("situation: longest stall, filter open hot spots", stall(
        lambda: page.apply_filters(open_only=True, level="hot"), busy=busy_of(page)), None))
    rows.append(("situation: longest stall, typing a search", stall(
        lambda: page.filter.setText("so 12"), busy=busy_of(page)), None))
    page.close()
    page.deleteLater()
    return rows


def meetings_part(services: AppServices) -> list[tuple[str, float, float | None]]:
    from danvan_desktop.gui.pages.meetings.meetings_page import MeetingsPage

    rows: list[tuple[str, float, float | None]] = []
    page = MeetingsPage(services)
    page.resize(1366, 700)
    page.show()
    pump(0.1)
    chunk = page.model.CHUNK

    def sql(query: str = "") -> Callable[[], object]:
        return lambda: (services.meetings.page(query, None, 0, chunk), services.meetings.count(query))

    rows.append(("meetings: open (first page + count)", best(page.reload), best(sql())))
    def search() -> None:
        page.filter.setText("")
        page.filter.setText("giao ban")
    rows.append(("meetings: clear, then search 'giao ban'", best(on_show(page, search)), best(sql("giao ban"))))
    on_show(page, lambda: page.filter.setText(""))()
    gap, loaded = scroll_to_end(page.table, page.model)
    rows.append((f"meetings: longest stall scrolling to the end ({loaded:,} rows)".replace(",", " "), gap, None))
    header = page.table.horizontalHeader()
    worst = 0.0
    for column in range(page.model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            worst = max(worst, stall(lambda c=column, o=order: header.setSortIndicator(c, o),
                                     busy=busy_of(page)))
    rows.append(("meetings: longest stall sorting each column", worst, None))
    rows.append(("meetings: longest stall, typing a search", stall(
        lambda: page.filter.setText("giao ban"), busy=busy_of(page)), None))
    page.close()
    page.deleteLater()
    return rows


def main() -> None:
    os.environ.setdefault("DANVAN_TODAY", TODAY_TEXT)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if len(sys.argv) > 1:
        path = Path(sys.argv[1])
    else:
        from bench_list_pages import build
        path = Path(tempfile.mkdtemp(prefix="danvan-bench-stalls-")) / "commune.sqlite3"
        build(path, 100_000).close()
    services = AppServices.open(path)
    print(f"{path.name}: {services.db.conn.execute('SELECT count(*) FROM tasks').fetchone()[0]:,} tasks, "
          f"{services.db.conn.execute('SELECT count(*) FROM situation_notes').fetchone()[0]:,} situation notes"
          .replace(",", " "))
    print(f"{'step':58}{'screen':>10}{'its SQL':>10}{'ratio':>7}")
    for label, shown, base in tasks_part(services) + situation_part(services) + meetings_part(services):
        ratio = f"{shown / base:>7.1f}" if base else ""
        flag = "" if base or shown <= 0.1 else "  > 100 ms"
        print(f"{label:58}{shown * 1000:>8.0f}ms{(f'{base * 1000:.0f}ms' if base else ''):>10}{ratio}{flag}")
    services.close()
    del app


if __name__ == "__main__":
    main()
