"""The Nhiệm vụ list at 100 000 tasks vs 1 000: first fetch and each filter, as ratios (same run, same machine).

    PYTHONPATH=. QT_QPA_PLATFORM=offscreen python bench/bench_task_list.py

Rows are written with plain SQL (no audit) so the set-up is quick; the page reads them as it always does.
A ratio near 1 means the list stays instant however many tasks the commune has.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from danvan_desktop.domain.unit import Unit
from danvan_desktop.services.app import AppServices

TODAY = dt.date(2026, 11, 21)
STATUSES = ("not_started", "in_progress", "done", "done", "done", "paused", "cancelled")
CATEGORIES = ("propaganda", "mobilisation", "situation", "mediation", "new_rural", "poverty", "security", "other")


def build(path: Path, n: int) -> AppServices:
    services = AppServices.open(path, today=lambda: TODAY)
    services.setup.create_unit(Unit(code="99001", name="xã Thử", province="Thanh Hóa", place_name="Thử"),
                               "\n".join(f"Thôn {i}" for i in range(1, 13)))
    villages = [v.id for v in services.villages.list()]
    rng = random.Random(n)
    stamp = services.db.clock.tick()
    tasks, given = [], []
    for i in range(n):
        tid = str(uuid.uuid4())
        due = TODAY + dt.timedelta(days=rng.randint(-3000, 60))
        status = rng.choice(STATUSES)
        chosen = rng.sample(villages, rng.randint(1, 3))
        tasks.append((tid, "99001", stamp, stamp, "", "", 0, f"Nhiệm vụ số {i}", rng.choice(CATEGORIES),
                      due.isoformat(), status, due.isoformat() if status == "done" else None, len(chosen),
                      f"nhiem vu so {i}"))
        given += [(str(uuid.uuid4()), "99001", stamp, stamp, "", "", 0, tid, vid) for vid in chosen]
    with services.db.transaction() as conn:
        conn.executemany("INSERT INTO tasks (id, unit_code, created_at, updated_at, updated_by, origin, deleted, "
                         "title, category, due_date, status, done_on, village_count, search_text) "
                         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", tasks)
        conn.executemany("INSERT INTO task_assignments (id, unit_code, created_at, updated_at, updated_by, origin, "
                         "deleted, task_id, village_id) VALUES (?,?,?,?,?,?,?,?,?)", given)
    services.db.conn.execute("ANALYZE")
    return services


def timed(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def measure(services: AppServices) -> dict[str, float]:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from danvan_desktop.gui.events import DataEvents
    from danvan_desktop.gui.pages.tasks.tasks_page import TasksPage

    QApplication.instance() or QApplication(sys.argv[:1])
    page = TasksPage(services, QUndoStack(), DataEvents())
    village = services.villages.list()[3].id
    results = {}
    results["first fetch (open tasks)"] = timed(page.reload)
    for label, filters in (("all statuses", {"status": None}), ("overdue only", {"overdue": True}),
                           ("one village", {"village_id": village}),
                           ("village + overdue", {"village_id": village, "overdue": True}),
                           ("category", {"category": "mediation"}), ("this month", {"period": "this_month"}),
                           ("text search", {"text": "so 77"})):
        results[label] = timed(lambda f=filters: page.apply_filters(**f))
    page.deleteLater()
    return results


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="danvan-bench-"))
    small = build(folder / "small.sqlite3", 1_000)
    big = build(folder / "big.sqlite3", 100_000)
    a, b = measure(small), measure(big)
    print(f"{'':28}{'1 000':>10}{'100 000':>10}{'ratio':>8}")
    for key in a:
        print(f"{key:28}{a[key] * 1000:>8.1f}ms{b[key] * 1000:>8.1f}ms{b[key] / a[key]:>8.1f}")
    small.close()
    big.close()


if __name__ == "__main__":
    main()
