"""Repository of “Dân vận khéo” models."""

from __future__ import annotations

from danvan_desktop.domain.dvk import DvkModel
from danvan_desktop.store.repository import Repository


class DvkRepository(Repository[DvkModel]):
    table = "dvk_models"
    record_type = DvkModel
    label = "mô hình"
    search_fields = ("name", "owner_name", "results")
    order_by = "year DESC, name COLLATE VI"

    def of_year(self, year: int) -> list[DvkModel]:
        return self.select("year = ?", (year,))
