"""The job runner: long work (an import, an export, a backup, a document to render) runs here, one job at
a time in the order given, on ONE worker thread that owns the runner's own connection to the file.

    def job(services):                      # runs on the runner's thread, over the runner's connection
        for i, path in enumerate(paths):
            yield i, len(paths), _("Đang nhập {name}…").format(name=path.name)
            services.exchange.importer.import_file(path)
        return "done"                       # the result handed to on_done
    handle = services.jobs.submit(job, on_done=..., on_failed=...)

A job is a callable receiving the runner's services (an `AppServices` over the runner's connection, opened
on the runner's thread at the first job that needs it) and returning either a generator of progress
`(done, total, text)` whose return value is the result, or the result itself. Cancellation is asked through
the handle and takes effect between two progress steps (the steps are where a job may stop safely). A job
that raises hands its exception and traceback to `on_failed`; a cancelled one calls `on_failed(None,
"cancelled")`; either way the next job runs. The callbacks run on the runner's thread: the GUI's adapter
(gui/worker.py) passes them on to the GUI thread through Qt signals.

`shutdown()` lets the running job finish, drops the jobs still waiting (a log line each), closes the
connection on its own thread and ends the thread. No Qt here: the runner is tested without a screen.
"""

from __future__ import annotations

import inspect
import logging
import queue
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger("danvan.jobs")

Progress = tuple[int, int, str]
Job = Callable[[Any], Any]     # (services | None) -> Generator[Progress, None, result] | result
CANCELLED = "cancelled"


@dataclass(eq=False)
class JobHandle:
    """What the submitter keeps of a job: ask it to stop, see its state, wait for its end (tests)."""

    name: str
    state: str = "queued"           # queued / running / done / failed / cancelled / dropped
    result: Any = None
    error: BaseException | None = None
    _cancel: threading.Event = field(default_factory=threading.Event, repr=False)
    _ended: threading.Event = field(default_factory=threading.Event, repr=False)

    def cancel(self) -> None:
        """Stop at the next progress step (or before starting, if still waiting)."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """True once the job has ended one way or another."""
        return self._ended.wait(timeout)

    def _end(self, state: str) -> None:
        self.state = state
        self._ended.set()


@dataclass(eq=False)
class _Item:
    job: Job
    handle: JobHandle
    connection: bool | None         # None: leave the connection as it is (the runner's own markers)
    on_progress: Callable[[int, int, str], None] | None
    on_done: Callable[[Any], None] | None
    on_failed: Callable[[BaseException | None, str], None] | None


_STOP = object()


class JobRunner:
    """One worker thread, one FIFO queue, one connection. `open_services` is called on the worker thread."""

    def __init__(self, open_services: Callable[[], Any], name: str = "danvan-jobs") -> None:
        self._open_services = open_services
        self._name = name
        self._queue: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._guard = threading.Lock()
        self._closed = False
        self._services: Any = None        # touched only on the worker thread
        self.running: JobHandle | None = None
        # Ended jobs, released by the submitter's thread (release_ended): what a submitter gave (its callbacks,
        # its job's closure, the handle a Qt dialog is connected to) is never freed on the worker thread, where
        # a binding's clean-up could take its own lock and then wait for the GIL held by the submitter.
        self._ended: list[_Item] = []
        self._ended_lock = threading.Lock()

    # -- the submitter's side -------------------------------------------------------------
    def submit(self, job: Job, *, name: str = "", connection: bool | None = True,
               on_progress: Callable[[int, int, str], None] | None = None,
               on_done: Callable[[Any], None] | None = None,
               on_failed: Callable[[BaseException | None, str], None] | None = None) -> JobHandle:
        """Queue `job` after every job already given. `connection=False`: the job works on the file itself
        (a backup, a restore) or on other files; the runner closes its connection first, so the file can be
        replaced, and calls the job with None."""
        self.release_ended()
        handle = JobHandle(name or getattr(job, "__qualname__", "job"))
        with self._guard:
            if self._closed:
                raise RuntimeError("the job runner is shut down")
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name=self._name, daemon=True)
                self._thread.start()
            self._queue.put(_Item(job, handle, connection, on_progress, on_done, on_failed))
        return handle

    def release_ended(self) -> None:
        """Drop, on the calling (submitter's) thread, what the jobs that ended had been given."""
        with self._ended_lock:
            ended, self._ended = self._ended, []
        ended.clear()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """True once every job given so far has ended (for tests and for a caller about to close the file)."""
        marker = threading.Event()
        try:
            self.submit(lambda _services: marker.set(), name="idle", connection=None)
        except RuntimeError:
            return True
        return marker.wait(timeout)

    def shutdown(self) -> None:
        """Let the running job finish, drop the waiting ones, close the connection, end the thread."""
        with self._guard:
            if self._closed:
                return
            self._closed = True
            thread = self._thread
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            log.warning("job %s dropped: the file was closed before it started", item.handle.name)
            item.handle._end("dropped")
        if thread is None:
            return
        self._queue.put(_STOP)
        if thread is not threading.current_thread():
            thread.join()

    @property
    def is_shut_down(self) -> bool:
        return self._closed

    @property
    def busy(self) -> bool:
        """A job is running or waiting: one given now waits its turn."""
        return self.running is not None or not self._queue.empty()

    # -- the worker's side ----------------------------------------------------------------
    def _loop(self) -> None:
        try:
            while (item := self._queue.get()) is not _STOP:
                self.running = item.handle
                try:
                    self._run(item)
                finally:
                    self.running = None
                    with self._ended_lock:       # kept for the submitter's thread to release
                        self._ended.append(item)
                        del item
        finally:
            self._close_connection()

    def _services_for(self, item: _Item) -> Any:
        if item.connection is None:
            return None
        if not item.connection:
            self._close_connection()
            return None
        if self._services is None:
            self._services = self._open_services()
        return self._services

    def _close_connection(self) -> None:
        if self._services is not None:
            services, self._services = self._services, None
            try:
                services.close()
            except Exception:  # a failed close must not stop the runner
                log.exception("closing the job runner's connection")

    def _run(self, item: _Item) -> None:
        handle = item.handle
        if handle.cancelled:
            self._failed(item, None, CANCELLED, "cancelled")
            return
        handle.state = "running"
        try:
            services = self._services_for(item)
            outcome = item.job(services)
            if inspect.isgenerator(outcome):
                while True:
                    if handle.cancelled:
                        outcome.close()
                        self._failed(item, None, CANCELLED, "cancelled")
                        return
                    try:
                        done, total, text = next(outcome)
                    except StopIteration as stop:
                        outcome = stop.value
                        break
                    self._call(item.on_progress, done, total, text)
            handle.result = outcome
        except Exception as exc:  # noqa: BLE001 — handed to the submitter, never lost
            handle.error = exc
            self._failed(item, exc, traceback.format_exc(), "failed")
            return
        finally:
            self._end_open_transaction()
        handle._end("done")
        self._call(item.on_done, outcome)

    def _failed(self, item: _Item, exc: BaseException | None, details: str, state: str) -> None:
        if exc is not None:
            log.warning("job %s failed: %s", item.handle.name, exc)
        item.handle._end(state)
        self._call(item.on_failed, exc, details)

    def _end_open_transaction(self) -> None:
        """A job never leaves a transaction open for the next one (services end theirs; this is the net)."""
        db = getattr(self._services, "db", None)
        conn = getattr(db, "conn", None)
        if conn is not None and conn.in_transaction:
            log.error("a job left a transaction open; rolled back")
            try:
                conn.execute("ROLLBACK")
            except Exception:
                log.exception("rolling back after a job")

    @staticmethod
    def _call(callback: Callable | None, *args) -> None:
        if callback is None:
            return
        try:
            callback(*args)
        except Exception:  # a broken callback must not stop the runner
            log.exception("a job's callback failed")
