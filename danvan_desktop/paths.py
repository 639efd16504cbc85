"""Where the program's own files live (catalogs, fonts, resources) and where the user's data goes."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
I18N_DIR = PROJECT_DIR / "i18n"
RESOURCES_DIR = PROJECT_DIR / "resources"
FONTS_DIR = RESOURCES_DIR / "fonts"

APP_NAME = "danvan-desktop"


def user_data_dir() -> Path:
    """The per-user data folder (%LOCALAPPDATA%\\danvan-desktop on Windows)."""
    override = os.environ.get("DANVAN_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return user_data_dir() / "danvan.sqlite3"
