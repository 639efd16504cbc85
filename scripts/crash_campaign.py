"""Kill -9 campaign: import, export, approval and upgrade killed at random moments, then checked.

    python scripts/crash_campaign.py [--trials 40] [--budget 300] [--seed 9] [--ops import,export,approve,upgrade]

Prepares, in a temp folder, the demo commune (its November report numbered, ready to approve), its
full hand-over file, an empty upper level, and the released v001 fixture. Each operation is run once
to the end to learn how long it takes and what its finished state is. Then each trial copies the
pristine files, runs the operation in a child process (the program's own services, as the window and
the command line call them), sends SIGKILL at a random moment within that duration, and checks:

- corrupt: `PRAGMA integrity_check` is not "ok", on the database or on any backup it took;
- half-applied: the import's data is neither the state before nor the state after (or disagrees with
  its batch record); the export's bookkeeping disagrees with itself; the report is approved without
  its number issued or its sections sealed (or the reverse); the upgrade is at neither version or
  lost or changed rows of the released schema;
- partial: a file under a final name (.dvx, backup) that does not read back whole;
- orphan: a valid .dvx under its final name that the database does not record (before the next start),
  or a recorded export without its file after the next start;
- temp left: hidden temp files still there after the next start (which finishes and sweeps).

"Kills landed" counts the children that were still running when killed. The checks are made after a
"next start" (AppServices.open, as the window does) except the orphan count, made on the raw state.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DAY = "2026-11-21"
ENV = dict(os.environ, DANVAN_TODAY=DAY, QT_QPA_PLATFORM="offscreen")

CHILD = r"""
import sys
from pathlib import Path
from danvan_desktop.services.app import AppServices
op, folder = sys.argv[1], Path(sys.argv[2])
if op == "boot":
    raise SystemExit(0)
if op == "export":
    s = AppServices.open(folder / "commune.sqlite3")
    s.exchange.exporter.export(folder / "usb" / s.exchange.exporter.suggested_name())
elif op == "import":
    s = AppServices.open(folder / "upper.sqlite3")
    s.exchange.importer.import_file(folder / "lo.dvx", trust_new=True)
elif op == "approve":
    s = AppServices.open(folder / "commune.sqlite3")
    report = s.reports.current_for("2026-11")
    s.reports.approve(report.id, s.reports.approvers()[0])
elif op == "upgrade":
    s = AppServices.open(folder / "old.sqlite3")
s.close()
print("DONE", flush=True)
"""

PREPARE = r"""
import sys
from pathlib import Path
from danvan_desktop.domain.unit import Unit
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.demo.commune import build_demo
folder = Path(sys.argv[1])
commune = build_demo(folder / "commune.sqlite3")
report = commune.reports.current_for("2026-11")
commune.reports.take_number(report.id)
file = commune.exchange.exporter.export(folder / "work" / "lo.dvx").path
commune.close()
# the commune as it was before that export: the campaign exports it again
upper = AppServices.open(folder / "upper.sqlite3")
upper.setup.create_unit(Unit(code="TU38", name="Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Hóa",
                             province="Thanh Hóa", level="upper"))
upper.close()
print(file)
"""


def integrity(path: Path) -> bool:
    try:
        conn = sqlite3.connect(path)
        try:
            return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def digest(path: Path, tables: list[str] | None = None, *, where_ours: bool = True) -> str:
    """Rows of the given tables (default: every table with an `id`), in id order."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = tables or [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        h = hashlib.sha256()
        for name in names:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
            if "id" not in columns:
                continue
            h.update(name.encode())
            for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY id'):
                h.update(repr(tuple(row)).encode())
        return h.hexdigest()
    finally:
        conn.close()


def travelling(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = []
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
            cols = {r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')}
            if {"id", "unit_code", "updated_at", "origin", "deleted"} <= cols:
                names.append(name)
        return names
    finally:
        conn.close()


def next_start(db: Path) -> None:
    """What the window does when it opens the file again: migrations, recovery, sweeping."""
    code = "import sys; from danvan_desktop.services.app import AppServices; AppServices.open(sys.argv[1]).close()"
    subprocess.run([sys.executable, "-c", code, str(db)], check=True, env=ENV, cwd=ROOT, capture_output=True)


def verifies(file: Path, db: Path) -> str | None:
    """The batch id of a .dvx that reads back whole, or None."""
    code = ("import sys; from danvan_desktop.store.database import Database; "
            "from danvan_desktop.exchange.schema import travelling_schema; "
            "from danvan_desktop.exchange.verify import verify_file; d = Database.open(':memory:'); "
            "print(verify_file(sys.argv[1], travelling_schema(d.conn)).manifest.batch_id)")
    done = subprocess.run([sys.executable, "-c", code, str(file)], env=ENV, cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip() or None if done.returncode == 0 else None


def rows(db: Path, sql: str, params=()) -> list:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


class Campaign:
    def __init__(self, base: Path, seed: int) -> None:
        self.base = base
        self.pristine = base / "pristine"
        self.rng = random.Random(seed)
        self.tally: Counter = Counter()
        self.by_op: dict[str, Counter] = {}
        self.duration: dict[str, float] = {}
        self.reference: dict[str, str] = {}
        self.notes: list[str] = []

    # -- preparing ------------------------------------------------------------------------------
    def prepare(self) -> None:
        self.pristine.mkdir(parents=True)
        subprocess.run([sys.executable, "-c", PREPARE, str(self.pristine)], check=True, env=ENV, cwd=ROOT,
                       capture_output=True)
        shutil.move(str(self.pristine / "work" / "lo.dvx"), str(self.pristine / "lo.dvx"))
        shutil.rmtree(self.pristine / "work")
        for name in ("commune", "upper"):
            conn = sqlite3.connect(self.pristine / f"{name}.sqlite3")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()
        self.exported_before = {r[0] for r in rows(self.pristine / "commune.sqlite3",
                                                   "SELECT batch_id FROM exchange_batches_out")}
        shutil.copy(ROOT / "tests" / "fixtures" / "db_v001.sqlite3", self.pristine / "old.sqlite3")
        (self.pristine / "usb").mkdir()
        for name in ("commune", "upper", "old"):
            for extra in ("-wal", "-shm"):
                (self.pristine / f"{name}.sqlite3{extra}").unlink(missing_ok=True)
        self.old_tables = [r[0] for r in rows(self.pristine / "old.sqlite3",
                                               "SELECT name FROM sqlite_master WHERE type = 'table' "
                                               "AND name NOT LIKE 'sqlite_%'")]
        self.reference["import-before"] = digest(self.pristine / "upper.sqlite3",
                                                 travelling(self.pristine / "upper.sqlite3"))
        self.reference["approve-before"] = digest(self.pristine / "commune.sqlite3", ["reports", "doc_numbers"])
        began = time.monotonic()
        subprocess.run([sys.executable, "-c", CHILD, "boot", str(self.pristine)], env=ENV, cwd=ROOT, check=True)
        self.boot = time.monotonic() - began     # kills before the operation starts prove nothing
        for op in ("export", "import", "approve", "upgrade"):
            trial = self.fresh("calibrate-" + op)
            began = time.monotonic()
            done = subprocess.run([sys.executable, "-c", CHILD, op, str(trial)], env=ENV, cwd=ROOT,
                                  capture_output=True, text=True)
            self.duration[op] = time.monotonic() - began
            if "DONE" not in done.stdout:
                raise SystemExit(f"{op} does not run to the end:\n{done.stderr[-2000:]}")
            if op == "import":
                upper = trial / "upper.sqlite3"
                self.reference["import-after"] = digest(upper, travelling(upper))
            if op == "upgrade":
                self.reference["upgrade-after"] = digest(trial / "old.sqlite3", self.old_tables)

    def fresh(self, name: str) -> Path:
        trial = self.base / name
        shutil.copytree(self.pristine, trial)
        return trial

    # -- one trial -------------------------------------------------------------------------------
    def trial(self, index: int, op: str) -> None:
        trial = self.fresh(f"t{index:04d}-{op}")
        child = subprocess.Popen([sys.executable, "-c", CHILD, op, str(trial)], env=ENV, cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(self.rng.uniform(self.boot * 0.8, self.duration[op] * 1.05))
        landed = child.poll() is None
        if landed:
            child.send_signal(signal.SIGKILL)
        out, err = child.communicate()
        if not landed and "DONE" not in out:
            self.notes.append(f"{op} #{index} failed on its own: {err.strip().splitlines()[-1:]}")
        counts = self.by_op.setdefault(op, Counter())
        counts["trials"] += 1
        counts["landed"] += landed
        getattr(self, f"check_{op}")(trial, counts)
        shutil.rmtree(trial, ignore_errors=True)

    def _backups(self, trial: Path, counts: Counter) -> None:
        for backup in sorted((trial / "backups").glob("*.sqlite3")):
            if not integrity(backup):
                counts["partial"] += 1
                self.notes.append(f"partial backup under its final name: {backup.name}")

    def _temps(self, folder: Path, counts: Counter) -> None:
        left = list(folder.glob(".*.tmp")) if folder.exists() else []
        counts["temp_left"] += len(left)

    def _exported(self, db: Path) -> dict[str, str]:
        """The batches the campaign's export recorded (not the demo's own earlier ones)."""
        return {r[0]: r[1] for r in rows(db, "SELECT batch_id, file_name FROM exchange_batches_out")
                if r[0] not in self.exported_before}

    def check_export(self, trial: Path, counts: Counter) -> None:
        db, usb = trial / "commune.sqlite3", trial / "usb"
        finals = sorted(usb.glob("*.dvx"))
        recorded = self._exported(db)
        for file in finals:                                  # the raw state the kill left
            batch = verifies(file, db)
            if batch is None:
                counts["partial"] += 1
            elif batch not in recorded:
                counts["orphan"] += 1
        next_start(db)
        if not integrity(db):
            counts["corrupt"] += 1
        recorded = self._exported(db)
        sent = {r[0] for r in rows(db, "SELECT DISTINCT batch_id FROM exchange_sent_locked")} - self.exported_before
        if not sent <= set(recorded) or (recorded and not sent) or len(recorded) > 1:
            counts["half"] += 1
        for batch, name in recorded.items():
            if verifies(usb / name, db) != batch:
                counts["orphan"] += 1                        # recorded, but no whole file after the next start
        self._temps(usb, counts)

    def check_import(self, trial: Path, counts: Counter) -> None:
        db = trial / "upper.sqlite3"
        next_start(db)
        if not integrity(db):
            counts["corrupt"] += 1
        applied = bool(rows(db, "SELECT 1 FROM exchange_batches_in"))
        state = digest(db, travelling(db))
        expected = self.reference["import-after" if applied else "import-before"]
        if state != expected:
            counts["half"] += 1
        self._backups(trial, counts)
        self._temps(trial, counts)

    def check_approve(self, trial: Path, counts: Counter) -> None:
        db = trial / "commune.sqlite3"
        next_start(db)
        if not integrity(db):
            counts["corrupt"] += 1
        [(report_id, status, content_hash, pdf_sha)] = rows(
            db, "SELECT id, status, content_hash, pdf_sha256 FROM reports WHERE period = '2026-11' AND deleted = 0")
        number = rows(db, "SELECT state FROM doc_numbers WHERE holder_table = 'reports' AND holder_id = ? "
                          "AND deleted = 0", (report_id,))
        sealed = rows(db, "SELECT count(*) FROM report_sections WHERE report_id = ? AND content_hash = ?",
                      (report_id, content_hash or ""))[0][0]
        sections = rows(db, "SELECT count(*) FROM report_sections WHERE report_id = ?", (report_id,))[0][0]
        approved = status == "approved"
        consistent = (approved == bool(content_hash) == (number == [("issued",)])
                      and (sealed == sections if approved else True))
        if not approved and digest(db, ["reports", "doc_numbers"]) != self.reference["approve-before"]:
            consistent = False
        if pdf_sha and not rows(db, "SELECT 1 FROM report_files WHERE sha256 = ?", (pdf_sha,)):
            consistent = False
        if not consistent:
            counts["half"] += 1

    def check_upgrade(self, trial: Path, counts: Counter) -> None:
        db = trial / "old.sqlite3"
        version = rows(db, "PRAGMA user_version")[0][0]
        if version not in (1, self.latest):
            counts["half"] += 1
        next_start(db)
        if not integrity(db):
            counts["corrupt"] += 1
        if digest(db, self.old_tables) != self.reference["upgrade-after"]:
            counts["half"] += 1
        self._backups(trial, counts)

    @property
    def latest(self) -> int:
        return max(int(p.name[:3]) for p in (ROOT / "danvan_desktop" / "store" / "migrations").glob("[0-9]*.sql"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=40, help="trials in all, spread over the operations")
    parser.add_argument("--budget", type=float, default=300, help="seconds for the trials (preparing excluded)")
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--ops", default="import,export,approve,upgrade")
    args = parser.parse_args(argv)
    ops = [op.strip() for op in args.ops.split(",") if op.strip()]
    base = Path(tempfile.mkdtemp(prefix="danvan-crash-"))
    campaign = Campaign(base, args.seed)
    try:
        began = time.monotonic()
        campaign.prepare()
        print(f"prepared in {time.monotonic() - began:.0f} s; starting the program takes {campaign.boot:.1f} s, "
              "one run to the end takes "
              + ", ".join(f"{op} {campaign.duration[op]:.1f} s" for op in ops))
        deadline = time.monotonic() + args.budget
        for index in range(args.trials):
            if time.monotonic() > deadline:
                print(f"budget spent after {index} trials")
                break
            campaign.trial(index, ops[index % len(ops)])
    finally:
        shutil.rmtree(base, ignore_errors=True)
    keys = ("trials", "landed", "corrupt", "half", "partial", "orphan", "temp_left")
    heads = ("trials", "kills landed", "corrupt", "half-applied", "partial files", "orphan exports",
             "temp left")
    print(f"{'operation':<10}" + "".join(f"{h:>16}" for h in heads))
    total: Counter = Counter()
    for op in ops:
        counts = campaign.by_op.get(op, Counter())
        total.update(counts)
        print(f"{op:<10}" + "".join(f"{counts[k]:>16}" for k in keys))
    print(f"{'all':<10}" + "".join(f"{total[k]:>16}" for k in keys))
    for note in campaign.notes[:10]:
        print("  note:", note)
    bad = sum(total[k] for k in ("corrupt", "half", "partial", "orphan", "temp_left"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
