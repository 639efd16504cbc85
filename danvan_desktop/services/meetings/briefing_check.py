"""Has the bloc held its monthly briefing? The check behind "Tháng 10/2026: chưa họp giao ban"."""

from __future__ import annotations

import datetime as dt

from danvan_desktop.domain.meetings import Meeting
from danvan_desktop.domain.periods import Period

CHECK_MONTHS = 3


class BriefingCheck:
    """Mixed into MeetingService, which provides `db`, `today` and the `meetings` repository."""

    def missing_briefings(self, today: dt.date | None = None, months: int = CHECK_MONTHS) -> list[Period]:
        """Completed months of the last `months` without any briefing held in them."""
        today = today or self.today()
        first = self.db.conn.execute("SELECT min(meeting_date) FROM meetings WHERE deleted = 0").fetchone()[0]
        earliest = dt.date.fromisoformat(first) if first else None
        result = []
        period = Period.containing(today).previous()
        for _step in range(months):
            if earliest is not None and period.end < earliest.replace(day=1):
                break
            held = self.meetings.briefings_between(period.start, min(period.end, today))
            if not held:
                result.append(period)
            if earliest is None:
                break           # nothing recorded yet: only last month is worth saying
            period = period.previous()
        return sorted(result)

    def briefing_of(self, period: Period) -> Meeting | None:
        held = self.meetings.briefings_between(period.start, period.end)
        return held[0] if held else None
