"""Where the program's own files live (package data) and where the user's data goes.

The program's files — fonts with their licences, layout profiles, compiled catalogs, the icon and the
user guide — are package data under danvan_desktop/resources/, found through importlib.resources, so
a wheel installed anywhere, an editable checkout and the PyInstaller bundle all read them the same way.
The package is installed as plain files (never zipped), so each resource is a real path.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "danvan-desktop"


def resource_path(*parts: str) -> Path:
    """A file or folder under danvan_desktop/resources/."""
    return Path(os.fspath(resources.files("danvan_desktop").joinpath("resources", *parts)))


RESOURCES_DIR = resource_path()
FONTS_DIR = resource_path("fonts")


def user_data_dir() -> Path:
    """The per-user data folder (%LOCALAPPDATA%\\danvan-desktop on Windows)."""
    override = os.environ.get("DANVAN_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return user_data_dir() / "danvan.sqlite3"
