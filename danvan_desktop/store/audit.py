"""The audit log: who changed which record, when, and what it was before and after.

An entry written by an import names its batch (`batch_id`) and keeps no copy of the version it brought
(`after` is NULL): that version is the next entry's `before`, or the row itself when no later entry
exists (every write to a travelling table goes through this log, so the chain is complete). A changed
record keeps in `before` the fields the import replaced, with their old values (since 052; the whole
version before): laid over the version brought, they give the version replaced, which lives nowhere
else. A record the import added (it was new here) has no entry of its own (052): its batch's list in
exchange_batch_records names it with the outcome 'new', and the batch has one entry (`table_name`
'exchange_batches_in', `record_id` the batch id) saying when and by whom it was imported; `history`
puts the record's entry back from the two. The entries read back whole.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace

from danvan_desktop.store.database import Database

IMPORT = "import"
BATCHES = "exchange_batches_in"     # the table named by a batch's own entry


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
    batch_id: str = ""          # the hand-over batch that brought this version (imports only)

    def changed_fields(self) -> list[str]:
        before, after = self.before or {}, self.after or {}
        skip = {"updated_at", "updated_by", "search_text", "import_batch"}
        return sorted(k for k in set(before) | set(after) if k not in skip and before.get(k) != after.get(k))


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _json(value: dict | None) -> str | None:
    return json.dumps(value, ensure_ascii=False, default=str) if value is not None else None


def write(db: Database, table: str, record_id: str, action: str, before: dict | None, after: dict | None) -> None:
    """Append one entry; called inside the writing transaction so both land or neither does."""
    db.conn.execute(
        "INSERT INTO audit_log (at, actor, table_name, record_id, action, before, after) VALUES (?,?,?,?,?,?,?)",
        (_now(), db.actor or "", table, record_id, action, _json(before), _json(after)))


def replaced(before: dict, after: dict) -> dict:
    """What an import keeps of the version it replaced: the fields the version it brought changed."""
    return {k: v for k, v in view(before).items() if k not in after or after[k] != v}


def write_imports(db: Database, batch_id: str, entries: Iterable[tuple[str, str, dict | None]]) -> None:
    """What a batch wrote, given as (table, record_id, `replaced` fields or None): the batch's own entry
    first, then one entry per record it changed, keeping the fields it replaced; a record it added gets
    none (its batch's list names it). The version brought is not copied (see the module docstring)."""
    entries = list(entries)
    if not entries:
        return
    at, actor = _now(), db.actor or ""
    rows = [(at, actor, BATCHES, batch_id, IMPORT, None, batch_id)]
    rows += [(at, actor, table, record_id, IMPORT, _json(before), batch_id)
             for table, record_id, before in entries if before is not None]
    db.conn.executemany(
        "INSERT INTO audit_log (at, actor, table_name, record_id, action, before, after, batch_id) "
        "VALUES (?,?,?,?,?,?,NULL,?)", rows)


def view(row: dict) -> dict:
    """A record as the log shows it: no search text, no binary columns."""
    return {k: v for k, v in row.items() if k != "search_text" and not isinstance(v, bytes)}


def _entry(row) -> AuditEntry:
    after = json.loads(row["after"]) if row["after"] else None
    batch = row["batch_id"] or (after or {}).get("import_batch") or ""
    return AuditEntry(row["seq"], row["at"], row["actor"], row["table_name"], row["record_id"], row["action"],
                      json.loads(row["before"]) if row["before"] else None, after, batch)


def _current(db: Database, table: str, record_id: str) -> dict | None:
    if db.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone() is None:
        return None
    try:
        row = db.conn.execute(f'SELECT * FROM "{table}" WHERE id = ?', (record_id,)).fetchone()
    except sqlite3.OperationalError:
        return None
    return view(dict(row)) if row is not None else None


def _added_by_import(db: Database, table: str, record_id: str, entries: list[AuditEntry]) -> AuditEntry | None:
    """The entry of the import that added the record, put back from its batch's list and the batch's own
    entry (migration 052); None when the record was not added by an import, or its entry is in the log."""
    from danvan_desktop.store.exchange_log import ExchangeLog
    logged = {e.batch_id for e in entries if e.action == IMPORT}
    added = next((v.batch_id for v in ExchangeLog(db).versions_of_record(table, record_id)
                  if v.outcome == "new" and v.batch_id not in logged), None)
    if added is None:
        return None
    row = db.conn.execute("SELECT seq, at, actor FROM audit_log WHERE table_name = ? AND record_id = ? LIMIT 1",
                          (BATCHES, added)).fetchone()
    if row is None:   # a batch without its entry: when it was imported, from the batch itself
        found = db.conn.execute("SELECT imported_at FROM exchange_batches_in WHERE batch_id = ?", (added,)).fetchone()
        row = (0, (found[0] if found else "").replace("Z", "+00:00"), "")
    return AuditEntry(row[0], row[1], row[2], table, record_id, IMPORT, None, None, added)


def history(db: Database, table: str, record_id: str) -> list[AuditEntry]:
    """Every entry of one record, oldest first, each with whole versions before and after."""
    rows = db.conn.execute("SELECT * FROM audit_log WHERE table_name = ? AND record_id = ? ORDER BY seq",
                           (table, record_id)).fetchall()
    entries = [_entry(r) for r in rows]
    if (added := _added_by_import(db, table, record_id, entries)) is not None:
        entries = sorted([added, *entries], key=lambda e: e.seq)
    # From the newest back: the version after an import is what the next entry says the record was before
    # it (a local insert of the same id never follows), or the row itself; an import's `before` holds only
    # the fields it replaced (entries before 052: the whole version), laid over the version it brought.
    result: list[AuditEntry] = []
    later: dict | None = None          # the whole version the next entry replaced
    for entry in reversed(entries):
        if entry.action == IMPORT and entry.table_name != BATCHES:
            brought = entry.after
            if brought is None:
                brought = later if later is not None else _current(db, table, record_id)
                brought = {**view(dict(brought or {})), "import_batch": entry.batch_id}
            if entry.before is not None:
                plain = {k: v for k, v in brought.items() if k != "import_batch"}
                entry = replace(entry, before={**plain, **entry.before})
            entry = replace(entry, after=brought)
        if entry.before is not None:
            later = entry.before
        result.append(entry)
    return result[::-1]


def recent(db: Database, limit: int = 200) -> list[AuditEntry]:
    """The newest entries of the log, whole as `history` reads them; the records an import added are there
    as their batch's one entry."""
    rows = db.conn.execute("SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?", (limit,)).fetchall()
    entries = [_entry(r) for r in rows]
    whole: dict[tuple[str, str], dict[int, AuditEntry]] = {}
    for e in entries:
        if e.action == IMPORT and e.table_name != BATCHES and (e.table_name, e.record_id) not in whole:
            whole[(e.table_name, e.record_id)] = {h.seq: h for h in history(db, e.table_name, e.record_id)}
    return [whole.get((e.table_name, e.record_id), {}).get(e.seq, e) for e in entries]
