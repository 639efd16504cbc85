"""The meetings list as the Họp & biên bản page reads it: the newest version of each meeting, filtered, paged
and sorted in SQL (store/meetings.py), with the attendance counted a page at a time."""

from __future__ import annotations

from danvan_desktop.domain.meetings import Meeting
from danvan_desktop.store.meetings import ORDERS, AttendanceRepository, MeetingRepository, list_where

__all__ = ["ORDERS", "MeetingListing"]


class MeetingListing:
    """Mixed into MeetingService, whose repositories it reads."""

    meetings: MeetingRepository
    attendance_repo: AttendanceRepository

    def list(self, query: str = "", kind: str | None = None, year: int | None = None,
             limit: int | None = None, offset: int = 0) -> list[Meeting]:
        """The newest version of each meeting, newest first; filters run in SQL."""
        where, params = list_where(query, kind, year)
        return self.meetings.latest_versions(where, params, limit=limit, offset=offset)

    def page(self, query: str = "", kind: str | None = None, offset: int = 0, limit: int = 100,
             order: str = "date", descending: bool = True) -> list[Meeting]:
        """A page of the list in the order of one of its columns (`ORDERS`), sorted in SQL."""
        order = order if order in ORDERS else "date"
        where, params = list_where(query, kind)
        return self.meetings.latest_versions(where, params, limit=limit, offset=offset,
                                             order_by=self.meetings.order(order, descending))

    def ordered_ids(self, query: str = "", kind: str | None = None, order: str = "date",
                    descending: bool = True) -> list[int]:
        """Every meeting the list keeps as row ids in a column's order (read off the GUI thread; see `by_ids`)."""
        where, params = list_where(query, kind)
        return self.meetings.latest_ids(where, params, self.meetings.order(order, descending))

    def by_ids(self, ids: list[int]) -> list[Meeting]:
        return self.meetings.by_rowids(ids)

    def count(self, query: str = "", kind: str | None = None) -> int:
        where, params = list_where(query, kind)
        return self.meetings.count_latest(where, params)

    def attendance_counts(self, meeting_ids: list[str]) -> dict[str, tuple[int, int]]:
        """(present, listed) of each meeting (late arrivals present), counted in SQL."""
        return self.attendance_repo.counts(meeting_ids)
