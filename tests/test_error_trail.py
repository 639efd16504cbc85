"""A trail when things break: the rotating log in the data folder, the error dialog of the windowed
build (no stderr), a log line for every import/export/approval, and Trợ giúp → Mở thư mục nhật ký."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from danvan_desktop import logs
from danvan_desktop.cli import main
from danvan_desktop.paths import user_data_dir
from danvan_desktop.services.errors import ExchangeError


def _close_the_message_box(seen: list) -> None:
    """Read the message box the handler opened (it runs modally), then close it."""
    def close():
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(20, close)
            return
        box = boxes[0]
        seen.append((box.windowTitle(), box.text(), box.detailedText(), [b.text() for b in box.buttons()]))
        box.done(0)
    QTimer.singleShot(0, close)


def test_the_windowed_error_path_writes_the_log_and_shows_the_dialog_without_stderr(qapp, monkeypatch):
    from danvan_desktop.gui import excepthook
    monkeypatch.setattr(sys, "stderr", None)       # what PyInstaller's windowed build gives the program
    monkeypatch.setattr(sys, "__stderr__", None)
    excepthook.install()
    assert sys.excepthook is excepthook.handle
    try:
        raise ZeroDivisionError("chia cho 0 ở trang Báo cáo")
    except ZeroDivisionError:
        kind, value, tb = sys.exc_info()
    seen: list = []
    _close_the_message_box(seen)
    excepthook.handle(kind, value, tb)

    log_text = (user_data_dir() / "logs" / "danvan.log").read_text(encoding="utf-8")
    assert "ERROR danvan: unexpected error" in log_text
    assert "Traceback (most recent call last)" in log_text and "chia cho 0 ở trang Báo cáo" in log_text
    ((title, text, details, buttons),) = seen
    assert title == "Có lỗi"
    assert "lỗi không mong muốn" in text and str(logs.log_file()) in text and "nhật ký" in text
    assert "ZeroDivisionError: chia cho 0" in details
    assert "Chép chi tiết" in buttons and "Đóng" in buttons


def test_the_command_line_works_with_no_console_streams(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    target = user_data_dir() / "demo.sqlite3"
    assert main(["demo", "--db", str(target)]) == 0 and target.is_file()


def test_imports_exports_and_approvals_are_logged_with_their_outcome(services, tmp_path):
    logs.configure()
    exported = services.exchange.exporter.export(tmp_path / "xa.dvx")
    bad = tmp_path / "hong.dvx"
    bad.write_bytes(b"not a zip at all")
    with pytest.raises(ExchangeError):
        services.exchange.importer.import_file(bad)
    for handler in logging.getLogger("danvan").handlers:
        handler.flush()
    text = logs.log_file().read_text(encoding="utf-8")
    assert f"INFO danvan.activity: export hand-over file {tmp_path / 'xa.dvx'}: ok" in text
    assert f"path={exported.path}" in text
    assert f"WARNING danvan.activity: import hand-over file {bad}: refused — " in text


def test_the_log_rotates(monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    monkeypatch.setattr(logs, "_handler", None)
    log = logging.getLogger("danvan.test")
    logs.configure()
    try:
        for index in range(200):
            log.info("dòng %d của nhật ký, đủ dài để tệp phải xoay vòng", index)
        files = sorted(p.name for p in logs.log_dir().iterdir())
        assert "danvan.log" in files and "danvan.log.1" in files and len(files) <= 1 + logs.BACKUPS
    finally:
        logging.getLogger("danvan").removeHandler(logs._handler)
        logs._handler.close()


def test_the_help_menu_opens_the_log_folder(qtbot, services):
    from danvan_desktop.gui import help_menu
    from danvan_desktop.gui.main_window import MainWindow
    window = MainWindow(services)
    qtbot.addWidget(window)
    (menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Trợ giúp"]
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert "Mở thư mục nhật ký" in texts and "Hướng dẫn sử dụng" in texts and "Giới thiệu chương trình" in texts
    assert help_menu.open_log_folder() == user_data_dir() / "logs"
    assert (user_data_dir() / "logs").is_dir()
