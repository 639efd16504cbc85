"""What a job costs beyond its own work: a connection opened and closed per job (the way before the job
runner, `AppServices.on_own_connection()`) vs the runner's one connection kept open, a ratio.

    PYTHONPATH=$PWD .venv/bin/python bench/bench_job_runner.py [jobs]     # default 40

Builds the demo upper level (four communes, imported from their hand-over files), then times, best of 3,
`jobs` small jobs (the unit's name, one read) run one after another
  before: each on a fresh `AppServices` over its own `Database.open` (pragmas, schema check, a test write
          rolled back, the clock's scan of every travelling table), closed after the job;
  after:  each through `services.jobs` (services/jobs.py), whose connection is opened once.

What it showed (2 shared cores, load average 6.6 from other runs; demo upper level 37.4 MB):

    40 jobs   own connection each:   77.31 ms/job   runner:    0.10 ms/job   ratio 793.8

  The difference is `Database.open` and close per job (not broken down further here); the runner
  pays it once per open file.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from danvan_desktop.services.app import AppServices
from danvan_desktop.services.demo.upper import build_upper_demo
from danvan_desktop.store.database import Database


def best_of(runs: int, work) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main(jobs: int = 40) -> None:
    folder = Path(tempfile.mkdtemp(prefix="danvan-bench-jobs-"))
    path = folder / "tinh.sqlite3"
    built = time.perf_counter()
    build_upper_demo(path).close()
    print(f"demo upper level built in {time.perf_counter() - built:.1f} s ({path.stat().st_size / 1e6:.1f} MB)")
    services = AppServices.open(path)
    try:
        def own_connection_each() -> None:
            for _ in range(jobs):
                own = AppServices(Database.open(path), services.today)
                own.setup.unit()
                own.close()

        def through_the_runner() -> None:
            handles = [services.jobs.submit(lambda s: s.setup.unit()) for _ in range(jobs)]
            for handle in handles:
                handle.wait()

        services.jobs.submit(lambda s: None).wait()     # the runner's connection, opened once
        before = best_of(3, own_connection_each)
        after = best_of(3, through_the_runner)
    finally:
        services.close()
    print(f"{jobs} jobs   own connection each: {before * 1000 / jobs:7.2f} ms/job   "
          f"runner: {after * 1000 / jobs:7.2f} ms/job   ratio {before / after:.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
