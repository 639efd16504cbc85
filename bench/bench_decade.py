"""The upper level's year work on a province decade against the same work on its one built year.

    python bench/province_decade.py --year-db Y/upper.sqlite3 --out D/upper.sqlite3   # once
    python bench/bench_decade.py Y/upper.sqlite3 D/upper.sqlite3 [YEAR]

Both files are copied first (opening them may migrate them; the originals are left alone). For the
generator's real year (2017 unless given), on the one-year database and on the decade, best of 5:
completeness of the year, the year's figures consolidated, the consolidated year report drafted
(completeness, figures, hot spots, models, proposals) and written to PDF, and the first page of the
received documents. The ratio decade / one year says whether the cost grows with the file (it should
stay near 1: every step reads the year's rows through indexes, not the decade's).
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from danvan_desktop.domain.periods import Period
from danvan_desktop.services.app import AppServices


def best(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _i in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def copy(source: Path, target: Path) -> Path:
    src = sqlite3.connect(source)
    src.execute(f"VACUUM INTO '{target}'")
    src.close()
    return target


def measure(path: Path, year: Period, folder: Path) -> dict[str, float]:
    started = time.perf_counter()
    AppServices.open(path).close()       # the first open may upgrade the file and read it once
    first = time.perf_counter() - started
    started = time.perf_counter()
    services = AppServices.open(path)
    opened = time.perf_counter() - started
    upper = services.exchange.upper
    pdf = folder / f"{path.stem}.pdf"
    try:
        return {
            "first open (upgrade, one-time reads)": first,
            "open the file again (services)": opened,
            "completeness, the year": best(lambda: upper.completeness(year)),
            "figures consolidated, the year": best(lambda: upper.consolidate(year)),
            "consolidated year report drafted": best(lambda: upper.reports._drafts(year)),
            "consolidated year report to PDF": best(lambda: upper.consolidated_pdf(year, pdf)),
            "received documents, first page": best(lambda: upper.documents()),
        }
    finally:
        services.close()


def main() -> None:
    year_db, decade_db = Path(sys.argv[1]), Path(sys.argv[2])
    year = Period.parse(sys.argv[3] if len(sys.argv) > 3 else "2017")
    folder = Path(tempfile.mkdtemp(prefix="danvan-bench-decade-"))
    try:
        one = measure(copy(year_db, folder / "year.sqlite3"), year, folder)
        ten = measure(copy(decade_db, folder / "decade.sqlite3"), year, folder)
        sizes = {name: (folder / f"{name}.sqlite3").stat().st_size / 1e6 for name in ("year", "decade")}
    finally:
        shutil.rmtree(folder, ignore_errors=True)     # two copies of the decade's size
    print(f"one year {sizes['year']:.0f} MB, decade {sizes['decade']:.0f} MB; load {Path('/proc/loadavg').read_text()[:14]}")
    print(f"{'step':36}{'one year':>12}{'decade':>12}{'ratio':>8}")
    for key in one:
        print(f"{key:36}{one[key] * 1000:>10.0f}ms{ten[key] * 1000:>10.0f}ms{ten[key] / one[key]:>8.2f}")


if __name__ == "__main__":
    main()
