"""Make a province decade from one year the generator built: the year copied back nine times.

    python bench/province_decade.py --year-db /work/scratch/province-y1/upper.sqlite3 \
        --out /work/scratch/decade/upper.sqlite3 [--years 10]

`bench/province.py` builds a province through the program's own export and import, at about 40 s a
month on this machine: the decade's 120 months would take hours. This script takes the upper level's
database of one built year and copies every row the year's imports wrote (tasks, their villages'
shares and progress, meetings with attendance, agenda and conclusions, situation notes, figure values,
document numbers, reports and their sections, the received batches, documents and their provenance,
the import entries of the audit log) into the nine years before it, with fresh ids and every date and
"năm YYYY" moved back by whole years, as the issue's own measurement did ("that year copied back to 10
years"). Units, villages, members, keys and the seen map stay as they are. The newest year stays the
real one, so the communes of the generator's folder can hand over their next month and it imports on
top of a decade (bench/bench_province_import.py measures that).

What it is not: ten years the generator wrote. The copies repeat the year's texts and sizes; their
received PDF files are not on disk (the year's are). Rows per year and bytes per row are the built
year's. Prints the size per year as the copies go in, and after a VACUUM.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import time
import uuid
from pathlib import Path

GROWING = ("tasks", "task_assignments", "task_progress", "meetings", "meeting_attendance",
           "meeting_agenda_items", "meeting_conclusions", "situation_notes", "figure_values", "doc_numbers",
           "reports", "report_sections", "report_files", "dvk_models", "annual_plans", "plan_items", "trainings",
           "document_register", "scorecard_entries", "exchange_batches_in", "exchange_documents",
           "exchange_batch_records", "exchange_conflicts")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
YEAR_IN_DATE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?=-[01][0-9])")
YEAR_IN_WORDS = re.compile(r"(năm )((?:19|20)[0-9]{2})")
NAMESPACE = uuid.UUID("5b1c0d2e-8f1a-4e39-9a55-0d7a1f6c2b10")


class Shift:
    """Moves one text back by `years`: ids of copied rows renamed, dates and 'năm YYYY' moved."""

    def __init__(self, ids: set[str]) -> None:
        self.ids = ids
        self.years = 0
        self.renamed: dict[str, str] = {}

    def start(self, years: int) -> None:
        self.years, self.renamed = years, {}

    def _rename(self, match: re.Match) -> str:
        old = match.group(0)
        if old not in self.ids:
            return old
        new = self.renamed.get(old)
        if new is None:
            new = self.renamed[old] = str(uuid.uuid5(NAMESPACE, f"{old}/{self.years}"))
        return new

    def __call__(self, value):
        if not isinstance(value, str) or len(value) < 7:
            return value
        if "-" in value:
            value = UUID.sub(self._rename, value)
            value = YEAR_IN_DATE.sub(lambda m: str(int(m.group(1)) - self.years), value)
        if "năm " in value:
            value = YEAR_IN_WORDS.sub(lambda m: m.group(1) + str(int(m.group(2)) - self.years), value)
        return value


def columns(db: sqlite3.Connection, table: str) -> list[str]:
    """The table's columns except an INTEGER PRIMARY KEY the copy lets SQLite number."""
    return [name for _cid, name, kind, _nn, _d, pk in db.execute(f"PRAGMA table_info({table})")
            if not (pk and kind.upper() == "INTEGER")]


def copy_year(db: sqlite3.Connection, shift: Shift, years: int) -> int:
    """Copies the built year's rows `years` back: every growing table, then the import entries."""
    shift.start(years)
    rows = 0
    for table in GROWING:
        cols = columns(db, table)
        values = ", ".join(f"sequence - {12 * years}" if c == "sequence" else f"shift({c})" for c in cols)
        rows += _copy(db, table, cols, values)
    cols = columns(db, "audit_log")
    values = ", ".join(f"shift({c})" for c in cols)
    rows += db.execute(f"INSERT INTO audit_log ({', '.join(cols)}) SELECT {values} FROM audit_log "
                       f"WHERE seq <= (SELECT value FROM decade_marks WHERE name = 'audit')").rowcount
    return rows


def _copy(db: sqlite3.Connection, table: str, cols: list[str], values: str) -> int:
    """Copies the rows the built year holds (those up to the mark taken before the first copy)."""
    return db.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {values} FROM {table} "
                      f"WHERE rowid <= (SELECT value FROM decade_marks WHERE name = ?)", (table,)).rowcount


def size_mb(path: Path) -> float:
    return path.stat().st_size / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--year-db", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--no-vacuum", action="store_true")
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{args.out}{suffix}").unlink(missing_ok=True)
    src = sqlite3.connect(args.year_db)
    src.execute(f"VACUUM INTO '{args.out}'")       # a consistent copy, WAL folded in
    src.close()
    db = sqlite3.connect(args.out, isolation_level=None)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -262144")
    ids: set[str] = set()
    for table in GROWING:
        key = "batch_id" if table.startswith("exchange_") else ("sha256" if table == "report_files" else "id")
        if key in [c[1] for c in db.execute(f"PRAGMA table_info({table})")]:
            ids.update(r[0] for r in db.execute(f"SELECT {key} FROM {table}"))
    shift = Shift(ids)
    db.create_function("shift", 1, shift, deterministic=False)
    db.execute("CREATE TEMP TABLE decade_marks (name TEXT PRIMARY KEY, value INTEGER)")
    for table in GROWING:
        db.execute("INSERT INTO decade_marks VALUES (?, (SELECT coalesce(max(rowid), 0) FROM " + table + "))",
                   (table,))
    db.execute("INSERT INTO decade_marks VALUES ('audit', (SELECT coalesce(max(seq), 0) FROM audit_log))")
    print(f"the built year: {size_mb(args.out):.0f} MB, {len(ids)} ids of copied rows")
    started = time.perf_counter()
    for years in range(1, args.years):
        db.execute("BEGIN")
        rows = copy_year(db, shift, years)
        db.execute("COMMIT")
        print(f"year -{years}: {rows} rows copied; file {size_mb(args.out):.0f} MB; "
              f"{time.perf_counter() - started:.0f} s so far", flush=True)
    db.execute("ANALYZE")
    grown = size_mb(args.out)
    db.close()
    print(f"the decade as it grew: {grown:.0f} MB")
    if not args.no_vacuum:
        db = sqlite3.connect(args.out, isolation_level=None)
        db.execute("VACUUM")
        db.close()
        print(f"after VACUUM: {size_mb(args.out):.0f} MB")


if __name__ == "__main__":
    main()
