"""Where the program's own files live (package data) and where the user's data goes.

The program's files — fonts with their licences, layout profiles, compiled catalogs, the icon and the
user guide — are package data under danvan_desktop/resources/, found beside the package's own modules, so a
wheel installed anywhere, an editable checkout and the PyInstaller bundle (which collects them beside the
package's compiled modules) all read them the same way. The package is installed as plain files (never
zipped), so each resource is a real path: importlib.resources would give the same paths, for ~6 ms of imports
at every start. platformdirs is imported when the data folder is first asked for.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "danvan-desktop"
PACKAGE_DIR = Path(os.path.dirname(os.path.abspath(__file__)))


def package_path(*parts: str) -> Path:
    """A file or folder of the package's data (ui/, resources/, store/migrations/ …)."""
    return PACKAGE_DIR.joinpath(*parts)


def resource_path(*parts: str) -> Path:
    """A file or folder under danvan_desktop/resources/."""
    return package_path("resources", *parts)


RESOURCES_DIR = resource_path()
FONTS_DIR = resource_path("fonts")


def user_data_dir() -> Path:
    """The per-user data folder (%LOCALAPPDATA%\\danvan-desktop on Windows)."""
    override = os.environ.get("DANVAN_DATA_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return user_data_dir() / "danvan.sqlite3"
