"""A due date read from a conclusion's words, as officers write them: "trước 20/12", "trước ngày 25",
"chậm nhất ngày 05/01/2027", "trong tháng 12", "hoàn thành trong quý IV".

The year is the one that puts the date on or after the meeting: "trước 05/01" said on 28/12/2026 is
05/01/2027. Nothing found → None (the caller decides the default).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from danvan_desktop.domain.text import fold

_LEAD = r"(?:truoc|cham nhat|han|den|hoan thanh)\s+(?:ngay\s+)?"
_FULL = re.compile(_LEAD + r"(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?")
_DAY_ONLY = re.compile(_LEAD + r"(\d{1,2})\b(?!\s*[/.-]\s*\d)")
_MONTH = re.compile(r"trong thang (\d{1,2})(?:\s*[/.-]\s*(\d{4})|\s+nam\s+(\d{4}))?")
_QUARTER = re.compile(r"trong quy (iv|iii|ii|i|[1-4])\b")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _on_or_after(day: int, month: int, year: int | None, start: dt.date) -> dt.date | None:
    try:
        if year:
            return dt.date(year, month, day)
        found = dt.date(start.year, month, day)
        return found if found >= start else dt.date(start.year + 1, month, day)
    except ValueError:
        return None


def due_from_text(text: str, meeting_day: dt.date) -> dt.date | None:
    """The due date a conclusion states, or None."""
    words = fold(text)
    match = _FULL.search(words)
    if match:
        return _on_or_after(int(match.group(1)), int(match.group(2)),
                            int(match.group(3)) if match.group(3) else None, meeting_day)
    match = _DAY_ONLY.search(words)
    if match and 1 <= int(match.group(1)) <= 31:
        day = int(match.group(1))
        month_start = meeting_day.replace(day=1)
        for step in range(2):
            year, month = (month_start.year, month_start.month + step) if month_start.month + step <= 12 else \
                (month_start.year + 1, month_start.month + step - 12)
            if day <= calendar.monthrange(year, month)[1] and dt.date(year, month, day) >= meeting_day:
                return dt.date(year, month, day)
        return None
    match = _MONTH.search(words)
    if match and 1 <= int(match.group(1)) <= 12:
        month = int(match.group(1))
        year = int(match.group(2) or match.group(3) or 0) or \
            (meeting_day.year if month >= meeting_day.month else meeting_day.year + 1)
        return _last_day(year, month)
    match = _QUARTER.search(words)
    if match:
        quarter = _ROMAN.get(match.group(1)) or int(match.group(1))
        year = meeting_day.year if quarter * 3 >= meeting_day.month else meeting_day.year + 1
        return _last_day(year, quarter * 3)
    return None


def default_due(meeting_day: dt.date) -> dt.date:
    """No date in the words: a briefing's conclusions are due before the next briefing — by the end of the
    month for one held in its first twenty days, else thirty days on."""
    if meeting_day.day <= 20:
        return _last_day(meeting_day.year, meeting_day.month)
    return meeting_day + dt.timedelta(days=30)
