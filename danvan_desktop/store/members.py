"""Repository of bloc member terms (one row a person in a post from … to)."""

from __future__ import annotations

import datetime as dt

from danvan_desktop.domain.members import BlocMember
from danvan_desktop.store.repository import Repository


class MemberRepository(Repository[BlocMember]):
    table = "bloc_members"
    record_type = BlocMember
    label = "thành viên"
    search_fields = ("full_name", "phone", "post_code", "start_decision", "note")
    order_by = "CASE bloc_role WHEN 'head' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, start_date, full_name COLLATE VI"

    def current(self, on: dt.date) -> list[BlocMember]:
        day = on.isoformat()
        return self.select("(start_date IS NULL OR start_date <= ?) AND (end_date IS NULL OR end_date >= ?)",
                           (day, day))

    def history(self) -> list[BlocMember]:
        """Every term ever held, newest first within each post."""
        return self.select(order_by="post_code, coalesce(start_date, '') DESC")

    def following_village(self, village_id: str, on: dt.date) -> list[BlocMember]:
        return [m for m in self.current(on) if village_id in m.village_ids]
