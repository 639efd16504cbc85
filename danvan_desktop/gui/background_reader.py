"""Reads for a page off the GUI thread, so a page over a big database never freezes the window.

The page hands `request(load)` a function that reads through the services it is given (never widgets). It
runs as a job on the file's job runner (services/jobs.py, over the runner's connection) inside one read
transaction, so everything it reads is one consistent snapshot; the result comes back on the GUI thread
through `loaded`. One read at a time: a request made while one runs is kept (the latest only) and started
when the running one ends, and the running one's result, already out of date, is dropped. A database in
memory has no second connection: there the read runs at once on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from danvan_desktop.services.app import AppServices

Load = Callable[[AppServices], Any]


def _snapshot(load: Load) -> Callable[[AppServices], Any]:
    def job(services: AppServices) -> Any:
        conn = services.db.conn
        conn.execute("BEGIN")          # one snapshot for every figure of the page; reads only
        try:
            return load(services)
        finally:
            conn.execute("COMMIT")
    return job


class BackgroundReader(QObject):
    loaded = Signal(object)        # the load's result, on the GUI thread
    failed = Signal(str)           # the traceback of a read that failed (logged too)

    def __init__(self, services: AppServices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.running = False
        self.pending: Load | None = None
        self.in_memory = str(services.db.path) == ":memory:"

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
        from danvan_desktop.gui.worker import run_quiet  # (after the first paint: the first read starts then)
        if run_quiet(self.services.jobs, _snapshot(load), self._done, self._failed) is None:
            self.running = False          # the file is closing: nothing to read

    def _done(self, result: Any) -> None:
        if not shiboken6.isValid(self):   # the page went away while its read ran
            return
        stale = self.pending is not None
        self._next()
        if not stale:
            self.loaded.emit(result)

    def _failed(self, exc, details: str) -> None:
        if not shiboken6.isValid(self):
            return
        logging.getLogger(__name__).error("a background read failed: %s\n%s", exc, details)
        self._next()
        self.failed.emit(details)

    def _next(self) -> None:
        self.running = False
        if self.pending is not None:
            load, self.pending = self.pending, None
            self.request(load)
