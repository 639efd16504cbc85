"""Long work off the GUI thread: a generator that yields progress, run by a QRunnable, with a
cancellable progress dialog that appears only when the work lasts over half a second.

    def job(progress):            # runs on a worker thread; opens its own services if it writes
        for i, item in enumerate(items):
            yield i, len(items), _("Đang xử lý {name}").format(name=item)
        return result
    run_job(parent, _("Đang xuất dữ liệu"), job, on_done=..., on_error=...)
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from danvan_desktop.domain.i18n import _

Job = Callable[[], Generator[tuple[int, int, str], None, Any]]
SHOW_AFTER_MS = 500


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object, str)


class _Runner(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.signals = _Signals()
        self.cancelled = False

    def run(self) -> None:
        try:
            gen = self.job()
            while True:
                if self.cancelled:
                    gen.close()
                    self.signals.failed.emit(None, "cancelled")
                    return
                try:
                    done, total, text = next(gen)
                except StopIteration as stop:
                    self.signals.done.emit(stop.value)
                    return
                self.signals.progress.emit(done, total, text)
        except Exception as exc:  # noqa: BLE001 — reported to the GUI thread, never lost
            self.signals.failed.emit(exc, traceback.format_exc())


def run_job(parent: QWidget | None, title: str, job: Job, on_done: Callable[[Any], None],
            on_error: Callable[[Exception | None, str], None] | None = None,
            pool: QThreadPool | None = None) -> _Runner:
    """Start `job` on the pool; `on_done(result)` or `on_error(exc, details)` run on the GUI thread."""
    runner = _Runner(job)
    dialog = QProgressDialog(title, _("Hủy"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(lambda: setattr(runner, "cancelled", True))
    timer = QTimer(dialog)
    timer.setSingleShot(True)

    def progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        dialog.setLabelText(text)

    def finished(result: Any) -> None:
        dialog.close()
        on_done(result)

    def failed(exc, details: str) -> None:
        dialog.close()
        if on_error:
            on_error(exc, details)

    runner.signals.progress.connect(progress)
    runner.signals.done.connect(finished)
    runner.signals.failed.connect(failed)
    (pool or QThreadPool.globalInstance()).start(runner)
    return runner


def run_quiet(job: Job, on_done: Callable[[Any], None],
              on_error: Callable[[Exception | None, str], None] | None = None,
              pool: QThreadPool | None = None) -> _Runner:
    """Like run_job, without a progress dialog: work the user did not ask for (the day's automatic
    backup) must not stand in the way of the work they did."""
    runner = _Runner(job)
    runner.signals.done.connect(on_done)
    if on_error:
        runner.signals.failed.connect(on_error)
    (pool or QThreadPool.globalInstance()).start(runner)
    return runner
