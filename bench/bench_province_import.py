"""P2 — import at province scale, each figure against its baseline in the same run.

    python bench/province.py --communes 200 --months 12 --out /work/scratch/province     # once (cached)
    python bench/bench_province_import.py --province /work/scratch/province

Takes the province built by bench/province.py, hands over the next month from every commune with the
communes' own exporter (cached in the province folder, as the generator's next run would), then:

1. one more file into a copy of the full upper database vs the same file into an empty (just set up)
   upper level: the day's first import (it takes the day's copy of the database), then the next ones
   one sitting each as the import tab runs them, full and empty alternating file by file (median and
   mean per file; the WAL checkpoint the tab runs after the sitting, off the GUI thread once the result
   is shown, is timed apart); then as many other files the import tab's way (check, then import: the
   import step reuses the check's verdict on the same bytes);
2. the month's files into the full database in one sitting vs the floor: a raw `executemany` of the
   same rows (every record of those files) into a copy of the same database, one transaction (the
   median of three copies: it is short and the machine is shared);
3. the import tab's two steps over the same files: "check" (a preview of each file) and then
   "import", which reuses the preview's verdict on the same bytes — the wait after the officer's click.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import pstats
import shutil
import sqlite3
import statistics
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


def one_sitting(upper: AppServices, file: Path) -> tuple[float, float]:
    """One file as the import tab imports it: a sitting of its own, then the checkpoint (timed apart)."""
    importer = upper.exchange.importer
    t0 = time.perf_counter()
    with importer.sitting():
        importer.import_file(file, trust_new=True)
    t1 = time.perf_counter()
    checkpoint = getattr(importer, "checkpoint", None)   # absent before the sitting's transaction
    if checkpoint is not None:
        checkpoint()
    return t1 - t0, time.perf_counter() - t1


def load() -> str:
    """The 1-minute load average (the machine is shared: read every figure with it)."""
    return Path("/proc/loadavg").read_text().split()[0]


def tab_sitting(upper: AppServices, file: Path) -> tuple[float, float]:
    """One file as the import tab's two steps: check (a preview), then import after the click."""
    importer = upper.exchange.importer
    t0 = time.perf_counter()
    importer.preview(file)
    t1 = time.perf_counter()
    with importer.sitting():
        importer.import_file(file, trust_new=True)
    t2 = time.perf_counter()
    if hasattr(importer, "checkpoint"):
        importer.checkpoint()
    return t1 - t0, t2 - t1


def ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:.1f} / mean {statistics.mean(values) * 1000:.1f} ms"


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
    parser.add_argument("--upper", type=Path, help="the full database to import into (default: the province's "
                        "upper.sqlite3), e.g. a decade from bench/province_decade.py")
    parser.add_argument("--single", type=int, default=40, help="files imported one sitting each (default 40)")
    parser.add_argument("--profile", action="store_true", help="print where one more file's time goes (full db)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DANVAN_TODAY", "2026-11-30")
    out = args.province
    period, files = next_month(out, args.communes)
    full_db = args.upper or out / "upper.sqlite3"
    size = full_db.stat().st_size / 2**20
    print(f"load average {load()}; province {out}: full database {full_db} {size:.0f} MB; next month {period.code}: {len(files)} files "
          f"({sum(f.stat().st_size for f in files) / 2**20:.1f} MB)")
    work = Path(tempfile.mkdtemp(prefix="p2-", dir=out))
    try:
        day = province.Day()
        day.value = dt.date(2026, 11, 30)
        # empty: a just-set-up upper level
        (work / "empty").mkdir()
        empty = province.open_upper(work / "empty" / "upper.sqlite3", day)
        for name in ("full", "month", "tab", "floor0", "floor1", "floor2"):
            (work / name).mkdir()
            copy_db(full_db, work / name / "upper.sqlite3")
        full = AppServices.open(work / "full" / "upper.sqlite3", today=day)      # upgraded here if need be
        first, rest = files[0], files[1:1 + args.single]
        e_first = import_timed(empty, [first], sitting=False)
        f_first = import_timed(full, [first], sitting=False)
        times: dict[str, list[tuple[float, float]]] = {"empty": [], "full": []}
        if args.profile:
            profiler = cProfile.Profile()
        for i, file in enumerate(rest):        # alternate which goes first: the load drifts
            order = [("empty", empty), ("full", full)] if i % 2 == 0 else [("full", full), ("empty", empty)]
            for name, services in order:
                if args.profile and name == "full":
                    profiler.enable()
                times[name].append(one_sitting(services, file))
                if args.profile and name == "full":
                    profiler.disable()
        if args.profile:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        tab_times: dict[str, list[tuple[float, float]]] = {"empty": [], "full": []}
        for i, file in enumerate(files[1 + args.single:1 + 2 * args.single]):    # other files, the tab's way
            order = [("empty", empty), ("full", full)] if i % 2 == 0 else [("full", full), ("empty", empty)]
            for name, services in order:
                tab_times[name].append(tab_sitting(services, file))
        empty.close()
        full.close()
        print(f"one more file, the day's first (takes the day's copy): full {f_first * 1000:.0f} ms, empty "
              f"{e_first * 1000:.0f} ms, ratio {f_first / e_first:.2f}×")
        f_imp, e_imp = [t[0] for t in times["full"]], [t[0] for t in times["empty"]]
        f_all, e_all = [sum(t) for t in times["full"]], [sum(t) for t in times["empty"]]
        print(f"one more file, the next ones ({len(rest)} files, a sitting each, alternating): import full "
              f"{ms(f_imp)}, empty {ms(e_imp)}; ratio median {statistics.median(f_imp) / statistics.median(e_imp):.2f}×"
              f", mean {statistics.mean(f_imp) / statistics.mean(e_imp):.2f}× (goal ≤ 1.5×)")
        print(f"  with the checkpoint after each sitting: full {ms(f_all)}, empty {ms(e_all)}; ratio median "
              f"{statistics.median(f_all) / statistics.median(e_all):.2f}×, mean "
              f"{statistics.mean(f_all) / statistics.mean(e_all):.2f}×")
        f_step, e_step = [t[1] for t in tab_times["full"]], [t[1] for t in tab_times["empty"]]
        f_both, e_both = [sum(t) for t in tab_times["full"]], [sum(t) for t in tab_times["empty"]]
        print(f"one more file, the import tab's way ({len(f_step)} other files: check, then import): the import step "
              f"full {ms(f_step)}, empty {ms(e_step)}; ratio median "
              f"{statistics.median(f_step) / statistics.median(e_step):.2f}×, mean "
              f"{statistics.mean(f_step) / statistics.mean(e_step):.2f}×; check and import together: ratio median "
              f"{statistics.median(f_both) / statistics.median(e_both):.2f}×, mean "
              f"{statistics.mean(f_both) / statistics.mean(e_both):.2f}×")
        month = AppServices.open(work / "month" / "upper.sqlite3", today=day)
        month.exchange.importer.import_file(files[0], trust_new=True)   # the day's copy, untimed (above)
        t_month = import_timed(month, files[1:], sitting=True)
        t0 = time.perf_counter()
        if hasattr(month.exchange.importer, "checkpoint"):
            month.exchange.importer.checkpoint()
        t_ckpt = time.perf_counter() - t0
        month.close()
        # the import tab's two steps: "check" previews every file, then "import" (the officer's click) imports them
        tab = AppServices.open(work / "tab" / "upper.sqlite3", today=day)
        tab.exchange.importer.import_file(files[0], trust_new=True)     # the day's copy, untimed (above)
        t0 = time.perf_counter()
        for file in files[1:]:
            tab.exchange.importer.preview(file)
        t_check = time.perf_counter() - t0
        t_import = import_timed(tab, files[1:], sitting=True)
        tab.close()
        floors = []
        for name in ("floor0", "floor1", "floor2"):     # the floor is short: the median of three copies
            AppServices.open(work / name / "upper.sqlite3", today=day).close()     # the same schema (upgraded)
            floors.append(floor(work / name / "upper.sqlite3", files[1:]))
        t_floor, count = sorted(floors)[1]
        print(f"the month's {len(files) - 1} other files ({count} records) in one sitting into the full database: "
              f"{t_month:.2f} s ({(len(files) - 1) / t_month:.1f} files/s), then its checkpoint {t_ckpt:.2f} s; floor "
              f"(executemany of the same rows, same schema, median of 3: {', '.join(f'{t:.2f}' for t, _n in floors)}): "
              f"{t_floor:.2f} s; ratio {t_month / t_floor:.1f}×, "
              f"{(t_month + t_ckpt) / t_floor:.1f}× with the checkpoint (goal ≤ 3×)")
        print(f"the import tab's two steps for the same files: check (preview) {t_check:.2f} s, then import "
              f"{t_import:.2f} s; the import step against the floor {t_import / t_floor:.1f}×")
        print(f"load average {load()} at the end")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
