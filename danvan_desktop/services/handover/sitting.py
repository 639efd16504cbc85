"""An import sitting's write transaction: the files of a sitting share one transaction, each file a savepoint.

A durable commit (synchronous=FULL) costs more than importing a province file's ~57 records; one commit
per file made it the largest cost of a month's 200 files. So the sitting opens one write transaction at
its first file and each file is a savepoint of it: a refused or failing file rolls back its savepoint only
and changes nothing; the files before it stay. The transaction is committed at the end of the sitting
(also when it is cancelled between two files, or ends on an error: every file inside is whole), before
the day's backup copy (which must not see a half-open transaction), after any file when another connection
of the program is waiting to write (the window's save waits for one file at most: Database.writer_waiting),
and at least every GROUP_SECONDS, which bounds the work a failure rolling the whole transaction back (a full
disk) leaves to import again. Fewer commits write each hot page of the indexes fewer times: at 0.25 s a
province's month took ~20 commits, which cost more than the inserts.

Those commits in the middle of a sitting only let another writer in: they are made with synchronous=NORMAL
(WAL mode: no flush of the disk; the database stays whole whatever happens) — on a province's month they
were ~25 flushes of 10–30 ms each. The sitting ends with one durable commit (synchronous=FULL), which flushes
the WAL and with it every commit before it: it records the sitting in `settings` (SITTING_KEY: when it
ended, how many files it committed). Only then is the sitting over for its caller (the receipts are written
after it). A power cut during a sitting loses at most the files since the last flush, whole; importing them
again is a no-op for the ones that landed.

During the sitting the WAL is not checkpointed inside a file's commit (the automatic checkpoint is
raised to SITTING_AUTOCHECKPOINT pages); `checkpoint` runs a PASSIVE one when the sitting is over. The
connection's page cache is raised for the sitting (SITTING_CACHE_KIB): a month of a province's decade
touches ~23 000 pages of indexes, and SQLite's default 2 MiB cache wrote them to the WAL before the commit
and read them back for the next file; the cache goes back to its size and its memory is freed after.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from pathlib import Path

from danvan_desktop.domain.today import now_utc
from danvan_desktop.store.database import Database

GROUP_SECONDS = 2.0               # the sitting's work is committed at least this often
SITTING_AUTOCHECKPOINT = 100_000  # pages (400 MB of WAL at 4 KiB) before SQLite checkpoints on its own mid-sitting
DEFAULT_AUTOCHECKPOINT = 1_000    # SQLite's default, restored after the sitting
SITTING_CACHE_KIB = 64 * 1024     # SQLite's page cache during a sitting (its default is 2 MiB), given back after
SITTING_KEY = "import_last_sitting"   # setting: {"number", "ended_at", "files"} of the last sitting that wrote


class SittingTransaction:
    """The open transaction of a sitting, over one Database; used by ExchangeImportService only."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.active = False               # inside a sitting
        self._open: contextlib.ExitStack | None = None
        self._opened_at = 0.0
        self.pending: list[Path] = []     # files applied since the last commit
        self.lost: list[Path] = []        # files whose work SQLite rolled back with the whole transaction
        self.committed = 0                # files committed in this sitting (not yet flushed to the disk)
        self._cache: int | None = None    # the connection's own cache_size, while the sitting's is set

    def start(self) -> None:
        self.active, self.lost, self.committed = True, [], 0
        self._autocheckpoint(SITTING_AUTOCHECKPOINT)
        self._synchronous("NORMAL")
        with contextlib.suppress(sqlite3.Error):
            self._cache = self.db.conn.execute("PRAGMA cache_size").fetchone()[0]
            self.db.conn.execute(f"PRAGMA cache_size = {-SITTING_CACHE_KIB}")

    def end(self) -> None:
        """Commit what the finished files wrote, then make it durable (the automatic checkpoint stays off
        until `restore`)."""
        try:
            self.commit()
        finally:
            self.active = False
        self._synchronous("FULL")
        if self.committed:
            self._flush()

    def restore(self) -> None:
        """The automatic checkpoint and the durable commits back to their defaults, once the sitting's last
        write is done (also after a failure)."""
        self._autocheckpoint(DEFAULT_AUTOCHECKPOINT)
        self._synchronous("FULL")
        if self._cache is not None:
            with contextlib.suppress(sqlite3.Error):
                self.db.conn.execute(f"PRAGMA cache_size = {int(self._cache)}")
                self.db.conn.execute("PRAGMA shrink_memory")
            self._cache = None

    def _flush(self) -> None:
        """One durable commit recording the sitting: it flushes the WAL, so every commit before it is on the disk."""
        number = self.db.get_object_setting(SITTING_KEY).get("number", 0)
        self.db.set_setting(SITTING_KEY, json.dumps({
            "number": (number if isinstance(number, int) else 0) + 1,
            "ended_at": now_utc().strftime("%Y-%m-%dT%H:%M:%SZ"), "files": self.committed}))

    def file(self):
        """A file's own transaction: outside a sitting BEGIN … COMMIT, inside one a savepoint of the sitting's."""
        if self.active and self._open is None:
            stack = contextlib.ExitStack()
            stack.enter_context(self.db.transaction())
            self._open, self._opened_at = stack, time.monotonic()
        return self.db.transaction()

    def applied(self, path: Path) -> None:
        """A file is whole in the sitting's transaction; commit if another writer waits, or the transaction has
        been open long enough."""
        if self._open is None:
            return
        self.pending.append(path)
        if self.db.writer_waiting() or time.monotonic() - self._opened_at >= GROUP_SECONDS:
            self.commit()

    def check_alive(self) -> None:
        """After a failure: SQLite rolls the whole transaction back after some errors (a full disk, an I/O
        error); then the files since the last commit are not imported after all (kept in `lost`)."""
        if self._open is not None and not self.db.conn.in_transaction:
            stack, self._open = self._open, None
            self.lost.extend(self.pending)
            self.pending = []
            with contextlib.suppress(_Lost):
                stack.__exit__(_Lost, _Lost(), None)     # the Database's bookkeeping: the transaction is over

    def commit(self) -> None:
        if self._open is None:
            return
        self.check_alive()
        if self._open is None:
            return
        stack, self._open = self._open, None
        try:
            stack.close()
            self.committed += len(self.pending)
        except BaseException:
            self.lost.extend(self.pending)
            raise
        finally:
            self.pending = []

    def checkpoint(self) -> None:
        """Copy the WAL back into the file without waiting for readers (PASSIVE); off the GUI thread."""
        if self._open is not None or self.db.path is None or str(self.db.path) == ":memory:":
            return
        with contextlib.suppress(sqlite3.Error):
            self.db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()

    def _autocheckpoint(self, pages: int) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.conn.execute(f"PRAGMA wal_autocheckpoint = {int(pages)}").fetchone()

    def _synchronous(self, level: str) -> None:
        """FULL (the connection's own, store/connection.py) or NORMAL; SQLite allows the change only between
        transactions, which is where the sitting makes it."""
        if not self.db.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self.db.conn.execute(f"PRAGMA synchronous = {level}")


class _Lost(Exception):
    """Thrown into a transaction SQLite already rolled back, so the Database forgets it without a COMMIT."""
