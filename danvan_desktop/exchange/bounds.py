"""The bounds every incoming value must keep: identifiers, unit codes, clock stamps, dates and text.

One place for the rules a hostile file could otherwise break: a UUID is required wherever a value
may end up in a path, text must be encodable UTF-8 of a bounded size, a date must exist, and a
clock stamp may not run more than a day ahead of the receiver's own clock.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from danvan_desktop.exchange import format as fmt

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_UNIT_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$")
_STAMP = re.compile(r"^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\.(\d{3})Z-(\d{4})-([A-Za-z0-9]{1,8})$")
_CREATED = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
_DATE_COLUMN = re.compile(r"(^|_)(on|date)$")
NO_HORIZON = "~"        # sorts after every stamp: the format alone is checked


def is_uuid(value: object) -> bool:
    """A UUID as uuid.uuid4() writes it: lower-case hex in 8-4-4-4-12 groups."""
    return isinstance(value, str) and bool(_UUID.match(value))


def is_unit_code(value: object) -> bool:
    return isinstance(value, str) and bool(_UNIT_CODE.match(value))


def text_ok(value: str, limit: int = fmt.MAX_TEXT_CHARS) -> bool:
    """Bounded and encodable: a lone surrogate (JSON's "\\ud800") cannot be stored or printed."""
    if len(value) > limit:
        return False
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def stamp_ok(value: object, horizon: str) -> bool:
    """A hybrid-clock stamp that names a real moment no later than `horizon` (a wall time, sorts as text)."""
    if not isinstance(value, str):
        return False
    match = _STAMP.match(value)
    if not match:
        return False
    if value[:24] > horizon:
        return False
    return moment_exists(match)


def moment_exists(match: re.Match) -> bool:
    """The stamp's day exists (asked once per day: the stamps of a file share a few days) and its time of
    day is a real one, from the year 2000 on."""
    year, month, day, hour, minute, second = match.group(1, 2, 3, 4, 5, 6)
    return hour < "24" and minute < "60" and second < "60" and _day_exists(year, month, day)


@functools.lru_cache(maxsize=4096)
def _day_exists(year: str, month: str, day: str) -> bool:
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return int(year) >= 2000


def created_ok(value: object, horizon: str) -> bool:
    """The manifest's `created_at` (to the second): real, and not after the horizon."""
    if not isinstance(value, str) or not _CREATED.match(value):
        return False
    try:
        dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return False
    return value[:19] <= horizon[:19]


@functools.lru_cache(maxsize=1024)
def is_date_column(name: str) -> bool:
    return bool(_DATE_COLUMN.search(name))


def date_ok(value: object) -> bool:
    """A date column holds nothing, or a day that exists (no 30 February)."""
    if value is None or value == "":
        return True
    if not isinstance(value, str) or not _DATE.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def horizon(now: dt.datetime) -> str:
    """The latest wall time a received stamp may carry: the receiver's clock plus a day."""
    moment = (now + fmt.MAX_CLOCK_AHEAD).astimezone(dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
