"""File dialogs that start where the officer last was (else Documents) and remember it.

Every open/save/folder dialog of the program goes through these three functions, so the folder
chosen once (the USB stick, the reports folder) is offered next time, on every page. The folder is
kept in the user's data folder (dialogs.ini), never in the program's folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from danvan_desktop.paths import user_data_dir

KEY = "dialogs/last_folder"


def _settings() -> QSettings:
    return QSettings(str(user_data_dir() / "dialogs.ini"), QSettings.Format.IniFormat)


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def start_folder() -> Path:
    """The last folder used, if it still exists (a USB stick may be gone), else Documents."""
    last = _settings().value(KEY, "", str)
    if last and Path(last).is_dir():
        return Path(last)
    return documents_folder()


def remember(path: str | Path) -> None:
    if not path:
        return
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    _settings().setValue(KEY, str(folder))


def _start(suggested: str | Path = "", start: str | Path | None = None) -> str:
    folder = Path(start) if start else start_folder()
    if suggested:
        suggested = Path(suggested)
        return str(suggested if suggested.is_absolute() else folder / suggested)
    return str(folder)


def open_file(parent: QWidget | None, title: str, filter_text: str = "", start: str | Path | None = None) -> str:
    name, _chosen = QFileDialog.getOpenFileName(parent, title, _start(start=start), filter_text)
    remember(name)
    return name


def open_files(parent: QWidget | None, title: str, filter_text: str = "", start: str | Path | None = None) -> list[str]:
    names, _chosen = QFileDialog.getOpenFileNames(parent, title, _start(start=start), filter_text)
    if names:
        remember(names[0])
    return names


def save_file(parent: QWidget | None, title: str, suggested: str | Path = "", filter_text: str = "",
              start: str | Path | None = None) -> tuple[str, str]:
    """Returns (path, the chosen filter) like QFileDialog.getSaveFileName."""
    name, chosen = QFileDialog.getSaveFileName(parent, title, _start(suggested, start), filter_text)
    remember(name)
    return name, chosen


def folder(parent: QWidget | None, title: str, start: str | Path | None = None) -> str:
    name = QFileDialog.getExistingDirectory(parent, title, _start(start=start))
    remember(name)
    return name
