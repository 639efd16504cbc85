"""Start the program: the application object, language and text size, the database, the wizard, the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from danvan_desktop import __version__, logs
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui import excepthook, qt_check
from danvan_desktop.gui.appearance import apply_appearance
from danvan_desktop.gui.main_window import open_window
from danvan_desktop.paths import resource_path
from danvan_desktop.services.errors import StoreError


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("danvan-desktop")
    app.setOrganizationName("danvan")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("danvan-desktop")
    app.setWindowIcon(QIcon(str(resource_path("icons", "danvan.png"))))
    return app


def open_handover_file(window, path: Path) -> None:
    """A .dvx double-clicked in Explorer (`danvan --open FILE`): the hand-over page checks it for import."""
    if "exchange" not in window.page_keys:
        return
    page = window.pages["exchange"]          # built now if it was not yet shown
    if not hasattr(page, "import_tab"):
        return
    window.navigate("exchange", tab="import")
    page.import_tab.check_files([Path(path)])


def run_gui(db_path: Path, demo: bool = False, open_path: Path | None = None) -> int:
    logs.configure()
    app = make_application()
    if (refusal := qt_check.problem()) is not None:
        if sys.stderr is not None:      # None in the windowed bundle
            print(refusal, file=sys.stderr)
        from PySide6.QtWidgets import QMessageBox
        QMessageBox.critical(None, _("Không khởi động được chương trình"), refusal)
        return 3
    excepthook.install()
    if demo and not Path(db_path).exists():
        from danvan_desktop.services.demo.commune import build_demo
        build_demo(db_path).close()
    from danvan_desktop.gui import data_files
    from danvan_desktop.services.unit.data_file import close_data_file, open_data_file
    try:
        services = open_data_file(db_path)
    except (StoreError, RuleError) as exc:
        from PySide6.QtWidgets import QMessageBox
        QMessageBox.critical(None, _("Không mở được dữ liệu"), str(exc))
        return 2
    apply_appearance(app, services)
    window = open_window(services)
    if window is None:
        close_data_file(services)
        return 0
    window.show_restored()
    # the day's copy is queued from the event loop after the first paint, behind the dashboard's first read (two
    # turns of the loop, as the dashboard's: gui/pages/dashboard_page.py): the figures do not wait for the copy
    QTimer.singleShot(0, window, lambda: QTimer.singleShot(0, window, window.file_actions.start_daily_backup))
    if open_path is not None:
        open_handover_file(window, open_path)
    code = app.exec()
    data_files.close_all()
    return code
