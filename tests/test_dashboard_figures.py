"""The dashboard's figures: equal to the tasks counted one by one, read off the GUI thread, shown in one go."""

from __future__ import annotations

import datetime as dt
import threading

from conftest import TODAY, dashboard_ready

from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.tasks import OPEN_STATUSES, TaskStatus, derived_status
from danvan_desktop.gui.pages.dashboard_page import DashboardPage
from danvan_desktop.gui.pages.tasks.task_dashboard import TasksSection
from danvan_desktop.services.tasks.dashboard import dashboard


def _more_tasks(services) -> None:
    """Tasks of every shape around this month: done late, done early, cancelled, paused, overdue, due soon."""
    villages = [v.id for v in services.villages.list()]
    tasks = services.tasks
    day = TODAY.replace(day=1)
    for k, (due, status, done_on) in enumerate([
            (day - dt.timedelta(days=40), "done", day + dt.timedelta(days=2)),     # carried over, done this month
            (day - dt.timedelta(days=40), "done", day - dt.timedelta(days=20)),    # done before the month: out
            (day - dt.timedelta(days=10), "in_progress", None),                    # carried over, overdue
            (day - dt.timedelta(days=10), "paused", None),
            (day - dt.timedelta(days=5), "cancelled", None),                       # old and cancelled: out
            (day + dt.timedelta(days=3), "cancelled", None),                       # this month, cancelled
            (day + dt.timedelta(days=4), "done", day + dt.timedelta(days=1)),
            (TODAY - dt.timedelta(days=1), "not_started", None),                   # overdue since today
            (TODAY, "not_started", None),                                          # due today: soon
            (TODAY + dt.timedelta(days=7), "in_progress", None),                   # the 7th day: soon
            (TODAY + dt.timedelta(days=8), "not_started", None)]):                 # beyond
        task = tasks.create_task(title=f"Việc thử {k}", village_ids=villages[k % 3:k % 3 + 1 + k % 2],
                                 due_date=due)
        if status != "not_started":
            tasks.set_status(task.id, status, done_on=done_on)


def _counted_by_hand(services) -> tuple[int, int, int, int, dict[str, int]]:
    """(overdue, due soon, done this month, counted this month, overdue shares by village) from the rows."""
    tasks = [t for t in services.tasks.tasks.select("1 = 1")]
    month = Period.containing(TODAY)
    overdue = sum(t.status in OPEN_STATUSES and t.due_date < TODAY for t in tasks)
    soon = sum(t.status in OPEN_STATUSES and TODAY <= t.due_date <= TODAY + dt.timedelta(days=7) for t in tasks)
    in_month = [t for t in tasks if month.start <= t.due_date <= month.end
                or (t.due_date < month.start and t.status != "cancelled"
                    and (t.done_on is None or t.done_on >= month.start))]
    states = [derived_status(t.status, t.due_date, TODAY, t.done_on) for t in in_month]
    done = sum(s is TaskStatus.DONE for s in states)
    counted = len(in_month) - sum(s is TaskStatus.CANCELLED for s in states)
    by_village: dict[str, int] = {}
    live = {t.id: t for t in tasks}
    for a in services.tasks.assignments.select("1 = 1"):
        task = live.get(a.task_id)
        if task and a.status in OPEN_STATUSES and task.due_date < TODAY:
            by_village[a.village_id] = by_village.get(a.village_id, 0) + 1
    return overdue, soon, done, counted, by_village


def test_the_task_figures_equal_the_tasks_counted_one_by_one(demo):
    _more_tasks(demo)
    overdue, soon, done, counted, by_village = _counted_by_hand(demo)
    figures = dashboard(demo.tasks)
    assert overdue > 0 and soon >= 2 and done > 0
    assert (figures.overdue_total, figures.due_soon, figures.month_done, figures.month_total) == \
        (overdue, soon, done, counted)
    assert {v.village_id: v.overdue for v in figures.overdue_by_village} == by_village
    # the Tổ dân vận page's counts per village: open shares, and of them the overdue ones
    live = {t.id: t for t in demo.tasks.tasks.select("1 = 1")}
    open_shares: dict[str, int] = {}
    for a in demo.tasks.assignments.select("1 = 1"):
        if a.task_id in live and a.status in OPEN_STATUSES:
            open_shares[a.village_id] = open_shares.get(a.village_id, 0) + 1
    assert demo.teams.task_counts() == {v: (n, by_village.get(v, 0)) for v, n in open_shares.items()}
    # the month's figures are those the monthly report counts (services/tasks/summary.py)
    month = demo.tasks.period_summary(Period.containing(TODAY))
    assert (month.done, month.total - month.cancelled) == (done, counted)


def test_the_dashboard_reads_off_the_gui_thread_and_shows_every_figure_together(qtbot, demo, monkeypatch):
    threads: list[threading.Thread] = []
    original = TasksSection.load

    def load(self, services):
        threads.append(threading.current_thread())
        return original(self, services)

    monkeypatch.setattr(TasksSection, "load", load)
    page = DashboardPage(demo, lambda *a, **k: None)
    qtbot.addWidget(page)
    section = next(s for s in page.sections if isinstance(s, TasksSection))
    assert section.overdue.value.text() == "—"           # nothing read on the GUI thread while building
    dashboard_ready(qtbot, page)
    before = int(section.overdue.value.text())
    assert before == _counted_by_hand(demo)[0]

    demo.tasks.create_task(title="Quá hạn mới", village_ids=[demo.villages.list()[0].id],
                           due_date=TODAY - dt.timedelta(days=3))
    with qtbot.waitSignal(page.refreshed, timeout=20000):
        page.refresh()
        assert section.overdue.value.text() == str(before)   # refresh() returned at once; the read runs elsewhere
    assert section.overdue.value.text() == str(before + 1)
    assert threads and all(t is not threading.main_thread() for t in threads)


def test_refreshes_asked_for_during_a_read_are_folded_into_one(qtbot, demo, monkeypatch):
    page = DashboardPage(demo, lambda *a, **k: None)
    qtbot.addWidget(page)
    dashboard_ready(qtbot, page)
    reads, shown = [], []
    original = TasksSection.load
    monkeypatch.setattr(TasksSection, "load", lambda self, services: reads.append(1) or original(self, services))
    page.refreshed.connect(lambda: shown.append(1))
    for _i in range(4):                        # one read starts; the other three become one more read
        page.refresh()
    dashboard_ready(qtbot, page)
    assert len(reads) == 2 and len(shown) == 1    # the first read's figures were already out of date: dropped


def test_a_period_s_task_counts_equal_its_summary_in_every_kind_of_period(demo):
    from danvan_desktop.services.tasks.dashboard import period_counts
    _more_tasks(demo)
    for code in ("2026-11", "2026-10", "2026-09", "2026-Q3", "2026-Q4", "2026-H2", "2026-9M", "2026", "2025", "2026-12"):
        summary = demo.tasks.period_summary(Period.parse(code))
        assert period_counts(demo.db, Period.parse(code), TODAY) == (summary.total, summary.done, summary.cancelled), code


def test_a_card_shows_the_hand_over_its_figure_and_opens_its_page_on_a_click(qtbot):
    """The hand cursor is given on the mouse's first visit (the first paint makes no enum of Qt's namespace)."""
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QEnterEvent, QMouseEvent
    from PySide6.QtWidgets import QApplication

    from danvan_desktop.gui.widgets.card import Card
    opened: list[str] = []
    card, plain = Card("xã đã gửi báo cáo", lambda: opened.append("completeness")), Card("không mở trang nào")
    for widget in (card, plain):
        qtbot.addWidget(widget)
        widget.show()
        QApplication.sendEvent(widget, QEnterEvent(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5)))
    hand = Qt.CursorShape.PointingHandCursor
    assert (card.cursor().shape(), card.value.cursor().shape()) == (hand, hand)
    assert (plain.cursor().shape(), plain.value.cursor().shape()) == (Qt.CursorShape.ArrowCursor, hand)
    release = QMouseEvent(QEvent.Type.MouseButtonRelease, QPointF(5, 5), QPointF(5, 5), Qt.MouseButton.LeftButton,
                          Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(card, release)
    assert opened == ["completeness"]


def test_a_card_writes_a_count_as_vietnamese_numbers_are_written(qtbot):
    """A province's 1 509 open hot spots read "1.509", not "1509"; a text ("0/200", "—") is shown as it is."""
    from danvan_desktop.gui.widgets.card import Card
    card = Card("điểm nóng đang theo dõi, giải quyết")
    qtbot.addWidget(card)
    card.set_value(1509, warn=True)
    assert card.value.text() == "1.509"
    card.set_value(7)
    assert card.value.text() == "7"
    card.set_value("0/200")
    assert card.value.text() == "0/200"
