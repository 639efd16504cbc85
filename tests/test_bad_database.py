"""A database the program cannot use: each case gets a clear Vietnamese message, the window is never
opened on it, no traceback is shown, and the file is left byte for byte as it was."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from danvan_desktop.cli import main
from danvan_desktop.services.app import AppServices
from danvan_desktop.store import migrate
from danvan_desktop.store.errors import (
    DatabaseLocked,
    IsAFolder,
    NewerDatabase,
    NotADatabase,
    ReadOnlyDatabase,
)
from danvan_desktop.store.instance_lock import InstanceLock

NOBODY = 65534
ROOT_DIR = Path(__file__).resolve().parents[1]


@pytest.fixture
def demo_file(tmp_path) -> Path:
    from danvan_desktop.services.demo.commune import build_demo
    path = tmp_path / "demo.sqlite3"
    build_demo(path).close()
    for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        assert not extra.exists()   # closed cleanly: one file to carry
    shutil.rmtree(tmp_path / "backups", ignore_errors=True)
    return path


@contextlib.contextmanager
def as_other_user():
    """Run the block as an unprivileged user: root may write to a read-only file, an officer may not."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def shared_dir():
    """A folder an unprivileged user can reach (pytest's own tmp folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="danvan-ro-"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):
        with contextlib.suppress(OSError):
            path.chmod(0o755 if path.is_dir() else 0o644)
    folder.chmod(0o755)
    shutil.rmtree(folder, ignore_errors=True)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "bao-cao.sqlite3"
    path.write_bytes("Báo cáo tháng 10 — không phải cơ sở dữ liệu\n".encode() * 40)
    before = path.read_bytes()
    with pytest.raises(NotADatabase) as caught:
        AppServices.open(path)
    assert "không phải là tệp dữ liệu của chương trình" in str(caught.value)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name != "userdata"] == ["bao-cao.sqlite3"]


def test_a_damaged_file_with_a_sqlite_header(tmp_path):
    path = tmp_path / "hong.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 8)
    before = path.read_bytes()
    with pytest.raises(NotADatabase):
        AppServices.open(path)
    assert path.read_bytes() == before


def test_a_folder_instead_of_a_file(tmp_path):
    folder = tmp_path / "Dữ liệu"
    folder.mkdir()
    with pytest.raises(IsAFolder) as caught:
        AppServices.open(folder)
    assert "là một thư mục" in str(caught.value)
    assert list(folder.iterdir()) == []


def test_a_file_from_a_newer_program(demo_file):
    conn = sqlite3.connect(demo_file)
    conn.execute(f"PRAGMA user_version = {migrate.latest_version() + 1}")
    conn.close()
    before = snapshot(demo_file.parent)
    with pytest.raises(NewerDatabase) as caught:
        AppServices.open(demo_file)
    assert "phiên bản mới hơn" in str(caught.value)
    assert snapshot(demo_file.parent) == before


def test_a_read_only_file(demo_file, shared_dir):
    path = shared_dir / demo_file.name
    shutil.copyfile(demo_file, path)
    path.chmod(0o444)
    shared_dir.chmod(0o777)
    before = path.read_bytes()
    with as_other_user(), pytest.raises(ReadOnlyDatabase) as caught:
        AppServices.open(path)
    assert "chỉ cho phép đọc" in str(caught.value)
    assert path.read_bytes() == before


def test_a_file_in_a_read_only_folder(demo_file, shared_dir):
    path = shared_dir / demo_file.name
    shutil.copyfile(demo_file, path)
    path.chmod(0o666)
    shared_dir.chmod(0o555)     # a write-protected USB stick: SQLite cannot make its journal beside the file
    before = snapshot(shared_dir)
    with as_other_user(), pytest.raises(ReadOnlyDatabase):
        AppServices.open(path)
    assert snapshot(shared_dir) == before


def test_a_file_locked_by_another_running_copy(demo_file):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from danvan_desktop.store.instance_lock import InstanceLock; "
         "lock = InstanceLock(sys.argv[1]).acquire(); print('held', flush=True); sys.stdin.read()", str(demo_file)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT_DIR,
        env={**os.environ, "PYTHONPATH": str(ROOT_DIR)})
    try:
        assert holder.stdout.readline().strip() == "held"
        before = demo_file.read_bytes()
        with pytest.raises(DatabaseLocked) as caught:
            InstanceLock(demo_file).acquire()
        assert "đang được một cửa sổ khác của chương trình sử dụng" in str(caught.value)
        assert demo_file.read_bytes() == before
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    with InstanceLock(demo_file):   # free again once the other copy has closed
        pass


def test_the_command_line_says_it_in_vietnamese_without_a_traceback(tmp_path, capsys):
    path = tmp_path / "khong-phai.sqlite3"
    path.write_text("xin chào", encoding="utf-8")
    assert main(["check", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: Tệp «") and "Traceback" not in err
    assert path.read_text(encoding="utf-8") == "xin chào"


def test_the_window_shows_the_message_and_does_not_open(tmp_path, qapp, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from danvan_desktop.gui import app as gui_app
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text, *a: shown.append(
        (title, text))))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    opened: list = []
    monkeypatch.setattr(gui_app, "open_window", lambda services: opened.append(services))
    folder = tmp_path / "một thư mục"
    folder.mkdir()
    assert gui_app.run_gui(folder) == 2
    assert shown == [("Không mở được dữ liệu", f"«{folder}» là một thư mục, không phải tệp dữ liệu. Hãy chọn "
                                                "tệp dữ liệu của chương trình (đuôi .sqlite3). Không có gì bị "
                                                "thay đổi.")]
    assert opened == []


def test_a_second_window_on_the_same_file_is_told_it_is_in_use(demo_file, qapp, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from danvan_desktop.gui import app as gui_app
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text, *a: shown.append(text)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    opened: list = []
    monkeypatch.setattr(gui_app, "open_window", lambda services: opened.append(services))
    before = demo_file.read_bytes()
    with InstanceLock(demo_file):          # the first copy of the program holds the file
        assert gui_app.run_gui(demo_file) == 2
    assert shown == [f"Tệp dữ liệu «{demo_file}» đang được một cửa sổ khác của chương trình sử dụng. Hãy đóng "
                     "cửa sổ đó rồi thử lại."]
    assert opened == [] and demo_file.read_bytes() == before
