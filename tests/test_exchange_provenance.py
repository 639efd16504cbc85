"""Provenance packed per batch and table (migration 050): for any record, which batches brought which version;
for any batch, which records it wrote with what outcome; and the audit log of imports reads back whole though
it keeps no copy of the version a batch brought."""

from __future__ import annotations

import json
import shutil
import sqlite3

from exchange_helpers import add_extra_table, add_note, make_commune, make_upper, note_id, table_rows

from danvan_desktop.domain.members import BlocMember
from danvan_desktop.services.app import AppServices
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
        # the change keeps the version it replaced; the member's arrival has no entry of its own (052) ...
        assert [(r["before"] is None, r["after"]) for r in stored] == [(False, None)]
        # ... its batch has one, saying when and by whom, and names it in its list
        batches = upper.db.conn.execute("SELECT record_id, actor, at FROM audit_log WHERE table_name = "
                                        "'exchange_batches_in' ORDER BY seq").fetchall()
        assert len(batches) == 2 and upper.db.conn.execute("SELECT count(*) FROM audit_log WHERE action = 'import'"
                                                  ).fetchone()[0] == 3
        first, second = audit.history(upper.db, "bloc_members", member.id)
        assert (first.action, first.batch_id, first.actor, first.at) == ("import", batches[0][0], batches[0][1],
                                                                         batches[0][2])
        assert first.seq < second.seq and first.before is None
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


def test_an_imported_change_keeps_only_the_fields_it_replaced_and_reads_back_whole(tmp_path, today):
    commune = make_commune(tmp_path / "xa.sqlite3", today)
    upper = make_upper(tmp_path / "tinh.sqlite3", today)
    try:
        member = _member(commune)
        versions = []
        for n, change in enumerate([{}, {"phone": "0912 000 111"}, {"full_name": "Lê Văn Thắng Hai"}]):
            for key, value in change.items():
                setattr(member, key, value)
            commune.roster.save(member)
            versions.append(audit.view(dict(commune.db.conn.execute("SELECT * FROM bloc_members WHERE id = ?",
                                                                   (member.id,)).fetchone())))
            upper.exchange.importer.import_file(commune.exchange.exporter.export(
                tmp_path / f"{n}.dvx", since_last=n > 0).path, trust_new=True)
        stored = [json.loads(b) for (b,) in upper.db.conn.execute(
            "SELECT before FROM audit_log WHERE record_id = ? ORDER BY seq", (member.id,))]
        assert [set(b) - {"updated_at"} for b in stored] == [{"phone"}, {"full_name"}]
        history = audit.history(upper.db, "bloc_members", member.id)
        assert [e.before for e in history] == [None, versions[0], versions[1]]
        assert [{k: v for k, v in e.after.items() if k != "import_batch"} for e in history] == versions
        assert [e.changed_fields() for e in history[1:]] == [["phone"], ["full_name"]]
        assert audit.recent(upper.db, 1)[0] == history[-1]
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


# -- migration 052: the entries of records an import added fold into one entry of their batch -----------------
def _at_051(tmp_path, monkeypatch):
    """A database at 051 holding what the importer of 050/051 wrote: an entry per imported record."""
    folder = tmp_path / "migrations-051"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder)
    for step in folder.glob("*.sql"):
        if int(step.name[:3]) > 51:
            step.unlink()
    monkeypatch.setattr(ladder, "MIGRATIONS_DIR", folder)
    db = Database.open(tmp_path / "old.sqlite3")
    assert db.schema_version() == 51
    conn = db.conn
    conn.executemany("INSERT INTO exchange_batch_records (batch_id, table_name, records) VALUES (?,?,?)", [
        ("b-1", "villages", json.dumps([["v-1", "s1", "new"], ["v-2", "s2", "new"]])),
        ("b-1", "bloc_members", json.dumps([["m-1", "s3", "new"]])),
        ("b-2", "villages", json.dumps([["v-1", "s5", "changed"]]))])
    v1, v1_local = {"id": "v-1", "name": "Đông Hòa"}, {"id": "v-1", "name": "Đông Hoà"}
    entries = [   # (at, actor, table, record, action, before, after, batch)
        ("2026-10-01T01:00:00+00:00", "A", "villages", "v-1", "import", None, None, "b-1"),
        ("2026-10-01T01:00:00+00:00", "A", "bloc_members", "m-1", "import", None, None, "b-1"),
        ("2026-10-01T01:00:00+00:00", "A", "villages", "v-2", "import", None, None, "b-1"),
        ("2026-10-02T01:00:00+00:00", "B", "villages", "v-1", "update", json.dumps(v1), json.dumps(v1_local), None),
        ("2026-10-05T01:00:00+00:00", "A", "villages", "v-1", "import", json.dumps(v1_local), None, "b-2"),
        # an entry whose batch left no list (none such is known): kept as it is
        ("2026-10-06T01:00:00+00:00", "A", "villages", "v-9", "import", None, None, "b-x")]
    conn.executemany("INSERT INTO audit_log (at, actor, table_name, record_id, action, before, after, batch_id) "
                     "VALUES (?,?,?,?,?,?,?,?)", entries)
    # an export made after b-1 and before the local edit
    conn.execute("INSERT INTO exchange_batches_out (batch_id, recipient, sequence, file_name, created_at, audit_seq) "
                 "VALUES ('o-1', 'upper', 1, 'o-1.dvx', '2026-10-01T02:00:00Z', "
                 "(SELECT seq FROM audit_log WHERE record_id = 'v-2'))")
    old = {r: [(e.action, e.at, e.actor, e.batch_id, e.before, e.after) for e in audit.history(db, t, r)]
           for t, r in (("villages", "v-1"), ("villages", "v-2"), ("bloc_members", "m-1"), ("villages", "v-9"))}
    db.close()
    monkeypatch.undo()
    return tmp_path / "old.sqlite3", old


def test_migration_052_folds_the_entries_of_added_records_into_their_batch(tmp_path, monkeypatch):
    path, old_history = _at_051(tmp_path, monkeypatch)
    db = Database.open(path)
    try:
        assert db.schema_version() >= 52
        kept = db.conn.execute("SELECT table_name, record_id, batch_id FROM audit_log WHERE action = 'import' "
                               "ORDER BY seq").fetchall()
        assert [tuple(r) for r in kept] == [("exchange_batches_in", "b-1", "b-1"), ("villages", "v-1", "b-2"),
                                            ("villages", "v-9", "b-x")]
        # every history reads as it did, with who imported each version and when
        assert {r: [(e.action, e.at, e.actor, e.batch_id, e.before, e.after) for e in audit.history(db, t, r)]
                for t, r in (("villages", "v-1"), ("villages", "v-2"), ("bloc_members", "m-1"),
                             ("villages", "v-9"))} == old_history
        # the batch kept its place in the log: still before the export that followed it
        first, out = db.conn.execute("SELECT (SELECT seq FROM audit_log WHERE record_id = 'b-1'), "
                                     "(SELECT audit_seq FROM exchange_batches_out)").fetchone()
        assert first <= out
    finally:
        db.close()
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_record_added_by_an_import_goes_on_with_the_next_hand_over_whatever_its_stamp(xa, tmp_path, today):
    """The second PC's new record is older than what the first PC already handed over: with no audit entry
    of its own, its batch (imported since the last hand-over) still sends it up."""
    laptop = AppServices.open(tmp_path / "laptop.sqlite3", today=lambda: today)
    upper = make_upper(tmp_path / "tinh.sqlite3", today)
    for services in (xa, laptop, upper):
        add_extra_table(services)
    try:
        laptop.exchange.importer.import_file(xa.exchange.exporter.export(tmp_path / "s.dvx", include_private=True
                                                                         ).path, trust_new=True)
        add_note(laptop, "n-7", "Ghi chú máy B")           # older than what A hands over next
        add_note(xa, "n-8", "Ghi chú máy A")
        upper.exchange.importer.import_file(xa.exchange.exporter.export(tmp_path / "1.dvx").path, trust_new=True)
        stamp = table_rows(laptop, "test_notes")[0]["updated_at"]
        assert stamp <= xa.exchange.log.last_out("upper").until_stamp
        xa.exchange.importer.import_file(laptop.exchange.exporter.export(tmp_path / "b.dvx").path, trust_new=True)
        second = xa.exchange.exporter.export(tmp_path / "2.dvx", since_last=True).path
        assert upper.exchange.importer.import_file(second).counts["new"] == 1
        assert {r["id"] for r in table_rows(upper, "test_notes")} == {note_id("n-7"), note_id("n-8")}
        # and only once: a third hand-over carries nothing of it
        third = xa.exchange.exporter.export(tmp_path / "3.dvx", since_last=True).path
        assert upper.exchange.importer.import_file(third).counts["new"] == 0
    finally:
        laptop.close()
        upper.close()
