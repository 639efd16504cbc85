"""Open the SQLite file with the program's pragmas, and turn SQLite's failures into clear errors.

Opening is in three steps so a file the program must refuse is never written to: `connect`
opens without writing anything, the caller checks the schema version, then `configure` sets
WAL (which rewrites the file header) and `probe_writable` finds a read-only file before the
user types anything into it.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from danvan_desktop.domain.collation import vi_compare, vi_sort_text
from danvan_desktop.store.errors import (
    DatabaseLocked,
    DiskFull,
    IsAFolder,
    NotADatabase,
    ReadOnlyDatabase,
    RefusedByConstraint,
)

SQLITE_MAGIC = b"SQLite format 3\x00"


def _looks_like_sqlite(path: Path) -> bool:
    if not path.exists() or path.stat().st_size == 0:
        return True  # a new or empty file becomes a database
    with path.open("rb") as fh:
        return fh.read(16) == SQLITE_MAGIC


def _writable(path: Path) -> bool:
    # effective ids: a program started through sudo/runas is judged as the user it runs as
    if os.access in os.supports_effective_ids:
        return os.access(path, os.W_OK, effective_ids=True)
    return os.access(path, os.W_OK)


def translate(exc: sqlite3.Error, path: Path | None) -> Exception:
    """The store error a user can act on for a SQLite failure, or the failure itself."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return ReadOnlyDatabase(path)
    if "disk is full" in text or getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL":
        return DiskFull(path)
    if "locked" in text or "busy" in text:
        return DatabaseLocked(path)
    if isinstance(exc, sqlite3.IntegrityError):       # a broken rule of a table, not a damaged file
        return RefusedByConstraint(path, str(exc))
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
        return NotADatabase(path)
    if "not a database" in text or "malformed" in text or "unable to open" in text:
        return NotADatabase(path)
    return exc


def connect(path: Path | str, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit); nothing is written yet."""
    path = Path(path)
    memory = str(path) == ":memory:"
    if not memory:
        if path.is_dir():
            raise IsAFolder(path)
        if not _looks_like_sqlite(path):
            raise NotADatabase(path)
        if path.exists() and not readonly and not _writable(path):
            raise ReadOnlyDatabase(path)
        parent = path.parent if path.parent.exists() else Path(".")
        if not readonly and not _writable(parent):
            # SQLite needs to create the -wal and -journal files beside the database
            raise ReadOnlyDatabase(path)
    uri = f"file:{path}?mode=ro" if readonly else str(path)
    try:
        conn = sqlite3.connect(uri, uri=readonly, isolation_level=None, check_same_thread=False,
                               timeout=10.0, detect_types=0)
        conn.row_factory = sqlite3.Row
        # ORDER BY name COLLATE VI: Vietnamese alphabetical order (Đ after D, not after Z)
        conn.create_collation("VI", vi_compare)
        conn.create_function("vi_key", 1, vi_sort_text, deterministic=True)   # ORDER BY vi_key(name): the same
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        error = translate(exc, path)
        raise (error if error is not exc else NotADatabase(path)) from exc
    return conn


def configure(conn: sqlite3.Connection, path: Path | None) -> None:
    """WAL and full sync; called only once the file is known to be ours and not too new."""
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal" and path is not None and str(path) != ":memory:":
            conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc


def probe_writable(conn: sqlite3.Connection, path: Path | None) -> None:
    """Try a write and roll it back: a read-only file (a CD, a write-protected USB stick, a file
    another account owns) is refused when it opens, not on the user's first save."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc
    try:
        conn.execute("UPDATE settings SET value = value WHERE key = 'installation_id'")
    except sqlite3.Error as exc:
        conn.execute("ROLLBACK")
        raise translate(exc, path) from exc
    conn.execute("ROLLBACK")
