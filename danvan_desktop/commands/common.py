"""What every command shares: the data file the command works on."""

from __future__ import annotations

from pathlib import Path

from danvan_desktop.paths import default_db_path


def db_path(args) -> Path:
    """The file named by --db, else the default file in the user's data folder."""
    return Path(args.db) if getattr(args, "db", None) else default_db_path()
