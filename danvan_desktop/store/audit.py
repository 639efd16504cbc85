"""The audit log: who changed which record, when, and what it was before and after."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from danvan_desktop.store.database import Database


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    table_name: str
    record_id: str
    action: str
    before: dict | None
    after: dict | None

    def changed_fields(self) -> list[str]:
        before, after = self.before or {}, self.after or {}
        skip = {"updated_at", "updated_by", "search_text"}
        return sorted(k for k in set(before) | set(after) if k not in skip and before.get(k) != after.get(k))


def write(db: Database, table: str, record_id: str, action: str, before: dict | None, after: dict | None) -> None:
    """Append one entry; called inside the writing transaction so both land or neither does."""
    db.conn.execute(
        "INSERT INTO audit_log (at, actor, table_name, record_id, action, before, after) VALUES (?,?,?,?,?,?,?)",
        (dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), db.actor or "", table, record_id, action,
         json.dumps(before, ensure_ascii=False, default=str) if before is not None else None,
         json.dumps(after, ensure_ascii=False, default=str) if after is not None else None))


def _entry(row) -> AuditEntry:
    return AuditEntry(row["seq"], row["at"], row["actor"], row["table_name"], row["record_id"], row["action"],
                      json.loads(row["before"]) if row["before"] else None,
                      json.loads(row["after"]) if row["after"] else None)


def history(db: Database, table: str, record_id: str) -> list[AuditEntry]:
    rows = db.conn.execute("SELECT * FROM audit_log WHERE table_name = ? AND record_id = ? ORDER BY seq",
                           (table, record_id)).fetchall()
    return [_entry(r) for r in rows]


def recent(db: Database, limit: int = 200) -> list[AuditEntry]:
    rows = db.conn.execute("SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?", (limit,)).fetchall()
    return [_entry(r) for r in rows]
