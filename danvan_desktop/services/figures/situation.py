"""The people's situation log: record, edit, resolve, delete with undo; hot spots until resolved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from danvan_desktop.domain.collation import vi_key
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.situation import SituationNote, Topic
from danvan_desktop.domain.text import fold
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.store.database import Database
from danvan_desktop.store.situation import SituationRepository
from danvan_desktop.store.villages import VillageRepository

# The list's columns a header click sorts by (gui/pages/figures/situation_page.py), in the order shown.
ORDERS = ("noted_on", "level", "summary", "village", "topic", "resolved_on", "follower")
_FIRST_LINE = "CASE WHEN instr(summary, char(10)) > 0 THEN substr(summary, 1, instr(summary, char(10)) - 1) " \
              "ELSE summary END"


@dataclass
class NoteFilter:
    text: str = ""
    village_id: str | None = None
    topic: str | None = None
    level: str | None = None
    open_only: bool = False
    period: str | None = None
    order: str = ""             # one of ORDERS; "": newest first
    descending: bool = True

    def ordered(self, order: str, descending: bool) -> NoteFilter:
        return replace(self, order=order, descending=descending)

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
        """`limit` notes from `offset` in the filter's order, sorted in SQL over every note it keeps."""
        where, params = flt.sql()
        order, order_params = self._order(flt)
        return self.repo.page(where, params, offset, limit, order, order_params)

    def ordered_ids(self, flt: NoteFilter) -> list[int]:
        """Every note the filter keeps, as row ids in its order: a header's sort read once (off the GUI thread),
        then pages read by `by_ids` as the list scrolls."""
        where, params = flt.sql()
        order, order_params = self._order(flt)
        return self.repo.ordered_ids(where, params, order, order_params)

    def by_ids(self, ids: list[int]) -> list[SituationNote]:
        return self.repo.by_ids(ids)

    def _order(self, flt: NoteFilter) -> tuple[str, tuple]:
        """ORDER BY for the column the list is sorted by, as the screen shows it: texts in Vietnamese order,
        empty cells after the others (first when descending), ties newest first."""
        d = "DESC" if flt.descending else "ASC"
        newest = "noted_on DESC, created_at DESC, rowid"
        if flt.order == "noted_on":
            return f"noted_on {d}, created_at {d}, rowid {d}", ()
        if flt.order == "level":
            return f"CASE level WHEN 'normal' THEN 0 WHEN 'watch' THEN 1 ELSE 2 END {d}, {newest}", ()
        if flt.order == "summary":
            return f"summary = '' {d}, vi_key({_FIRST_LINE}) {d}, {newest}", ()
        if flt.order == "follower":
            return f"follower = '' {d}, vi_key(follower) {d}, {newest}", ()
        if flt.order == "resolved_on":
            return f"coalesce(resolved_on, '') = '' {d}, resolved_on {d}, {newest}", ()
        if flt.order in ("village", "topic"):
            if flt.order == "village":
                labels = {v.id: v.label for v in VillageRepository(self.db).of_unit(self.db.unit_code,
                                                                                     include_merged=True)}
                column, missing = "village_id", _("Toàn xã")
            else:
                labels, column, missing = {t.value: t.label for t in Topic}, "topic", ""
            ranked, params = _by_label(column, labels, missing)
            return f"{ranked} {d}, {newest}", params
        return newest, ()

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


def _by_label(column: str, labels: dict[str, str], missing: str) -> tuple[str, tuple]:
    """A CASE giving each value of `column` the rank of its label in Vietnamese order (a value with no label:
    the rank of `missing`), so SQL sorts by what the screen shows without calling back into Python."""
    ranks = {label: i for i, label in enumerate(sorted({*labels.values(), missing}, key=vi_key))}
    whens = " ".join(f"WHEN ? THEN {ranks[label]}" for label in labels.values())
    return f"CASE {column} {whens} ELSE {ranks[missing]} END", tuple(labels)
