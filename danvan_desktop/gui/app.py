"""Start the program: the application object, language and text size, the database, the wizard, the window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui import excepthook, qt_check
from danvan_desktop.gui.appearance import apply_appearance
from danvan_desktop.gui.main_window import MainWindow
from danvan_desktop.gui.setup_wizard import SetupWizard
from danvan_desktop.services.app import AppServices
from danvan_desktop.store.errors import StoreError
from danvan_desktop.store.instance_lock import InstanceLock


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("danvan-desktop")
    app.setOrganizationName("danvan")
    return app


def open_window(services: AppServices):
    if not services.setup.is_set_up():
        wizard = SetupWizard(services.setup)
        if not wizard.exec():
            return None
    return MainWindow(services)


def run_gui(db_path: Path, demo: bool = False) -> int:
    logging.basicConfig(level=logging.INFO)
    app = make_application()
    if (refusal := qt_check.problem()) is not None:
        if sys.stderr is not None:      # None in the windowed bundle
            print(refusal, file=sys.stderr)
        QMessageBox.critical(None, _("Không khởi động được chương trình"), refusal)
        return 3
    excepthook.install()
    if demo and not Path(db_path).exists():
        from danvan_desktop.services.demo.commune import build_demo
        build_demo(db_path).close()
    lock = InstanceLock(db_path)
    try:
        lock.acquire()
        services = AppServices.open(db_path)
    except (StoreError, RuleError) as exc:
        QMessageBox.critical(None, _("Không mở được dữ liệu"), str(exc))
        return 2
    apply_appearance(app, services)
    window = open_window(services)
    if window is None:
        services.close()
        lock.release()
        return 0
    window.show()
    code = app.exec()
    services.close()
    lock.release()
    return code
