"""Plan and apply a verified batch: per record new / changed / identical / older / conflict / refused.

Rules: the newer `updated_at` wins (a tombstone is a change like any other); a locked row
(`content_hash` set) is never overwritten by another installation; when neither side had seen
the other's version (the sender's `seen` map against the local version, ours against the
incoming one) both versions are kept in the conflicts table and the newer one is applied, so
that every installation converges on the same row.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import TRAVEL_FIELDS
from danvan_desktop.exchange.errors import ExchangeError
from danvan_desktop.exchange.schema import LOCK_COLUMN, TableSchema, decode_value
from danvan_desktop.exchange.verify import VerifiedFile

NEW, CHANGED, IDENTICAL, OLDER, CONFLICT, REFUSED = "new", "changed", "identical", "older", "conflict", "refused"
KINDS = (NEW, CHANGED, IDENTICAL, OLDER, CONFLICT, REFUSED)
_STAMPS = {"updated_at", "updated_by", "origin", "created_at"}


@dataclass
class Outcome:
    table: str
    record_id: str
    kind: str
    fields: list[str] = field(default_factory=list)   # changed content fields
    reason: str = ""
    incoming_wins: bool = False                         # apply the incoming row
    before: dict | None = None
    after: dict | None = None


@dataclass
class Plan:
    outcomes: list[Outcome]

    def counts(self) -> dict[str, int]:
        result = {k: 0 for k in KINDS}
        for o in self.outcomes:
            result[o.kind] += 1
        return result

    def changes(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.incoming_wins]


_IN_CHUNK = 500     # ids per look-up (well under SQLite's limit on host parameters)


def _local_rows(conn: sqlite3.Connection, table: str, ids: list[str]) -> dict[str, dict]:
    """The local rows of these ids, by id: one indexed query per 500 ids rather than one per record."""
    found: dict[str, dict] = {}
    for start in range(0, len(ids), _IN_CHUNK):
        chunk = ids[start:start + _IN_CHUNK]
        cursor = conn.execute(f'SELECT * FROM "{table}" WHERE id IN ({", ".join("?" * len(chunk))})', chunk)
        names = [d[0] for d in cursor.description]
        for row in cursor:
            record = dict(zip(names, row))
            found[record["id"]] = record
    return found


def _owned_by_other(table: str, record_id: str, local: dict, sender: str) -> ExchangeError:
    return ExchangeError(_("bản ghi {table} «{id}» đã có ở máy này và thuộc đơn vị {owner}; tệp của đơn vị {sender} "
                           "chỉ được tạo hoặc sửa bản ghi của chính mình.").format(
        table=table, id=record_id, owner=local.get("unit_code") or "?", sender=sender))


def _by_natural_key(conn: sqlite3.Connection, table: TableSchema, incoming: dict) -> dict | None:
    """The live local row holding the incoming row's natural key under another id (a second installation of
    the unit created it on its own: the unit's row, a figure of the catalogue, a month's value)."""
    for key in table.natural_keys:
        if any(incoming.get(c) is None for c in key):
            continue
        where = " AND ".join(f'"{c}" = ?' for c in key)
        row = conn.execute(f'SELECT * FROM "{table.name}" WHERE {where} AND deleted = 0 LIMIT 1',
                           tuple(incoming[c] for c in key)).fetchone()
        if row is not None:
            return {k: row[k] for k in row.keys()}  # noqa: SIM118
    return None


def _check_unit_row(incoming: dict, manifest) -> None:
    """The `units` table is keyed by the unit code: a file carries its own unit's row and no other."""
    if incoming.get("code") != manifest.unit_code or incoming.get("level", manifest.unit_level) != manifest.unit_level:
        raise ExchangeError(_("bản ghi units «{id}» mang đơn vị mã {code}; tệp của đơn vị {sender} chỉ được mang "
                              "bản ghi của chính đơn vị mình.").format(
            id=incoming["id"], code=str(incoming.get("code"))[:20], sender=manifest.unit_code))


def _differs(local: dict, incoming: dict) -> list[str]:
    return [k for k, v in incoming.items() if k not in _STAMPS and local.get(k) != decode_value(v)]


def plan_batch(conn: sqlite3.Connection, verified: VerifiedFile, schema: dict[str, TableSchema],
               own_installation: str, our_seen: dict[str, str]) -> Plan:
    """What applying the batch would do to each record; reads only. Raises ExchangeError naming the record
    when the file would create or change a row that is not its unit's (ownership, not just labels)."""
    manifest = verified.manifest
    sender = manifest.installation_id
    sender_seen = manifest.seen
    sender_unit = manifest.unit_code
    outcomes: list[Outcome] = []
    for table, table_schema in schema.items():
        rows = verified.tables.get(table, [])
        known = _local_rows(conn, table, [r["id"] for r in rows]) if rows else {}
        for incoming in rows:
            if table == "units":
                _check_unit_row(incoming, manifest)
            local = known.get(incoming["id"])
            if local is None and table_schema.natural_keys and not incoming["deleted"]:
                local = _by_natural_key(conn, table_schema, incoming)
                if local is not None:   # the same thing under the local id: merge into it
                    incoming = {**incoming, "id": local["id"]}
            if local is not None and local["unit_code"] != sender_unit:
                raise _owned_by_other(table, incoming["id"], local, sender_unit)
            # Only BLOB columns arrive encoded ({"$b64": …}); otherwise share the row: one copy less per record.
            decoded = ({k: decode_value(v) for k, v in incoming.items()}
                       if table_schema.encoded and any(type(v) is dict for v in incoming.values()) else incoming)
            if local is None:
                outcomes.append(Outcome(table, incoming["id"], NEW, incoming_wins=True, after=decoded))
                continue
            fields = _differs(local, incoming)
            if not fields and local["updated_at"] == incoming["updated_at"]:
                outcomes.append(Outcome(table, incoming["id"], IDENTICAL))
                continue
            if not fields:
                # same content, other stamp: keep the newer stamp so every side agrees
                wins = incoming["updated_at"] > local["updated_at"]
                outcomes.append(Outcome(table, incoming["id"], IDENTICAL, incoming_wins=wins, before=local,
                                        after=decoded))
                continue
            locked = table_schema.locked_column and local.get(LOCK_COLUMN)
            if locked and local["origin"] != incoming["origin"]:
                outcomes.append(Outcome(table, incoming["id"], REFUSED, fields,
                                        _("bản ghi đã khóa (biên bản đã chốt / báo cáo đã duyệt) ở máy này.")))
                continue
            local_unseen = local["origin"] != sender and local["updated_at"] > sender_seen.get(local["origin"], "")
            incoming_unseen = (incoming["origin"] != own_installation
                               and incoming["updated_at"] > our_seen.get(incoming["origin"], ""))
            newer = incoming["updated_at"] > local["updated_at"]
            if local_unseen and incoming_unseen and local["origin"] != incoming["origin"]:
                outcomes.append(Outcome(table, incoming["id"], CONFLICT, fields, incoming_wins=newer,
                                        before=local, after=decoded))
            elif newer:
                outcomes.append(Outcome(table, incoming["id"], CHANGED, fields, incoming_wins=True,
                                        before=local, after=decoded))
            else:
                outcomes.append(Outcome(table, incoming["id"], OLDER, fields,
                                        _("máy này có bản mới hơn.")))
    return Plan(outcomes)


def _refused_row(outcome: Outcome, exc: Exception) -> ExchangeError:
    return ExchangeError(_("bản ghi {table} «{id}» trái với dữ liệu đã có ({detail}).").format(
        table=outcome.table, id=outcome.record_id, detail=exc))


_ROW_ERRORS = (sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.DataError, OverflowError)


def _write_one(conn: sqlite3.Connection, outcome: Outcome) -> None:
    row = outcome.after or {}
    cols = list(row)
    try:
        if outcome.before is None:
            conn.execute(f'INSERT INTO "{outcome.table}" ({", ".join(chr(34) + c + chr(34) for c in cols)}) '
                         f'VALUES ({", ".join("?" for _c in cols)})', tuple(row[c] for c in cols))
        else:
            # only the columns whose value changes: an index none of whose columns change is not rewritten
            before = outcome.before
            cols = [c for c in cols if c != "id" and (c not in before or type(before[c]) is not type(row[c])
                                                      or before[c] != row[c])]
            if cols:
                sets = ", ".join(f'"{c}" = ?' for c in cols)
                conn.execute(f'UPDATE "{outcome.table}" SET {sets} WHERE id = ?',
                             tuple(row[c] for c in cols) + (outcome.record_id,))
    except _ROW_ERRORS as exc:
        raise _refused_row(outcome, exc) from exc


def _insert_many(conn: sqlite3.Connection, group: list[Outcome]) -> None:
    """New rows of one table with the same columns: one executemany. If a row is refused, the group is
    undone and written row by row so the error names the record."""
    cols = list(group[0].after or {})
    sql = (f'INSERT INTO "{group[0].table}" ({", ".join(chr(34) + c + chr(34) for c in cols)}) '
           f'VALUES ({", ".join("?" for _c in cols)})')
    conn.execute("SAVEPOINT bulk_insert")
    try:
        conn.executemany(sql, [tuple((o.after or {})[c] for c in cols) for o in group])
    except _ROW_ERRORS:
        conn.execute("ROLLBACK TO bulk_insert")
        conn.execute("RELEASE bulk_insert")
        for outcome in group:
            _write_one(conn, outcome)
        return
    conn.execute("RELEASE bulk_insert")


def apply_plan(conn: sqlite3.Connection, plan: Plan, batch_id: str,
               on_write: Callable[[str, str, dict | None, dict], None],
               on_conflict: Callable[[Outcome], None]) -> None:
    """Write the planned changes; the caller holds the transaction (all or nothing). New rows go in
    groups (one executemany per table and column set), changed rows one by one, in the plan's order."""
    conn.execute("PRAGMA defer_foreign_keys = ON")
    group: list[Outcome] = []

    def flush() -> None:
        if len(group) > 1:
            _insert_many(conn, group)
        elif group:
            _write_one(conn, group[0])
        group.clear()

    for outcome in plan.outcomes:
        if outcome.kind == CONFLICT:
            on_conflict(outcome)
        if not outcome.incoming_wins:
            continue
        if outcome.before is None:
            if group and (group[0].table != outcome.table or list(group[0].after or {}) != list(outcome.after or {})):
                flush()
            group.append(outcome)
        else:
            flush()
            _write_one(conn, outcome)
        on_write(outcome.table, outcome.record_id, outcome.before, outcome.after or {})
    flush()
    problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise ExchangeError(_("bản ghi {table} tham chiếu tới dữ liệu không có trong tệp hay trong máy.")
                            .format(table=problems[0][0]))


def version_json(row: dict | None) -> str:
    return json.dumps({k: v for k, v in (row or {}).items() if k != "search_text"}, ensure_ascii=False,
                      default=str, sort_keys=True)


def travel_stamp(row: dict) -> tuple:
    return tuple(row.get(f) for f in TRAVEL_FIELDS)
