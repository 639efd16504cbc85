"""The copy of the database taken before imports: one a day, not one per file.

A province imports ~200 files a month, often one at a time; a copy of the whole file before each
would cost more than the imports themselves as the file grows. The copy taken before the day's first
import that changes anything stays "the file before today's imports" as long as only imports change
the file since (no local write in the audit log after it): restoring it, then importing again the files
received since (each is listed under "Các lô đã trao đổi" with its file name; an import is
deterministic), gives back any state in between. A local change, another day, or a missing copy: the next import takes a new one.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from danvan_desktop.domain import backups as rules
from danvan_desktop.store.backup import take_backup
from danvan_desktop.store.database import Database

MARKER = "import_backup"     # setting: {"day", "path", "audit_seq"} of the last copy taken before imports


def still_valid(db: Database, day: dt.date) -> bool:
    """Today's copy exists and nothing but imports changed the file since it was taken."""
    marker = db.get_object_setting(MARKER)
    if marker.get("day") != day.isoformat() or not Path(str(marker.get("path", ""))).is_file():
        return False
    # an index range on the log's key: only the entries written since the copy are read
    local = db.conn.execute("SELECT 1 FROM audit_log WHERE seq > ? AND action != 'import' LIMIT 1",
                            (int(marker.get("audit_seq", 0)),)).fetchone()
    return local is None


def backup_before_import(db: Database, day: dt.date) -> Path | None:
    """Take the copy unless today's still holds; returns the new copy, or None when none was needed."""
    if db.path is None or str(db.path) == ":memory:" or still_valid(db, day):
        return None
    seq = int(db.conn.execute("SELECT coalesce(max(seq), 0) FROM audit_log").fetchone()[0])
    copy = take_backup(db.conn, Path(db.path), rules.BEFORE_IMPORT)
    db.set_setting(MARKER, json.dumps({"day": day.isoformat(), "path": str(copy), "audit_seq": seq}))
    return copy
