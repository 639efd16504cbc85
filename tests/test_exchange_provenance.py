"""Provenance packed per batch and table (migration 050): for any record, which batches brought which version;
for any batch, which records it wrote with what outcome; and the audit log of imports reads back whole though
it keeps no copy of the version a batch brought."""

from __future__ import annotations

import json
import shutil
import sqlite3

from exchange_helpers import make_commune, make_upper

from danvan_desktop.domain.members import BlocMember
from danvan_desktop.services.unit.change_log import ChangeLogService
from danvan_desktop.store import audit, ladder, migrate
from danvan_desktop.store.database import Database
from danvan_desktop.store.exchange_log import ExchangeLog


def _member(services, name: str = "Lê Văn Thắng") -> BlocMember:
    import datetime as dt
    member = BlocMember(full_name=name, post_code="pbt_tt", bloc_role="head", start_date=dt.date(2025, 8, 16),
                        phone="0912 345 678")
    services.roster.save(member)
    return member


def test_batch_to_records_and_record_to_batches(tmp_path, today):
    commune = make_commune(tmp_path / "xa.sqlite3", today)
    upper = make_upper(tmp_path / "tinh.sqlite3", today)
    try:
        member = _member(commune)
        first = commune.exchange.exporter.export(tmp_path / "1.dvx").path
        one = upper.exchange.importer.import_file(first, trust_new=True)
        member.phone = "0912 000 111"
        commune.roster.save(member)
        second = commune.exchange.exporter.export(tmp_path / "2.dvx", since_last=True).path
        two = upper.exchange.importer.import_file(second, trust_new=True)
        b1, b2 = one.verified.manifest.batch_id, two.verified.manifest.batch_id
        log = upper.exchange.log

        assert log.batches_of_record("bloc_members", member.id) == [b1, b2]
        versions = log.versions_of_record("bloc_members", member.id)
        assert [v.outcome for v in versions] == ["new", "changed"]
        assert versions[1].updated_at == commune.roster.members.get(member.id).updated_at > versions[0].updated_at
        # the batch lists every record it wrote, with what the import did
        written = log.records_of_batch(b1)
        assert len(written) == sum(one.counts.values()) and {w.outcome for w in written} == {"new"}
        assert ("bloc_members", member.id) in {(w.table_name, w.record_id) for w in written}
        assert [(w.table_name, w.record_id, w.outcome) for w in log.records_of_batch(b2)] == \
            [("bloc_members", member.id, "changed")]
        assert log.batches_of_record("bloc_members", "no-such-record") == []
    finally:
        commune.close()
        upper.close()


def test_the_log_of_an_imported_record_reads_back_each_version_without_keeping_copies(tmp_path, today):
    commune = make_commune(tmp_path / "xa.sqlite3", today)
    upper = make_upper(tmp_path / "tinh.sqlite3", today)
    try:
        member = _member(commune)
        upper.exchange.importer.import_file(commune.exchange.exporter.export(tmp_path / "1.dvx").path, trust_new=True)
        member.phone = "0912 000 111"
        commune.roster.save(member)
        upper.exchange.importer.import_file(
            commune.exchange.exporter.export(tmp_path / "2.dvx", since_last=True).path, trust_new=True)
        stored = upper.db.conn.execute("SELECT before, after, batch_id FROM audit_log WHERE record_id = ? ORDER BY seq",
                                       (member.id,)).fetchall()
        assert [(r["before"] is None, r["after"]) for r in stored] == [(True, None), (False, None)]
        first, second = audit.history(upper.db, "bloc_members", member.id)
        assert first.after["phone"] == "0912 345 678" and second.before["phone"] == "0912 345 678"
        assert second.after["phone"] == "0912 000 111" and second.changed_fields() == ["phone"]
        assert first.batch_id == first.after["import_batch"] and second.batch_id != first.batch_id
        assert audit.recent(upper.db, 1)[0].after["phone"] == "0912 000 111"
        # the change log screen says what each import brought, as before
        changes = ChangeLogService(upper.db).member(member.id)
        assert [c.action for c in changes] == ["Nhận từ tệp trao đổi"] * 2
        assert ("Điện thoại", "0912 345 678", "0912 000 111") in \
            {(f.field, f.before, f.after) for f in changes[1].fields}
        assert ("Họ và tên", "", "Lê Văn Thắng") in {(f.field, f.before, f.after) for f in changes[0].fields}
    finally:
        commune.close()
        upper.close()


# -- migration 050 on rows written the old way -------------------------------------------------------
OLD_ROWS = [   # (batch, table, record, stamp, outcome) in the order the old importer wrote them
    ("b-1", "villages", "v-1", "2026-10-01T01:00:00.000Z-0000-aa", "new"),
    ("b-1", "bloc_members", "m-1", "2026-10-01T01:00:00.001Z-0000-aa", "new"),
    ("b-1", "villages", "v-2", "2026-10-01T01:00:00.002Z-0000-aa", "new"),
    ("b-2", "villages", "v-1", "2026-10-05T01:00:00.000Z-0000-aa", "changed"),
    ("b-3", "villages", "v-1", "2026-10-05T01:00:00.000Z-0000-aa", "older"),
]


def _at_049(tmp_path, monkeypatch):
    folder = tmp_path / "migrations-049"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder)
    for step in folder.glob("05*.sql"):
        step.unlink()
    monkeypatch.setattr(ladder, "MIGRATIONS_DIR", folder)
    db = Database.open(tmp_path / "old.sqlite3")
    assert db.schema_version() == 49
    conn = db.conn
    conn.executemany("INSERT INTO exchange_record_batches (batch_id, table_name, record_id, updated_at, outcome) "
                     "VALUES (?,?,?,?,?)", OLD_ROWS)
    first = {"id": "v-1", "name": "Đông Hòa", "import_batch": "b-1"}
    conn.execute("INSERT INTO audit_log (at, actor, table_name, record_id, action, before, after) VALUES "
                 "('2026-10-01T01:00:00+00:00', 'A', 'villages', 'v-1', 'import', NULL, ?)", (json.dumps(first),))
    conn.execute("INSERT INTO audit_log (at, actor, table_name, record_id, action, before, after) VALUES "
                 "('2026-10-02T01:00:00+00:00', 'B', 'villages', 'v-1', 'update', ?, ?)",
                 (json.dumps({"id": "v-1", "name": "Đông Hòa"}), json.dumps({"id": "v-1", "name": "Đông Hoà"})))
    old_batches = {r: [b for (b,) in conn.execute("SELECT batch_id FROM exchange_record_batches WHERE record_id = ? "
                                                  "ORDER BY rowid", (r,))] for r in ("v-1", "v-2", "m-1")}
    old_records = {b: sorted(tuple(r) for r in conn.execute("SELECT table_name, record_id, updated_at, outcome FROM "
                                                            "exchange_record_batches WHERE batch_id = ?", (b,)))
                   for b in ("b-1", "b-2", "b-3")}
    old_history = [(a, json.loads(b) if b else None, json.loads(c) if c else None) for a, b, c in conn.execute(
        "SELECT action, before, after FROM audit_log WHERE record_id = 'v-1' ORDER BY seq")]
    db.close()
    monkeypatch.undo()
    return tmp_path / "old.sqlite3", old_batches, old_records, old_history


def test_migration_050_converts_the_old_provenance_rows_and_audit_entries(tmp_path, monkeypatch):
    path, old_batches, old_records, old_history = _at_049(tmp_path, monkeypatch)
    db = Database.open(path)
    try:
        assert db.schema_version() >= 50
        tables = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "exchange_record_batches" not in tables
        log = ExchangeLog(db)
        assert {r: log.batches_of_record("villages" if r[0] == "v" else "bloc_members", r)
                for r in old_batches} == old_batches
        assert {b: sorted((p.table_name, p.record_id, p.updated_at, p.outcome) for p in log.records_of_batch(b))
                for b in old_records} == old_records
        # the import entry gave up its copy; the history reads the same
        entry = db.conn.execute("SELECT after, batch_id FROM audit_log WHERE action = 'import'").fetchone()
        assert tuple(entry) == (None, "b-1")
        assert [(e.action, e.before, e.after) for e in audit.history(db, "villages", "v-1")] == old_history
    finally:
        db.close()
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
