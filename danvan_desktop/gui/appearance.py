"""The look the user chose in Cài đặt: text size for every widget, Qt's own strings in the chosen language."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from danvan_desktop.domain.i18n import set_language
from danvan_desktop.services.app import AppServices

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
    translator = QTranslator(app)
    if language == "vi" and translator.load("qtbase_vi", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
        _qt_translator = translator
