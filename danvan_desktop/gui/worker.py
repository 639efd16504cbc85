"""The GUI's side of the job runner (services/jobs.py): submit a job to the file's runner, and bring its
progress, result and failure back to the GUI thread through Qt signals (queued connections), with a
cancellable progress dialog that appears only when the work lasts over half a second.

    def job(services):            # runs on the runner's thread, over the runner's connection
        for i, item in enumerate(items):
            yield i, len(items), _("Đang xử lý {name}").format(name=item)
            services.something.do(item)
        return result
    run_job(self.services.jobs, parent, _("Đang xuất dữ liệu"), job, on_done=..., on_error=...)

Jobs run one at a time in the order given; a job never opens a connection of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from danvan_desktop.domain.i18n import _
from danvan_desktop.services.jobs import Job, JobHandle, JobRunner

SHOW_AFTER_MS = 500
OnError = Callable[[BaseException | None, str], None]

class _Dispatcher(QObject):
    """ONE object, made on the GUI thread and kept for the program's life, carries every job's progress,
    result and failure from the runner's thread to the GUI thread (a queued connection). The runner's thread
    only ever holds plain Python closures over its bound `emit`: no Qt object of a job is ever created, freed
    or disconnected there. (A per-job QObject whose last Python reference was dropped on the runner's thread
    disconnected its slots there, taking Qt's connection lock and then waiting for the GIL, while the GUI
    thread held the GIL and waited for that lock in a progress dialog's close: the window hung.)"""

    message = Signal(int, str, object)

    def __init__(self) -> None:
        # (Qt's namespace imported when first needed: the window's first paint makes none of its enums, theme.py)
        from PySide6.QtCore import Qt
        super().__init__(QCoreApplication.instance())
        self.pending: dict[int, _Callbacks] = {}
        self.next_key = 0
        self.message.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(int, str, object)
    def _deliver(self, key: int, kind: str, args: tuple) -> None:
        callbacks = self.pending.get(key) if kind == "progress" else self.pending.pop(key, None)
        if callbacks is None:
            return
        on_progress, on_done, on_error = callbacks
        if kind == "progress":
            if on_progress is not None:
                on_progress(*args)
        elif kind == "done":
            on_done(*args)
        elif on_error is not None:
            on_error(*args)


_Callbacks = tuple[Callable[[int, int, str], None] | None, Callable[[Any], None], OnError | None]
_DISPATCHER: list[tuple[_Dispatcher, Callable[[int, str, object], None]]] = []   # the one, with its emit


def _dispatcher() -> tuple[_Dispatcher, Callable[[int, str, object], None]]:
    if not _DISPATCHER:
        dispatcher = _Dispatcher()
        _DISPATCHER.append((dispatcher, dispatcher.message.emit))
    return _DISPATCHER[0]


class _Bridge:
    """One job's callbacks, kept on the GUI side; what the runner's thread gets are closures over the one
    dispatcher's emit and this job's key."""

    def __init__(self, on_progress: Callable[[int, int, str], None] | None, on_done: Callable[[Any], None],
                 on_error: OnError | None) -> None:
        dispatcher, emit = _dispatcher()
        key = dispatcher.next_key = dispatcher.next_key + 1
        dispatcher.pending[key] = (on_progress, on_done, on_error)
        self.progress = lambda done, total, text: emit(key, "progress", (done, total, text))
        self.done = lambda result: emit(key, "done", (result,))
        self.failed = lambda exc, details: emit(key, "failed", (exc, details))


def _submit(jobs: JobRunner, job: Job, bridge: _Bridge, title: str, connection: bool) -> JobHandle | None:
    try:
        return jobs.submit(job, name=title, connection=connection, on_progress=bridge.progress,
                           on_done=bridge.done, on_failed=bridge.failed)
    except RuntimeError as exc:          # the file was closed (the window is going away)
        bridge.failed(exc, str(exc))
        return None


def run_job(jobs: JobRunner, parent: QWidget | None, title: str, job: Job, on_done: Callable[[Any], None],
            on_error: OnError | None = None, *, connection: bool = True) -> JobHandle | None:
    """Queue `job` on the file's runner; `on_done(result)` or `on_error(exc, details)` run on the GUI thread
    (`exc` None: cancelled). `connection=False`: the job works on files, not through the runner's connection."""
    from PySide6.QtCore import Qt
    dialog = QProgressDialog(title, _("Hủy"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        dialog.setLabelText(text)

    def finished(result: Any) -> None:
        dialog.close()
        jobs.release_ended()
        on_done(result)

    def failed(exc: BaseException | None, details: str) -> None:
        dialog.close()
        jobs.release_ended()
        if on_error:
            on_error(exc, details)

    if jobs.busy:         # one job at a time: say why nothing moves yet (e.g. the day's backup of a big file)
        dialog.setLabelText(_("{title} — đang chờ việc trước làm xong…").format(title=title))
    bridge = _Bridge(progress, finished, failed)
    handle = _submit(jobs, job, bridge, title, connection)
    if handle is not None:
        dialog.canceled.connect(lambda: handle.cancel())   # a strong hold: the handle is freed on this thread
    return handle


def run_quiet(jobs: JobRunner, job: Job, on_done: Callable[[Any], None], on_error: OnError | None = None, *,
              connection: bool = True) -> JobHandle | None:
    """Like run_job, without a progress dialog: work the user did not ask for (the day's automatic
    backup) must not stand in the way of the work they did."""
    def done(result: Any) -> None:
        jobs.release_ended()
        on_done(result)

    def failed(exc: BaseException | None, details: str) -> None:
        jobs.release_ended()
        if on_error is not None:
            on_error(exc, details)
    return _submit(jobs, job, _Bridge(None, done, failed), "", connection)
