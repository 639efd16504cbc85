"""Crash and disk loose ends (issue 9 item 4): a full or read-only disk, a kill in the middle of an export,
the command line and the window's lock, a second import of the same file at once.

The disks are real: a tmpfs of a few hundred kilobytes mounted for the test (root on Linux; skipped
elsewhere). The kills are real: a child process dies by SIGKILL at the named step of the export.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from danvan_desktop.exchange.errors import ExchangeError
from danvan_desktop.exchange.schema import travelling_schema
from danvan_desktop.exchange.verify import verify_file
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.handover.importer import ALREADY, APPLIED
from danvan_desktop.store.errors import DiskFull
from danvan_desktop.store.instance_lock import InstanceLock
from tests.exchange_helpers import checksum, make_commune, make_upper

DISK_FULL = "Ổ đĩa đầy"


def _mount(folder: Path, size: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"a tiny real disk needs mount (root on Linux): {done.stderr.strip()}")


@pytest.fixture
def tiny_disk(tmp_path):
    """A real file system of 4 MB; `fill()` takes every free byte, `free()` gives them back."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("a tiny real disk needs mount (root on Linux)")
    folder = tmp_path / "tiny"
    _mount(folder, "4m")

    class Disk:
        path = folder
        filler = folder / "filler.bin"

        def fill(self) -> None:
            with open(self.filler, "ab") as out:
                try:
                    while True:
                        out.write(b"\0" * 4096)
                        out.flush()
                except OSError:
                    pass
                try:
                    out.close()
                except OSError:
                    pass

        def free(self) -> None:
            self.filler.unlink(missing_ok=True)

        def read_only(self) -> None:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)

    yield Disk()
    subprocess.run(["umount", "-l", str(folder)], check=False)


def _verify(services: AppServices, path: Path):
    return verify_file(path, travelling_schema(services.db.conn))


def _hidden_temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(".*.tmp"))


# -- a full disk during a save --------------------------------------------------------------------

def test_a_full_disk_during_a_save_says_so_and_loses_nothing(tiny_disk, today):
    db = tiny_disk.path / "xa.sqlite3"
    services = make_commune(db, today)
    services.db.set_setting("ghi_chu", "trước khi đầy")
    services.close()
    before = checksum(db)
    services = AppServices.open(db, today=lambda: today)
    tiny_disk.fill()
    with pytest.raises(DiskFull) as caught:
        for i in range(200):    # the WAL grows until the disk refuses a page
            services.db.set_setting(f"k{i}", "x" * 4000)
    assert str(caught.value).startswith(DISK_FULL)
    assert "cannot rollback" not in str(caught.value)
    services.close()
    tiny_disk.free()
    # the failed save is undone; everything saved before it is there, and the file is sound
    services = AppServices.open(db, today=lambda: today)
    assert services.db.get_setting("ghi_chu") == "trước khi đầy"
    assert services.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    services.db.set_setting("sau", "khi giải phóng")    # and it saves again once there is room
    services.close()
    assert before != checksum(db)


# -- a full or read-only stick during an export ---------------------------------------------------

def test_a_full_stick_during_an_export_says_so_leaves_nothing_and_keeps_the_number(tiny_disk, tmp_path, today):
    commune = make_commune(tmp_path / "xa.sqlite3", today)
    exporter = commune.exchange.exporter
    name = exporter.suggested_name()
    tiny_disk.fill()
    with pytest.raises(ExchangeError) as caught:
        exporter.export(tiny_disk.path / name)
    assert str(caught.value).startswith(DISK_FULL)
    assert str(tiny_disk.path) in str(caught.value)
    assert not (tiny_disk.path / name).exists()
    assert _hidden_temps(tiny_disk.path) == []
    assert commune.exchange.log.batches_out() == []
    tiny_disk.free()
    result = exporter.export(tiny_disk.path / name)    # the same number, now that there is room
    assert result.manifest.sequence == 1
    _verify(commune, result.path)
    commune.close()


def test_a_read_only_stick_says_so(tiny_disk, tmp_path, today):
    commune = make_commune(tmp_path / "xa.sqlite3", today)
    tiny_disk.read_only()
    with pytest.raises(ExchangeError) as caught:
        commune.exchange.exporter.export(tiny_disk.path / "lo.dvx")
    assert "chỉ cho phép đọc" in str(caught.value)
    assert commune.exchange.log.batches_out() == []
    commune.close()


# -- a kill in the middle of an export ------------------------------------------------------------

KILLED_EXPORT = """
import os, signal, sys, datetime as dt
os.environ["DANVAN_TODAY"] = "2026-11-21"
from danvan_desktop.exchange import writer
from danvan_desktop.store.exchange_log import ExchangeLog
from danvan_desktop.services.app import AppServices

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

if sys.argv[3] == "before-record":
    ExchangeLog.add_out = die           # the file is written, the batch not yet recorded
else:
    writer.os.replace = die             # the batch is recorded, the file not yet renamed
services = AppServices.open(sys.argv[1])
services.exchange.exporter.export(sys.argv[2])
"""


def _export_killed(db: Path, target: Path, when: str) -> None:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(KILLED_EXPORT), str(db), str(target), when],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == -signal.SIGKILL, done.stderr


def test_an_export_killed_before_it_is_recorded_leaves_nothing_and_the_number_is_not_spent(tmp_path, today):
    db, stick = tmp_path / "xa.sqlite3", tmp_path / "usb"
    stick.mkdir()
    make_commune(db, today).close()
    services = AppServices.open(db, today=lambda: today)
    name = services.exchange.exporter.suggested_name()
    services.close()
    _export_killed(db, stick / name, "before-record")
    assert not (stick / name).exists()          # nothing under the final name
    assert len(_hidden_temps(stick)) == 1       # only the hidden temp file the kill left
    services = AppServices.open(db, today=lambda: today)
    assert _hidden_temps(stick) == []           # the next start swept it
    assert services.exchange.log.batches_out() == []
    result = services.exchange.exporter.export(stick / name)
    assert result.manifest.sequence == 1        # no file ever carried number 1: it is not a reuse
    _verify(services, result.path)
    services.close()


def test_an_export_killed_after_it_is_recorded_gets_its_file_at_the_next_start(tmp_path, today):
    db, stick = tmp_path / "xa.sqlite3", tmp_path / "usb"
    stick.mkdir()
    make_commune(db, today).close()
    services = AppServices.open(db, today=lambda: today)
    name = services.exchange.exporter.suggested_name()
    services.close()
    _export_killed(db, stick / name, "before-rename")
    assert not (stick / name).exists()
    assert len(_hidden_temps(stick)) == 1
    services = AppServices.open(db, today=lambda: today)     # the next start finishes the rename
    [batch] = services.exchange.log.batches_out()
    assert batch.sequence == 1 and batch.file_name == name
    assert (stick / name).exists() and _hidden_temps(stick) == []
    assert _verify(services, stick / name).manifest.batch_id == batch.batch_id
    assert services.exchange.exporter.suggested_name() != name                 # the next one is number 2
    assert services.exchange.exporter.export(stick / "tiep.dvx").manifest.sequence == 2
    services.close()


def test_temp_files_of_crashed_writes_are_swept_at_start(tmp_path, today):
    db, stick = tmp_path / "xa.sqlite3", tmp_path / "usb"
    commune = make_commune(db, today)
    commune.exchange.exporter.export(stick / "lo1.dvx")
    commune.close()
    (stick / ".99002-xa-khac-lo002-20261121-abcd1234.tmp").write_bytes(b"PK half a zip")
    (stick / ".ghi-chu-cua-nguoi-khac.tmp").write_bytes(b"not ours")
    received = tmp_path / "received" / "99001" / "abcd1234"
    received.mkdir(parents=True)
    (received / "report-x.tmp").write_bytes(b"half a pdf")
    AppServices.open(db, today=lambda: today).close()
    assert _hidden_temps(stick) == [".ghi-chu-cua-nguoi-khac.tmp"]     # only the program's own names
    assert list(received.iterdir()) == []


# -- the command line and the window's lock; two imports of one file --------------------------------

def test_the_command_line_refuses_a_file_the_window_has_open(tmp_path, today):
    db = tmp_path / "xa.sqlite3"
    make_commune(db, today).close()
    before = checksum(db)
    with InstanceLock(db):              # what the window holds while it is open
        done = subprocess.run([sys.executable, "-m", "danvan_desktop", "check", "--db", str(db)],
                              capture_output=True, text=True, env=dict(os.environ, PYTHONIOENCODING="utf-8"))
    assert done.returncode == 2
    assert "đang được một cửa sổ khác của chương trình sử dụng" in done.stderr
    assert "Traceback" not in done.stderr
    assert checksum(db) == before
    done = subprocess.run([sys.executable, "-m", "danvan_desktop", "check", "--db", str(db)],
                          capture_output=True, text=True)
    assert "đang được" not in done.stderr       # closed window: the command runs


def test_two_imports_of_the_same_file_at_once_end_in_words(tmp_path, today):
    commune = make_commune(tmp_path / "xa.sqlite3", today, code="99002")
    file = commune.exchange.exporter.export(tmp_path / "lo1.dvx").path
    commune.close()
    upper_path = tmp_path / "upper.sqlite3"
    make_upper(upper_path, today).close()
    first, second = (AppServices.open(upper_path, today=lambda: today) for _i in range(2))
    results, errors = [], []
    start = threading.Barrier(2)

    def run(services):
        start.wait()
        try:
            results.append(services.exchange.importer.import_file(file, trust_new=True))
        except Exception as exc:  # noqa: BLE001 - the test reports whatever escapes
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(s,)) for s in (first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    first.close()
    second.close()
    assert errors == []
    assert sorted(r.status for r in results) == sorted([APPLIED, ALREADY])
    already = next(r for r in results if r.status == ALREADY)
    assert "đã được nhập" in already.message
