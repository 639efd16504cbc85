"""One running copy per database file: a lock file beside it, released when the program ends.

The operating system's own lock on an open file (fcntl's flock on Linux and macOS, msvcrt's locking on
Windows), taken without waiting: a second window or a command on the same file is refused at once, and a
crashed program's lock goes with its process. (The filelock package did the same in ~17 ms of imports, a
tenth of a bare window's start, at every start.)
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from danvan_desktop.store.errors import DatabaseLocked


class InstanceLock:
    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.lock_path = Path(str(self.db_path) + ".lock")
        self._fd: int | None = None

    @property
    def is_locked(self) -> bool:
        return self._fd is not None

    def acquire(self) -> InstanceLock:
        if self._fd is not None:
            return self
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)     # (no O_TRUNC: Windows refuses to cut a locked file)
        try:
            _lock(fd)
        except OSError as exc:
            os.close(fd)
            raise DatabaseLocked(self.db_path) from exc
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)
        if sys.platform == "win32":        # as filelock did: the file goes with the lock on Windows
            with contextlib.suppress(OSError):
                self.lock_path.unlink()

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)     # OSError when another process holds it

    def _unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)   # BlockingIOError when another open file holds it

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
