"""The people's situation log: record, edit, resolve, delete with undo; hot spots until resolved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.situation import SituationNote
from danvan_desktop.domain.text import fold
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.store.database import Database
from danvan_desktop.store.situation import SituationRepository


@dataclass
class NoteFilter:
    text: str = ""
    village_id: str | None = None
    topic: str | None = None
    level: str | None = None
    open_only: bool = False
    period: str | None = None

    def sql(self) -> tuple[str, tuple]:
        """The filter as an indexed WHERE clause, so a list of 100 000 notes pages from SQL."""
        clauses, params = ["1"], []
        if self.village_id:
            clauses.append("village_id = ?")
            params.append(self.village_id)
        if self.topic:
            clauses.append("topic = ?")
            params.append(self.topic)
        if self.level:
            clauses.append("level = ?")
            params.append(self.level)
        if self.open_only:
            clauses.append("resolved = 0 AND level != 'normal'")
        if self.period:
            period = Period.parse(self.period)
            clauses.append("noted_on BETWEEN ? AND ?")
            params += [period.start.isoformat(), period.end.isoformat()]
        for word in fold(self.text).split():
            clauses.append("search_text LIKE ?")
            params.append(f"%{word}%")
        return " AND ".join(clauses), tuple(params)


class SituationService:
    def __init__(self, db: Database, today=vietnam_today) -> None:
        self.db = db
        self.today = today
        self.repo = SituationRepository(db)

    def get(self, note_id: str) -> SituationNote:
        return self.repo.get(note_id)

    def page(self, flt: NoteFilter, offset: int, limit: int) -> list[SituationNote]:
        where, params = flt.sql()
        return self.repo.page(where, params, offset, limit)

    def count(self, flt: NoteFilter | None = None) -> int:
        where, params = (flt or NoteFilter()).sql()
        return self.repo.count(where, params)

    def in_period(self, period: Period) -> list[SituationNote]:
        return self.repo.between(period.start, period.end)

    def open_hot_spots(self, limit: int | None = None) -> list[SituationNote]:
        return self.repo.open_hot_spots(limit)

    def open_hot_spot_count(self) -> int:
        """How many hot spots are still open: a count on an index, not every note loaded to be counted."""
        return self.repo.count_open_hot_spots()

    def save(self, note: SituationNote) -> SituationNote:
        note.validate(self.today())
        with self.db.transaction():
            if self.repo.find(note.id) is None:
                return self.repo.insert(note)
            return self.repo.update(note)

    def resolve(self, note_id: str, on: dt.date | None = None, action: str = "") -> SituationNote:
        note = self.repo.get(note_id, include_deleted=False)
        note.resolved = True
        note.resolved_on = on or self.today()
        if action:
            note.action_taken = (note.action_taken + "\n" + action).strip()
        return self.save(note)

    def delete(self, note_id: str) -> SituationNote:
        return self.repo.soft_delete(note_id)

    def restore(self, note_id: str) -> SituationNote:
        return self.repo.restore(note_id)
