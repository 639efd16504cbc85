"""Start the program: the application object, language and text size, the database, the wizard, the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from danvan_desktop.domain.i18n import _, set_language
from danvan_desktop.domain.records import RuleError
from danvan_desktop import __version__, logs
from danvan_desktop.gui import excepthook
from danvan_desktop.gui.qt_strings import QtStrings
from danvan_desktop.paths import resource_path
from danvan_desktop.services.app import AppServices
from danvan_desktop.store.errors import StoreError
from danvan_desktop.store.instance_lock import InstanceLock


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("danvan-desktop")
    app.setOrganizationName("danvan")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("danvan-desktop")
    app.setWindowIcon(QIcon(str(resource_path("icons", "danvan.png"))))
    return app


_qt_translator: QTranslator | None = None


def apply_appearance(app: QApplication, services: AppServices) -> None:
    """Text size for every widget, and Qt's own strings (dialog buttons) in the chosen language.
    Called again when the user changes either in Cài đặt: open widgets take the new size at once."""
    global _qt_translator
    font = QFont(app.font())
    font.setPointSize(services.preferences.font_size())
    app.setFont(font)
    # Qt passes a new application font on to existing widgets only inside exec(); open windows are
    # given it directly so the change shows at once whatever the state of the event loop
    for window in app.topLevelWidgets():
        window.setFont(font)
    language = services.preferences.language()
    set_language(language)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English))
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    if language == "vi":          # PySide6 ships no qtbase_vi.qm: our own table (gui/qt_strings.py)
        _qt_translator = QtStrings(app)
        app.installTranslator(_qt_translator)


def open_window(services: AppServices):
    from danvan_desktop.gui.main_window import MainWindow
    from danvan_desktop.gui.setup_wizard import SetupWizard

    if not services.setup.is_set_up():
        wizard = SetupWizard(services.setup)
        if not wizard.exec():
            return None
    return MainWindow(services)


def open_handover_file(window, path: Path) -> None:
    """A .dvx double-clicked in Explorer (`danvan --open FILE`): the hand-over page checks it for import."""
    page = window.pages.get("exchange")
    if page is None or not hasattr(page, "import_tab"):
        return
    window.navigate("exchange", tab="import")
    page.import_tab.check_files([Path(path)])


def run_gui(db_path: Path, demo: bool = False, open_path: Path | None = None) -> int:
    logs.configure()
    app = make_application()
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
    if open_path is not None:
        open_handover_file(window, open_path)
    code = app.exec()
    services.close()
    lock.release()
    return code
