"""A demo database appears whole or not at all: it is built beside its final name and renamed at the end.

A demo that fails half-way (a missing resource, a full disk, Ctrl+C) leaves nothing under the name the
user gave, so the next `danvan demo` or `danvan --demo` does not open a half-built commune.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from danvan_desktop.services.app import AppServices


def _remove(path: Path) -> None:
    for extra in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{extra}").unlink(missing_ok=True)


def build_whole(path: Path, today: dt.date, fill: Callable[[AppServices], None]) -> AppServices:
    """Open a scratch database beside `path`, let `fill` write it, then move it to `path` and reopen it."""
    part = path.with_name(path.name + ".part")
    _remove(part)
    path.parent.mkdir(parents=True, exist_ok=True)
    services = AppServices.open(part, today=lambda: today)
    try:
        fill(services)
    except BaseException:
        services.close()
        _remove(part)
        raise
    services.close()          # the last connection: SQLite folds the WAL back into the file
    os.replace(part, path)
    return AppServices.open(path, today=lambda: today)
