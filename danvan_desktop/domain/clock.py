"""A hybrid logical clock: `updated_at` values that sort as text and never go backwards.

Format: '2026-11-21T21:30:00.123Z-0000-<node>' — ISO time in UTC to the millisecond, a
4-digit counter for events in the same millisecond (or when the wall clock went back),
and the installation id's first 8 characters so two installations never tie.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

from danvan_desktop.domain.today import now_utc

MAX_COUNTER = 9999                     # the counter has four digits
MAX_AHEAD = dt.timedelta(days=1)       # how far ahead of the receiver's clock a received stamp may be


def _iso_ms(moment: dt.datetime) -> str:
    moment = moment.astimezone(dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@dataclass(frozen=True)
class Stamp:
    wall: str
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall}-{self.counter:04d}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        wall, counter, node = text[:24], text[25:29], text[30:]
        if len(text) < 31 or text[24] != "-" or text[29] != "-" or not counter.isdigit():
            raise ValueError(f"not a clock value: {text!r}")
        return cls(wall, int(counter), node)


class HybridClock:
    """Issues increasing stamps; `observe` folds in stamps received from other installations."""

    def __init__(self, node: str, now=None) -> None:
        self.node = node.replace("-", "")[:8] or "local"
        self._now = now or now_utc
        self._last = Stamp("0000-00-00T00:00:00.000Z", 0, self.node)
        self._lock = threading.Lock()

    def tick(self) -> str:
        with self._lock:
            wall = _iso_ms(self._now())
            if wall > self._last.wall:
                self._last = Stamp(wall, 0, self.node)
            elif self._last.counter < MAX_COUNTER:
                self._last = Stamp(self._last.wall, self._last.counter + 1, self.node)
            else:   # 10 000 events in one millisecond: move on to the next millisecond, never to a 5th digit
                following = _next_ms(self._last.wall)
                if following != self._last.wall:
                    self._last = Stamp(following, 0, self.node)
            return str(self._last)

    def newest(self) -> str:
        """The newest stamp issued or folded in so far."""
        with self._lock:
            return str(self._last)

    def observe(self, stamp: str) -> None:
        """Fold in a stamp seen elsewhere (a received file is refused before this when its stamps run more than
        MAX_AHEAD ahead of this PC's clock; local rows are folded in whatever they say, so that the clock never
        stamps a change older than the data it changes)."""
        try:
            other = Stamp.parse(stamp)
        except ValueError:
            return
        with self._lock:
            if (other.wall, other.counter) > (self._last.wall, self._last.counter):
                self._last = Stamp(other.wall, min(other.counter, MAX_COUNTER), self.node)


def _next_ms(wall: str) -> str:
    """The next millisecond; the last one of year 9999 (reachable only through data written before received
    stamps were bounded) stays where it is rather than overflow."""
    try:
        moment = dt.datetime.strptime(wall[:23], "%Y-%m-%dT%H:%M:%S.%f").replace(tzinfo=dt.timezone.utc)
        return _iso_ms(moment + dt.timedelta(milliseconds=1))
    except (ValueError, OverflowError):
        return wall


def stamp_time(stamp: str) -> dt.datetime | None:
    """The wall time of a stamp, for display."""
    try:
        return dt.datetime.strptime(stamp[:23], "%Y-%m-%dT%H:%M:%S.%f").replace(tzinfo=dt.timezone.utc)
    except ValueError:
        return None
