"""The Tệp menu: open another data file (Ctrl+O) or a recent one, back up now, restore from a
backup; and the day's automatic backup at start. Long work runs on the file's job runner, never on the GUI
thread; the window is reopened on the chosen or restored file (docs/backups.md)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui.appearance import apply_appearance
from danvan_desktop.gui.open_windows import take_over
from danvan_desktop.gui.shortcuts import set_key
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.unit.data_file import (
    StoreError,
    close_data_file,
    open_data_file,
    resume,
    suspend,
)

# The services of every open window's file; the program closes them (and frees their locks) at exit.
OPEN_FILES: list[AppServices] = []


def adopt(services: AppServices) -> None:
    if services not in OPEN_FILES:
        OPEN_FILES.append(services)


def close_all() -> None:
    while OPEN_FILES:
        close_data_file(OPEN_FILES.pop())


def _same(a, b) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


class FileActions(QObject):
    """Built by each main window; `window.file_actions`."""

    def __init__(self, window, open_window) -> None:
        super().__init__(window)
        self.window = window
        self.open_window = open_window      # services -> a new main window (or None if set-up was cancelled)
        self.services: AppServices = window.services
        self.path = Path(self.services.db.path)
        self._listed = False
        self.successor = None
        bar = window.menuBar()
        menu = QMenu(_("&Tệp"), window)
        first = bar.actions()[0] if bar.actions() else None
        bar.insertMenu(first, menu) if first else bar.addMenu(menu)
        self.menu = menu
        self.open_action = menu.addAction(_("Mở tệp dữ liệu khác…"))
        set_key(self.open_action, QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_and_open)
        self.recent_menu = menu.addMenu(_("Tệp mở gần đây"))
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        menu.addSeparator()
        menu.addAction(_("Sao lưu ngay…")).triggered.connect(lambda: self.back_up_now())
        menu.addAction(_("Khôi phục từ bản sao lưu…")).triggered.connect(self.open_restore_dialog)
        menu.addSeparator()
        menu.addAction(_("Thoát")).triggered.connect(window.close)
        adopt(self.services)
        # the recent list (a JSON file in the data folder, found through platformdirs) is written after the
        # window's first paint: two turns of the event loop, as the dashboard's first read (dashboard_page.py)
        QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self.remember))

    @cached_property
    def backups(self):
        """The file's backups (services/unit/backups.py, imported when first asked for: not before the first paint)."""
        from danvan_desktop.services.unit.backups import BackupService
        return BackupService(self.path)

    @cached_property
    def recent(self):
        from danvan_desktop.services.unit.recent_files import RecentFiles
        return RecentFiles()

    def remember(self) -> None:
        """This file at the top of the recent list, once: after the first paint, or before another file is opened."""
        if not self._listed:
            self._listed = True
            self.recent.add(self.path)

    # -- other files ----------------------------------------------------------------------
    def fill_recent(self) -> None:
        self.remember()
        self.recent_menu.clear()
        others = [p for p in self.recent.list() if not _same(p, self.path)]
        for path in others:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_file(p))
        if not others:
            self.recent_menu.addAction(_("(chưa có tệp nào khác)")).setEnabled(False)

    def choose_and_open(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # (its class and enums are made on first use: not at start)
        name, _filter = QFileDialog.getOpenFileName(self.window, _("Mở tệp dữ liệu khác"), str(self.path.parent),
                                                    _("Tệp dữ liệu (*.sqlite3 *.db);;Mọi tệp (*)"))
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path):
        """The same checks as at start: lock, not ours or too new refused untouched, upgrade after a
        backup. The current file stays open until the new one has opened."""
        path = Path(path)
        if _same(path, self.path):
            return None
        try:
            services = open_data_file(path, self.services.today)
        except (StoreError, RuleError, OSError) as exc:
            self.warn(_("Không mở được tệp dữ liệu"), str(exc))
            return None
        apply_appearance(QApplication.instance(), services)
        window = self.open_window(services)
        if window is None:          # the setup wizard was cancelled for a new file
            close_data_file(services)
            return None
        self.remember()          # (this file first, if the first paint has not listed it yet)
        self.recent.add(path)
        self._hand_over_to(window)
        close_data_file(self.services)
        if self.services in OPEN_FILES:
            OPEN_FILES.remove(self.services)
        window.file_actions.start_daily_backup()
        return window

    def _hand_over_to(self, window) -> None:
        window.setGeometry(self.window.geometry())
        window.quiet_messages = getattr(self.window, "quiet_messages", False)
        if self.window.isMaximized():
            window.showMaximized()
        elif self.window.isVisible():
            window.show()
        take_over(self.window, window)
        self.successor = window
        self.window.successor = window
        self.window.close()

    # -- backups --------------------------------------------------------------------------
    def start_daily_backup(self) -> None:
        """The first start of a day copies the file, quietly, off the GUI thread."""
        from danvan_desktop.services.unit.backups import in_steps
        if not self.backups.daily_due():
            return
        from danvan_desktop.gui.worker import run_quiet  # (Qt's namespace: not at start)
        run_quiet(self.services.jobs, lambda _none: in_steps(lambda progress: self.backups.take_daily(progress), ""),
                  self._daily_done, lambda exc, _details: self._daily_failed(exc), connection=False)

    def _daily_done(self, path) -> None:
        if path is not None:
            self.window.statusBar().showMessage(_("Đã tự động sao lưu dữ liệu hôm nay: {name}").format(
                name=Path(path).name), 10_000)

    def _daily_failed(self, exc) -> None:
        if exc is not None:
            self.window.statusBar().showMessage(_("Chưa sao lưu tự động được: {error}").format(error=exc))

    def back_up_now(self, folder: Path | None = None) -> None:
        from danvan_desktop.services.unit.backups import in_steps
        if folder is None:
            from PySide6.QtWidgets import QFileDialog
            name = QFileDialog.getExistingDirectory(self.window, _("Chọn thư mục hoặc USB để ghi bản sao lưu"),
                                                    str(self.backups.folder))
            if not name:
                return
            folder = Path(name)
        from danvan_desktop.gui.worker import run_job  # (Qt's namespace: not at start)
        run_job(self.services.jobs, self.window, _("Đang sao lưu…"),
                lambda _none: in_steps(lambda progress: self.backups.back_up_now(folder, progress),
                                       _("Đang sao lưu vào {folder}…").format(folder=folder)),
                on_done=self._backed_up, on_error=self._backup_failed, connection=False)

    def _backed_up(self, path: Path) -> None:
        from danvan_desktop.services.unit.backups import contents_text, file_size
        info = self.backups.describe(path, check=False)
        text = _("Đã sao lưu vào «{path}» ({size}).").format(path=path, size=file_size(info.size))
        self.window.statusBar().showMessage(text, 15_000)
        self.inform(_("Đã sao lưu"), text + "\n\n" + contents_text(info))
        self.last_backup = path

    def _backup_failed(self, exc, details: str) -> None:
        if exc is not None:
            self.warn(_("Không sao lưu được"), str(exc))

    def open_restore_dialog(self) -> None:
        from danvan_desktop.gui.pages.settings.restore_dialog import RestoreDialog
        dialog = RestoreDialog(self.backups, self.services.jobs, self.window)
        self.restore_dialog = dialog
        if dialog.exec() and dialog.chosen is not None:
            self.restore(dialog.chosen)

    def restore(self, backup: Path) -> None:
        """Close the window's connection (keeping the file's lock), replace the file on the job runner (which
        closes its own connection first), then end that runner and reopen the window on the file."""
        from danvan_desktop.services.unit.backups import in_steps
        lock = suspend(self.services)
        if self.services in OPEN_FILES:
            OPEN_FILES.remove(self.services)
        jobs = self.services.jobs

        def finish(done, error=None) -> None:
            jobs.shutdown()            # the old services' runner: its last job is over
            self._reopen(lock, done, error)
        from danvan_desktop.gui.worker import run_job  # (Qt's namespace: not at start)
        run_job(jobs, self.window, _("Đang khôi phục dữ liệu…"),
                lambda _none: in_steps(lambda progress: self.backups.restore(backup, progress, holding_lock=True),
                                       _("Đang khôi phục từ {name}…").format(name=Path(backup).name)),
                on_done=finish, on_error=lambda exc, details: finish(None, exc), connection=False)

    def _reopen(self, lock, done, error=None) -> None:
        from danvan_desktop.services.unit.backups import contents_text
        try:
            services = resume(self.path, lock, self.services.today)
        except (StoreError, RuleError, OSError) as exc:
            self.warn(_("Không mở lại được tệp dữ liệu"), str(exc))
            return
        adopt(services)
        window = self.open_window(services)
        if window is None:
            return
        self._hand_over_to(window)
        if done is not None:
            text = _("Đã khôi phục dữ liệu từ «{backup}».").format(backup=done.backup.path)
            if done.kept is not None:
                text += "\n" + _("Dữ liệu trước khi khôi phục được giữ tại «{path}»; muốn quay lại, hãy khôi phục "
                                 "bản đó (loại «Trước khi khôi phục»).").format(path=done.kept)
            window.statusBar().showMessage(_("Đã khôi phục dữ liệu."), 15_000)
            window.file_actions.inform(_("Đã khôi phục"), text + "\n\n" + contents_text(done.backup))
        elif error is not None:
            window.file_actions.warn(_("Không khôi phục được"), str(error))

    # -- messages (tests read them instead of clicking a box) -----------------------------
    def inform(self, title: str, text: str) -> None:
        self.last_message = text
        if not getattr(self.window, "quiet_messages", False):
            from PySide6.QtWidgets import QMessageBox  # (made on first use: not at start)
            QMessageBox.information(self.window, title, text)

    def warn(self, title: str, text: str) -> None:
        self.last_message = text
        if not getattr(self.window, "quiet_messages", False):
            from PySide6.QtWidgets import QMessageBox
            QMessageBox.warning(self.window, title, text)
