"""How long the Tình hình nhân dân list takes to show its first page and to filter, at 100 000 notes.

Prints each measured time as a ratio of a baseline measured in the same run (reading one page of
the same table with no filter), so the numbers compare across machines.
Run: PYTHONPATH=. python bench/bench_situation_list.py
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from danvan_desktop.domain.records import new_id
from danvan_desktop.domain.text import fold
from danvan_desktop.domain.unit import Unit
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.figures.situation import NoteFilter

ROWS = 100_000
WORDS = ["đất đai", "môi trường", "an ninh", "tôn giáo", "đời sống", "việc làm", "rác thải", "đường liên thôn"]


def _fill(services: AppServices) -> None:
    rng = random.Random(1)
    villages = [v.id for v in services.villages.list()]
    start = dt.date(2020, 1, 1)
    rows = []
    for i in range(ROWS):
        summary = f"Vụ việc {i} về {rng.choice(WORDS)}"
        rows.append((new_id(), services.db.unit_code, "2026", "2026", "", "", 0,
                     (start + dt.timedelta(days=rng.randint(0, 2500))).isoformat(), rng.choice(villages),
                     "land", rng.choice(["normal", "watch", "hot"]), summary, rng.random() < 0.8, fold(summary)))
    with services.db.transaction() as conn:
        conn.executemany("INSERT INTO situation_notes (id, unit_code, created_at, updated_at, updated_by, origin, "
                         "deleted, noted_on, village_id, topic, level, summary, resolved, search_text) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def _time(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _i in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        services = AppServices.open(Path(folder) / "b.sqlite3", today=lambda: dt.date(2026, 11, 21))
        services.setup.create_unit(Unit(code="B1", name="xã Bench"), "Thôn A\nThôn B\nThôn C")
        _fill(services)
        svc = services.situation
        base = _time(lambda: services.db.conn.execute("SELECT * FROM situation_notes LIMIT 500").fetchall())
        cases = {
            "first page, no filter": lambda: svc.page(NoteFilter(), 0, 500),
            "open hot spots": lambda: svc.open_hot_spots(),
            "month filter": lambda: svc.page(NoteFilter(period="2024-05"), 0, 500),
            "text filter 'rac thai'": lambda: svc.page(NoteFilter(text="rac thai"), 0, 500),
            "count with filter": lambda: svc.count(NoteFilter(open_only=True)),
        }
        print(f"baseline (500 rows, no order): {base * 1000:.1f} ms")
        for name, fn in cases.items():
            t = _time(fn)
            print(f"{name:28s} {t * 1000:8.1f} ms  ratio {t / base:6.1f}")
        services.close()


if __name__ == "__main__":
    main()
