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

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from danvan_desktop.domain.i18n import _
from danvan_desktop.services.jobs import Job, JobHandle, JobRunner

SHOW_AFTER_MS = 500
OnError = Callable[[BaseException | None, str], None]

# Bridges whose job has not ended yet. Each is a child of the application (so the runner's thread, which
# holds its emitters, never owns it and never deletes it) and is deleted on the GUI thread after its last signal.
_LIVE: set[_Bridge] = set()


class _Bridge(QObject):
    """Lives on the GUI thread; the runner's thread emits, the slots run on the GUI thread."""

    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object, str)

    def __init__(self, on_progress: Callable[[int, int, str], None] | None, on_done: Callable[[Any], None],
                 on_error: OnError | None) -> None:
        super().__init__(QCoreApplication.instance())
        self._on_progress, self._on_done, self._on_error = on_progress, on_done, on_error
        queued = Qt.ConnectionType.QueuedConnection
        self.progress.connect(self._progressed, queued)
        self.done.connect(self._finished, queued)
        self.failed.connect(self._failed, queued)
        _LIVE.add(self)

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, text: str) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total, text)

    @Slot(object)
    def _finished(self, result: Any) -> None:
        self._release()
        self._on_done(result)

    @Slot(object, str)
    def _failed(self, exc: BaseException | None, details: str) -> None:
        self._release()
        if self._on_error is not None:
            self._on_error(exc, details)

    def _release(self) -> None:
        _LIVE.discard(self)
        self.deleteLater()


def _submit(jobs: JobRunner, job: Job, bridge: _Bridge, title: str, connection: bool) -> JobHandle | None:
    try:
        return jobs.submit(job, name=title, connection=connection, on_progress=bridge.progress.emit,
                           on_done=bridge.done.emit, on_failed=bridge.failed.emit)
    except RuntimeError as exc:          # the file was closed (the window is going away)
        bridge.failed.emit(exc, str(exc))
        return None


def run_job(jobs: JobRunner, parent: QWidget | None, title: str, job: Job, on_done: Callable[[Any], None],
            on_error: OnError | None = None, *, connection: bool = True) -> JobHandle | None:
    """Queue `job` on the file's runner; `on_done(result)` or `on_error(exc, details)` run on the GUI thread
    (`exc` None: cancelled). `connection=False`: the job works on files, not through the runner's connection."""
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
        on_done(result)

    def failed(exc: BaseException | None, details: str) -> None:
        dialog.close()
        if on_error:
            on_error(exc, details)

    if jobs.busy:         # one job at a time: say why nothing moves yet (e.g. the day's backup of a big file)
        dialog.setLabelText(_("{title} — đang chờ việc trước làm xong…").format(title=title))
    bridge = _Bridge(progress, finished, failed)
    handle = _submit(jobs, job, bridge, title, connection)
    if handle is not None:
        dialog.canceled.connect(handle.cancel)
    return handle


def run_quiet(jobs: JobRunner, job: Job, on_done: Callable[[Any], None], on_error: OnError | None = None, *,
              connection: bool = True) -> JobHandle | None:
    """Like run_job, without a progress dialog: work the user did not ask for (the day's automatic
    backup) must not stand in the way of the work they did."""
    return _submit(jobs, job, _Bridge(None, on_done, on_error), "", connection)
