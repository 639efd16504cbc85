"""Xuất dữ liệu: write this unit's records (all, or what changed since the last hand-over) as a .dvx file."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from danvan_desktop import __version__
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.text import fold
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.exchange import format as fmt
from danvan_desktop.exchange import keys
from danvan_desktop.exchange.errors import DiskProblem, ExchangeError
from danvan_desktop.exchange.manifest import Manifest
from danvan_desktop.exchange.schema import PERSONAL_PREFIX, PRIVATE_COLUMN, TableSchema, travelling_schema
from danvan_desktop.exchange.verify import verify_file
from danvan_desktop.exchange.writer import write_file
from danvan_desktop.services.activity import logged
from danvan_desktop.services.handover.keys import ExchangeKeyService
from danvan_desktop.services.handover.marks import record_sent
from danvan_desktop.services.handover.privacy import PersonalHit, officials, personal_hits, withdrawal
from danvan_desktop.store import audit
from danvan_desktop.store.database import Database
from danvan_desktop.store.errors import StoreError
from danvan_desktop.store.exchange_log import BatchOut, ExchangeLog, local_day, now_iso
from danvan_desktop.store.export_trail import ExportTrail

READ_BACK_NOW = dt.datetime(9998, 1, 1, tzinfo=dt.timezone.utc)

# Approved documents: functions (db, rows_by_table) -> {entry name: pdf bytes}, added by the features
# that store approved PDFs. A locked row with a `pdf_path` column pointing at a file is carried too.
DOCUMENT_SOURCES: list[Callable] = []


def _table_exists(db: Database, table: str) -> bool:
    return db.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone() \
        is not None


def prepare_report_pdf(db: Database, period: Period, today: Callable[[], dt.date]) -> None:
    """Make sure the approved report of the hand-over period has its PDF stored (rendered once, then kept)."""
    if not _table_exists(db, "report_files"):
        return
    from danvan_desktop.services.report.service import ReportService
    row = db.conn.execute("SELECT id FROM reports WHERE unit_code = ? AND period = ? AND deleted = 0 AND "
                          "content_hash IS NOT NULL AND pdf_sha256 = '' ORDER BY version DESC LIMIT 1",
                          (db.unit_code, period.code)).fetchone()
    if row is not None:
        ReportService(db, today).approved_pdf(row[0])


def report_pdfs(db: Database, data: dict[str, list[dict]]) -> dict[str, bytes]:
    """The stored PDFs of the approved reports this batch carries, named by their SHA-256."""
    if not _table_exists(db, "report_files"):
        return {}
    wanted = {r["pdf_sha256"] for r in data.get("reports", []) if r.get("content_hash") and r.get("pdf_sha256")
              and not r.get("deleted")}
    result = {}
    for sha in sorted(wanted):
        found = db.conn.execute("SELECT data FROM report_files WHERE sha256 = ?", (sha,)).fetchone()
        if found is not None:
            result[f"report-{sha}"] = bytes(found[0])
    return result


DOCUMENT_SOURCES.append(report_pdfs)


def mark_report_handed_over(db: Database, period: Period, to: str, today: Callable[[], dt.date]) -> None:
    """The period's approved report has now gone to the upper level: draft → approved → handed over."""
    if not _table_exists(db, "report_files"):
        return
    from danvan_desktop.services.report.service import ReportService
    reports = ReportService(db, today)
    report = reports.current_for(period.code)
    if report is not None and report.is_locked and report.status == "approved":
        reports.hand_over(report.id, to, today())


@dataclass
class ExportResult:
    path: Path
    manifest: Manifest
    fingerprint: str

    @property
    def total(self) -> int:
        return sum(self.manifest.counts.values())


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "don-vi"


class ExchangeExportService:
    def __init__(self, db: Database, today: Callable[[], dt.date] = vietnam_today,
                 now: Callable[[], str] = now_iso) -> None:
        self.db = db
        self.today = today
        self.now = now          # the file's creation time (ISO UTC); the upper demo backdates hand-overs
        self.log = ExchangeLog(db)
        self.trail = ExportTrail(db)          # where the files went (read by the start's recovery)
        self.keys = ExchangeKeyService(db)

    def suggested_name(self, recipient: str = fmt.RECIPIENT_UPPER) -> str:
        from danvan_desktop.services.unit.setup import SetupService
        unit = SetupService(self.db).unit()
        day = local_day(self.now()) or self.today()
        return f"{unit.code}-{slug(unit.name)}-lo{self.log.next_sequence(recipient):03d}-{day:%Y%m%d}{fmt.EXTENSION}"

    @staticmethod
    def _where(table: TableSchema, unit_code: str, since: BatchOut | None, include_private: bool
               ) -> tuple[str, list]:
        where, params = ["unit_code = ?"], [unit_code]
        if since is not None:
            # changed here since (its audit entries), or added by a batch imported since: such a record has
            # no entry of its own, its batch's list names it (store/audit.py, migration 052)
            where.append("(updated_at > ? OR id IN (SELECT record_id FROM audit_log WHERE table_name = ? AND seq > ?) "
                         "OR id IN (SELECT json_extract(j.value, '$[0]') FROM audit_log a "
                         "JOIN exchange_batch_records r ON r.batch_id = a.record_id AND r.table_name = ? "
                         "JOIN json_each(r.records) j WHERE a.table_name = ? AND a.seq > ? "
                         "AND json_extract(j.value, '$[2]') = 'new'))")
            params += [since.until_stamp or "", table.name, since.audit_seq, table.name, audit.BATCHES,
                       since.audit_seq]
        if PRIVATE_COLUMN in table.columns and not include_private:
            where.append(f"{PRIVATE_COLUMN} = 0")
        return " AND ".join(where), params

    def _rows(self, table: TableSchema, unit_code: str, since: BatchOut | None,
              include_private: bool) -> Iterator[dict]:
        where, params = self._where(table, unit_code, since, include_private)
        columns = [c for c in table.columns if include_private or not c.startswith(PERSONAL_PREFIX)]
        sql = (f'SELECT {", ".join(chr(34) + c + chr(34) for c in columns)} FROM "{table.name}" '
               f'WHERE {where} ORDER BY rowid')
        for row in self.db.conn.execute(sql, params):
            yield {c: row[c] for c in columns}

    def _withdrawn(self, table: TableSchema, unit_code: str, since: BatchOut | None, recipient: str) -> Iterator[dict]:
        """Rows made private that the upper level may hold from an earlier hand-over (they existed at the last
        one): each goes as a withdrawal, a tombstone with its free text blank (services/handover/privacy.py).
        Only to the upper level: a second PC of the unit keeps its private notes."""
        if PRIVATE_COLUMN not in table.columns or recipient != fmt.RECIPIENT_UPPER:
            return
        last = self.log.last_out(recipient)
        if last is None or not last.until_stamp:
            return
        where, params = self._where(table, unit_code, since, True)
        columns = [c for c in table.columns if not c.startswith(PERSONAL_PREFIX)]
        sql = (f'SELECT {", ".join(chr(34) + c + chr(34) for c in columns)} FROM "{table.name}" '
               f'WHERE {where} AND {PRIVATE_COLUMN} = 1 AND created_at <= ? ORDER BY rowid')
        for row in self.db.conn.execute(sql, [*params, last.until_stamp]):
            yield withdrawal({c: row[c] for c in columns}, table)

    def _collect(self, unit_code: str, schema: dict[str, TableSchema], since: BatchOut | None, include_private: bool,
                 recipient: str) -> dict[str, list[dict]]:
        data = {}
        for name, table in schema.items():
            rows = list(self._rows(table, unit_code, since, include_private))
            if not include_private:
                rows += self._withdrawn(table, unit_code, since, recipient)
            data[name] = rows
        return data

    def personal_preview(self, *, recipient: str = fmt.RECIPIENT_UPPER, since_last: bool = False,
                         include_private: bool = False) -> list[PersonalHit]:
        """The records the export would carry whose free text names a person or a phone number."""
        from danvan_desktop.services.unit.setup import SetupService
        with self.db.snapshot():
            unit = SetupService(self.db).unit()
            schema = travelling_schema(self.db.conn)
            since = self.log.last_out(recipient) if since_last else None
            return personal_hits(self._collect(unit.code, schema, since, include_private, recipient), schema,
                                 officials(self.db))

    def _seen(self, schema: dict[str, TableSchema]) -> dict[str, str]:
        seen = self.log.seen()
        for name in schema:
            for origin, stamp in self.db.conn.execute(f'SELECT origin, max(updated_at) FROM "{name}" GROUP BY origin'):
                if origin and stamp and stamp > seen.get(origin, ""):
                    seen[origin] = stamp
        seen[self.db.installation_id] = max(self.db.clock.tick(), seen.get(self.db.installation_id, ""))
        return seen

    def _documents(self, data: dict[str, list[dict]], since: BatchOut | None) -> dict[str, bytes]:
        if since is not None:   # a locked document already handed over to this recipient is not sent again
            data = {t: [r for r in rows if not self._sent_before(t, r, since.recipient)] for t, rows in data.items()}
        documents: dict[str, bytes] = {}
        for table, rows in data.items():
            for row in rows:
                pdf_path = row.get("pdf_path")
                if row.get("content_hash") and pdf_path and not row.get("deleted"):
                    file = Path(pdf_path)
                    if not file.is_absolute() and self.db.path is not None:
                        file = Path(self.db.path).parent / file
                    if file.is_file():
                        documents[f"{table}-{row['id']}"] = file.read_bytes()
        for source in DOCUMENT_SOURCES:
            documents.update(source(self.db, data))
        return documents

    def _sent_before(self, table: str, row: dict, recipient: str) -> bool:
        if not row.get("content_hash"):
            return False
        return self.db.conn.execute(
            "SELECT 1 FROM exchange_sent_locked s JOIN exchange_batches_out b ON b.batch_id = s.batch_id WHERE "
            "s.table_name = ? AND s.record_id = ? AND s.content_hash = ? AND b.recipient = ?",
            (table, row["id"], row["content_hash"], recipient)).fetchone() is not None

    @logged("export hand-over file")
    def export(self, path: Path | str, *, recipient: str = fmt.RECIPIENT_UPPER, since_last: bool = False,
               include_private: bool = False, period: str | None = None, leave_out_personal: bool = False,
               progress: Callable[[str], None] | None = None) -> ExportResult:
        """Write the file durably, read it back and verify it, then record the batch as exported."""
        from danvan_desktop.services.unit.setup import SetupService
        path = Path(path)
        if path.suffix.lower() != fmt.EXTENSION:
            path = path.with_name(path.name + fmt.EXTENSION)
        hand_over_period = Period.parse(period) if period else Period.containing(self.today())
        private_key = self.keys.private_key()
        prepare_report_pdf(self.db, hand_over_period, self.today)   # a write of its own, before the reading
        # Everything the file carries is read in ONE read transaction: a change the window commits meanwhile
        # is in the file whole or not at all (then it goes with the next hand-over: its audit entries follow
        # `audit_seq`), never half of it.
        with self.db.snapshot():
            unit = SetupService(self.db).unit()
            since = self.log.last_out(recipient) if since_last else None
            schema = travelling_schema(self.db.conn)
            audit_seq = self.log.max_audit_seq()
            data = self._collect(unit.code, schema, since, include_private, recipient)
            if leave_out_personal:   # the officer chose to keep records naming people or phone numbers on this PC
                left_out = {(h.table, h.record_id) for h in personal_hits(data, schema, officials(self.db))}
                data = {t: [r for r in rows if (t, r["id"]) not in left_out] for t, rows in data.items()}
            sequence = self.log.next_sequence(recipient)
            schema_version = self.db.schema_version()
            seen = self._seen(schema)
            documents = self._documents(data, since)
        periods = {hand_over_period.code}
        for rows in data.values():
            for row in rows:
                value = row.get("period")
                if isinstance(value, str):
                    try:
                        periods.add(Period.parse(value).code)
                    except RuleError:
                        pass
        stamps = [row["updated_at"] for rows in data.values() for row in rows]
        manifest = Manifest(
            kind=fmt.KIND_BATCH, unit_code=unit.code, unit_name=unit.name, unit_level=unit.level,
            installation_id=self.db.installation_id, batch_id=str(uuid.uuid4()), recipient=recipient,
            sequence=sequence, created_at=self.now(),
            public_key=keys.b64(keys.public_key_of(private_key)), program_version=__version__,
            schema_version=schema_version, since=since.until_stamp if since else None,
            until=max(stamps) if stamps else (since.until_stamp if since else None), periods=sorted(periods),
            period=hand_over_period.code,
            includes_private=include_private, seen=seen)
        fingerprint = keys.fingerprint(keys.unb64(manifest.public_key))
        final = path.absolute()

        def record(tmp: Path) -> None:
            """On the complete temp file: read it back, then record the batch with the rename still to do."""
            try:
                # read back from the stick before saying it is done; stamps ahead of the clock are the
                # receiver's to refuse (naming the record and the sender's clock), not a fault of the stick
                verify_file(tmp, schema, keep_records=False, now=READ_BACK_NOW)
            except ExchangeError as exc:
                raise ExchangeError(_("tệp vừa ghi đọc lại không đúng ({reason}); hãy thử ổ đĩa khác.")
                                    .format(reason=exc.reason), path) from exc
            try:
                with self.db.transaction():
                    record_sent(self.db, manifest.batch_id, data)
                    self.log.add_out(BatchOut(
                        manifest.batch_id, recipient, manifest.sequence, path.name, manifest.created_at,
                        manifest.since, manifest.until or (since.until_stamp if since else None), audit_seq,
                        manifest.periods, manifest.counts, fingerprint, include_private, period=manifest.period))
                    self.trail.set_out_file(manifest.batch_id, str(final), str(tmp.absolute()))
                    if recipient == fmt.RECIPIENT_UPPER:
                        mark_report_handed_over(self.db, hand_over_period, unit.upper_unit_name, self.today)
            except StoreError as exc:      # the database's disk is full or read-only: no file is left
                raise DiskProblem(str(exc), path) from exc

        self.trail.note_export_folder(str(final.parent))   # so a crash's temp file there is swept at start
        # recorded, then renamed: a kill in between leaves a recorded batch whose temp file the next
        # start renames (services/handover/recovery.py), never an unrecorded file under the final name
        write_file(path, manifest, data, documents, private_key, progress, before_rename=record)
        self.trail.set_out_file(manifest.batch_id, str(final), None)
        return ExportResult(path, manifest, fingerprint)

    def pending_since_last(self, recipient: str = fmt.RECIPIENT_UPPER) -> int:
        """How many records a 'since the last hand-over' export would carry now."""
        from danvan_desktop.services.unit.setup import SetupService
        unit = SetupService(self.db).unit()
        since = self.log.last_out(recipient)
        total = 0
        for table in travelling_schema(self.db.conn).values():
            where, params = self._where(table, unit.code, since, False)
            total += self.db.conn.execute(f'SELECT count(*) FROM "{table.name}" WHERE {where}', params).fetchone()[0]
        return total


def counts_json(manifest: Manifest) -> str:
    return json.dumps(manifest.counts, ensure_ascii=False)
