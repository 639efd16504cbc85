"""Nhập dữ liệu: verify a .dvx file, preview what it would do, then apply it in one transaction.

A refused file changes nothing (every check runs before the transaction opens); several files
are independent; a batch already applied is a no-op that says so; receipts mark our batches received.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import sqlite3
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
from danvan_desktop.exchange.verify import VerifiedFile, verify_file, verify_manifest
from danvan_desktop.services.activity import logged
from danvan_desktop.services.handover.import_backup import backup_before_import
from danvan_desktop.services.handover.keys import ExchangeKeyService, KeyStatus
from danvan_desktop.store import audit
from danvan_desktop.store.connection import translate
from danvan_desktop.store.database import Database
from danvan_desktop.store.exchange_log import BatchIn, ExchangeLog, now_iso

ALREADY = "already"
APPLIED = "applied"
PREVIEW = "preview"
RECEIPT = "receipt"
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
        self._written = 0          # records written since the last statistics refresh

    @contextlib.contextmanager
    def sitting(self) -> Iterator[None]:
        """Several files imported together: the backup check runs once, before the first file that changes
        anything (a province imports 200 files a month); one copy a day is taken (import_backup.py)."""
        outer = self._in_sitting
        self._in_sitting = True
        try:
            yield
        finally:
            self._in_sitting = outer
            if not outer:
                self._backed_up = False
                self._optimize()

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
        last = max(self.log.sequences_in(m.installation_id, m.recipient), default=0)
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
                require_trust: bool = True) -> tuple[VerifiedFile, KeyStatus, bool]:
        """Verify the file and its sender; a dry run (require_trust=False) lets an unknown key through. The
        sender and its key are checked as soon as the signature holds, before a single record is read."""
        found: dict = {}

        def check_key(manifest: Manifest, _fingerprint: str) -> None:
            self._check_sender(manifest)
            found["status"] = self.keys.status(manifest)
            # a changed key is refused even in a dry run; an unknown one is shown for confirmation
            found["must"] = self.keys.require(manifest, trust_new=trust_new or not require_trust, retrust=retrust)

        verified = verify_file(path, travelling_schema(self.db.conn), key_check=check_key)
        return verified, found["status"], found["must"]

    def _seen_before(self, path: Path | str) -> ImportResult | None:
        """A batch applied before, signed by the same key, is a no-op known from its manifest alone: the
        records (100 000 of them for a big commune) are neither read nor checked again."""
        head = verify_manifest(path)
        done = self.log.batch_in(head.manifest.batch_id)
        if done is None or done.fingerprint != head.fingerprint:
            return None
        return ImportResult(Path(path), ALREADY, head, self.keys.status(head.manifest), message=self._already(done))

    def preview(self, path: Path | str, *, retrust: bool = False) -> ImportResult:
        """The dry run: verify everything and say per record what importing would do; writes nothing."""
        if (already := self._seen_before(path)) is not None:
            return already
        verified, status, _must = self.inspect(path, require_trust=False, retrust=retrust)
        m = verified.manifest
        done = self.log.batch_in(m.batch_id)
        if done is not None:
            return ImportResult(Path(path), ALREADY, verified, status, message=self._already(done))
        if m.kind == fmt.KIND_RECEIPT:
            return ImportResult(Path(path), PREVIEW, verified, status,
                                message=_("Biên nhận của lô {batch}.").format(batch=m.acknowledges.get("batch_id")))
        plan = self._plan(path, verified)
        return ImportResult(Path(path), PREVIEW, verified, status, plan, missing_sequences=self._missing(verified))

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
        if (already := self._seen_before(path)) is not None:
            return already
        verified, status, must_trust = self.inspect(path, trust_new=trust_new, retrust=retrust)
        m = verified.manifest
        done = self.log.batch_in(m.batch_id)
        if done is not None:
            return ImportResult(path, ALREADY, verified, status, message=self._already(done))
        if m.kind == fmt.KIND_RECEIPT:
            return self._import_receipt(path, verified, status, must_trust)
        plan = self._plan(path, verified)
        missing = self._missing(verified)
        if plan.changes() and not self._backed_up:
            try:   # one copy a day before the first import (services/handover/import_backup.py)
                backup_before_import(self.db, self.today())
            except sqlite3.Error as exc:        # a full disk says so; nothing was imported
                raise translate(exc, self.db.path) from exc
            self._backed_up = self._in_sitting   # outside a sitting, every file is its own sitting
        file_hash = hashlib.sha256(path.read_bytes()).hexdigest()
        try:
            with self.db.transaction() as conn:
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
            raise exc.at(path)
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

    def _import_receipt(self, path: Path, verified: VerifiedFile, status: KeyStatus, must_trust: bool) -> ImportResult:
        m = verified.manifest
        ack = m.acknowledges or {}
        with self.db.transaction():
            if must_trust:
                self.keys.trust(m)
            self.log.acknowledge(ack["batch_id"], str(ack.get("imported_at") or m.created_at), m.unit_name,
                                 ack.get("summary") if isinstance(ack.get("summary"), dict) else {})
            self.log.add_in(BatchIn(m.batch_id, m.kind, m.unit_code, m.unit_name, m.installation_id, m.recipient,
                                    m.sequence, path.name, hashlib.sha256(path.read_bytes()).hexdigest(),
                                    m.created_at, now_iso(), None, [], {}, {}, status.fingerprint))
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
