"""Backups (docs/backups.md): the day's copy and its rotation on pinned days, "Sao lưu ngay", a
restore that gives back exactly the rows backed up, and refusals that change nothing."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from danvan_desktop.cli import main
from danvan_desktop.domain import backups as rules
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.unit.backups import BackupError, BackupService, in_steps
from danvan_desktop.store import migrate
from danvan_desktop.store.backup import backup_dir
from danvan_desktop.store.instance_lock import InstanceLock
from tests.digest import row_digests


def at(day: str, hour: int = 8) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour, 0))


@pytest.fixture
def demo_file(demo_template, tmp_path) -> Path:
    target = tmp_path / "office" / "danvan.sqlite3"
    target.parent.mkdir()
    shutil.copyfile(demo_template, target)
    return target


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# -- rotation ----------------------------------------------------------------------------------
def test_the_daily_copy_is_taken_once_a_day_and_rotation_keeps_7_days_4_weeks_12_months(services, db_path):
    clock = {"now": at("2026-01-01")}
    backups = BackupService(db_path, now=lambda: clock["now"])
    day = dt.date(2026, 1, 1)
    while day <= dt.date(2026, 3, 31):
        clock["now"] = at(day.isoformat())
        assert backups.daily_due()
        assert backups.take_daily() is not None
        clock["now"] = at(day.isoformat(), 15)      # a second start the same day takes nothing
        assert not backups.daily_due() and backups.take_daily() is None
        day += dt.timedelta(days=1)
    kept = sorted(e.taken_at.date().isoformat() for e in backups.copies())
    # 7 days: 25–31 March; 4 ISO weeks: the weeks ending 31 (Tue), 29, 22 and 15 March (Sundays);
    # 12 months: March (31st), February (28th), January (31st)
    assert kept == ["2026-01-31", "2026-02-28", "2026-03-15", "2026-03-22", "2026-03-25", "2026-03-26",
                    "2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30", "2026-03-31"]
    assert all(e.reason == "daily" for e in backups.copies())


def test_rotation_keeps_manual_copies_and_the_newest_five_before_each_risky_step():
    def name(stamp: str, reason: str) -> rules.BackupName:
        return rules.parse_backup_name(rules.backup_file_name("danvan", dt.datetime.fromisoformat(stamp), reason))
    copies = [name(f"2025-06-{d:02d}T09:00:00", "before-import") for d in range(1, 9)]
    copies += [name("2025-01-02T10:00:00", "manual"), name("2025-06-03T11:00:00", "before-restore")]
    copies += [name("2025-06-04T09:30:00", "before-v43"), name("2025-06-05T09:30:00", "before-v44")]
    gone = rules.to_delete(copies, daily=0, weekly=0, monthly=0)
    assert gone == sorted(c.file_name for c in copies[:3])      # imports of 1–3 June; the newest 5 stay
    # with the day rule too, each of the 7 newest days keeps its newest copy: 3 June's is the restore one
    assert rules.to_delete(copies) == [copies[2].file_name]
    assert rules.parse_backup_name("notes.sqlite3") is None
    assert rules.parse_backup_name("other-20250101-000000-000000-daily.sqlite3", "danvan") is None


# -- backup → restore ----------------------------------------------------------------------------
def test_a_backup_then_a_restore_gives_back_exactly_the_rows_backed_up(demo_file, tmp_path):
    before = row_digests(demo_file)
    service = BackupService(demo_file)
    usb = tmp_path / "usb"
    copy = service.back_up_now(usb)
    assert copy.parent == usb and copy.name.endswith("-manual.sqlite3")
    assert row_digests(copy) == before
    # the officer keeps working, then restores
    conn = sqlite3.connect(demo_file)
    conn.execute("UPDATE bloc_members SET deleted = 1")
    conn.execute("DELETE FROM tasks")
    conn.commit()
    conn.close()
    changed = row_digests(demo_file)
    assert changed != before
    done = service.restore(copy)
    assert row_digests(demo_file) == before
    assert done.kept is not None and done.kept.parent == backup_dir(demo_file)
    assert row_digests(done.kept) == changed           # what was replaced is kept, as it was
    assert done.backup.unit_name == "xã Yên Phú" and done.backup.counts["members"] > 0
    assert not [p for p in demo_file.parent.rglob("*.tmp")]


def test_the_copy_reports_progress_in_steps_and_can_be_cancelled(demo_file, tmp_path, monkeypatch):
    from danvan_desktop.store import backup as store
    monkeypatch.setattr(store, "STEP_PAGES", 8)
    service = BackupService(demo_file)
    steps = list(in_steps(lambda progress: service.back_up_now(tmp_path / "a", progress), "…"))
    assert len(steps) > 3 and steps[-1][0] == steps[-1][1]
    job = in_steps(lambda progress: service.back_up_now(tmp_path / "b", progress), "…")
    next(job)
    job.close()                                       # the user pressed Hủy
    assert files_in(tmp_path / "b") == []             # no copy, no temporary file left


def test_a_truncated_backup_is_refused_and_nothing_changes(demo_file, tmp_path):
    service = BackupService(demo_file)
    copy = service.back_up_now(tmp_path / "usb")
    data = copy.read_bytes()
    copy.write_bytes(data[: len(data) // 2])
    original = demo_file.read_bytes()
    with pytest.raises(BackupError) as caught:
        service.restore(copy)
    message = str(caught.value)
    assert "Không thể khôi phục" in message and "hỏng" in message and "Không có gì bị thay đổi" in message
    assert demo_file.read_bytes() == original
    assert files_in(backup_dir(demo_file)) == []       # not even a "before restore" copy
    assert sorted(p.name for p in demo_file.parent.iterdir() if p.is_file()) == ["danvan.sqlite3",
                                                                                  "danvan.sqlite3.lock"]


@pytest.mark.parametrize("kind", ["text", "foreign", "newer"])
def test_a_file_that_is_not_ours_or_too_new_is_refused(demo_file, tmp_path, kind):
    other = tmp_path / "other.sqlite3"
    if kind == "text":
        other.write_text("Biên bản họp tháng 10\n" * 200, encoding="utf-8")
        expected = "không phải tệp dữ liệu"
    elif kind == "foreign":
        conn = sqlite3.connect(other)
        conn.execute("CREATE TABLE khach_hang (ten TEXT)")
        conn.execute("PRAGMA user_version = 3")
        conn.commit()
        conn.close()
        expected = "không phải tệp dữ liệu"
    else:
        shutil.copyfile(demo_file, other)
        conn = sqlite3.connect(other)
        conn.execute(f"PRAGMA user_version = {migrate.latest_version() + 1}")
        conn.commit()
        conn.close()
        expected = "phiên bản mới hơn"
    original = demo_file.read_bytes()
    with pytest.raises(BackupError, match=expected):
        BackupService(demo_file).restore(other)
    assert demo_file.read_bytes() == original


def test_a_restore_is_refused_while_a_window_holds_the_file(demo_file, tmp_path):
    service = BackupService(demo_file)
    copy = service.back_up_now(tmp_path / "usb")
    original = demo_file.read_bytes()
    with InstanceLock(demo_file), pytest.raises(Exception, match="đang được một cửa sổ khác"):
        service.restore(copy)
    assert demo_file.read_bytes() == original


def test_the_description_says_what_a_copy_holds(demo_file, tmp_path):
    service = BackupService(demo_file, now=lambda: at("2026-11-21", 9))
    copy = service.back_up_now(tmp_path / "usb")
    info = service.describe(copy)
    assert info.checked and info.schema_version == migrate.latest_version()
    conn = sqlite3.connect(demo_file)
    members = conn.execute("SELECT count(*) FROM bloc_members WHERE deleted = 0 AND end_date IS NULL").fetchone()[0]
    tasks = conn.execute("SELECT count(*) FROM tasks WHERE deleted = 0").fetchone()[0]
    conn.close()
    assert info.counts["members"] == members and info.counts["tasks"] == tasks > 0
    assert copy.name.startswith("danvan-20261121-09")


# -- command line --------------------------------------------------------------------------------
def test_the_command_line_backs_up_and_restores_with_exit_codes_and_vietnamese_words(demo_file, tmp_path, capsys):
    before = row_digests(demo_file)
    assert main(["backup", "--db", str(demo_file), "--out", str(tmp_path / "usb")]) == 0
    out = capsys.readouterr().out
    assert "Đã sao lưu" in out and "xã Yên Phú" in out
    copy = next((tmp_path / "usb").glob("*.sqlite3"))
    conn = sqlite3.connect(demo_file)
    conn.execute("DELETE FROM meeting_attendance")
    conn.commit()
    conn.close()
    assert main(["restore", "--db", str(demo_file), str(copy)]) == 0
    out = capsys.readouterr().out
    assert "Đã khôi phục" in out and "được giữ tại" in out
    assert row_digests(demo_file) == before
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(copy.read_bytes()[:5000])
    assert main(["restore", "--db", str(demo_file), str(bad)]) == 1
    assert "Không thể khôi phục" in capsys.readouterr().err
    assert main(["backup", "--db", str(tmp_path / "none.sqlite3"), "--out", str(tmp_path / "usb")]) == 1
    assert "Không có tệp dữ liệu" in capsys.readouterr().err
    with InstanceLock(demo_file):
        assert main(["restore", "--db", str(demo_file), str(copy)]) == 1
    assert "cửa sổ khác" in capsys.readouterr().err
    assert row_digests(demo_file) == before


# -- one backup a day before imports -------------------------------------------------------------
def _files(tmp_path, today, codes):
    from tests.exchange_helpers import make_commune
    files = []
    for code in codes:
        commune = make_commune(tmp_path / f"{code}.sqlite3", today, code, f"xã {code}")
        files.append(commune.exchange.exporter.export(tmp_path / f"{code}.dvx").path)
        commune.close()
    return files


def test_imports_of_one_day_take_one_full_copy_and_it_still_restores_to_before_the_first(tmp_path, today):
    from danvan_desktop.services.unit.backups import BackupService
    from tests.exchange_helpers import make_upper
    db_path = tmp_path / "tinh.sqlite3"
    upper = make_upper(db_path, today)
    files = _files(tmp_path, today, ("99002", "99003", "99004", "99005"))
    try:
        outcomes = upper.exchange.importer.import_files(files[:3], trust_new=True)
        assert [o.result.status for o in outcomes] == ["applied"] * 3
        assert len(list(backup_dir(db_path).glob("*before-import*"))) == 1
        # a later sitting the same day, with only imports since: no new full copy
        upper.exchange.importer.import_file(files[3], trust_new=True)
        taken = list(backup_dir(db_path).glob("*before-import*"))
        assert len(taken) == 1
        assert len(upper.exchange.log.batches_in()) == 4
    finally:
        upper.close()
    # the copy is the file before the day's first import: restoring it gives back the empty upper level
    restored = BackupService(db_path).restore(taken[0])
    assert restored.backup.unit_code == "T38"
    again = AppServices.open(db_path, today=lambda: today)
    try:
        assert again.exchange.log.batches_in() == []
        # and importing the day's files again brings back the state after any of them
        assert [o.result.status for o in again.exchange.importer.import_files(files, trust_new=True)] == \
            ["applied"] * 4
    finally:
        again.close()


def test_a_local_change_or_a_new_day_makes_the_next_import_take_its_own_copy(tmp_path, today):
    from tests.exchange_helpers import make_upper
    db_path = tmp_path / "tinh.sqlite3"
    upper = make_upper(db_path, today)
    files = _files(tmp_path, today, ("99002", "99003", "99004"))
    try:
        upper.exchange.importer.import_file(files[0], trust_new=True)
        unit = upper.setup.unit()
        unit.place_name = "Thanh Hóa"
        upper.setup.update_unit(unit)        # a local change: today's copy no longer is "before the imports"
        upper.exchange.importer.import_file(files[1], trust_new=True)
        assert len(list(backup_dir(db_path).glob("*before-import*"))) == 2
        upper.exchange.importer.today = lambda: today + dt.timedelta(days=1)
        upper.exchange.importer.import_file(files[2], trust_new=True)
        assert len(list(backup_dir(db_path).glob("*before-import*"))) == 3
    finally:
        upper.close()
