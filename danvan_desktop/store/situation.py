"""Repository of the people's situation notes."""

from __future__ import annotations

import datetime as dt

from danvan_desktop.domain.situation import SituationNote
from danvan_desktop.store.repository import Repository


class SituationRepository(Repository[SituationNote]):
    table = "situation_notes"
    record_type = SituationNote
    label = "ghi chép tình hình"
    search_fields = ("summary", "source", "action_taken", "follower")
    order_by = "noted_on DESC, created_at DESC"

    def between(self, start: dt.date, end: dt.date) -> list[SituationNote]:
        return self.select("noted_on BETWEEN ? AND ?", (start.isoformat(), end.isoformat()),
                           order_by="noted_on, created_at")

    def open_hot_spots(self, limit: int | None = None) -> list[SituationNote]:
        return self.select("level = 'hot' AND resolved = 0", order_by="noted_on", limit=limit)

    def count_open_hot_spots(self) -> int:
        return self.count("level = 'hot' AND resolved = 0")

    def page(self, where: str, params: tuple, offset: int, limit: int) -> list[SituationNote]:
        return self.select(where, params, limit=limit, offset=offset)
