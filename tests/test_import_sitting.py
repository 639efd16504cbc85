"""An import sitting as the officer lives it: several files in one go, a bad one among them, a cancel, a power cut,
a file changed on the stick between the check and the import."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from exchange_helpers import checksum, make_commune, make_upper, read_entries, rebuild

from danvan_desktop.gui.pages.handover.import_tab import FileRow, _import_all
from danvan_desktop.services.errors import ExchangeError
from danvan_desktop.services.handover import sitting

CODES = ("99011", "99012", "99013")


@pytest.fixture
def files(tmp_path, today) -> list[Path]:
    """One hand-over file from each of three communes."""
    result = []
    for i, code in enumerate(CODES):
        commune = make_commune(tmp_path / f"{code}.sqlite3", today, code=code, name=f"xã Số {i + 1}")
        try:
            result.append(commune.exchange.exporter.export(tmp_path / f"{code}.dvx").path)
        finally:
            commune.close()
    return result


def _units(path: Path) -> set[str]:
    """The communes whose rows and batches another program opening the file sees (committed work only)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = {r[0] for r in conn.execute("SELECT DISTINCT unit_code FROM villages")}
        batches = {r[0] for r in conn.execute("SELECT sender_unit FROM exchange_batches_in")}
        assert rows == batches, (rows, batches)
        return rows
    finally:
        conn.close()


def test_a_file_failing_in_the_middle_of_a_sitting_leaves_the_others_imported_and_itself_absent(
        tmp_path, today, files, monkeypatch):
    truncated = tmp_path / "hong.dvx"
    truncated.write_bytes(files[0].read_bytes()[:-300])
    upper = make_upper(tmp_path / "tinh.sqlite3", today)
    importer = upper.exchange.importer
    store = importer._store_documents

    def failing(verified):   # the second commune's file fails after its rows were written (e.g. a disk error)
        store(verified)
        if verified.manifest.unit_code == CODES[1]:
            raise ExchangeError("không ghi được văn bản kèm theo.")
    monkeypatch.setattr(importer, "_store_documents", failing)
    try:
        outcomes = importer.import_files([files[0], truncated, files[1], files[2]], trust_new=True)
        assert [o.error is None for o in outcomes] == [True, False, False, True]
        assert "hong.dvx" in str(outcomes[1].error) and CODES[1] + ".dvx" in str(outcomes[2].error)
        assert _units(upper.db.path) == {CODES[0], CODES[2]}
        audit = {r[0] for r in upper.db.conn.execute("SELECT DISTINCT batch_id FROM audit_log WHERE action = 'import'")}
        assert audit == {b.batch_id for b in upper.exchange.log.batches_in()}
        # the failed file imports cleanly once its problem is gone
        monkeypatch.setattr(importer, "_store_documents", store)
        assert importer.import_file(files[1], trust_new=True).status == "applied"   # its key was not kept either
        assert _units(upper.db.path) == set(CODES)
    finally:
        upper.close()


def test_cancel_between_two_files_keeps_the_files_already_imported(tmp_path, today, files):
    upper = make_upper(tmp_path / "tinh.sqlite3", today)
    try:
        rows = [FileRow(path) for path in files]
        job = _import_all(upper, rows, set(files), receipts=True)
        assert next(job)[0] == 0
        assert next(job)[0] == 1          # the first file is done; the officer presses "Hủy"
        job.close()                       # what the job runner does on a cancel
        assert not upper.db.conn.in_transaction
        assert [r.state for r in rows] == ["imported", "waiting", "waiting"]
        assert _units(upper.db.path) == {CODES[0]}
        assert [p.name for p in tmp_path.glob("bien-nhan-*.dvx")] == [f"bien-nhan-{CODES[0]}-lo001.dvx"]
        # the next sitting imports the rest; the first is known already
        rest = [FileRow(path) for path in files]
        list(_import_all(upper, rest, set(files), receipts=False))
        assert [r.state for r in rest] == ["already", "imported", "imported"]
        assert _units(upper.db.path) == set(CODES)
    finally:
        upper.close()


def test_a_power_cut_mid_sitting_loses_only_whole_files_and_importing_again_finishes_the_job(tmp_path, today, files):
    upper = make_upper(tmp_path / "tinh.sqlite3", today)
    upper.close()
    # a separate process: the first file is committed, the second is inside the sitting's open transaction
    # when the process dies without a word (as at a power cut)
    script = textwrap.dedent(f"""
        import datetime as dt, os
        from danvan_desktop.services.app import AppServices
        from danvan_desktop.services.handover import sitting
        sitting.GROUP_SECONDS = 3600     # the second file stays in the open transaction
        services = AppServices.open({str(tmp_path / 'tinh.sqlite3')!r}, today=lambda: dt.date(2026, 11, 21))
        importer = services.exchange.importer
        with importer.sitting():
            importer.import_file({str(files[0])!r}, trust_new=True)
            importer._tx.commit()
            importer.import_file({str(files[1])!r}, trust_new=True)
            os._exit(0)
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)
    assert _units(tmp_path / "tinh.sqlite3") == {CODES[0]}
    upper = make_upper_again(tmp_path / "tinh.sqlite3", today)
    try:
        assert upper.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        outcomes = upper.exchange.importer.import_files(files, trust_new=True)
        assert [o.result.status for o in outcomes] == ["already", "applied", "applied"]
        assert _units(upper.db.path) == set(CODES)
    finally:
        upper.close()


def make_upper_again(path: Path, today):
    from danvan_desktop.services.app import AppServices
    return AppServices.open(path, today=lambda: today)


def test_a_file_changed_on_the_stick_after_its_check_is_checked_again(tmp_path, today, files):
    upper = make_upper(tmp_path / "tinh.sqlite3", today)
    importer = upper.exchange.importer
    try:
        assert importer.preview(files[0]).status == "preview"
        original = files[0].read_bytes()

        def edit(entries):   # one record changed after signing: the entry's hash no longer matches
            entries["tables/villages.jsonl"] = entries["tables/villages.jsonl"].replace("Thôn Một".encode(),
                                                                                         "Thôn Mới".encode())
            return entries
        signed = rebuild(files[0], tmp_path / "tmp.dvx", None, entries_edit=edit, sign_raw=b"x" * 64)
        tampered = read_entries(signed)
        assert tampered["tables/villages.jsonl"] != read_entries(files[0])["tables/villages.jsonl"]
        files[0].write_bytes(signed.read_bytes())
        before = checksum(upper.db.path)
        with pytest.raises(ExchangeError):
            importer.import_file(files[0], trust_new=True)
        assert checksum(upper.db.path) == before
        # put back as it was: checked again, and imported
        files[0].write_bytes(original)
        assert importer.import_file(files[0], trust_new=True).status == "applied"
        assert _units(upper.db.path) == {CODES[0]}
    finally:
        upper.close()


def test_when_sqlite_drops_the_whole_sitting_the_files_not_yet_saved_are_shown_as_still_to_import(
        tmp_path, today, files, monkeypatch):
    upper = make_upper(tmp_path / "tinh.sqlite3", today)
    importer = upper.exchange.importer
    store = importer._store_documents

    def full_disk(verified):   # as SQLite does after some errors (a full disk): the whole transaction is gone
        store(verified)
        if verified.manifest.unit_code == CODES[1]:
            upper.db.conn.execute("ROLLBACK")
            raise sqlite3.OperationalError("database or disk is full")
    monkeypatch.setattr(importer, "_store_documents", full_disk)
    monkeypatch.setattr(sitting, "GROUP_SECONDS", 3600)    # nothing committed between the files
    try:
        rows = [FileRow(path) for path in files]
        with pytest.raises(Exception, match="đầy|full"):
            list(_import_all(upper, rows, set(files), receipts=True))
        assert not upper.db.conn.in_transaction
        assert rows[0].state == "checked" and "nhập lại" in rows[0].message
        assert _units(upper.db.path) == set()
        assert not list(tmp_path.glob("bien-nhan-*.dvx"))      # no receipt for a batch that did not land
        monkeypatch.setattr(importer, "_store_documents", store)
        again = [FileRow(path) for path in files]
        list(_import_all(upper, again, set(files), receipts=False))
        assert [r.state for r in again] == ["imported"] * 3
    finally:
        upper.close()


def test_commits_inside_a_sitting_skip_the_disk_flush_and_its_end_flushes_them_all_before_the_receipts(
        tmp_path, today, files, monkeypatch):
    """The commits that only let another writer in are not flushed; the sitting's last commit is, and records
    the sitting; saves made after it (the window's) are flushed again and the big page cache is given back,
    also after a sitting with a refused file."""
    upper = make_upper(tmp_path / "tinh.sqlite3", today)
    importer = upper.exchange.importer
    store = importer._store_documents
    seen: list[int] = []

    def watching(verified):
        store(verified)
        seen.append((upper.db.conn.execute("PRAGMA synchronous").fetchone()[0],
                     upper.db.conn.execute("PRAGMA cache_size").fetchone()[0]))
    monkeypatch.setattr(importer, "_store_documents", watching)
    monkeypatch.setattr(sitting, "GROUP_SECONDS", 0)        # a commit after every file
    cache = upper.db.conn.execute("PRAGMA cache_size").fetchone()[0]
    try:
        rows = [FileRow(path) for path in files]
        list(_import_all(upper, rows, set(files), receipts=True))
        assert [r.state for r in rows] == ["imported"] * 3
        assert seen == [(1, -sitting.SITTING_CACHE_KIB)] * 3    # NORMAL and a big page cache while importing
        assert upper.db.conn.execute("PRAGMA synchronous").fetchone()[0] == 2     # FULL again after
        assert upper.db.conn.execute("PRAGMA cache_size").fetchone()[0] == cache  # and the cache given back
        marker = json.loads(upper.db.get_setting(sitting.SITTING_KEY))
        assert (marker["number"], marker["files"]) == (1, 3)
        assert len(list(tmp_path.glob("bien-nhan-*.dvx"))) == 3

        def failing(verified):      # the second file of the next sitting fails after its rows were written
            if verified.manifest.unit_code == CODES[1]:
                raise ExchangeError("không ghi được văn bản kèm theo.")
        monkeypatch.setattr(importer, "_store_documents", failing)
        upper.close()
        (tmp_path / "tinh.sqlite3").unlink()
        upper = make_upper(tmp_path / "tinh.sqlite3", today)
        importer = upper.exchange.importer
        monkeypatch.setattr(importer, "_store_documents", failing)
        again = [FileRow(path) for path in files]
        list(_import_all(upper, again, set(files), receipts=False))
        assert [r.state for r in again] == ["imported", "refused", "imported"]
        assert upper.db.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert json.loads(upper.db.get_setting(sitting.SITTING_KEY))["files"] == 2
    finally:
        upper.close()


def test_a_save_from_the_window_during_a_sitting_waits_for_one_file_not_for_the_sitting(
        tmp_path, today, files, monkeypatch):
    """The window's connection asks to write while the runner's sitting holds the write lock: the sitting
    commits after the file it is on, the save goes through, and the sitting goes on with the next file."""
    from danvan_desktop.store.database import Database
    monkeypatch.setattr(sitting, "GROUP_SECONDS", 3600)     # only the waiting writer makes the sitting commit
    upper = make_upper(tmp_path / "tinh.sqlite3", today)
    window = Database.open(tmp_path / "tinh.sqlite3")
    importer = upper.exchange.importer
    saved = threading.Event()

    def save():   # the officer edits a setting in the window
        window.set_setting("ghi_chu", "Đã lưu trong khi nhập")
        saved.set()
    try:
        with importer.sitting():
            importer.import_file(files[0], trust_new=True)
            writer = threading.Thread(target=save)
            writer.start()
            deadline = time.monotonic() + 10
            while not upper.db.writer_waiting() and time.monotonic() < deadline:
                time.sleep(0.01)
            assert upper.db.writer_waiting() and not saved.is_set()      # the save waits for the lock
            importer.import_file(files[1], trust_new=True)               # the sitting commits after this file
            assert saved.wait(10)
            writer.join(10)
            assert _units(upper.db.path) == {CODES[0], CODES[1]}         # both files are committed already
            importer.import_file(files[2], trust_new=True)
        assert window.get_setting("ghi_chu") == "Đã lưu trong khi nhập"
        assert _units(upper.db.path) == set(CODES)
    finally:
        window.close()
        upper.close()
