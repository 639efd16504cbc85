"""Every page and every tab opened on a database, with the longest GUI-thread stall of each (the goal for the
province: each within 0.5 s), against a bare window's first show measured the same way in the same run.

    PYTHONPATH=$PWD QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_pages.py DB [YYYY-MM-DD]

The main window is shown; then each page of the sidebar is chosen, painted (`grab()`), and each of its tabs
chosen and painted, from the event loop, while a 2 ms heartbeat on the GUI thread (bench/stall.py) records
the largest gap: the time the window could not answer. "again" is the page chosen a second time (its
refresh). The day defaults to today (DANVAN_TODAY).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from PySide6.QtWidgets import QMainWindow, QTableView, QTabWidget
from stall import Heartbeat, pump, stall_of

from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.gui.app import apply_appearance, make_application
from danvan_desktop.gui.main_window import MainWindow
from danvan_desktop.services.app import AppServices


def main() -> None:
    app = make_application()
    day = dt.date.fromisoformat(sys.argv[2]) if len(sys.argv) > 2 else vietnam_today()
    bare = QMainWindow()
    bare.setCentralWidget(QTableView())
    bare.resize(1366, 728)
    base = stall_of([bare.show, bare.grab], 0.1)
    bare.close()
    services = AppServices.open(sys.argv[1], today=lambda: day)
    apply_appearance(app, services)
    started = time.perf_counter()
    window = MainWindow(services)
    window.resize(1366, 728)
    window.show()
    app.processEvents()
    window.grab()
    print(f"{Path(sys.argv[1]).name}, day {day}: main window built and painted in {time.perf_counter() - started:.2f} s; "
          f"a bare window's show and paint: {base * 1000:.0f} ms")
    with Heartbeat() as beat:
        pump(2.0)
    print(f"{'the 2 s after the first paint':44}{beat.max_gap * 1000:>8.0f} ms")
    worst = 0.0
    for key in window.page_keys:
        gap = stall_of([lambda k=key: window.navigate(k), window.grab], 0.1)
        worst = max(worst, gap)
        print(f"{key:44}{gap * 1000:>8.0f} ms")
        for tabs in window.pages[key].findChildren(QTabWidget):
            for index in range(tabs.count()):
                gap = stall_of([lambda i=index, t=tabs: t.setCurrentIndex(i), window.grab], 0.1)
                worst = max(worst, gap)
                print(f"  tab {tabs.tabText(index)[:38]:40}{gap * 1000:>8.0f} ms")
        other = "settings" if key != "settings" else "dashboard"
        gap = stall_of([lambda o=other: window.navigate(o), lambda k=key: window.navigate(k), window.grab], 0.1)
        print(f"{key + ' again':44}{gap * 1000:>8.0f} ms")
    print(f"longest: {worst * 1000:.0f} ms ({worst / base:.1f}× the bare window's show)")
    while getattr(window.pages["dashboard"], "busy", False):
        app.processEvents()
    window.close()
    services.close()


if __name__ == "__main__":
    main()
