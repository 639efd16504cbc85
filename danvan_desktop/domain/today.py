"""The program's one calendar clock: "now" and "today" in Vietnam's time, whatever the PC's zone.

Every service takes `today`/`now` from here (or from a callable passed in by its owner), so a
figure is never filed in the wrong month because the PC is set to another zone, and tests pin the
day in one place. `DANVAN_TODAY=YYYY-MM-DD` pins the calendar day (the time of day still runs);
the test suite sets it for itself and for every command it starts.
"""

from __future__ import annotations

import datetime as dt
import os

# Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset needs no tz database.
VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")
PIN_VARIABLE = "DANVAN_TODAY"


def _pinned_day() -> dt.date | None:
    text = os.environ.get(PIN_VARIABLE, "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise SystemExit(f"{PIN_VARIABLE}={text!r}: not a date (YYYY-MM-DD)") from None


def now() -> dt.datetime:
    """The current moment, aware, in Vietnam's time (on the pinned day when one is set)."""
    moment = dt.datetime.now(dt.timezone.utc).astimezone(VIETNAM)
    pinned = _pinned_day()
    if pinned is not None:
        moment = dt.datetime.combine(pinned, moment.timetz())
    return moment


def now_utc() -> dt.datetime:
    return now().astimezone(dt.timezone.utc)


def today() -> dt.date:
    """Today's date in Vietnam."""
    return now().date()


def vietnam_day(moment: dt.datetime) -> dt.date:
    """The calendar day in Vietnam of an aware moment (a naive one is taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(VIETNAM).date()


def local_moment(moment: dt.datetime) -> dt.datetime:
    """An aware moment shown in Vietnam's time (a naive one is taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(VIETNAM)
