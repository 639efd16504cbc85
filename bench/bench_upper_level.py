"""The upper level (a whole province since 2025) with 200 communes × 10 years vs 2 communes: ratios.

    PYTHONPATH=$PWD /tmp/venvtest/v/bin/python bench/bench_upper_level.py [communes]   # default 200

Builds an upper-level database in a temp folder as if every commune had handed over once a month
for 10 years: per commune 12 villages, 120 batches in the exchange log, a typed value for every
figure of the catalogue for each of the 120 months, 500 situation notes (a tenth of them 'hot'),
and an approved monthly report for each month of the last year in nine communes of ten. The rows
are written with plain SQL into the tables an import writes (generating and importing 200 real
.dvx files would take far longer than the minute a bench may take; bench_exchange_import.py measures
that path). Then times, best of 3, what the Cấp trên pages do: completeness for a month and a
year, the figures consolidated for a month and a year (this year's and last year's, every commune),
the consolidated report of a year drafted (completeness + figures + hot spots + models + proposals,
not rendered), and the first page of the received documents.

What "good" is: each step well under a second at 200 communes (issue 12), and a ratio 200/2 of at
most ≈ 100 (linear in the communes). Every step is a few grouped queries over the whole province
(services/upper/), never a query per commune.

What it showed on 2 December 2026 (2 shared cores, load average ≈ 7 from other work; 487 400 rows):

    step                                  2 communes  200 communes   ratio
    completeness, one month                    0.1ms         3.5ms    45.2
    completeness, one year                     0.2ms        72.3ms   413.1
    figures consolidated, month                0.7ms       115.6ms   160.4
    figures consolidated, year                 1.5ms       375.0ms   243.6
    consolidated report drafted, year         17.0ms       657.9ms    38.8

  Before migration 046 forced the period index, SQLite grouped through the unique index commune by
  commune (skip-scan): the month's figures took 229 ms and the year's draft 869 ms at a lower load.
  The ratios above 100 are the 2-commune baselines' sub-millisecond noise; the year's draft, the view
  an officer waits for, stays under a second at 200 communes on a loaded machine.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from danvan_desktop.domain.figures import default_figures
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.unit import Unit
from danvan_desktop.services.app import AppServices

TODAY = dt.date(2026, 11, 25)
MONTH = Period.parse("2026-10")
YEAR = Period.parse("2026")
YEARS = 10


def months_back(n: int) -> list[Period]:
    period, result = MONTH, []
    for _i in range(n):
        result.append(period)
        period = period.previous()
    return result


def build(path: Path, communes: int) -> AppServices:
    services = AppServices.open(path, today=lambda: TODAY)
    services.setup.create_unit(Unit(code="T38", name="Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Hóa",
                                    province="Thanh Hóa", level="upper"))
    db = services.db
    conn = db.conn
    catalogue = default_figures()   # every commune's catalogue travels with its batches
    figures = [(f.code, f.aggregation) for f in catalogue]
    rng = random.Random(communes)
    months = months_back(12 * YEARS)
    units, villages, batches, values, notes, reports, catalogues = [], [], [], [], [], [], []
    for c in range(communes):
        code = f"{16000 + c}"
        node = f"{c:08d}"
        stamp = f"2026-11-01T08:00:00.000Z-0000-{node}"
        head = (code, stamp, stamp, "", node, 0)
        units.append((str(uuid.uuid4()), *head, code, f"xã Số {c}", "Thanh Hóa"))
        village_ids = [str(uuid.uuid4()) for _v in range(12)]
        catalogues += [(str(uuid.uuid4()), *head, f.code, f.name_vi, f.unit, f.aggregation, f.numerator,
                        f.denominator, f.source, f.sort_order) for f in catalogue]
        villages += [(vid, *head, f"{k + 1}", "thôn", k) for k, vid in enumerate(village_ids)]
        for seq, period in enumerate(reversed(months), start=1):
            handed = period.end + dt.timedelta(days=rng.randint(5, 30))
            batches.append((str(uuid.uuid4()), "batch", code, f"xã Số {c}", node, "upper", seq,
                            f"{code}-lo{seq:03d}.dvx", "0" * 64, f"{handed.isoformat()}T03:00:00Z",
                            f"{handed.isoformat()}T09:00:00Z", stamp, json.dumps([period.code]),
                            json.dumps({"tasks": 40}), json.dumps({"new": 40}), "", period.code))
            for fig_code, aggregation in figures:
                if aggregation != "ratio":
                    values.append((str(uuid.uuid4()), *head, fig_code, period.code, float(rng.randint(0, 50))))
        for _n in range(500):
            day = TODAY - dt.timedelta(days=rng.randint(0, 365 * YEARS))
            notes.append((str(uuid.uuid4()), *head, day.isoformat(), rng.choice(village_ids), "land",
                          "hot" if rng.random() < 0.1 else "normal", f"Vụ việc ở xã {c}", int(rng.random() < 0.7)))
        # an approved monthly report for every month of the last year, signed a few days after the month
        # (nine communes in ten; the tenth is behind), so completeness has the province's real shape
        if c % 10:
            for period in months[:12]:
                table = [{"code": f, "name": f, "unit": "", "value": rng.randint(0, 50)}
                         for f, a in figures if a != "ratio"]
                signed = period.end + dt.timedelta(days=rng.randint(1, 6))
                reports.append((str(uuid.uuid4()), *head, "monthly", period.code, "approved", json.dumps(table),
                                "x" * 64, signed.isoformat()))
    with db.transaction() as tx:
        tx.executemany("INSERT INTO units (id, unit_code, created_at, updated_at, updated_by, origin, deleted, code, "
                       "name, province) VALUES (?,?,?,?,?,?,?,?,?,?)", units)
        tx.executemany("INSERT INTO villages (id, unit_code, created_at, updated_at, updated_by, origin, deleted, "
                       "name, kind, sort_order) VALUES (?,?,?,?,?,?,?,?,?,?)", villages)
        tx.executemany("INSERT INTO figures (id, unit_code, created_at, updated_at, updated_by, origin, deleted, "
                       "code, name_vi, unit, aggregation, numerator, denominator, source, sort_order) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", catalogues)
        tx.executemany("INSERT INTO exchange_batches_in (batch_id, kind, sender_unit, sender_unit_name, "
                       "sender_installation, recipient, sequence, file_name, file_sha256, created_at, imported_at, "
                       "until_stamp, periods, counts, summary, fingerprint, period) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batches)
        tx.executemany("INSERT INTO figure_values (id, unit_code, created_at, updated_at, updated_by, origin, "
                       "deleted, figure_code, period, value) VALUES (?,?,?,?,?,?,?,?,?,?)", values)
        tx.executemany("INSERT INTO situation_notes (id, unit_code, created_at, updated_at, updated_by, origin, "
                       "deleted, noted_on, village_id, topic, level, summary, resolved) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", notes)
        tx.executemany("INSERT INTO reports (id, unit_code, created_at, updated_at, updated_by, origin, deleted, "
                       "kind, period, status, figures_table, content_hash, doc_date) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", reports)
    conn.execute("ANALYZE")
    return services


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _i in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def measure(services: AppServices) -> dict[str, float]:
    upper = services.exchange.upper
    codes = [u.code for u in upper.communes()]
    assert len(upper.completeness(MONTH)) == len(codes)
    for period in (MONTH, YEAR):   # every commune counted, each once
        assert len(upper.consolidate(period).contributing) == len(codes), period
    return {
        "completeness, one month": timed(lambda: upper.completeness(MONTH)),
        "completeness, one year": timed(lambda: upper.completeness(YEAR)),
        "figures consolidated, month": timed(lambda: upper.consolidate(MONTH)),
        "figures consolidated, year": timed(lambda: upper.consolidate(YEAR)),
        "consolidated report drafted, year": timed(lambda: upper.reports._drafts(YEAR)),
        "received documents, first page": timed(lambda: upper.documents()),
    }


def main() -> None:
    communes = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    folder = Path(tempfile.mkdtemp(prefix="danvan-bench-upper-"))
    started = time.perf_counter()
    small_db = build(folder / "small.sqlite3", 2)
    big_db = build(folder / "big.sqlite3", communes)
    built = time.perf_counter() - started
    small, large = measure(small_db), measure(big_db)
    rows = big_db.db.conn.execute("SELECT (SELECT count(*) FROM figure_values) + (SELECT count(*) FROM figures) + "
                                  "(SELECT count(*) FROM situation_notes) + (SELECT count(*) FROM exchange_batches_in)"
                                  ).fetchone()[0]
    print(f"upper level with {communes} communes × {YEARS} years: {rows:,} rows (built in {built:.0f} s)"
          .replace(",", " "))
    print(f"{'step':36}{'2 communes':>12}{f'{communes} communes':>14}{'ratio':>8}")
    for key in small:
        print(f"{key:36}{small[key] * 1000:>10.1f}ms{large[key] * 1000:>12.1f}ms{large[key] / small[key]:>8.1f}")
    small_db.close()
    big_db.close()


if __name__ == "__main__":
    main()
