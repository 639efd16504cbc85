"""Open the SQLite file with the program's pragmas, and turn SQLite's failures into clear errors."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from danvan_desktop.store.errors import NotADatabase, ReadOnlyDatabase

SQLITE_MAGIC = b"SQLite format 3\x00"


def _looks_like_sqlite(path: Path) -> bool:
    if not path.exists() or path.stat().st_size == 0:
        return True  # a new or empty file becomes a database
    with path.open("rb") as fh:
        return fh.read(16) == SQLITE_MAGIC


def connect(path: Path | str, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, foreign keys on."""
    path = Path(path)
    if str(path) != ":memory:":
        if path.is_dir():
            raise NotADatabase(path)
        if not _looks_like_sqlite(path):
            raise NotADatabase(path)
        if path.exists() and not readonly and not os.access(path, os.W_OK):
            raise ReadOnlyDatabase(path)
        if not path.exists() and not os.access(path.parent if path.parent.exists() else Path("."), os.W_OK):
            raise ReadOnlyDatabase(path)
        if not readonly:
            path.parent.mkdir(parents=True, exist_ok=True)
    uri = f"file:{path}?mode=ro" if readonly else str(path)
    try:
        conn = sqlite3.connect(uri, uri=readonly, isolation_level=None, check_same_thread=False,
                               timeout=10.0, detect_types=0)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
        if not readonly:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal" and str(path) != ":memory:":
                conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = FULL")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if "readonly" in text or "read-only" in text:
            raise ReadOnlyDatabase(path) from exc
        raise NotADatabase(path) from exc
    return conn
