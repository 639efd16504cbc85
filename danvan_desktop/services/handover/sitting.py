"""An import sitting's write transaction: the files of a sitting share one transaction, each file a savepoint.

A durable commit (synchronous=FULL) costs more than importing a province file's ~57 records; one commit
per file made it the largest cost of a month's 200 files. So the sitting opens one write transaction at
its first file and each file is a savepoint of it: a refused or failing file rolls back its savepoint only
and changes nothing; the files before it stay. The transaction is committed at the end of the sitting
(also when it is cancelled between two files, or ends on an error: every file inside is whole), before
the day's backup copy (which must not see a half-open transaction), and at least every GROUP_SECONDS so
that another connection waiting to write (the window) never waits long. A power cut loses at most the
files since the last commit, whole; importing them again is a no-op for the ones that landed.

During the sitting the WAL is not checkpointed inside a file's commit (the automatic checkpoint is
raised to SITTING_AUTOCHECKPOINT pages); `checkpoint` runs a PASSIVE one when the sitting is over.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from pathlib import Path

from danvan_desktop.store.database import Database

GROUP_SECONDS = 0.25              # the sitting's work is committed at least this often (a writer waits no longer)
SITTING_AUTOCHECKPOINT = 20_000   # pages (80 MB of WAL at 4 KiB) before SQLite checkpoints on its own mid-sitting
DEFAULT_AUTOCHECKPOINT = 1_000    # SQLite's default, restored after the sitting


class SittingTransaction:
    """The open transaction of a sitting, over one Database; used by ExchangeImportService only."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.active = False               # inside a sitting
        self._open: contextlib.ExitStack | None = None
        self._opened_at = 0.0
        self.pending: list[Path] = []     # files applied since the last commit
        self.lost: list[Path] = []        # files whose work SQLite rolled back with the whole transaction

    def start(self) -> None:
        self.active, self.lost = True, []
        self._autocheckpoint(SITTING_AUTOCHECKPOINT)

    def end(self) -> None:
        """Commit what the finished files wrote (the automatic checkpoint stays off until `restore`)."""
        try:
            self.commit()
        finally:
            self.active = False

    def restore(self) -> None:
        """The automatic checkpoint back to its default, once the sitting's last write is done."""
        self._autocheckpoint(DEFAULT_AUTOCHECKPOINT)

    def file(self):
        """A file's own transaction: outside a sitting BEGIN … COMMIT, inside one a savepoint of the sitting's."""
        if self.active and self._open is None:
            stack = contextlib.ExitStack()
            stack.enter_context(self.db.transaction())
            self._open, self._opened_at = stack, time.monotonic()
        return self.db.transaction()

    def applied(self, path: Path) -> None:
        """A file is whole in the sitting's transaction; commit if the transaction has been open long enough."""
        if self._open is None:
            return
        self.pending.append(path)
        if time.monotonic() - self._opened_at >= GROUP_SECONDS:
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


class _Lost(Exception):
    """Thrown into a transaction SQLite already rolled back, so the Database forgets it without a COMMIT."""
