"""Numbered SQL migrations (store/migrations/NNN_name.sql) applied in order, all in one transaction.

`PRAGMA user_version` holds the number of the last applied file. A file newer than the program
is refused untouched; an older one is backed up (store/backup.py) before the first step, and compacted
(VACUUM) after the last when a step asks for it (VACUUM_AFTER) or left a large share of it free.
The first release was written by several people at once, so its numbers were reserved by
feature (001–009 foundation, 010–019 village teams and tasks, 020–029 meetings, 030–039 report
and figures, 040–049 exchange). Released databases stand at the highest number, so every later
migration, whatever feature it serves, takes the next number after the highest one shipped.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from danvan_desktop.store.backup import take_backup
from danvan_desktop.store.errors import NewerDatabase
from danvan_desktop.store.ladder import MIGRATIONS_DIR, Migration, available, latest_version  # noqa: F401


def current_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def refuse_newer(conn: sqlite3.Connection, db_path: Path | None) -> None:
    """Raise NewerDatabase before anything is written to a file from a newer program."""
    version = current_version(conn)
    if version > latest_version():
        raise NewerDatabase(db_path, version, latest_version())


def upgrade(conn: sqlite3.Connection, db_path: Path | None) -> list[int]:
    """Bring the database to the latest schema; returns the numbers applied."""
    version = current_version(conn)
    target = latest_version()
    if version > target:
        raise NewerDatabase(db_path, version, target)
    pending = [m for m in available() if m.number > version]
    if not pending:
        return []
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
    if db_path is not None and str(db_path) != ":memory:" and has_tables:
        take_backup(conn, Path(db_path), f"before-v{target}")
    # The whole ladder is one transaction: a step that fails leaves the file exactly as it was,
    # at its old version, rather than half-way up at a version no released program ever had.
    applied = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in pending:
            for statement in _statements(step.path.read_text(encoding="utf-8")):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step.number}")
            applied.append(step.number)
        conn.execute("COMMIT")
    except Exception:
        conn.execute("ROLLBACK")
        raise
    if any(VACUUM_AFTER in step.path.read_text(encoding="utf-8") for step in pending) or _sparse(conn):
        conn.execute("VACUUM")
        # in WAL mode the rebuilt file passed through the WAL: give that space back now, not at close
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return applied


# A step that rewrites or drops much of a big file says so with this line: the upgrade then rebuilds the
# file (VACUUM) once, after the last step, so the space it freed is given back rather than copied by every
# backup. 050 drops the per-record provenance and the audit log's copies of imported records: on a
# province's year, 99 MB → 52 MB; without VACUUM the half-empty pages stay (the file does not shrink).
VACUUM_AFTER = "-- danvan: vacuum after this step"


def _sparse(conn: sqlite3.Connection, share: float = 0.25, min_pages: int = 2048) -> bool:
    """Whole free pages: a quarter of the file or more (and at least 8 MB)."""
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    return free >= min_pages and free >= share * pages


def _statements(script: str) -> list[str]:
    """Split a script into complete statements (sqlite3.complete_statement knows about triggers)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not buffer.strip().startswith("--"):
        statements.append(buffer.strip())
    return statements
