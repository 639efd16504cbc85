"""Which data file the program works on: opening one with the start-up checks (the instance lock,
a file that is not ours or too new refused untouched, an older one upgraded after a backup),
closing it, and pausing it around a restore while keeping its lock. The GUI's "Mở tệp dữ liệu
khác…" and start-up both come through here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.services.app import AppServices
from danvan_desktop.store import backup as store_backup
from danvan_desktop.store.errors import StoreError
from danvan_desktop.store.instance_lock import InstanceLock

__all__ = ["StoreError", "check_ours", "close_data_file", "open_data_file", "resume", "suspend"]


def check_ours(path: Path | str) -> None:
    """Refuse, untouched, an existing file that is not one of ours, is damaged or too new
    (a new or empty file is fine: it becomes a database)."""
    path = Path(path)
    if path.is_file() and path.stat().st_size > 0:
        store_backup.inspect(path, check=False, purpose="open")


def open_data_file(path: Path | str, today: Callable[[], dt.date] = vietnam_today) -> AppServices:
    """Take the file's lock and open it; the lock is released by close_data_file."""
    path = Path(path)
    check_ours(path)
    lock = InstanceLock(path).acquire()
    try:
        # the received folder's temp files: swept by the job runner, off the window's start (services/app.py)
        services = AppServices.open(path, today, sweep_received=False)
    except BaseException:
        lock.release()
        raise
    services.instance_lock = lock
    return services


def close_data_file(services: AppServices) -> None:
    services.close()
    lock = getattr(services, "instance_lock", None)
    if lock is not None:
        lock.release()
        services.instance_lock = None


def suspend(services: AppServices) -> InstanceLock | None:
    """Close the window's connection but keep the file's lock (no other window may open it meanwhile) and
    the job runner: the restore runs there (a job with connection=False: the runner closes its own
    connection before it), and the caller shuts the runner down once the restore is over."""
    services.db.close()
    lock = getattr(services, "instance_lock", None)
    services.instance_lock = None
    return lock


def resume(path: Path | str, lock: InstanceLock | None,
           today: Callable[[], dt.date] = vietnam_today) -> AppServices:
    """Open the file again under the lock kept by suspend()."""
    try:
        services = AppServices.open(Path(path), today)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    services.instance_lock = lock
    return services


def file_lock(path: Path | str) -> InstanceLock:
    """The lock the window holds on a data file (one running copy per file), for a command to take: while
    the window has the file open, acquiring it is refused in words (DatabaseLocked)."""
    return InstanceLock(path)
