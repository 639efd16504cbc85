"""Villages of the commune: add, rename, reorder, paste a list, delete with undo, merge."""

from __future__ import annotations

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.text import name_key, split_names
from danvan_desktop.domain.unit import Village, kind_of
from danvan_desktop.store.database import Database
from danvan_desktop.store.members import MemberRepository
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
                added.append(self.save(Village(name=name, kind=kind_of(name, kind))))
                existing.add(name_key(name))
        return added

    def delete(self, village_id: str) -> Village:
        return self.repo.soft_delete(village_id)

    def restore(self, village_id: str) -> Village:
        village = self.repo.get(village_id)
        with self.db.transaction():
            self._check_unique(village)
            return self.repo.restore(village_id)

    def merge(self, source_id: str, target_id: str) -> dict[str, list[str]]:
        """Record that a village was merged into another (2025 mergers): it leaves the lists but stays
        for history, and the bloc members who followed it now follow the village it joined.
        Returns each changed member's former villages, which is what `unmerge` needs to undo it."""
        if source_id == target_id:
            raise RuleError(_("Không thể sáp nhập một thôn vào chính nó."))
        with self.db.transaction():
            source = self.repo.get(source_id, include_deleted=False)
            target = self.repo.get(target_id, include_deleted=False)
            if target.merged_into:
                raise RuleError(_("{name} đã được sáp nhập vào thôn khác.").format(name=target.label))
            source.merged_into = target_id
            self.repo.update(source)
            members = MemberRepository(self.db)
            before: dict[str, list[str]] = {}
            for member in members.all():
                if source_id in member.village_ids:
                    before[member.id] = list(member.village_ids)
                    ids = [target_id if v == source_id else v for v in member.village_ids]
                    member.village_ids = list(dict.fromkeys(ids))
                    members.update(member)
        return before

    def unmerge(self, source_id: str, before: dict[str, list[str]]) -> Village:
        """Undo a merge: the village is back on the lists and its followers' villages are as they were."""
        with self.db.transaction():
            source = self.repo.get(source_id)
            source.merged_into = None
            self._check_unique(source)
            self.repo.update(source)
            members = MemberRepository(self.db)
            for member_id, village_ids in before.items():
                member = members.get(member_id)
                member.village_ids = list(village_ids)
                members.update(member)
        return source

    def merged(self) -> list[Village]:
        """Villages merged into others, kept for history."""
        return [v for v in self.repo.of_unit(self.db.unit_code, include_merged=True) if v.merged_into]
