"""The store: repositories return dataclasses, stamps sort and increase, tombstones, the audit log,
and transactions that leave nothing behind when they fail."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from danvan_desktop.domain.clock import HybridClock, Stamp
from danvan_desktop.domain.members import BlocMember
from danvan_desktop.domain.records import TRAVEL_FIELDS
from danvan_desktop.domain.unit import Village
from danvan_desktop.store import audit
from danvan_desktop.store.connection import connect
from danvan_desktop.store.database import Database, travelling_tables
from danvan_desktop.store.errors import NotFound, RefusedByConstraint
from danvan_desktop.store.members import MemberRepository
from danvan_desktop.store.villages import VillageRepository


@pytest.fixture
def db(services):
    services.preferences.set_current_user("Mai Thị Thu Trang")
    return services.db


def member(**values) -> BlocMember:
    base = dict(full_name="Nguyễn Thị Hương", post_code="ct_mttq", bloc_role="deputy",
                start_date=dt.date(2025, 10, 1), phone="0983 112 457", village_ids=["v1", "v2"])
    return BlocMember(**{**base, **values})


def test_a_repository_returns_dataclasses_with_typed_fields(db):
    repo = MemberRepository(db)
    saved = repo.insert(member(trained_on=dt.date(2025, 11, 20)))
    again = repo.get(saved.id)
    assert isinstance(again, BlocMember)
    assert again.start_date == dt.date(2025, 10, 1) and again.trained_on == dt.date(2025, 11, 20)
    assert again.end_date is None
    assert again.village_ids == ["v1", "v2"]
    assert again.deleted is False
    assert again.unit_code == "99001" and again.origin == db.installation_id
    assert again.updated_by == "Mai Thị Thu Trang"
    assert again == saved


def test_every_travelling_table_has_the_seven_columns_first(db):
    tables = travelling_tables(db.conn)
    assert {"units", "villages", "posts", "bloc_members", "composition_profiles"} <= set(tables)
    for table in tables:
        columns = [r[1] for r in db.conn.execute(f"PRAGMA table_info({table})")]
        assert tuple(columns[:7]) == TRAVEL_FIELDS, table


def test_updated_at_increases_and_sorts_as_text(db):
    repo = MemberRepository(db)
    record = repo.insert(member())
    stamps = [record.updated_at]
    for phone in ("0912 000 001", "0912 000 002", "0912 000 003"):
        record.phone = phone
        stamps.append(repo.update(record).updated_at)
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert record.created_at == stamps[0]
    assert repo.get(record.id).created_at == stamps[0]


def test_the_clock_never_goes_back_and_folds_in_other_installations():
    moments = iter([dt.datetime(2026, 11, 21, 10, 0, 0, tzinfo=dt.timezone.utc),
                    dt.datetime(2026, 11, 21, 9, 0, 0, tzinfo=dt.timezone.utc),   # the PC's clock was set back
                    dt.datetime(2026, 11, 21, 9, 0, 1, tzinfo=dt.timezone.utc)])
    clock = HybridClock("abcdef12-3456", now=lambda: next(moments))
    first, second = clock.tick(), clock.tick()
    assert second > first and Stamp.parse(second).counter == 1
    clock.observe("2026-11-21T11:00:00.000Z-0004-otherpc1")
    third = clock.tick()
    assert third > "2026-11-21T11:00:00.000Z-0004-otherpc1"
    assert third.endswith("-abcdef12")


def test_a_reopened_database_keeps_stamping_after_its_newest_row(db_path, services):
    # The PC's clock ran years ahead while a village was saved, then was put right: the file, opened
    # again, still stamps every change after that village's stamp (an older stamp would lose to it).
    ahead = dt.datetime(2099, 1, 1, tzinfo=dt.timezone.utc)
    services.db.clock._now = lambda: ahead
    village = VillageRepository(services.db).insert(Village(name="Tương Lai"))
    services.close()
    reopened = Database.open(db_path)
    try:
        assert reopened.clock.tick() > village.updated_at
    finally:
        reopened.close()


def test_a_file_from_before_the_saved_clock_is_read_once_then_opens_without_reading_its_tables(db_path, services):
    repo = VillageRepository(services.db)
    village = repo.insert(Village(name="Tương Lai"))
    future = "2099-01-01T00:00:00.000Z-0000-otherpc1"
    services.db.conn.execute("UPDATE villages SET updated_at = ? WHERE id = ?", (future, village.id))
    services.db.conn.execute("DELETE FROM settings WHERE key = 'clock_newest'")   # as a file of an older version
    services.close()
    first = Database.open(db_path)
    try:
        assert first.clock.tick() > future                  # every table read once: the future row is seen
        VillageRepository(first).insert(Village(name="Hòa Bình"))   # the first commit keeps the clock
    finally:
        first.close()
    statements: list[str] = []
    conn = connect(db_path)
    conn.set_trace_callback(statements.append)
    again = Database(conn, db_path)
    try:
        assert again.clock.tick() > future
        assert not [s for s in statements if "max(updated_at)" in s]   # the start costs the same at any size
    finally:
        again.close()


def test_delete_is_a_tombstone_and_restore_brings_it_back(db):
    repo = MemberRepository(db)
    record = repo.insert(member())
    repo.soft_delete(record.id)
    assert repo.all() == []
    assert repo.count() == 0
    row = db.conn.execute("SELECT deleted FROM bloc_members WHERE id = ?", (record.id,)).fetchone()
    assert row["deleted"] == 1
    assert repo.get(record.id).deleted is True
    with pytest.raises(NotFound, match="Không tìm thấy thành viên"):
        repo.get(record.id, include_deleted=False)
    repo.restore(record.id)
    assert [m.id for m in repo.all()] == [record.id]


def test_every_change_writes_an_audit_entry_with_before_and_after(db):
    repo = MemberRepository(db)
    record = repo.insert(member())
    record.phone = "0912 345 678"
    repo.update(record)
    repo.soft_delete(record.id)
    repo.restore(record.id)
    entries = audit.history(db, "bloc_members", record.id)
    assert [e.action for e in entries] == ["insert", "update", "delete", "restore"]
    insert, update, delete, restore = entries
    assert insert.before is None and insert.after["full_name"] == "Nguyễn Thị Hương"
    assert update.before["phone"] == "0983 112 457" and update.after["phone"] == "0912 345 678"
    assert update.changed_fields() == ["phone"]
    assert delete.before["deleted"] == 0 and delete.after["deleted"] == 1
    assert restore.changed_fields() == ["deleted"]
    assert {e.actor for e in entries} == {"Mai Thị Thu Trang"}
    assert all("search_text" not in (e.after or {}) for e in entries)
    assert audit.recent(db, 1)[0].action == "restore"


def test_search_text_is_folded_for_searching_without_marks(db):
    repo = MemberRepository(db)
    record = repo.insert(member(full_name="Đỗ Thị Lan"))
    found = repo.select("search_text LIKE ?", ("%do thi lan%",))
    assert [m.id for m in found] == [record.id]


def test_a_failing_write_inside_a_transaction_leaves_nothing(db):
    repo = MemberRepository(db)
    audit_before = db.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(RuntimeError), db.transaction():
        repo.insert(member())
        repo.insert(member(full_name="Trần Văn Minh"))
        raise RuntimeError("power cut")
    assert repo.count(include_deleted=True) == 0
    assert db.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit_before


def test_a_failing_inner_step_rolls_back_only_itself(db):
    repo = MemberRepository(db)
    with db.transaction():
        kept = repo.insert(member())
        with pytest.raises(ValueError), db.transaction():
            repo.insert(member(full_name="Trần Văn Minh"))
            raise ValueError("this one is wrong")
    assert [m.id for m in repo.all()] == [kept.id]
    assert not db.conn.in_transaction


def test_a_constraint_failure_keeps_the_database_usable(db):
    repo = MemberRepository(db)
    bad = member(bloc_role="chairman")     # refused by the table's CHECK
    with pytest.raises(RefusedByConstraint, match="ràng buộc"):     # not "the file is damaged"
        repo.insert(bad)
    assert repo.count(include_deleted=True) == 0
    assert repo.insert(member()).id


def test_stamps_increase_whatever_the_wall_clock_does():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    base = dt.datetime(2026, 11, 21, 8, 0, tzinfo=dt.timezone.utc)

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.integers(min_value=-90_000, max_value=90_000), min_size=2, max_size=40),
           st.lists(st.integers(min_value=-5_000, max_value=5_000), max_size=5))
    def check(jumps_ms, foreign_ms):
        moments = iter([base + dt.timedelta(milliseconds=j) for j in jumps_ms])
        clock = HybridClock("node-a", now=lambda: next(moments))
        stamps = []
        for index in range(len(jumps_ms)):
            if index < len(foreign_ms):
                other = base + dt.timedelta(milliseconds=foreign_ms[index])
                clock.observe(f"{other.strftime('%Y-%m-%dT%H:%M:%S.')}{other.microsecond // 1000:03d}Z-0003-nodeb")
            stamps.append(clock.tick())
        assert all(a < b for a, b in itertools.pairwise(stamps))
        assert all(Stamp.parse(s).node == "nodea" for s in stamps)

    check()
