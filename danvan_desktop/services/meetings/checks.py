"""Checks of meetings for `danvan check` and the dashboard: missed monthly briefings, altered locked minutes."""

from __future__ import annotations

import datetime as dt

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import Period
from danvan_desktop.services.meetings.service import MeetingService
from danvan_desktop.services.problems import Problem
from danvan_desktop.store.database import Database


def missed_briefing_message(period: Period) -> str:
    """'Tháng 10/2026: chưa họp giao ban'."""
    return _("Tháng {month}/{year}: chưa họp giao ban").format(month=period.months[0], year=period.year)


def meeting_problems(db: Database, today: dt.date) -> list[Problem]:
    service = MeetingService(db, lambda: today)
    problems = [Problem("rule", missed_briefing_message(p)) for p in service.missing_briefings(today)]
    for meeting in service.meetings.select("content_hash IS NOT NULL"):
        if not service.verify(meeting.id):
            problems.append(Problem("integrity", _("Biên bản «{name}» đã bị thay đổi sau khi hoàn thành "
                                                          "(mã kiểm tra không khớp).").format(
                name=meeting.display_name())))
    return problems


CHECKS = [meeting_problems]
