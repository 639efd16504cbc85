"""The exchange's own bookkeeping: trusted keys, batches out and in, the seen map, conflicts, documents."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from danvan_desktop.domain.today import now_utc, vietnam_day
from danvan_desktop.store.database import Database


def now_iso() -> str:
    return now_utc().strftime("%Y-%m-%dT%H:%M:%SZ")


def local_day(iso: str | None) -> dt.date | None:
    """The calendar day in Vietnam of a stored UTC time, whatever the PC's zone."""
    if not iso:
        return None
    try:
        moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return vietnam_day(moment)


@dataclass
class TrustedKey:
    unit_code: str
    unit_name: str
    installation_id: str
    public_key: str
    fingerprint: str
    trusted_at: str
    replaced_at: str | None = None


@dataclass
class BatchOut:
    batch_id: str
    recipient: str
    sequence: int
    file_name: str
    created_at: str
    since_stamp: str | None
    until_stamp: str | None
    audit_seq: int
    periods: list[str]
    counts: dict[str, int]
    fingerprint: str
    includes_private: bool
    acknowledged_at: str | None = None
    acknowledged_by: str = ""
    receipt_summary: dict = field(default_factory=dict)
    period: str = ""

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class BatchIn:
    batch_id: str
    kind: str
    sender_unit: str
    sender_unit_name: str
    sender_installation: str
    recipient: str
    sequence: int
    file_name: str
    file_sha256: str
    created_at: str
    imported_at: str
    until_stamp: str | None
    periods: list[str]
    counts: dict[str, int]
    summary: dict[str, int]
    fingerprint: str
    period: str = ""


@dataclass(frozen=True)
class RecordProvenance:
    """One record as one batch brought it: the version stamp and what the import did with it."""

    batch_id: str
    table_name: str
    record_id: str
    updated_at: str
    outcome: str


@dataclass
class Conflict:
    seq: int
    batch_id: str
    table_name: str
    record_id: str
    detected_at: str
    fields: list[str]
    kept_version: dict
    other_version: dict
    resolved_at: str | None
    resolution: str


class ExchangeLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- keys -------------------------------------------------------------------------------
    def active_key(self, unit_code: str, installation_id: str) -> TrustedKey | None:
        row = self.db.conn.execute(
            "SELECT * FROM exchange_trusted_keys WHERE unit_code = ? AND installation_id = ? AND replaced_at IS NULL "
            "ORDER BY seq DESC LIMIT 1", (unit_code, installation_id)).fetchone()
        return TrustedKey(*[row[k] for k in TrustedKey.__dataclass_fields__]) if row else None

    def trusted_keys(self) -> list[TrustedKey]:
        rows = self.db.conn.execute("SELECT * FROM exchange_trusted_keys WHERE replaced_at IS NULL ORDER BY unit_code")
        return [TrustedKey(*[r[k] for k in TrustedKey.__dataclass_fields__]) for r in rows]

    def trust(self, key: TrustedKey) -> None:
        with self.db.transaction() as conn:
            conn.execute("UPDATE exchange_trusted_keys SET replaced_at = ? WHERE unit_code = ? AND installation_id = ? "
                         "AND replaced_at IS NULL", (key.trusted_at, key.unit_code, key.installation_id))
            conn.execute("INSERT INTO exchange_trusted_keys (unit_code, unit_name, installation_id, public_key, "
                         "fingerprint, trusted_at) VALUES (?,?,?,?,?,?)",
                         (key.unit_code, key.unit_name, key.installation_id, key.public_key, key.fingerprint,
                          key.trusted_at))

    def known_units(self) -> set[str]:
        return {r[0] for r in self.db.conn.execute(
            "SELECT DISTINCT unit_code FROM exchange_trusted_keys WHERE replaced_at IS NULL")}

    # -- batches out ------------------------------------------------------------------------
    def last_out(self, recipient: str) -> BatchOut | None:
        row = self.db.conn.execute("SELECT * FROM exchange_batches_out WHERE recipient = ? ORDER BY sequence DESC "
                                   "LIMIT 1", (recipient,)).fetchone()
        return self._out(row) if row else None

    def next_sequence(self, recipient: str) -> int:
        row = self.db.conn.execute("SELECT coalesce(max(sequence), 0) FROM exchange_batches_out WHERE recipient = ?",
                                   (recipient,)).fetchone()
        return int(row[0]) + 1

    def add_out(self, batch: BatchOut) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO exchange_batches_out (batch_id, recipient, sequence, file_name, created_at, since_stamp, "
                "until_stamp, audit_seq, periods, counts, fingerprint, includes_private, period) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (batch.batch_id, batch.recipient, batch.sequence, batch.file_name, batch.created_at, batch.since_stamp,
                 batch.until_stamp, batch.audit_seq, json.dumps(batch.periods), json.dumps(batch.counts),
                 batch.fingerprint, int(batch.includes_private), batch.period))

    def batches_out(self) -> list[BatchOut]:
        rows = self.db.conn.execute("SELECT * FROM exchange_batches_out ORDER BY created_at DESC, sequence DESC")
        return [self._out(r) for r in rows]

    def batch_out(self, batch_id: str) -> BatchOut | None:
        row = self.db.conn.execute("SELECT * FROM exchange_batches_out WHERE batch_id = ?", (batch_id,)).fetchone()
        return self._out(row) if row else None

    def acknowledge(self, batch_id: str, at: str, by: str, summary: dict) -> None:
        with self.db.transaction() as conn:
            conn.execute("UPDATE exchange_batches_out SET acknowledged_at = ?, acknowledged_by = ?, receipt_summary = ? "
                         "WHERE batch_id = ? AND acknowledged_at IS NULL", (at, by, json.dumps(summary), batch_id))

    @staticmethod
    def _out(row) -> BatchOut:
        return BatchOut(row["batch_id"], row["recipient"], row["sequence"], row["file_name"], row["created_at"],
                        row["since_stamp"], row["until_stamp"], row["audit_seq"], json.loads(row["periods"]),
                        json.loads(row["counts"]), row["fingerprint"], bool(row["includes_private"]),
                        row["acknowledged_at"], row["acknowledged_by"], json.loads(row["receipt_summary"]),
                        row["period"])

    # -- batches in -------------------------------------------------------------------------
    def batch_in(self, batch_id: str) -> BatchIn | None:
        row = self.db.conn.execute("SELECT * FROM exchange_batches_in WHERE batch_id = ?", (batch_id,)).fetchone()
        return self._in(row) if row else None

    def add_in(self, batch: BatchIn) -> None:
        self.db.conn.execute(
            "INSERT INTO exchange_batches_in (batch_id, kind, sender_unit, sender_unit_name, sender_installation, "
            "recipient, sequence, file_name, file_sha256, created_at, imported_at, until_stamp, periods, counts, "
            "summary, fingerprint, period) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (batch.batch_id, batch.kind, batch.sender_unit, batch.sender_unit_name, batch.sender_installation,
             batch.recipient, batch.sequence, batch.file_name, batch.file_sha256, batch.created_at, batch.imported_at,
             batch.until_stamp, json.dumps(batch.periods), json.dumps(batch.counts), json.dumps(batch.summary),
             batch.fingerprint, batch.period))

    def batches_in(self, sender_unit: str | None = None) -> list[BatchIn]:
        where, params = ("WHERE sender_unit = ?", (sender_unit,)) if sender_unit else ("", ())
        rows = self.db.conn.execute(f"SELECT * FROM exchange_batches_in {where} ORDER BY imported_at DESC", params)
        return [self._in(r) for r in rows]

    def batches_in_for_period(self, period_code: str) -> list[BatchIn]:
        """Batches declared for a period (or, from files without a declared period, touching it): an index
        lookup, not the whole log — an upper level receives 200 communes × 12 months × years of files."""
        rows = self.db.conn.execute("SELECT * FROM exchange_batches_in WHERE kind = 'batch' AND (period = ? OR "
                                    "(period = '' AND periods LIKE ?)) ORDER BY imported_at DESC",
                                    (period_code, f'%"{period_code}"%'))
        return [self._in(r) for r in rows]

    def last_sequence_in(self, installation: str, recipient: str) -> int:
        """The highest batch number received from that installation (0: none yet): one index look-up."""
        return int(self.db.conn.execute(
            "SELECT coalesce(max(sequence), 0) FROM exchange_batches_in WHERE sender_installation = ? AND "
            "recipient = ? AND kind = 'batch'", (installation, recipient)).fetchone()[0])

    def sequences_in(self, installation: str, recipient: str) -> list[int]:
        return [r[0] for r in self.db.conn.execute(
            "SELECT sequence FROM exchange_batches_in WHERE sender_installation = ? AND recipient = ? AND kind = 'batch' "
            "ORDER BY sequence", (installation, recipient))]

    @staticmethod
    def _in(row) -> BatchIn:
        return BatchIn(row["batch_id"], row["kind"], row["sender_unit"], row["sender_unit_name"],
                       row["sender_installation"], row["recipient"], row["sequence"], row["file_name"],
                       row["file_sha256"], row["created_at"], row["imported_at"], row["until_stamp"],
                       json.loads(row["periods"]), json.loads(row["counts"]), json.loads(row["summary"]),
                       row["fingerprint"], row["period"])

    # -- seen map, provenance, conflicts, documents -------------------------------------------
    def seen(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.db.conn.execute("SELECT origin, max_stamp FROM exchange_seen")}

    def raise_seen(self, origin: str, stamp: str) -> None:
        self.db.conn.execute("INSERT INTO exchange_seen (origin, max_stamp) VALUES (?, ?) ON CONFLICT (origin) DO "
                             "UPDATE SET max_stamp = max(max_stamp, excluded.max_stamp)", (origin, stamp))

    def record_batches(self, batch_id: str, entries: Iterable[tuple[str, str, str, str]]) -> None:
        """Which records the batch wrote, as (table, record_id, updated_at, outcome): one row per table of
        the batch holding them all (a province writes ~200 files × ~60 records a month for ten years)."""
        by_table: dict[str, list[list[str]]] = {}
        for table, record_id, stamp, outcome in entries:
            by_table.setdefault(table, []).append([record_id, stamp, outcome])
        self.db.conn.executemany(
            "INSERT INTO exchange_batch_records (batch_id, table_name, records) VALUES (?,?,?)",
            [(batch_id, table, json.dumps(rows, ensure_ascii=False, separators=(",", ":")))
             for table, rows in by_table.items()])

    def records_of_batch(self, batch_id: str) -> list[RecordProvenance]:
        """Every record the batch wrote, with the version stamp it brought and what the import did."""
        rows = self.db.conn.execute("SELECT table_name, records FROM exchange_batch_records WHERE batch_id = ? "
                                    "ORDER BY seq", (batch_id,))
        return [RecordProvenance(batch_id, table, *entry) for table, packed in rows for entry in json.loads(packed)]

    def batches_of_record(self, table: str, record_id: str) -> list[str]:
        """The batches that brought a version of the record, oldest first. A rare question: it reads the
        packed lists of the record's own unit (its sender) only, and parses those that name the record."""
        return [p.batch_id for p in self.versions_of_record(table, record_id)]

    def versions_of_record(self, table: str, record_id: str) -> list[RecordProvenance]:
        needle = json.dumps(record_id, ensure_ascii=False)
        unit = self._unit_of(table, record_id)
        if unit is None:
            rows = self.db.conn.execute(
                "SELECT batch_id, records FROM exchange_batch_records WHERE table_name = ? AND instr(records, ?) "
                "ORDER BY seq", (table, needle))
        else:
            rows = self.db.conn.execute(
                "SELECT r.batch_id, r.records FROM exchange_batches_in b JOIN exchange_batch_records r "
                "ON r.batch_id = b.batch_id AND r.table_name = ? WHERE b.sender_unit = ? AND instr(r.records, ?) "
                "ORDER BY r.seq", (table, unit, needle))
        return [RecordProvenance(batch_id, table, *entry) for batch_id, packed in rows
                for entry in json.loads(packed) if entry[0] == record_id]

    def _unit_of(self, table: str, record_id: str) -> str | None:
        known = self.db.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                     (table,)).fetchone()
        if known is None:
            return None
        try:
            row = self.db.conn.execute(f'SELECT unit_code FROM "{table}" WHERE id = ?', (record_id,)).fetchone()
        except sqlite3.OperationalError:     # a table without a unit: read every batch's list of it
            return None
        return row[0] if row else None

    def add_conflict(self, batch_id: str, table: str, record_id: str, fields: list[str], kept: str, other: str) -> None:
        self.db.conn.execute("INSERT INTO exchange_conflicts (batch_id, table_name, record_id, detected_at, fields, "
                             "kept_version, other_version) VALUES (?,?,?,?,?,?,?)",
                             (batch_id, table, record_id, now_iso(), json.dumps(fields), kept, other))

    def conflicts(self, *, open_only: bool = True) -> list[Conflict]:
        where = "WHERE resolved_at IS NULL" if open_only else ""
        rows = self.db.conn.execute(f"SELECT * FROM exchange_conflicts {where} ORDER BY seq DESC")
        return [Conflict(r["seq"], r["batch_id"], r["table_name"], r["record_id"], r["detected_at"],
                         json.loads(r["fields"]), json.loads(r["kept_version"]), json.loads(r["other_version"]),
                         r["resolved_at"], r["resolution"]) for r in rows]

    def resolve_conflict(self, seq: int, resolution: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("UPDATE exchange_conflicts SET resolved_at = ?, resolution = ? WHERE seq = ?",
                         (now_iso(), resolution, seq))

    def add_document(self, batch_id: str, unit_code: str, name: str, sha256: str, stored_path: str) -> None:
        self.db.conn.execute("INSERT OR IGNORE INTO exchange_documents (batch_id, unit_code, name, sha256, stored_path, "
                             "received_at) VALUES (?,?,?,?,?,?)", (batch_id, unit_code, name, sha256, stored_path,
                                                                    now_iso()))

    def documents(self, unit_code: str | None = None) -> list[dict]:
        where, params = ("WHERE unit_code = ?", (unit_code,)) if unit_code else ("", ())
        rows = self.db.conn.execute(f"SELECT * FROM exchange_documents {where} ORDER BY received_at DESC, name", params)
        return [dict(r) for r in rows]

    def max_audit_seq(self) -> int:
        return int(self.db.conn.execute("SELECT coalesce(max(seq), 0) FROM audit_log").fetchone()[0])
