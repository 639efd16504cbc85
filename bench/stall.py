"""The GUI thread's longest stall: a heartbeat timer on the GUI thread and the largest gap between its ticks.

    with Heartbeat() as beat:
        in_loop(app, [lambda: page.reload(), lambda: table.scrollToBottom()])
    print(beat.max_gap)

A QTimer firing every 2 ms cannot fire while the GUI thread is busy, so the largest gap between two ticks
is the longest time the window could not repaint or answer a click — what the user feels as a freeze,
whether the work ran in a slot, a paint, or a signal applied from a worker. Used by the P3–P5 benchmarks.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication


class Heartbeat:
    """Largest gap, in seconds, between ticks of a 2 ms timer on the GUI thread while it is active."""

    def __init__(self, interval_ms: int = 2) -> None:
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()
        self.last = 0
        self.max_gap = 0.0

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed()
        self.max_gap = max(self.max_gap, (now - self.last) / 1e9)
        self.last = now

    def __enter__(self) -> Heartbeat:
        self.clock.start()
        self.last = 0
        self.max_gap = 0.0
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._tick()
        self.timer.stop()


def pump(seconds: float) -> None:
    """Run the event loop for `seconds` (paints, timers, signals from workers)."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def until(condition: Callable[[], bool], timeout: float = 60.0) -> float:
    """Run the event loop until `condition()` holds; the seconds it took."""
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout:
            raise TimeoutError("condition not met")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.001)
    return time.perf_counter() - started


def in_loop(actions: Iterable[Callable[[], object]], settle: float = 0.05) -> None:
    """Run each action from the event loop (as a click would), letting it paint in between."""
    for action in actions:
        QTimer.singleShot(0, action)
        pump(settle)


def stall_of(actions: Iterable[Callable[[], object]], settle: float = 0.05) -> float:
    """The longest GUI-thread stall while the actions run from the event loop, in seconds."""
    with Heartbeat() as beat:
        in_loop(actions, settle)
    return beat.max_gap
