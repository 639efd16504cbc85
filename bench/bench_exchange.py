"""Hand-over speed: export, verify and import of a commune with many records, against a baseline measured
in the same run (a VACUUM INTO copy of the same database: what a backup costs on this machine).

    PYTHONPATH=. python bench/bench_exchange.py [rows]
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
import uuid
from pathlib import Path

from danvan_desktop.domain.unit import Unit
from danvan_desktop.exchange.schema import travelling_schema
from danvan_desktop.exchange.verify import verify_file
from danvan_desktop.services.app import AppServices

TABLE = """CREATE TABLE bench_notes (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    body TEXT NOT NULL DEFAULT '', amount REAL, village TEXT)"""


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(rows: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-exchange-"))
    today = dt.date(2026, 11, 21)
    commune = AppServices.open(folder / "xa.sqlite3", today=lambda: today)
    commune.setup.create_unit(Unit(code="99009", name="xã Đo Tốc Độ"), "Thôn Một\nThôn Hai")
    commune.db.conn.execute(TABLE)
    db = commune.db
    with db.transaction() as conn:
        conn.executemany(
            "INSERT INTO bench_notes VALUES (?,?,?,?,?,?,0,?,?,?)",
            [(str(uuid.uuid4()), db.unit_code, s, s, "Cán bộ", db.installation_id,
              f"Nhân dân phản ánh việc số {i} ở thôn", i * 1.5, "Thôn Một")
             for i, s in ((i, db.clock.tick()) for i in range(rows))])
    upper = AppServices.open(folder / "tinh.sqlite3", today=lambda: today)
    upper.setup.create_unit(Unit(code="TU99", name="Ban Dân vận Tỉnh ủy", level="upper"))
    upper.db.conn.execute(TABLE)

    baseline = timed(lambda: db.conn.execute("VACUUM INTO ?", (str(folder / "copy.sqlite3"),)))
    target = folder / "lo.dvx"
    export = timed(lambda: commune.exchange.exporter.export(target))
    verify = timed(lambda: verify_file(target, travelling_schema(upper.db.conn)))
    imported = timed(lambda: upper.exchange.importer.import_file(target, trust_new=True))
    again = timed(lambda: upper.exchange.importer.import_file(target))
    total = sum(commune.exchange.log.batches_out()[0].counts.values())
    print(f"records: {total}, file: {target.stat().st_size / 1024:.0f} KB")
    print(f"baseline (VACUUM INTO copy): {baseline * 1000:.0f} ms")
    for name, value in (("export (write, read back, verify)", export), ("verify alone", verify),
                        ("import (verify, plan, backup, apply)", imported), ("same file again (no-op)", again)):
        print(f"{name:<38} {value * 1000:8.0f} ms  ratio {value / baseline:6.1f}x  "
              f"{total / value:9.0f} records/s")
    commune.close()
    upper.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
