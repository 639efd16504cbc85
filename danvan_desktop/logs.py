"""The program's log: one rotating file in the user's data folder, configured once at start.

Errors with their tracebacks, and one line for every import, export and approval with its outcome
(services/activity.py), go to <data folder>/logs/danvan.log — 1 MB, five older files kept. The
windowed Windows build has no console (`sys.stderr is None`), so this file is where support looks
first; Trợ giúp → Mở thư mục nhật ký opens its folder.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from danvan_desktop.paths import user_data_dir

LOGGER = "danvan"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUPS = 5
_handler: logging.handlers.RotatingFileHandler | None = None


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
    _handler = logging.handlers.RotatingFileHandler(target, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                    encoding="utf-8", delay=True)
    _handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(_handler)
    logger.setLevel(level)
    return target
