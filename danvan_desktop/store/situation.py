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
    _ids: list[int] = []
    _ids_key: tuple | None = None
    _ids_done = False

    def between(self, start: dt.date, end: dt.date) -> list[SituationNote]:
        return self.select("noted_on BETWEEN ? AND ?", (start.isoformat(), end.isoformat()),
                           order_by="noted_on, created_at")

    def open_hot_spots(self, limit: int | None = None) -> list[SituationNote]:
        return self.select("level = 'hot' AND resolved = 0", order_by="noted_on", limit=limit)

    def count_open_hot_spots(self) -> int:
        return self.count("level = 'hot' AND resolved = 0")

    def page(self, where: str, params: tuple, offset: int, limit: int, order_by: str | None = None,
             order_params: tuple = ()) -> list[SituationNote]:
        """A page of the log; `order_by` may hold parameters (`order_params`, after the WHERE's).

        The first page is a LIMIT (SQLite keeps the best rows of one pass). The next ones read the row ids of
        the list in its order, in blocks that double (an index-only scan in the log's own order, one sort in
        another), and then their rows by id: a list scrolled to row 90 000 costs what its second page did,
        where OFFSET would step over 90 000 rows, each read from the table, and sort them all for each page.
        """
        order = order_by or self.order_by
        all_params = (*params, *order_params)
        if offset == 0:
            self._ids_key = None
            sql = f"SELECT * FROM {self.table} WHERE ({where}) AND deleted = 0 ORDER BY {order} LIMIT {int(limit)}"
            return [self.from_row(r) for r in self.db.conn.execute(sql, all_params)]
        key = (where, tuple(params), order_by, tuple(order_params))
        if self._ids_key != key:
            self._ids, self._ids_key, self._ids_done = [], key, False
        while len(self._ids) < offset + limit and not self._ids_done:
            # in growing blocks: the first scroll reads 10 000 ids, not 100 000; at most four sorts in all
            block = max(10_000, len(self._ids))
            sql = (f"SELECT rowid FROM {self.table} WHERE ({where}) AND deleted = 0 ORDER BY {order} "
                   f"LIMIT {block} OFFSET {len(self._ids)}")
            more = [row[0] for row in self.db.conn.execute(sql, all_params)]
            self._ids += more
            self._ids_done = len(more) < block
        return self.by_ids(self._ids[offset:offset + limit])

    def ordered_ids(self, where: str, params: tuple, order_by: str | None = None,
                    order_params: tuple = ()) -> list[int]:
        """The row ids of every note the filter keeps, in the list's order."""
        sql = f"SELECT rowid FROM {self.table} WHERE ({where}) AND deleted = 0 ORDER BY {order_by or self.order_by}"
        return [row[0] for row in self.db.conn.execute(sql, (*params, *order_params))]

    def by_ids(self, ids: list[int]) -> list[SituationNote]:
        """The notes of these row ids, in their order (one deleted since is left out)."""
        if not ids:
            return []
        found = {row["list_rowid"]: row for row in self.db.conn.execute(
            f"SELECT *, rowid AS list_rowid FROM {self.table} WHERE rowid IN ({', '.join('?' for _i in ids)}) "
            f"AND deleted = 0", ids)}
        return [self.from_row(found[i]) for i in ids if i in found]
