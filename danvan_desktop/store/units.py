"""Repository of units (the commune itself; at the upper level, every commune it receives)."""

from __future__ import annotations

from danvan_desktop.domain.unit import Unit
from danvan_desktop.store.repository import Repository


class UnitRepository(Repository[Unit]):
    table = "units"
    record_type = Unit
    label = "đơn vị"
    order_by = "name COLLATE VI"

    def by_code(self, code: str) -> Unit | None:
        found = self.select("code = ?", (code,))
        return found[0] if found else None
