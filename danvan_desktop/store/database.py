"""The open database: connection, migrations, clock, installation id, actor and transactions."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from danvan_desktop.domain.clock import HybridClock
from danvan_desktop.domain.records import TRAVEL_FIELDS
from danvan_desktop.store import migrate
from danvan_desktop.store.connection import configure, connect, probe_writable, translate


def travelling_tables(conn: sqlite3.Connection) -> list[str]:
    """Every table whose rows carry the seven travelling columns (id … deleted), in schema order."""
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")]
    result = []
    for name in names:
        columns = {r[1] for r in conn.execute(f"PRAGMA table_info({name})")}
        if set(TRAVEL_FIELDS) <= columns:
            result.append(name)
    return result


CLOCK_KEY = "clock_newest"      # settings: the newest stamp this file's clock issued or folded in

# Connections of this process waiting to begin a write, by file: a long writer (an import sitting) asks
# `writer_waiting()` between two files and commits at once to let them in, rather than every few seconds.
_WAITING: dict[str, int] = {}
_WAITING_LOCK = threading.Lock()


class Database:
    """One open SQLite file. Writes go through `transaction()`; nested calls become savepoints."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        self._depth = 0
        self._lock = threading.RLock()
        self._clock_saved: str | None = None
        self._file_key = str(path.resolve()) if path is not None and str(path) != ":memory:" else ""
        self.installation_id = self._ensure_installation_id()
        self.clock = HybridClock(self.installation_id)
        self._clock_saved = self._fold_in_stamps()
        if not self._clock_saved:
            with contextlib.suppress(sqlite3.Error), self.transaction():   # keep it now (a read-only view cannot)
                pass
        self.actor = self.get_setting("current_user", "") or ""

    # -- opening ----------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str) -> Database:
        """Open (or create) the file, refuse it untouched if it is not ours or too new, then upgrade it."""
        path = Path(path) if str(path) != ":memory:" else Path(":memory:")
        conn = connect(path)
        try:
            migrate.refuse_newer(conn, path)
            configure(conn, path)
            try:
                migrate.upgrade(conn, path)
            except sqlite3.Error as exc:
                raise translate(exc, path) from exc
            if str(path) != ":memory:":
                probe_writable(conn, path)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    def _fold_in_stamps(self) -> str:
        """Set the clock past every stamp the file holds, without reading the tables: each commit saves the
        clock's newest stamp under CLOCK_KEY (`_save_clock`), and received stamps are in the seen map. A
        file from before the key was kept is read once, table by table (the first commit then saves the key).
        Returns the saved stamp ('' when none yet)."""
        saved = self.get_setting(CLOCK_KEY)
        if saved is None:
            for table in travelling_tables(self.conn):
                newest = self.conn.execute(f"SELECT max(updated_at) FROM {table}").fetchone()[0]
                if newest:
                    self.clock.observe(newest)
        else:
            self.clock.observe(saved)
        received = self.conn.execute("SELECT max(max_stamp) FROM exchange_seen").fetchone()[0]
        if received:
            self.clock.observe(received)
        return saved or ""

    def _save_clock(self) -> None:
        """Inside the transaction about to commit: keep the clock's newest stamp with the data it stamped."""
        if self._clock_saved is None:
            return
        newest = self.clock.newest()
        if newest > self._clock_saved:
            self.conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (CLOCK_KEY, newest))
            self._clock_saved = newest

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA optimize")
        self.conn.close()

    # -- transactions -----------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, or a savepoint inside an outer transaction; rolls back on error."""
        with self._lock:
            try:
                if self._depth == 0:
                    self._begin_write()
                else:
                    self.conn.execute(f"SAVEPOINT sp{self._depth}")
            except sqlite3.Error as exc:
                raise translate(exc, self.path) from exc
            self._depth += 1
            try:
                yield self.conn
            except BaseException as exc:
                self._depth -= 1
                self._undo()
                if isinstance(exc, sqlite3.Error):
                    error = translate(exc, self.path)
                    if error is not exc:
                        raise error from exc
                raise
            self._depth -= 1
            if self._depth == 0:
                try:
                    self._save_clock()
                    self.conn.execute("COMMIT")
                except sqlite3.Error as exc:
                    self._undo()
                    raise translate(exc, self.path) from exc
            else:
                self.conn.execute(f"RELEASE sp{self._depth}")

    def _begin_write(self) -> None:
        """BEGIN IMMEDIATE, counted among the file's waiting writers while SQLite waits for the lock."""
        if not self._file_key:
            self.conn.execute("BEGIN IMMEDIATE")
            return
        with _WAITING_LOCK:
            _WAITING[self._file_key] = _WAITING.get(self._file_key, 0) + 1
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        finally:
            with _WAITING_LOCK:
                _WAITING[self._file_key] -= 1

    def writer_waiting(self) -> bool:
        """Another connection of this process is waiting to begin a write on this file."""
        return bool(self._file_key) and _WAITING.get(self._file_key, 0) > 0

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """One read transaction (a deferred BEGIN … COMMIT): every read inside sees the file as it stood at
        the first one, whatever another connection commits meanwhile (WAL keeps that version for us). For
        work that must not mix two states of the data, such as a hand-over file. Inside a transaction
        already open on this connection it adds nothing: that one is a single view of the data already.
        Nothing may be written inside (a write would fail: this connection holds no write lock)."""
        with self._lock:
            if self._depth > 0 or self.conn.in_transaction:
                yield self.conn
                return
            try:
                self.conn.execute("BEGIN DEFERRED")
            except sqlite3.Error as exc:
                raise translate(exc, self.path) from exc
            try:
                yield self.conn
            finally:
                if self.conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self.conn.execute("COMMIT")

    def _undo(self) -> None:
        """Roll back what the failed block did. SQLite has already rolled the whole transaction back
        after some errors (a full disk, an I/O error): then there is nothing to undo, and the error
        the user must see is the first one, not "cannot rollback - no transaction is active"."""
        if not self.conn.in_transaction:
            return
        try:
            if self._depth == 0:
                self.conn.execute("ROLLBACK")
            else:
                self.conn.execute(f"ROLLBACK TO sp{self._depth}")
                self.conn.execute(f"RELEASE sp{self._depth}")
        except sqlite3.Error:
            if self._depth == 0 and self.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")

    # -- settings ---------------------------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def get_object_setting(self, key: str) -> dict:
        """A setting kept as a JSON object; {} when it is missing or unreadable (a file edited by hand, an old one)."""
        try:
            found = json.loads(self.get_setting(key, "") or "{}")
        except ValueError:
            return {}
        return found if isinstance(found, dict) else {}

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def _ensure_installation_id(self) -> str:
        existing = self.get_setting("installation_id")
        if existing:
            return existing
        import uuid  # (with platform: ~4 ms of a start that, on an existing file, never needs it)
        new = str(uuid.uuid4())
        self.set_setting("installation_id", new)
        return new

    @property
    def unit_code(self) -> str:
        return self.get_setting("unit_code", "") or ""

    def schema_version(self) -> int:
        return migrate.current_version(self.conn)
