"""Commune set-up: the first-run wizard's save, the defaults every new unit gets, and later edits."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.unit import Unit, Village, kind_of
from danvan_desktop.store.database import Database
from danvan_desktop.store.units import UnitRepository

if TYPE_CHECKING:
    from danvan_desktop.store.posts import PostRepository
    from danvan_desktop.store.profiles import ProfileRepository
    from danvan_desktop.store.villages import VillageRepository


class SetupService:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.units = UnitRepository(db)

    # The unit is what every start reads; the villages, posts and rule profiles (and the modules behind them)
    # only the set-up and the pages that edit them.
    @cached_property
    def villages(self) -> VillageRepository:
        from danvan_desktop.store.villages import VillageRepository
        return VillageRepository(self.db)

    @cached_property
    def posts(self) -> PostRepository:
        from danvan_desktop.store.posts import PostRepository
        return PostRepository(self.db)

    @cached_property
    def profiles(self) -> ProfileRepository:
        from danvan_desktop.store.profiles import ProfileRepository
        return ProfileRepository(self.db)

    def is_set_up(self) -> bool:
        return bool(self.db.unit_code) and self.units.by_code(self.db.unit_code) is not None

    def unit(self) -> Unit:
        unit = self.units.by_code(self.db.unit_code)
        if unit is None:
            raise RuleError(_("Chưa thiết lập thông tin xã. Hãy chạy trình thiết lập."))
        return unit

    def create_unit(self, unit: Unit, village_text: str = "", village_kind: str = "thôn",
                    user_name: str = "", profile_code: str | None = None) -> Unit:
        """Save the wizard's answers in one transaction: the unit, its villages, posts and rule profiles,
        and who is using the program (named in the audit log from the first record on)."""
        from danvan_desktop.domain.text import clean, split_names
        unit.validate()
        names = split_names(village_text)
        user_name = clean(user_name)
        with self.db.transaction():
            if user_name:
                self.db.set_setting("current_user", user_name)
                self.db.actor = user_name
            if self.units.by_code(unit.code) is not None:
                raise RuleError(_("Mã đơn vị {code} đã có trong dữ liệu.").format(code=unit.code), "code")
            self.db.set_setting("unit_code", unit.code)
            unit.unit_code = unit.code
            self.units.insert(unit)
            for order, name in enumerate(names, start=1):
                village = Village(name=name, kind=kind_of(name, village_kind), sort_order=order)
                village.validate()
                self.villages.insert(village)
            self.ensure_defaults()
            if profile_code:
                if self.profiles.by_code(profile_code) is None:
                    raise RuleError(_("Không tìm thấy quy chế đã chọn."))
                self.db.set_setting("active_profile", profile_code)
        return unit

    def update_unit(self, unit: Unit) -> Unit:
        unit.validate()
        with self.db.transaction():
            current = self.unit()
            if unit.code != current.code:
                raise RuleError(_("Không thể đổi mã đơn vị sau khi đã thiết lập."), "code")
            unit.id = current.id
            return self.units.update(unit)

    def ensure_defaults(self) -> None:
        """The shipped posts and rule profiles; adds only what is missing, never overwrites edits."""
        from danvan_desktop.domain.composition import BUILTIN_PROFILES, KL862, CompositionProfile
        from danvan_desktop.domain.members import DEFAULT_POSTS, Post
        with self.db.transaction():
            have_posts = {p.code for p in self.posts.all(include_deleted=True)}
            for order, (code, name) in enumerate(DEFAULT_POSTS, start=1):
                if code not in have_posts:
                    self.posts.insert(Post(code=code, name=name, sort_order=order * 10))
            for code, (name, rules) in BUILTIN_PROFILES.items():
                if self.profiles.by_code(code) is None:
                    self.profiles.insert(CompositionProfile(code=code, name=name, rules=rules, builtin=True))
            if not self.db.get_setting("active_profile"):
                self.db.set_setting("active_profile", KL862)

    def village_name_taken(self, name: str, except_id: str | None = None) -> bool:
        from danvan_desktop.domain.text import name_key
        key = name_key(name)
        return any(name_key(v.name) == key and v.id != except_id for v in self.villages.of_unit(self.db.unit_code))
