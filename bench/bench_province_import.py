"""P2 — import at province scale, each figure against its baseline in the same run.

    python bench/province.py --communes 200 --months 12 --out /work/scratch/province     # once (cached)
    python bench/bench_province_import.py --province /work/scratch/province

Takes the province built by bench/province.py, hands over the next month from every commune with the
communes' own exporter (cached in the province folder, as the generator's next run would), then:

1. one more file into a copy of the full upper database vs the same file into an empty (just set up)
   upper level: the day's first import (it takes the day's copy of the database) and the next ones;
2. the month's files into the full database in one sitting vs the floor: a raw `executemany` of the
   same rows (every record of those files) into a copy of the same database, one transaction.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import pstats
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import province

from danvan_desktop.domain.periods import Period
from danvan_desktop.exchange.schema import travelling_schema
from danvan_desktop.exchange.verify import verify_file
from danvan_desktop.services.app import AppServices


def copy_db(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def next_month(out: Path, communes: int) -> tuple[Period, list[Path]]:
    conn = sqlite3.connect(out / "upper.sqlite3")
    try:
        last = conn.execute("SELECT max(period) FROM exchange_batches_in WHERE kind = 'batch'").fetchone()[0]
    finally:
        conn.close()
    period = Period.parse(last).next()
    files = [province.commune_month(out, index, period, first=False) for index in range(communes)]
    return period, files


def import_timed(upper: AppServices, files: list[Path], sitting: bool = True) -> float:
    importer = upper.exchange.importer
    t0 = time.perf_counter()
    if sitting:
        with importer.sitting():
            for file in files:
                importer.import_file(file, trust_new=True)
    else:
        for file in files:
            importer.import_file(file, trust_new=True)
    return time.perf_counter() - t0


def floor(db_path: Path, files: list[Path]) -> tuple[float, int]:
    """executemany of every record of the files into the same schema, one transaction; verification untimed."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    schema = travelling_schema(conn)
    rows: dict[tuple[str, tuple[str, ...]], list[tuple]] = {}
    for file in files:
        verified = verify_file(file, schema)
        for table, records in verified.tables.items():
            for record in records:
                cols = tuple(record)
                rows.setdefault((table, cols), []).append(tuple(record[c] for c in cols))
    count = sum(len(v) for v in rows.values())
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    for (table, cols), values in rows.items():
        conn.executemany(f'INSERT OR REPLACE INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in cols)}) '
                         f'VALUES ({", ".join("?" for _c in cols)})', values)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--province", type=Path, default=Path("/work/scratch/province"))
    parser.add_argument("--communes", type=int, default=200)
    parser.add_argument("--profile", action="store_true", help="print where one more file's time goes (full db)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DANVAN_TODAY", "2026-11-30")
    out = args.province
    period, files = next_month(out, args.communes)
    size = (out / "upper.sqlite3").stat().st_size / 2**20
    print(f"province {out}: upper {size:.0f} MB; next month {period.code}: {len(files)} files "
          f"({sum(f.stat().st_size for f in files) / 2**20:.1f} MB)")
    work = Path(tempfile.mkdtemp(prefix="p2-", dir=out))
    try:
        day = province.Day()
        day.value = dt.date(2026, 11, 30)
        # empty: a just-set-up upper level
        (work / "empty").mkdir()
        empty = province.open_upper(work / "empty" / "upper.sqlite3", day)
        for name in ("full", "month", "floor"):
            (work / name).mkdir()
            copy_db(out / "upper.sqlite3", work / name / "upper.sqlite3")
        full = AppServices.open(work / "full" / "upper.sqlite3", today=day)      # upgraded here if need be
        first, rest = files[0], files[1:21]
        e_first = import_timed(empty, [first], sitting=False)
        f_first = import_timed(full, [first], sitting=False)
        e_next = import_timed(empty, rest, sitting=False)
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
        f_next = import_timed(full, rest, sitting=False)
        if args.profile:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        empty.close()
        full.close()
        print(f"one more file, the day's first (takes the day's copy): full {f_first * 1000:.0f} ms, empty "
              f"{e_first * 1000:.0f} ms, ratio {f_first / e_first:.2f}×")
        print(f"one more file, the next ones ({len(rest)} files, each its own sitting): full "
              f"{f_next / len(rest) * 1000:.0f} ms, empty {e_next / len(rest) * 1000:.0f} ms, "
              f"ratio {f_next / e_next:.2f}× (goal ≤ 1.5×)")
        month = AppServices.open(work / "month" / "upper.sqlite3", today=day)
        t_month = import_timed(month, files, sitting=True)
        month.close()
        AppServices.open(work / "floor" / "upper.sqlite3", today=day).close()     # the same schema (upgraded)
        t_floor, count = floor(work / "floor" / "upper.sqlite3", files)
        print(f"the month's {len(files)} files ({count} records) in one sitting into the full database: "
              f"{t_month:.1f} s ({len(files) / t_month:.1f} files/s); floor (executemany of the same rows, same "
              f"schema): {t_floor:.2f} s; ratio {t_month / t_floor:.1f}× (goal ≤ 3×)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
