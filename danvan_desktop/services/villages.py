"""Villages of the commune: add, rename, reorder, paste a list, delete with undo, merge."""

from __future__ import annotations

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.text import name_key, split_names
from danvan_desktop.domain.unit import Village
from danvan_desktop.store.database import Database
from danvan_desktop.store.villages import VillageRepository


class VillageService:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.repo = VillageRepository(db)

    def list(self) -> list[Village]:
        return self.repo.of_unit(self.db.unit_code)

    def get(self, village_id: str) -> Village:
        return self.repo.get(village_id)

    def names(self) -> dict[str, str]:
        return {v.id: v.label for v in self.repo.of_unit(self.db.unit_code, include_merged=True)}

    def _check_unique(self, village: Village) -> None:
        key = name_key(village.name)
        for other in self.list():
            if other.id != village.id and name_key(other.name) == key:
                raise RuleError(_("Đã có thôn tên «{name}».").format(name=other.name), "name")

    def save(self, village: Village) -> Village:
        village.validate()
        with self.db.transaction():
            self._check_unique(village)
            if self.repo.find(village.id) is None:
                if not village.sort_order:
                    village.sort_order = self.repo.next_sort_order(self.db.unit_code)
                return self.repo.insert(village)
            return self.repo.update(village)

    def add_pasted(self, text: str, kind: str = "thôn") -> list[Village]:
        """Add every name of a pasted list that is not there yet; all or nothing."""
        added = []
        existing = {name_key(v.name) for v in self.list()}
        with self.db.transaction():
            for name in split_names(text):
                if name_key(name) in existing:
                    continue
                added.append(self.save(Village(name=name, kind=kind)))
                existing.add(name_key(name))
        return added

    def delete(self, village_id: str) -> Village:
        return self.repo.soft_delete(village_id)

    def restore(self, village_id: str) -> Village:
        village = self.repo.get(village_id)
        with self.db.transaction():
            self._check_unique(village)
            return self.repo.restore(village_id)

    def merge(self, source_id: str, target_id: str) -> Village:
        """Record that a village was merged into another (it stays for history, off the lists)."""
        if source_id == target_id:
            raise RuleError(_("Không thể sáp nhập một thôn vào chính nó."))
        source = self.repo.get(source_id)
        self.repo.get(target_id)
        source.merged_into = target_id
        return self.repo.update(source)
