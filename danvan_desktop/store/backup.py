"""Consistent snapshots of the database (VACUUM INTO), named by time and rotated."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

KEEP = 20


def backup_dir(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def take_backup(conn: sqlite3.Connection, db_path: Path, reason: str) -> Path:
    """Write a snapshot next to the database and keep the newest KEEP of them."""
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{Path(db_path).stem}-{stamp}-{reason}.sqlite3"
    conn.execute("VACUUM INTO ?", (str(target),))
    _rotate(folder, Path(db_path).stem)
    return target


def _rotate(folder: Path, stem: str) -> None:
    snapshots = sorted(folder.glob(f"{stem}-*.sqlite3"))
    for old in snapshots[:-KEEP]:
        old.unlink(missing_ok=True)
