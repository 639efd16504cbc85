"""Row digests of a database file, table by table, read with plain sqlite3 (independent of the program)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path


def table_rows(conn: sqlite3.Connection, table: str, columns: list[str] | None = None) -> list[tuple]:
    cols = columns or [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    listed = ", ".join(f'"{c}"' for c in cols)
    return sorted(conn.execute(f"SELECT {listed} FROM {table}").fetchall(), key=repr)


def row_digests(path: Path | str) -> dict[str, str]:
    """{table: sha256 of its rows in a stable order}; every table, sqlite's own excepted."""
    conn = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: hashlib.sha256(repr(table_rows(conn, t)).encode()).hexdigest() for t in tables}
    finally:
        conn.close()
