"""Repositories of meetings, their attendance, agenda items and conclusions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from danvan_desktop.domain.meetings import AgendaItem, AttendanceEntry, Conclusion, Meeting
from danvan_desktop.store.repository import Repository


class MeetingRepository(Repository[Meeting]):
    table = "meetings"
    record_type = Meeting
    label = "cuộc họp"
    search_fields = ("title", "place", "chair_name", "secretary_name", "period", "note")
    order_by = "coalesce(meeting_date, '') DESC, start_time DESC, version DESC"

    def latest_versions(self, where: str = "1", params: tuple[Any, ...] = (), *, limit: int | None = None,
                        offset: int = 0) -> list[Meeting]:
        """Meetings as the list shows them: the newest version of each series only."""
        # `previous_id != ''` lets SQLite use the partial index meetings_successor: on the full index, whose
        # statistics say almost every row shares the key '', it scans the table once per meeting (quadratic).
        clause = (f"({where}) AND NOT EXISTS (SELECT 1 FROM meetings newer WHERE newer.previous_id = meetings.id "
                  f"AND newer.previous_id != '' AND newer.deleted = 0)")
        return self.select(clause, params, limit=limit, offset=offset)

    def versions(self, series_id: str) -> list[Meeting]:
        return self.select("series_id = ?", (series_id,), order_by="version")

    def successor(self, meeting_id: str) -> Meeting | None:
        found = self.select("previous_id = ?", (meeting_id,), limit=1)
        return found[0] if found else None

    def briefings_between(self, start: dt.date, end: dt.date) -> list[Meeting]:
        return self.select("kind IN ('monthly', 'quarterly', 'half', 'annual') AND meeting_date BETWEEN ? AND ?",
                           (start.isoformat(), end.isoformat()))

    def by_period(self, kind: str, period: str) -> list[Meeting]:
        return self.latest_versions("kind = ? AND period = ?", (kind, period))

    def max_number(self, since: dt.date | None) -> int:
        sql = "SELECT max(number) FROM meetings WHERE deleted = 0 AND number IS NOT NULL"
        params: tuple = ()
        if since is not None:
            sql += " AND meeting_date >= ?"
            params = (since.isoformat(),)
        return self.db.conn.execute(sql, params).fetchone()[0] or 0


class AttendanceRepository(Repository[AttendanceEntry]):
    table = "meeting_attendance"
    record_type = AttendanceEntry
    label = "điểm danh"
    order_by = "sort_order, member_name COLLATE VI"

    def of(self, meeting_id: str) -> list[AttendanceEntry]:
        return self.select("meeting_id = ?", (meeting_id,))

    def of_meetings(self, meeting_ids: list[str]) -> dict[str, list[AttendanceEntry]]:
        """Attendance of many meetings in one query per 500 (the list shows a count for every meeting)."""
        result: dict[str, list[AttendanceEntry]] = {}
        for start in range(0, len(meeting_ids), 500):
            chunk = meeting_ids[start:start + 500]
            for entry in self.select(f"meeting_id IN ({', '.join('?' for _id in chunk)})", chunk):
                result.setdefault(entry.meeting_id, []).append(entry)
        return result


class AgendaRepository(Repository[AgendaItem]):
    table = "meeting_agenda_items"
    record_type = AgendaItem
    label = "nội dung họp"
    order_by = "position"

    def of(self, meeting_id: str) -> list[AgendaItem]:
        return self.select("meeting_id = ?", (meeting_id,))


class ConclusionRepository(Repository[Conclusion]):
    table = "meeting_conclusions"
    record_type = Conclusion
    label = "kết luận"
    order_by = "position"

    def of(self, meeting_id: str) -> list[Conclusion]:
        return self.select("meeting_id = ?", (meeting_id,))

    def of_item(self, item_id: str) -> list[Conclusion]:
        return self.select("agenda_item_id = ?", (item_id,))
