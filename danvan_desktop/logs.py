"""The program's log: one rotating file in the user's data folder, configured once at start.

Errors with their tracebacks, and one line for every import, export and approval with its outcome
(services/activity.py), go to <data folder>/logs/danvan.log — 1 MB, five older files kept. The
windowed Windows build has no console (`sys.stderr is None`), so this file is where support looks
first; Trợ giúp → Mở thư mục nhật ký opens its folder.

The rotation is logging.handlers.RotatingFileHandler's, in a few lines here: importing logging.handlers
brings socket, pickle and queue with it, ~10 ms of every start before the window is on screen.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from danvan_desktop.paths import user_data_dir

LOGGER = "danvan"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUPS = 5


class RotatingFile(logging.FileHandler):
    """A log file moved to `.1` (`.1` to `.2` …, the oldest dropped) when the next record would take it to
    `max_bytes`: RotatingFileHandler's rule. Opened on the first record."""

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full(record):
                self._rotate()
        except Exception:  # noqa: BLE001 — as logging's own handlers: a record that cannot be written never raises
            self.handleError(record)
            return
        super().emit(record)

    def _full(self, record: logging.LogRecord) -> bool:
        if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
            return False
        if self.stream is None:
            self.stream = self._open()
        self.stream.seek(0, 2)
        return self.max_bytes > 0 and self.stream.tell() + len(f"{self.format(record)}\n") >= self.max_bytes

    def _rotate(self) -> None:
        if self.stream:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for index in range(self.backups - 1, 0, -1):
            older, newer = f"{base}.{index}", f"{base}.{index + 1}"
            if os.path.exists(older):
                if os.path.exists(newer):
                    os.remove(newer)
                os.rename(older, newer)
        if self.backups > 0:
            if os.path.exists(f"{base}.1"):
                os.remove(f"{base}.1")
            if os.path.exists(base):
                os.rename(base, f"{base}.1")


_handler: RotatingFile | None = None


def log_dir() -> Path:
    path = user_data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    return log_dir() / "danvan.log"


def configure(level: int = logging.INFO) -> Path | None:
    """Send the program's records ("danvan" and below) to the rotating file. Called at start; calling
    it again is harmless, and follows the data folder if it changed (tests give each its own).
    Returns the file, or None when the data folder cannot be written (the program still runs)."""
    global _handler
    logger = logging.getLogger(LOGGER)
    try:
        target = log_file()
    except OSError:
        return None
    if _handler is not None:
        if Path(_handler.baseFilename) == target.resolve():
            return target
        logger.removeHandler(_handler)
        _handler.close()
    _handler = RotatingFile(target, MAX_BYTES, BACKUPS)
    _handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(_handler)
    logger.setLevel(level)
    return target
