"""Reads for a page on a worker thread, so a page over a big database never freezes the window.

The page hands `request(load)` a function that reads through the services it is given (never widgets);
it runs on the thread pool over a connection of the reader's own (a SQLite connection belongs to one
thread at a time), inside one read transaction, so everything it reads is one consistent snapshot; the
result comes back on the GUI thread through `loaded`. One read at a time: a request made while one runs
is kept (the latest only) and started when the running one ends, and the running one's result, already
out of date, is dropped. A database in memory cannot be opened
twice, so there the read runs at once on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from danvan_desktop.gui.worker import run_quiet
from danvan_desktop.services.app import AppServices

Load = Callable[[AppServices], Any]


class _Connection:
    """The reader's own services, opened on the worker thread at first use, closed with the page."""

    def __init__(self, services: AppServices) -> None:
        self.services = services
        self.own: AppServices | None = None
        self.lock = threading.Lock()
        self.closed = False

    def read(self, load: Load) -> Any:
        with self.lock:
            if self.closed:
                raise RuntimeError("reader closed")
            if self.own is None:
                self.own = self.services.on_own_connection()
            conn = self.own.db.conn
            conn.execute("BEGIN")          # one snapshot for every figure of the page
            try:
                return load(self.own)
            finally:
                conn.execute("COMMIT")

    def close(self) -> None:
        with self.lock:
            self.closed = True
            if self.own is not None:
                self.own.close()
                self.own = None


class BackgroundReader(QObject):
    loaded = Signal(object)        # the load's result, on the GUI thread
    failed = Signal(str)           # the traceback of a read that failed (logged too)

    def __init__(self, services: AppServices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.connection = _Connection(services)
        self.running = False
        self.pending: Load | None = None
        self.in_memory = str(services.db.path) == ":memory:"
        connection = self.connection
        self.destroyed.connect(lambda *_a: connection.close())

    @property
    def busy(self) -> bool:
        return self.running or self.pending is not None

    def request(self, load: Load) -> None:
        if self.in_memory:
            self.loaded.emit(load(self.services))
            return
        if self.running:
            self.pending = load
            return
        self.running = True
        read = self.connection.read

        def job():
            return read(load)
            yield  # a generator for run_quiet; it reports no progress

        run_quiet(job, self._done, self._failed)

    def _done(self, result: Any) -> None:
        stale = self.pending is not None
        self._next()
        if not stale:
            self.loaded.emit(result)

    def _failed(self, _exc, details: str) -> None:
        logging.getLogger(__name__).error("a background read failed:\n%s", details)
        self._next()
        self.failed.emit(details)

    def _next(self) -> None:
        self.running = False
        if self.pending is not None:
            load, self.pending = self.pending, None
            self.request(load)

    def close(self) -> None:
        self.connection.close()
