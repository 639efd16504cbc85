"""Repositories of meetings, their attendance, agenda items and conclusions."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from danvan_desktop.domain.meetings import AgendaItem, AttendanceEntry, Conclusion, Meeting
from danvan_desktop.domain.text import fold
from danvan_desktop.store.repository import Repository

# The meetings list's columns a header click sorts by (gui/pages/meetings/meetings_page.py), in the order shown.
ORDERS = ("date", "name", "attendance", "minutes")
_ATTENDED = "(SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = meetings.id AND a.deleted = 0 {extra})"


@functools.lru_cache(maxsize=50_000)      # a search or a sort asks again for the same meetings' names
def _meeting_name(kind: str, period: str, title: str) -> str:
    """The folded name the list shows ('giao ban thang 10 nam 2026'): for SQL's ORDER BY and search."""
    try:
        return fold(Meeting(kind=kind, period=period or "", title=title or "").display_name())
    except Exception:  # noqa: BLE001 — a kind or period this version does not know: its raw words
        return fold(f"{kind} {period} {title}")


def list_where(query: str, kind: str | None, year: int | None = None) -> tuple[str, tuple]:
    """The list's filters in SQL; each word typed is found in what the meeting holds or in the name the list
    shows ('giao ban thang 10')."""
    where, params = ["1"], []
    if kind:
        where.append("kind = ?")
        params.append(kind)
    if year:
        where.append("meeting_date BETWEEN ? AND ?")
        params += [f"{year}-01-01", f"{year}-12-31"]
    for word in fold(query).split():
        where.append("(search_text || ' ' || meeting_name(kind, period, title)) LIKE ?")
        params.append(f"%{word}%")
    return " AND ".join(where), tuple(params)


def _latest(where: str) -> str:
    """`where` and: no newer version of the meeting."""
    return (f"({where}) AND NOT EXISTS (SELECT 1 FROM meetings newer WHERE newer.previous_id = meetings.id "
            f"AND newer.previous_id != '' AND newer.deleted = 0)")


class MeetingRepository(Repository[Meeting]):
    table = "meetings"
    record_type = Meeting
    label = "cuộc họp"
    search_fields = ("title", "place", "chair_name", "secretary_name", "period", "note")
    order_by = "coalesce(meeting_date, '') DESC, start_time DESC, version DESC"

    def __init__(self, db) -> None:
        super().__init__(db)
        db.conn.create_function("meeting_name", 3, _meeting_name, deterministic=True)

    @classmethod
    def order(cls, order: str, descending: bool) -> str:
        """ORDER BY for a column of the list, as its cells read; ties newest first."""
        d = "DESC" if descending else "ASC"
        if order == "date":
            return f"coalesce(meeting_date, '') {d}, start_time {d}, version {d}"
        if order == "name":
            return f"meeting_name(kind, period, title) {d}, {cls.order_by}"
        if order == "attendance":       # present (late arrivals count), then everyone listed
            present = _ATTENDED.format(extra="AND a.status IN ('present', 'late')")
            return f"{present} {d}, {_ATTENDED.format(extra='')} {d}, {cls.order_by}"
        if order == "minutes":          # drafts, locked first versions, then later versions (locked)
            return f"content_hash IS NOT NULL {d}, version {d}, {cls.order_by}"
        return cls.order_by

    def latest_versions(self, where: str = "1", params: tuple[Any, ...] = (), *, limit: int | None = None,
                        offset: int = 0, order_by: str | None = None) -> list[Meeting]:
        """Meetings as the list shows them: the newest version of each series only."""
        # `previous_id != ''` lets SQLite use the partial index meetings_successor: on the full index, whose
        # statistics say almost every row shares the key '', it scans the table once per meeting (quadratic).
        return self.select(_latest(where), params, limit=limit, offset=offset, order_by=order_by)

    def count_latest(self, where: str = "1", params: tuple[Any, ...] = ()) -> int:
        return self.count(_latest(where), params)

    def latest_ids(self, where: str, params: tuple[Any, ...], order_by: str) -> list[int]:
        """The row ids of the newest version of every meeting `where` keeps, in the order `order_by`."""
        sql = f"SELECT rowid FROM meetings WHERE {_latest(where)} AND deleted = 0 ORDER BY {order_by}"
        return [row[0] for row in self.db.conn.execute(sql, params)]

    def by_rowids(self, ids: list[int]) -> list[Meeting]:
        """The meetings of these row ids, in their order (one deleted since is left out)."""
        found = {row["list_rowid"]: row for row in self.db.conn.execute(
            f"SELECT *, rowid AS list_rowid FROM meetings WHERE rowid IN ({', '.join('?' for _i in ids)}) "
            f"AND deleted = 0", ids)} if ids else {}
        return [self.from_row(found[i]) for i in ids if i in found]

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

    def counts(self, meeting_ids: list[str]) -> dict[str, tuple[int, int]]:
        """(present, listed) of each meeting, late arrivals present: one grouped query on the meeting's index."""
        result: dict[str, tuple[int, int]] = {}
        for start in range(0, len(meeting_ids), 500):
            chunk = meeting_ids[start:start + 500]
            for row in self.db.conn.execute(
                    f"SELECT meeting_id, sum(status IN ('present', 'late')), count(*) FROM meeting_attendance "
                    f"WHERE meeting_id IN ({', '.join('?' for _id in chunk)}) AND deleted = 0 GROUP BY meeting_id",
                    chunk):
                result[row[0]] = (row[1], row[2])
        return result

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
