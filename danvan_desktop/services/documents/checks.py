"""`danvan check` for the number register: no number given twice to documents of one scope.

The scope is worked out again from each document's own date and today's term start dates, so a
term start entered or corrected after numbers were issued cannot hide a repeated number.
"""

from __future__ import annotations

import datetime as dt

from danvan_desktop.domain.i18n import _
from danvan_desktop.services.documents.numbering import NumberingService
from danvan_desktop.services.problems import Problem
from danvan_desktop.store.database import Database
from danvan_desktop.store.meetings import MeetingRepository
from danvan_desktop.store.reports import ReportRepository


def _repeats(found: dict[tuple[str, str, int], dict[str, str]], numbering: NumberingService) -> list[Problem]:
    problems = []
    for (doc_type, scope, number), holders in sorted(found.items()):
        if len(holders) > 1:
            problems.append(Problem("integrity", _(
                "Số {number:02d}-{type} được cấp cho {n} văn bản khác nhau trong {scope}: {names}.").format(
                number=number, type=doc_type, n=len(holders), scope=numbering.scope_label(scope),
                names="; ".join(sorted(holders.values())))))
    return problems


def number_problems(db: Database, today: dt.date) -> list[Problem]:
    numbering = NumberingService(db)
    found: dict[tuple[str, str, int], dict[str, str]] = {}
    for meeting in MeetingRepository(db).select("content_hash IS NOT NULL AND number IS NOT NULL"):
        if meeting.meeting_date is None:
            continue
        key = ("BB", numbering.scope(meeting.meeting_date), meeting.number)
        # the versions of one minute share its number: count minutes (series), not versions
        found.setdefault(key, {})[meeting.series_id or meeting.id] = meeting.display_name()
    for report in ReportRepository(db).select("content_hash IS NOT NULL AND number IS NOT NULL"):
        if report.doc_date is None:
            continue
        key = (report.doc_type, numbering.scope(report.doc_date, report.layout), report.number)
        found.setdefault(key, {})[report.id] = report.title_line()
    return _repeats(found, numbering)


CHECKS = [number_problems]
