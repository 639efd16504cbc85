"""The Tệp menu and the backup dialogs in the window: open another data file with the start-up
checks, back up now, restore a copy (listed with its contents, checked, confirmed) and reopen."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from danvan_desktop.gui import data_files
from danvan_desktop.gui.main_window import MainWindow
from danvan_desktop.gui.pages.settings.restore_dialog import RestoreDialog
from danvan_desktop.services.unit.backups import BackupService
from danvan_desktop.services.unit.data_file import open_data_file
from danvan_desktop.services.unit.recent_files import RecentFiles
from danvan_desktop.store.errors import DatabaseLocked
from danvan_desktop.store.instance_lock import InstanceLock
from tests.conftest import TODAY
from tests.digest import row_digests


def copy_of(template: Path, folder: Path, name: str = "danvan.sqlite3") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, folder / name)
    return folder / name


@pytest.fixture
def window(qtbot, demo_template, tmp_path):
    path = copy_of(demo_template, tmp_path / "office")
    services = open_data_file(path, lambda: TODAY)
    w = MainWindow(services)
    w.quiet_messages = True
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    yield w
    data_files.close_all()


def test_the_file_goes_to_the_top_of_the_recent_list_once_the_window_is_painted(window, qtbot):
    """(Written after the first paint, not while the window waits: data_files.FileActions.remember.)"""
    path = Path(window.services.db.path).resolve()
    qtbot.waitUntil(lambda: [p.resolve() for p in RecentFiles().list()][:1] == [path])


def newest(w: MainWindow) -> MainWindow:
    while getattr(w, "successor", None) is not None:
        w = w.successor
    return w


def test_the_file_menu_opens_another_data_file_with_the_start_up_checks(window, demo_template, tmp_path, qtbot):
    menu = window.file_actions.menu
    assert menu.title() == "&Tệp" and window.menuBar().actions()[0].menu() is menu
    assert window.file_actions.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    first = window.services.db.path
    # a file that is not ours is refused, and the window stays on its file
    stranger = tmp_path / "khac.sqlite3"
    conn = sqlite3.connect(stranger)
    conn.execute("CREATE TABLE so_sach (ten TEXT)")
    conn.close()
    before = stranger.read_bytes()
    assert window.file_actions.open_file(stranger) is None
    assert "không phải tệp dữ liệu" in window.file_actions.last_message and stranger.read_bytes() == before
    # a file another window holds is refused too
    second = copy_of(demo_template, tmp_path / "xa2")
    with InstanceLock(second):
        assert window.file_actions.open_file(second) is None
        assert "cửa sổ khác" in window.file_actions.last_message
    # then it opens: a new window on it, the first file closed and its lock freed
    opened = window.file_actions.open_file(second)
    assert opened is not None and newest(window) is opened
    assert Path(opened.services.db.path) == second
    assert not window.isVisible() and opened.isVisible()
    with InstanceLock(first):
        pass
    with pytest.raises(DatabaseLocked):
        InstanceLock(second).acquire()
    assert [p.resolve() for p in RecentFiles().list()][:2] == [second.resolve(), Path(first).resolve()]
    opened.file_actions.fill_recent()
    assert [a.text() for a in opened.file_actions.recent_menu.actions()] == [str(Path(first).resolve())]


def test_back_up_now_then_restore_from_the_list_gives_the_rows_back(window, tmp_path, qtbot):
    path = Path(window.services.db.path)
    backed = row_digests(path)
    window.file_actions.back_up_now(tmp_path / "usb")
    qtbot.waitUntil(lambda: getattr(window.file_actions, "last_backup", None) is not None, timeout=20_000)
    usb_copy = window.file_actions.last_backup
    assert "Đã sao lưu vào" in window.file_actions.last_message and "xã Yên Phú" in window.file_actions.last_message
    # the day's automatic copy lands in the backups folder
    window.file_actions.start_daily_backup()
    qtbot.waitUntil(lambda: any(e.reason == "daily" for e in window.file_actions.backups.copies()), timeout=20_000)
    # work goes on after the copy
    window.services.db.conn.execute("UPDATE bloc_members SET phone = '0000'")
    changed = row_digests(path)
    assert changed != backed
    dialog = RestoreDialog(BackupService(path), window.services.jobs)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.contents_loaded, timeout=20_000)
    assert dialog.table.rowCount() == 1 and "Tự động" in dialog.table.item(0, 1).text()
    assert "thành viên đương nhiệm" in dialog.table.item(0, 3).text()
    asked = []
    dialog.ask = lambda box: asked.append(box.informativeText()) or QMessageBox.StandardButton.Yes
    dialog.check(usb_copy)
    qtbot.waitUntil(lambda: dialog.chosen is not None, timeout=20_000)
    assert "xã Yên Phú" in asked[0] and "Trước khi khôi phục" in asked[0]
    window.file_actions.restore(dialog.chosen)
    qtbot.waitUntil(lambda: newest(window) is not window, timeout=20_000)
    reopened = newest(window)
    assert row_digests(path) == backed
    assert "Đã khôi phục dữ liệu" in reopened.file_actions.last_message
    kept = [e for e in reopened.file_actions.backups.copies() if e.reason == "before-restore"]
    assert len(kept) == 1 and row_digests(kept[0].path) == changed
    with pytest.raises(DatabaseLocked):          # the reopened window still holds the file
        InstanceLock(path).acquire()
    assert reopened.services.roster.current()    # and reads it


def test_a_damaged_copy_is_refused_in_the_dialog_and_nothing_changes(window, tmp_path, qtbot):
    path = Path(window.services.db.path)
    bad = tmp_path / "hong.sqlite3"
    shutil.copyfile(path, bad)
    bad.write_bytes(bad.read_bytes()[:8192])
    dialog = RestoreDialog(BackupService(path), window.services.jobs)
    qtbot.addWidget(dialog)
    warned = []
    dialog.warn = warned.append
    original = path.read_bytes()
    dialog.check(bad)
    qtbot.waitUntil(lambda: bool(warned), timeout=20_000)
    assert "Không thể khôi phục" in warned[0] and "Không có gì bị thay đổi" in warned[0]
    assert dialog.chosen is None and path.read_bytes() == original


def test_the_settings_page_offers_backups(window):
    window.navigate("settings")
    box = window.pages["settings"].backup_box
    assert box.back_up.text() == "Sao lưu ngay…" and box.restore.text() == "Khôi phục từ bản sao lưu…"
    assert "Chưa có bản sao lưu nào" in box.summary.text()
