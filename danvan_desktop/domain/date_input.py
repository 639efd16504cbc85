"""Dates as officers type them: "2/12", "02/12/2026", "2-12-26", "2.12.2026", "2026-12-02".

The day comes first (Vietnamese order); a missing year is the current one; a two-digit year is
in this century. An impossible date (31/02) is refused with a message, never moved to a nearby day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError

_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})(?:\s*[/.\-\s]\s*(\d{2}|\d{4}))?\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_COMPACT = re.compile(r"^\s*(\d{2})(\d{2})(\d{2}|\d{4})\s*$")      # 021226, 02122026


def parse_typed_date(text: str, today: dt.date) -> dt.date:
    """The date the officer meant, or a RuleError saying what is wrong in Vietnamese."""
    raw = (text or "").strip()
    if not raw:
        raise RuleError(_("Hãy nhập ngày, ví dụ 02/12/2026."), "date")
    iso = _ISO.match(raw)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    else:
        found = _DMY.match(raw) or _COMPACT.match(raw)
        if not found:
            raise RuleError(_("«{text}» không phải là ngày; hãy viết ngày/tháng/năm, ví dụ 02/12/2026 "
                              "hoặc 2/12.").format(text=raw), "date")
        day, month = int(found.group(1)), int(found.group(2))
        year_text = found.group(3)
        if year_text is None:
            year = today.year
        elif len(year_text) == 2:
            year = 2000 + int(year_text)
        else:
            year = int(year_text)
    if not 1 <= month <= 12:
        raise RuleError(_("Tháng {month} không có; tháng chỉ từ 1 đến 12.").format(month=month), "date")
    if not 1900 <= year <= 2100:
        raise RuleError(_("Năm {year} nằm ngoài khoảng 1900–2100.").format(year=year), "date")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise RuleError(_("Ngày {day:02d}/{month:02d}/{year} không có: tháng {month} năm {year} chỉ có {last} "
                          "ngày.").format(day=day, month=month, year=year, last=last), "date")
    return dt.date(year, month, day)
