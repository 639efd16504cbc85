"""The list pages as a user opens them, at N=1 000 and N=big rows, and the dashboard's refresh(): ratios.

    PYTHONPATH=$PWD QT_QPA_PLATFORM=offscreen /tmp/venvtest/v/bin/python bench/bench_list_pages.py [big]

Builds one commune per size in a temp folder (plain SQL, no audit, so the set-up is quick) with N tasks
(each given to 1–3 villages, some with a progress note), N situation notes and N/10 meetings with
8 attendance rows each (a commune holds tens of meetings a year; N/10 = 10 000 is already what an
upper level receiving 200 communes' meetings would hold), then times, best of 3, what the pages do:
open the Nhiệm vụ, Tình hình nhân dân and Họp pages (the constructor's first fetch), one or two
filters on each, and DashboardPage.refresh() with every section registered.

What "good" is: the paged lists (tasks, situation) and their filters about flat (ratio ≈ 1–3, the
first page is a LIMIT on an index); the dashboard refresh about flat too (its cards are counts on
indexes); anything growing with N (ratio ≈ 100 for tasks/notes, ≈ 10 for meetings) runs a full scan
or loads every row in Python and will freeze the GUI at 100 000 rows on an old PC.
What it showed (2 shared cores, load ≈ 4–6, so read the ratios; meetings are N/10 = 100 vs 10 000),
main as it is, then main + /tmp/scale-fixes/1–8, each run building the same data:

    step                         main: 1 000  100 000  ratio | fixed: 1 000  100 000  ratio
    tasks: open page                    26ms    112ms    4.2 |         36ms    124ms    3.5
    tasks: overdue in one village       13ms    148ms     11 |         17ms    165ms    9.7
    tasks: text 'so 77'                  4ms     69ms     19 |          3ms     45ms     16
    situation: open page               327ms    431ms    1.3 |        166ms    249ms    1.5
    situation: open hot spots            3ms    312ms    115 |          2ms    193ms    111
    meetings: open page                139ms 33 839ms    243 |         56ms  2 578ms     46
    meetings: reload                    42ms 17 322ms    417 |         34ms  3 620ms    108
    dashboard: refresh()                30ms 25 384ms    836 |         26ms  4 055ms    159

  The meetings list's NOT EXISTS(newer version) subquery scanned the table once per meeting after
  ANALYZE (quadratic), and the dashboard's `latest()` ran it too; fix 5 makes it an index lookup.
  What remains at 10 000 meetings is loading every meeting and its attendance as records (the page
  uses set_rows, not a pager): fine for a commune's hundreds of meetings. What remains in the
  dashboard (4 s) is task_summary: the overdue-by-village join scans every assignment (the generator
  leaves assignments 'not_started', which overstates it) and summarise() loads the month's tasks plus
  the open backlog as records — the tasks owner's call (see /tmp/scale-fixes/README.md). "open hot
  spots" is three reloads (one per combo signal), each sorting the ~5 000 open hot notes.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from danvan_desktop.domain.text import fold
from danvan_desktop.domain.unit import Unit
from danvan_desktop.services.app import AppServices

TODAY = dt.date(2026, 11, 21)
WORDS = ["đất đai", "môi trường", "an ninh", "tôn giáo", "đời sống", "việc làm", "rác thải", "đường liên thôn"]
STATUSES = ("not_started", "in_progress", "done", "done", "done", "paused", "cancelled")
CATEGORIES = ("propaganda", "mobilisation", "situation", "mediation", "new_rural", "poverty", "security", "other")
KINDS = ("monthly", "monthly", "monthly", "thematic", "ad_hoc", "quarterly")


def build(path: Path, n: int) -> AppServices:
    services = AppServices.open(path, today=lambda: TODAY)
    services.setup.create_unit(Unit(code="99001", name="xã Thử", province="Thanh Hóa", place_name="Thử"),
                               "\n".join(f"Thôn {i}" for i in range(1, 13)))
    db = services.db
    villages = [v.id for v in services.villages.list()]
    rng = random.Random(n)
    stamp = db.clock.tick()
    head = ("99001", stamp, stamp, "", db.installation_id, 0)
    tasks, given, progress, notes, meetings, attendance = [], [], [], [], [], []
    for i in range(n):
        tid = str(uuid.uuid4())
        due = TODAY + dt.timedelta(days=rng.randint(-3000, 60))
        # A commune closes old work: past its quarter a task is done or cancelled but for a 3 % backlog.
        status = rng.choice(STATUSES) if due > TODAY - dt.timedelta(days=90) or rng.random() < 0.03 else \
            rng.choice(("done", "done", "done", "done", "done", "done", "done", "done", "done", "cancelled"))
        chosen = rng.sample(villages, rng.randint(1, 3))
        title = f"Nhiệm vụ số {i} về {rng.choice(WORDS)}"
        tasks.append((tid, *head, title, rng.choice(CATEGORIES), due.isoformat(), status,
                      due.isoformat() if status == "done" else None, len(chosen), fold(title)))
        # a village's share has the task's status (the service rolls the villages up into the task)
        given += [(str(uuid.uuid4()), *head, tid, vid, status, due.isoformat() if status == "done" else None)
                  for vid in chosen]
        if rng.random() < 0.5:
            progress.append((str(uuid.uuid4()), *head, tid, chosen[0], (due - dt.timedelta(days=2)).isoformat(),
                             "Đã tổ chức tuyên truyền"))
        summary = f"Vụ việc {i} về {rng.choice(WORDS)}"
        notes.append((str(uuid.uuid4()), *head, (TODAY - dt.timedelta(days=rng.randint(0, 2500))).isoformat(),
                      rng.choice(villages), "land", rng.choice(["normal", "normal", "watch", "hot"]), summary,
                      int(rng.random() < 0.8), fold(summary)))
    for i in range(n // 10):
        mid = str(uuid.uuid4())
        day = TODAY - dt.timedelta(days=rng.randint(1, 3650))
        kind = rng.choice(KINDS)
        title = f"Họp Khối dân vận lần {i}"
        meetings.append((mid, *head, kind, f"{day:%Y-%m}", title, day.isoformat(), mid, fold(title)))
        attendance += [(str(uuid.uuid4()), *head, mid, f"m{k}", f"Thành viên {k}", "present" if k else "excused", k)
                       for k in range(8)]
    with db.transaction() as conn:
        conn.executemany("INSERT INTO tasks (id, unit_code, created_at, updated_at, updated_by, origin, deleted, "
                         "title, category, due_date, status, done_on, village_count, search_text) "
                         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", tasks)
        conn.executemany("INSERT INTO task_assignments (id, unit_code, created_at, updated_at, updated_by, origin, "
                         "deleted, task_id, village_id, status, done_on) VALUES (?,?,?,?,?,?,?,?,?,?,?)", given)
        conn.executemany("INSERT INTO task_progress (id, unit_code, created_at, updated_at, updated_by, origin, "
                         "deleted, task_id, village_id, noted_on, result) VALUES (?,?,?,?,?,?,?,?,?,?,?)", progress)
        conn.executemany("INSERT INTO situation_notes (id, unit_code, created_at, updated_at, updated_by, origin, "
                         "deleted, noted_on, village_id, topic, level, summary, resolved, search_text) "
                         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", notes)
        conn.executemany("INSERT INTO meetings (id, unit_code, created_at, updated_at, updated_by, origin, deleted, "
                         "kind, period, title, meeting_date, series_id, search_text) "
                         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", meetings)
        conn.executemany("INSERT INTO meeting_attendance (id, unit_code, created_at, updated_at, updated_by, origin, "
                         "deleted, meeting_id, member_id, member_name, status, sort_order) "
                         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", attendance)
    db.conn.execute("ANALYZE")
    return services


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _i in range(repeat):
        started = time.perf_counter()
        fn()
        QApplication.processEvents()
        best = min(best, time.perf_counter() - started)
    return best


def measure(services: AppServices) -> dict[str, float]:
    from danvan_desktop.gui.events import DataEvents
    from danvan_desktop.gui.pages import registry
    from danvan_desktop.gui.pages.dashboard_page import DashboardPage
    from danvan_desktop.gui.pages.figures.situation_page import SituationPage
    from danvan_desktop.gui.pages.meetings.meetings_page import MeetingsPage
    from danvan_desktop.gui.pages.tasks.tasks_page import TasksPage

    registry.pages()   # imports every page module, so every dashboard section is registered
    undo, events = QUndoStack(), DataEvents()
    village = services.villages.list()[3].id
    r: dict[str, float] = {}
    holder: dict[str, object] = {}
    r["tasks: open page"] = timed(lambda: holder.__setitem__("t", TasksPage(services, undo, events)))
    tasks = holder["t"]
    r["tasks: overdue in one village"] = timed(lambda: tasks.apply_filters(village_id=village, overdue=True))
    r["tasks: text 'so 77'"] = timed(lambda: tasks.apply_filters(text="so 77"))
    r["situation: open page"] = timed(lambda: holder.__setitem__("s", SituationPage(services, undo, events)))
    situation = holder["s"]
    r["situation: open hot spots"] = timed(lambda: situation.apply_filters(open_only=True, level="hot"))
    r["meetings (N/10): open page"] = timed(lambda: holder.__setitem__("m", MeetingsPage(services, events, None, undo)))
    meetings = holder["m"]
    r["meetings (N/10): reload"] = timed(meetings.reload)
    dashboard = DashboardPage(services, lambda *_a, **_k: None)
    r["dashboard: refresh()"] = timed(dashboard.refresh)
    for widget in (tasks, situation, meetings, dashboard):
        widget.deleteLater()
    QApplication.processEvents()
    return r


def main() -> None:
    big = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="danvan-bench-pages-"))
    small_db, big_db = build(folder / "small.sqlite3", 1_000), build(folder / "big.sqlite3", big)
    small, large = measure(small_db), measure(big_db)
    label = f"N={big:,}".replace(",", " ")
    print(f"{'step':34}{'N=1 000':>10}{label:>12}{'ratio':>8}")
    for key in small:
        print(f"{key:34}{small[key] * 1000:>8.1f}ms{large[key] * 1000:>10.1f}ms{large[key] / small[key]:>8.1f}")
    small_db.close()
    big_db.close()


if __name__ == "__main__":
    main()
