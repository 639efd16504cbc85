"""Migrations: a database of every released schema (tests/fixtures/db_vNNN.sqlite3) opens in the
current program with every row kept and a backup taken first; a newer file is refused untouched."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from danvan_desktop.services.app import AppServices
from danvan_desktop.store import ladder, migrate
from danvan_desktop.store.backup import backup_dir
from danvan_desktop.store.database import Database
from danvan_desktop.store.errors import NewerDatabase
from tests.digest import table_rows

FIXTURES = Path(__file__).resolve().parent / "fixtures"
RELEASED = sorted(FIXTURES.glob("db_v*.sqlite3"))
TABLES = ("settings", "audit_log", "units", "villages", "posts", "bloc_members", "composition_profiles")


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def rows(path: Path, table: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
    finally:
        conn.close()


@pytest.fixture
def v001(tmp_path) -> Path:
    target = tmp_path / "office" / "danvan.sqlite3"
    target.parent.mkdir()
    shutil.copyfile(FIXTURES / "db_v001.sqlite3", target)
    return target


def test_every_released_schema_is_kept_in_tests():
    assert [p.name for p in RELEASED][:1] == ["db_v001.sqlite3"]   # RELEASED[:1] is v001 below
    for path in RELEASED:
        conn = sqlite3.connect(path)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.close()
        assert path.name == f"db_v{version:03d}.sqlite3"


def test_every_release_so_far_has_its_fixture():
    assert {"db_v001.sqlite3", "db_v043.sqlite3"} <= {p.name for p in RELEASED}


def _rows_by_table(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%'")]
        result = {}
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            result[table] = (columns, table_rows(conn, table, columns))
        return result
    finally:
        conn.close()


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.name)
def test_upgrading_a_released_file_keeps_every_row_of_every_table_unchanged(fixture, tmp_path):
    """Row digests table by table: every row present before is present after, unchanged in the
    columns that existed (new columns and new rows may be added)."""
    assert_rows_kept_by_the_upgrade(fixture, tmp_path)


def test_the_row_comparison_sees_a_step_that_changes_old_rows_and_accepts_one_that_adds(tmp_path, monkeypatch):
    newest = RELEASED[-1]
    _ladder_with(tmp_path, monkeypatch, "ALTER TABLE villages ADD COLUMN population INTEGER;\n"
                                        "UPDATE villages SET population = 1200;\n")
    assert_rows_kept_by_the_upgrade(newest, tmp_path / "adds")
    _ladder_with(tmp_path / "b", monkeypatch, "UPDATE villages SET name = upper(name) WHERE rowid = 2;\n")
    with pytest.raises(AssertionError, match="villages changed"):
        assert_rows_kept_by_the_upgrade(newest, tmp_path / "changes")


# Changes a migration makes on purpose to rows that existed, with the reason; everything else must come
# through an upgrade unchanged.
INTENDED_CHANGES = {
    # 047: the petition rate divides by carried over + received; "resolved ≤ received" became the balance rule
    "figures": ("denominator", "not_above"),
}


# Tables a migration replaced on purpose, with where their rows went (tested in test_exchange_provenance.py).
REPLACED = {
    # 050: per-record provenance packed per batch and table into exchange_batch_records
    "exchange_record_batches",
}
# Columns a migration moved on purpose: 050 moves an import entry's batch from `after` into `batch_id` and
# drops the copy of the record; 052 folds the entries of records a batch added into one entry of the batch
# (audit.history reads them back whole; tested in test_exchange_provenance.py). Local entries stay as they were.
MOVED = {"audit_log": ("after",)}


def _without(columns: list[str], rows: list[tuple], dropped: tuple[str, ...]) -> list[tuple]:
    keep = [i for i, name in enumerate(columns) if name not in dropped]
    return [tuple(row[i] for i in keep) for row in rows]


def assert_rows_kept_by_the_upgrade(fixture: Path, tmp_path: Path) -> None:
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "danvan.sqlite3"
    shutil.copyfile(fixture, path)
    before = _rows_by_table(path)
    assert sum(len(rows) for _cols, rows in before.values()) > 50
    services = AppServices.open(path, today=lambda: dt.date(2026, 11, 21))
    try:
        assert services.db.schema_version() == migrate.latest_version()
    finally:
        services.close()
    conn = sqlite3.connect(path)
    try:
        for table, (columns, rows) in before.items():
            if table in REPLACED:
                continue
            after = table_rows(conn, table, columns)   # raises if a table or column went missing
            if table in MOVED:   # every row kept; only import entries may differ, and only in the moved columns
                action = columns.index("action")
                local = [r for r in rows if r[action] != "import"]
                after = [r for r in after if r[action] != "import"]
                assert not Counter(local) - Counter(after), f"{table} changed"
                rows, after = _without(columns, local, MOVED[table]), _without(columns, after, MOVED[table])
            if table in INTENDED_CHANGES:
                rows, after = (_without(columns, rows, INTENDED_CHANGES[table]),
                               _without(columns, after, INTENDED_CHANGES[table]))
            old_digest = hashlib.sha256(repr(rows).encode()).hexdigest()
            if table == "settings" or table == "audit_log":
                lost = Counter(rows) - Counter(after)
                assert not lost, f"{table}: rows changed or lost: {list(lost)[:3]}"
            else:
                assert hashlib.sha256(repr(after).encode()).hexdigest() == old_digest, f"{table} changed"
    finally:
        conn.close()


@pytest.mark.parametrize("fixture", RELEASED[:1], ids=lambda p: p.name)
def test_a_released_database_upgrades_to_the_current_schema_keeping_every_row(fixture, tmp_path):
    path = tmp_path / "danvan.sqlite3"
    shutil.copyfile(fixture, path)
    before = counts(path)
    old_members = rows(path, "bloc_members")
    old_version = sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0]
    services = AppServices.open(path, today=lambda: dt.date(2026, 11, 21))
    try:
        assert services.db.schema_version() == migrate.latest_version()
        after = {t: services.db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        assert {t: after[t] for t in TABLES if t != "settings"} == {t: before[t] for t in TABLES if t != "settings"}
        assert after["settings"] >= before["settings"]
        # the program reads the old rows through its own repositories
        assert services.setup.unit().name == "xã Yên Phú"
        assert services.preferences.font_size() == 13
        current = services.roster.current()
        assert len(current) == 9
        assert {m.full_name for m in services.roster.post_history("ct_mttq")} == {"Nguyễn Thị Hương",
                                                                              "Trần Văn Minh"}
        assert [v.name for v in services.villages.list()][:2] == ["Đông Hòa", "Phú Lâm"]
        assert "Kiều Đại" not in [v.name for v in services.villages.list()]   # merged, kept for history
        assert services.preferences.profiles.by_code("user_1").rules.min_members == 7
        # and writes on top of them
        services.preferences.set_font_size(14)
    finally:
        services.close()
    kept = rows(path, "bloc_members")
    assert [r[:len(old_members[0])] for r in kept] == old_members   # every old value as it was
    backups = sorted(backup_dir(path).glob("*.sqlite3"))
    if old_version < migrate.latest_version():
        assert backups, "no backup before the upgrade"
        assert sqlite3.connect(backups[0]).execute("PRAGMA user_version").fetchone()[0] == old_version
        assert counts(backups[0]) == before


def _ladder_with(tmp_path, monkeypatch, extra_sql: str) -> Path:
    """The shipped migrations plus one more step, as the next release would have them."""
    folder = tmp_path / "migrations"
    tmp_path.mkdir(parents=True, exist_ok=True)
    shutil.copytree(migrate.MIGRATIONS_DIR, folder)
    number = migrate.latest_version() + 1
    (folder / f"{number:03d}_next_release.sql").write_text(extra_sql, encoding="utf-8")
    monkeypatch.setattr(ladder, "MIGRATIONS_DIR", folder)
    return folder


def test_an_upgrade_takes_a_backup_of_the_old_file_first(v001, tmp_path, monkeypatch):
    before = counts(v001)
    old_rows = rows(v001, "bloc_members")
    _ladder_with(tmp_path, monkeypatch,
                 "ALTER TABLE bloc_members ADD COLUMN email TEXT NOT NULL DEFAULT '';\n"
                 "CREATE INDEX bloc_members_email ON bloc_members (email);\n")
    db = Database.open(v001)
    try:
        assert db.schema_version() == migrate.latest_version()
        assert db.conn.execute("SELECT count(*) FROM bloc_members WHERE email = ''").fetchone()[0] == len(old_rows)
    finally:
        db.close()
    backups = sorted(backup_dir(v001).glob("*.sqlite3"))
    assert len(backups) == 1 and "before-v" in backups[0].name
    assert counts(backups[0]) == before
    assert rows(backups[0], "bloc_members") == old_rows
    assert sqlite3.connect(backups[0]).execute("PRAGMA user_version").fetchone()[0] == 1


def test_a_failing_step_leaves_the_file_at_its_old_version_with_its_rows(v001, tmp_path, monkeypatch):
    before = counts(v001)
    _ladder_with(tmp_path, monkeypatch,
                 "ALTER TABLE villages ADD COLUMN population INTEGER;\n"
                 "INSERT INTO no_such_table VALUES (1);\n")
    with pytest.raises(sqlite3.OperationalError):
        Database.open(v001)
    conn = sqlite3.connect(v001)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "population" not in [r[1] for r in conn.execute("PRAGMA table_info(villages)")]
    conn.close()
    assert counts(v001) == before


def test_a_database_from_a_newer_program_is_refused_untouched(v001):
    conn = sqlite3.connect(v001)
    conn.execute(f"PRAGMA user_version = {migrate.latest_version() + 5}")
    conn.close()
    original = v001.read_bytes()
    with pytest.raises(NewerDatabase) as caught:
        Database.open(v001)
    assert "phiên bản mới hơn" in str(caught.value) and "không bị thay đổi" in str(caught.value)
    assert v001.read_bytes() == original
    assert not backup_dir(v001).exists()
    assert sorted(p.name for p in v001.parent.iterdir()) == ["danvan.sqlite3"]


def test_a_new_file_gets_the_whole_ladder_without_a_backup(tmp_path):
    path = tmp_path / "fresh.sqlite3"
    db = Database.open(path)
    try:
        assert db.schema_version() == migrate.latest_version()
        assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        db.close()
    assert not backup_dir(path).exists()


def test_migration_numbers_are_unique():
    names = [m.path.name for m in migrate.available()]
    numbers = [m.number for m in migrate.available()]
    assert names[0] == "001_foundation.sql"
    assert len(numbers) == len(set(numbers))
