"""Nhập dữ liệu: verify a .dvx file, preview what it would do, then apply it all or nothing.

A refused file changes nothing (every check runs before its writes; a file failing while written rolls back
its own savepoint); several files are independent (a sitting's files share one write transaction, a
savepoint each: sitting.py); a batch already applied is a no-op that says so; receipts mark our batches received.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.domain.unit import UnitLevel
from danvan_desktop.exchange import format as fmt
from danvan_desktop.exchange.errors import ExchangeError
from danvan_desktop.exchange.manifest import Manifest
from danvan_desktop.exchange.merge import Outcome, Plan, apply_plan, plan_batch, version_json
from danvan_desktop.exchange.schema import travelling_schema
from danvan_desktop.exchange.verify import VerifiedFile, verify_file
from danvan_desktop.services.activity import logged
from danvan_desktop.services.handover.import_backup import backup_before_import
from danvan_desktop.services.handover.keys import ExchangeKeyService, KeyStatus
from danvan_desktop.services.handover.sitting import SittingTransaction
from danvan_desktop.store import audit
from danvan_desktop.store.connection import translate
from danvan_desktop.store.database import Database
from danvan_desktop.store.exchange_log import BatchIn, ExchangeLog, now_iso

ALREADY = "already"
APPLIED = "applied"
PREVIEW = "preview"
RECEIPT = "receipt"
READ_WHOLE = 32 * 2**20   # files up to this size are read once, verified and hashed from the same bytes
PREVIEW_RECORDS = 100_000  # records of previewed files kept on the connection for their import (until a sitting ends)
BIG_IMPORT = 10_000       # records written in a sitting after which the statistics are rebuilt (ANALYZE)


@dataclass
class ImportResult:
    path: Path
    status: str                       # preview / applied / already / receipt
    verified: VerifiedFile
    key: KeyStatus
    plan: Plan | None = None
    message: str = ""
    missing_sequences: list[tuple[int, int]] = field(default_factory=list)   # (first, last) ranges

    @property
    def missing_text(self) -> str:
        return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in self.missing_sequences)

    @property
    def counts(self) -> dict[str, int]:
        return self.plan.counts() if self.plan else {}

    def summary(self) -> str:
        if self.status in (ALREADY, RECEIPT) or self.plan is None:
            return self.message
        c = self.counts
        text = _("{name}: {new} mới, {changed} cập nhật, {same} không đổi, {conflict} xung đột, {refused} từ chối."
                 ).format(name=self.path.name, new=c["new"], changed=c["changed"],
                          same=c["identical"] + c["older"], conflict=c["conflict"], refused=c["refused"])
        if self.missing_sequences:
            text += " " + _("Thiếu tệp số {numbers} của đơn vị này.").format(numbers=self.missing_text)
        return text


class _Seen(Exception):
    """Raised from the key check: this batch, signed by the same key, was applied before."""

    def __init__(self, done: BatchIn, head: VerifiedFile) -> None:
        super().__init__(done.batch_id)
        self.done, self.head = done, head


@dataclass
class FileOutcome:
    path: Path
    result: ImportResult | None = None
    error: ExchangeError | None = None


class ExchangeImportService:
    def __init__(self, db: Database, today: Callable[[], dt.date] = vietnam_today) -> None:
        self.db = db
        self.today = today
        self.log = ExchangeLog(db)
        self.keys = ExchangeKeyService(db)
        self._in_sitting = False
        self._backed_up = False
        self._tx = SittingTransaction(db)
        self._previewed: OrderedDict[Path, tuple[str, int, VerifiedFile]] = OrderedDict()   # path → (sha256, schema)
        self._written = 0          # records written since the last statistics refresh

    @contextlib.contextmanager
    def sitting(self) -> Iterator[None]:
        """Several files imported together: the backup check runs once, before the first file that changes
        anything (a province imports 200 files a month; one copy a day is taken, import_backup.py), and
        the files share one write transaction, a savepoint each (sitting.py): a refused file changes
        nothing, the others are kept, and what is done is committed when the sitting ends, even when it
        is cancelled between two files or ends on an error."""
        if self._in_sitting:
            yield
            return
        self._in_sitting = True
        self._tx.start()
        try:
            yield
        finally:
            self._in_sitting = False
            self._backed_up = False
            self._previewed.clear()    # checked for this sitting: a later one checks its files again
            try:
                self._tx.end()
            finally:
                self._optimize()
                self._tx.restore()

    @property
    def lost(self) -> list[Path]:
        """The files of the last sitting that looked imported but whose transaction SQLite rolled back whole
        (a full disk, an I/O error): not imported; the caller shows them as still to import."""
        return list(self._tx.lost)

    def checkpoint(self) -> None:
        """After a sitting (off the GUI thread): copy the WAL back into the file, PASSIVE (sitting.py)."""
        self._tx.checkpoint()

    def _optimize(self) -> None:
        """After a sitting: let SQLite refresh the statistics its query plans rely on where the imports
        changed a table's size much (cheap; it analyses only those tables), and ANALYZE everything after
        a big import (a commune's first file, a month of a province: BIG_IMPORT records or more)."""
        written, self._written = self._written, 0
        with contextlib.suppress(sqlite3.Error):
            # a bounded sample per index: the cost does not grow with the province's decade
            self.db.conn.execute("PRAGMA analysis_limit = 1000")
            self.db.conn.execute("ANALYZE" if written >= BIG_IMPORT else "PRAGMA optimize")

    def level(self) -> str:
        from danvan_desktop.services.unit.setup import SetupService
        setup = SetupService(self.db)
        return setup.unit().level if setup.is_set_up() else UnitLevel.COMMUNE.value

    # -- checks before the transaction ------------------------------------------------------
    def _check_sender(self, m: Manifest) -> None:
        own = self.db.unit_code
        if m.kind == fmt.KIND_RECEIPT:
            batch_id = (m.acknowledges or {}).get("batch_id")
            if not isinstance(batch_id, str) or self.log.batch_out(batch_id) is None:
                raise ExchangeError(_("biên nhận không thuộc lô dữ liệu nào do máy này xuất."))
            return
        last = self.log.last_sequence_in(m.installation_id, m.recipient)
        if m.sequence > last + fmt.MAX_SEQUENCE_GAP:
            raise ExchangeError(_("tệp mang lô số {seq}, cách lô gần nhất đã nhận từ máy này ({last}) quá {gap} "
                                  "lô; tệp không hợp lệ.").format(seq=m.sequence, last=last,
                                                                  gap=f"{fmt.MAX_SEQUENCE_GAP:,}".replace(",", ".")))
        if not own:
            return   # a second PC being set up from its commune's file
        if self.level() == UnitLevel.COMMUNE.value and m.unit_code != own:
            raise ExchangeError(_("tệp của đơn vị {name} (mã {code}), không phải của xã này (mã {own}).")
                                .format(name=m.unit_name, code=m.unit_code, own=own))

    def _missing(self, verified: VerifiedFile) -> list[tuple[int, int]]:
        """The batch numbers not received before this one, as ranges (first, last): never one item per number."""
        m = verified.manifest
        if m.kind != fmt.KIND_BATCH or not m.since:
            return []
        gaps, expected = [], 1
        for n in sorted(set(self.log.sequences_in(m.installation_id, m.recipient)) | {m.sequence}):
            if n > expected:
                gaps.append((expected, n - 1))
            expected = n + 1
        return gaps

    def inspect(self, path: Path | str, *, trust_new: bool = False, retrust: bool = False,
                require_trust: bool = True, seen: bool = False, data: bytes | None = None,
                digest: str = "") -> tuple[VerifiedFile, KeyStatus, bool]:
        """Verify the file and its sender; a dry run (require_trust=False) lets an unknown key through. The
        sender and its key are checked as soon as the signature holds, before a single record is read;
        with `seen`, a batch applied before under the same key stops there (_Seen). `data`/`digest`: the
        file's bytes and their SHA-256 (`_read`); a file previewed on this connection with the same digest
        and schema is not parsed again: its records' verdict depends on its bytes only, while the checks
        that depend on the database (the sender, its key, already imported) run again."""
        found: dict = {}
        path = Path(path)

        def check_key(manifest: Manifest, fingerprint: str) -> None:
            if seen and (done := self.log.batch_in(manifest.batch_id)) is not None and done.fingerprint == fingerprint:
                raise _Seen(done, VerifiedFile(path, manifest, fingerprint))
            self._check_sender(manifest)
            found["status"] = self.keys.status(manifest)
            # a changed key is refused even in a dry run; an unknown one is shown for confirmation
            found["must"] = self.keys.require(manifest, trust_new=trust_new or not require_trust, retrust=retrust)

        schema = travelling_schema(self.db.conn)
        version = self.db.conn.execute("PRAGMA schema_version").fetchone()[0]
        cached = self._previewed.get(path)
        if digest and cached is not None and cached[:2] == (digest, version):
            verified = cached[2]
            try:
                check_key(verified.manifest, verified.fingerprint)
            except ExchangeError as exc:
                raise exc.at(path)
        else:
            verified = verify_file(path, schema, key_check=check_key, data=data)
        return verified, found["status"], found["must"]

    def _read(self, path: Path) -> tuple[bytes | None, str]:
        """The file read once: its bytes (None for a big file: verified from the disk) and their SHA-256;
        ("", "") for a file that cannot be read (the verification says why)."""
        try:
            size = path.stat().st_size
            if size > fmt.MAX_FILE_BYTES:
                return None, ""
            if size <= READ_WHOLE:
                data = path.read_bytes()
                return data, hashlib.sha256(data).hexdigest()
            digest = hashlib.sha256()
            with path.open("rb") as fh:
                while chunk := fh.read(1 << 20):
                    digest.update(chunk)
            return None, digest.hexdigest()
        except OSError:
            return None, ""

    def _remember(self, path: Path, digest: str, verified: VerifiedFile) -> None:
        """Keep a previewed file's verified content for its import (bounded by records)."""
        if not digest or verified.record_count() > PREVIEW_RECORDS:
            return
        version = self.db.conn.execute("PRAGMA schema_version").fetchone()[0]
        self._previewed.pop(path, None)
        self._previewed[path] = (digest, version, verified)
        while sum(v[2].record_count() for v in self._previewed.values()) > PREVIEW_RECORDS:
            self._previewed.pop(next(iter(self._previewed)))

    def preview(self, path: Path | str, *, retrust: bool = False) -> ImportResult:
        """The dry run: verify everything and say per record what importing would do; writes nothing. A batch
        applied before, signed by the same key, is known from its manifest alone: its records (100 000 for a
        big commune) are neither read nor checked again."""
        path = Path(path)
        data, digest = self._read(path)
        try:
            verified, status, _must = self.inspect(path, require_trust=False, retrust=retrust, seen=True,
                                                   data=data, digest=digest)
        except _Seen as seen:
            return self._seen_result(path, seen)
        del data
        m = verified.manifest
        done = self.log.batch_in(m.batch_id)
        if done is not None:
            return ImportResult(path, ALREADY, verified, status, message=self._already(done))
        if m.kind == fmt.KIND_RECEIPT:
            return ImportResult(path, PREVIEW, verified, status,
                                message=_("Biên nhận của lô {batch}.").format(batch=m.acknowledges.get("batch_id")))
        self._remember(path, digest, verified)
        plan = self._plan(path, verified)
        return ImportResult(path, PREVIEW, verified, status, plan, missing_sequences=self._missing(verified))

    def _seen_result(self, path: Path, seen: _Seen) -> ImportResult:
        return ImportResult(path, ALREADY, seen.head, self.keys.status(seen.head.manifest),
                            message=self._already(seen.done))

    def _plan(self, path: Path | str, verified: VerifiedFile) -> Plan:
        try:
            return plan_batch(self.db.conn, verified, travelling_schema(self.db.conn), self.db.installation_id,
                              self.log.seen())
        except ExchangeError as exc:
            raise exc.at(path)

    def _already(self, done: BatchIn) -> str:
        return _("Tệp «{name}» (lô số {seq} của {unit}) đã được nhập lúc {at}; không có gì thay đổi.").format(
            name=done.file_name, seq=done.sequence, unit=done.sender_unit_name, at=done.imported_at.replace("T", " ")[:16])

    # -- applying ---------------------------------------------------------------------------
    @logged("import hand-over file")
    def import_file(self, path: Path | str, *, trust_new: bool = False, retrust: bool = False) -> ImportResult:
        path = Path(path)
        data, file_hash = self._read(path)
        try:   # a preview's verdict on these same bytes is used once
            verified, status, must_trust = self.inspect(path, trust_new=trust_new, retrust=retrust, seen=True,
                                                        data=data, digest=file_hash)
        except _Seen as seen:
            return self._seen_result(path, seen)
        finally:
            self._previewed.pop(path, None)
        del data
        m = verified.manifest
        done = self.log.batch_in(m.batch_id)
        if done is not None:
            return ImportResult(path, ALREADY, verified, status, message=self._already(done))
        if m.kind == fmt.KIND_RECEIPT:
            return self._import_receipt(path, verified, status, must_trust, file_hash)
        plan = self._plan(path, verified)
        missing = self._missing(verified)
        if plan.changes() and not self._backed_up:
            self._tx.commit()   # the copy never sees the sitting's transaction half-open
            try:   # one copy a day before the first import (services/handover/import_backup.py)
                backup_before_import(self.db, self.today())
            except sqlite3.Error as exc:        # a full disk says so; nothing was imported
                raise translate(exc, self.db.path) from exc
            self._backed_up = self._in_sitting   # outside a sitting, every file is its own sitting
        try:
            with self._tx.file() as conn:
                # the same file imported meanwhile (another window's worker): say so, change nothing
                if (done := self.log.batch_in(m.batch_id)) is not None:
                    return ImportResult(path, ALREADY, verified, status, message=self._already(done))
                if must_trust:
                    self.keys.trust(m)
                written: list[tuple[str, str, dict | None]] = []
                apply_plan(conn, plan, m.batch_id, lambda table, record_id, before, after: written.append(
                    (table, record_id, audit.replaced(before, after) if before else None)), self._on_conflict(m.batch_id))
                audit.write_imports(self.db, m.batch_id, written)
                self._written += len(written)
                self.log.record_batches(m.batch_id, [
                    (o.table, o.record_id, (o.after or {}).get("updated_at") or "", o.kind)
                    for o in plan.outcomes if o.kind != "identical" or o.incoming_wins])
                newest = verified.newest_stamps()
                for origin, stamp in newest.items():   # one write per origin, not one per record
                    self.log.raise_seen(origin, stamp)
                if not self.db.unit_code and m.kind == fmt.KIND_BATCH:
                    conn.execute("INSERT INTO settings (key, value) VALUES ('unit_code', ?) ON CONFLICT (key) DO "
                                 "UPDATE SET value = excluded.value", (m.unit_code,))
                self._store_documents(verified)
                self.log.add_in(BatchIn(m.batch_id, m.kind, m.unit_code, m.unit_name, m.installation_id, m.recipient,
                                        m.sequence, path.name, file_hash, m.created_at, now_iso(), m.until,
                                        m.periods, m.counts, plan.counts(), status.fingerprint, m.period))
        except ExchangeError as exc:
            self._tx.check_alive()
            raise exc.at(path)
        except BaseException:
            self._tx.check_alive()
            raise
        self._tx.applied(path)
        if newest:
            self.db.clock.observe(max(newest.values()))   # the newest stamp folds in all the others
        if not self._in_sitting:
            self._optimize()
        return ImportResult(path, APPLIED, verified, status, plan, missing_sequences=missing)

    def _on_conflict(self, batch_id: str):
        def conflict(outcome: Outcome) -> None:
            kept, other = (outcome.after, outcome.before) if outcome.incoming_wins else (outcome.before, outcome.after)
            self.log.add_conflict(batch_id, outcome.table, outcome.record_id, outcome.fields,
                                  version_json(kept), version_json(other))
        return conflict

    def _store_documents(self, verified: VerifiedFile) -> None:
        if not verified.documents or self.db.path is None or str(self.db.path) == ":memory:":
            return
        m = verified.manifest
        # unit_code and batch_id were checked (a code of letters and digits, a UUID) before this point; the
        # folder is still checked to lie inside the received folder before anything is written.
        root = (Path(self.db.path).parent / "received").resolve()
        folder = (root / m.unit_code / m.batch_id[:8]).resolve()
        if not folder.is_relative_to(root):
            raise ExchangeError(_("tệp mô tả có trường «{key}» không hợp lệ.").format(key="batch_id"))
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in verified.documents.items():
            digest = hashlib.sha256(data).hexdigest()
            if self.db.conn.execute("SELECT 1 FROM exchange_documents WHERE unit_code = ? AND sha256 = ?",
                                    (m.unit_code, digest)).fetchone():
                continue   # the same approved PDF came with an earlier batch (e.g. before a status change)
            target = folder / f"{name}.pdf"
            tmp = target.with_suffix(".tmp")
            tmp.write_bytes(data)
            tmp.replace(target)
            self.log.add_document(m.batch_id, m.unit_code, name, digest, str(target))

    def _import_receipt(self, path: Path, verified: VerifiedFile, status: KeyStatus, must_trust: bool,
                        file_hash: str) -> ImportResult:
        m = verified.manifest
        ack = m.acknowledges or {}
        with self._tx.file():
            if must_trust:
                self.keys.trust(m)
            self.log.acknowledge(ack["batch_id"], str(ack.get("imported_at") or m.created_at), m.unit_name,
                                 ack.get("summary") if isinstance(ack.get("summary"), dict) else {})
            self.log.add_in(BatchIn(m.batch_id, m.kind, m.unit_code, m.unit_name, m.installation_id, m.recipient,
                                    m.sequence, path.name, file_hash,
                                    m.created_at, now_iso(), None, [], {}, {}, status.fingerprint))
        self._tx.applied(path)
        batch = self.log.batch_out(ack["batch_id"])
        return ImportResult(path, RECEIPT, verified, status, message=_(
            "{unit} đã nhận lô số {seq} ({name}).").format(unit=m.unit_name, seq=batch.sequence if batch else "?",
                                                        name=batch.file_name if batch else ""))

    def import_files(self, paths: list[Path | str], *, trust_new: bool = False) -> list[FileOutcome]:
        """Each file on its own: one refused file does not stop the others."""
        outcomes = []
        with self.sitting():
            for path in paths:
                try:
                    outcomes.append(FileOutcome(Path(path), self.import_file(path, trust_new=trust_new)))
                except ExchangeError as exc:
                    outcomes.append(FileOutcome(Path(path), error=exc))
        return outcomes

    def preview_lines(self, result: ImportResult) -> list[str]:
        """One line per record for `--dry-run` and the preview dialog."""
        labels = {"new": _("mới"), "changed": _("thay đổi"), "identical": _("giống hệt"),
                  "older": _("cũ hơn bản đang có"), "conflict": _("xung đột"), "refused": _("từ chối")}
        lines = []
        for o in (result.plan.outcomes if result.plan else []):
            text = f"{labels[o.kind]:<18} {o.table} {o.record_id}"
            if o.fields:
                text += " (" + ", ".join(o.fields) + ")"
            if o.reason:
                text += f" — {o.reason}"
            lines.append(text)
        return lines


def summary_json(result: ImportResult) -> str:
    return json.dumps(result.counts)
