"""Repository of the unit's villages (thôn, bản, khu phố …)."""

from __future__ import annotations

from danvan_desktop.domain.unit import Village
from danvan_desktop.store.repository import Repository


class VillageRepository(Repository[Village]):
    table = "villages"
    record_type = Village
    label = "thôn"
    order_by = "sort_order, name COLLATE VI"

    def of_unit(self, unit_code: str, *, include_merged: bool = False) -> list[Village]:
        where = "unit_code = ?" if include_merged else "unit_code = ? AND merged_into IS NULL"
        return self.select(where, (unit_code,))

    def next_sort_order(self, unit_code: str) -> int:
        row = self.db.conn.execute("SELECT coalesce(max(sort_order), 0) FROM villages WHERE unit_code = ?",
                                   (unit_code,)).fetchone()
        return int(row[0]) + 1
