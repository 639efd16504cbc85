"""One running copy per database file: a lock file beside it, released when the program ends."""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from danvan_desktop.store.errors import DatabaseLocked


class InstanceLock:
    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self._lock = FileLock(str(self.db_path) + ".lock", timeout=0)

    def acquire(self) -> InstanceLock:
        try:
            self._lock.acquire()
        except Timeout as exc:
            raise DatabaseLocked(self.db_path) from exc
        return self

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
