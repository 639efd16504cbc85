"""The user's preferences and the unit's rule settings: language, text size, composition profile."""

from __future__ import annotations

import json
from functools import cached_property
from typing import TYPE_CHECKING

from danvan_desktop.domain.i18n import LANGUAGES, _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.store.database import Database

if TYPE_CHECKING:
    from danvan_desktop.domain.composition import CompositionProfile, Rules
    from danvan_desktop.store.profiles import ProfileRepository

FONT_SIZES = (9, 10, 11, 12, 13, 14, 16, 18)
DEFAULT_FONT_SIZE = 11


class PreferencesService:
    def __init__(self, db: Database) -> None:
        self.db = db

    @cached_property
    def profiles(self) -> ProfileRepository:
        """The rule profiles (and the composition rules' modules): not needed for the language and text size
        every start reads."""
        from danvan_desktop.store.profiles import ProfileRepository
        return ProfileRepository(self.db)

    def language(self) -> str:
        value = self.db.get_setting("language", "vi") or "vi"
        return value if value in LANGUAGES else "vi"

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise RuleError(_("Ngôn ngữ không được hỗ trợ."))
        self.db.set_setting("language", language)

    def font_size(self) -> int:
        try:
            size = int(self.db.get_setting("font_size", str(DEFAULT_FONT_SIZE)) or DEFAULT_FONT_SIZE)
        except ValueError:
            size = DEFAULT_FONT_SIZE
        return min(max(size, FONT_SIZES[0]), FONT_SIZES[-1])

    def set_font_size(self, size: int) -> None:
        if not FONT_SIZES[0] <= size <= FONT_SIZES[-1]:
            raise RuleError(_("Cỡ chữ phải từ {lo} đến {hi}.").format(lo=FONT_SIZES[0], hi=FONT_SIZES[-1]))
        self.db.set_setting("font_size", str(size))

    def window_state(self) -> dict:
        """The main window's geometry, maximised state and splitter positions (a local setting)."""
        return self.db.get_object_setting("window_state")

    def set_window_state(self, state: dict) -> None:
        self.db.set_setting("window_state", json.dumps(state, sort_keys=True))

    def current_user(self) -> str:
        return self.db.get_setting("current_user", "") or ""

    def set_current_user(self, name: str) -> None:
        self.db.set_setting("current_user", name.strip())
        self.db.actor = name.strip()

    # -- composition profiles ---------------------------------------------------------------
    def profile_list(self) -> list[CompositionProfile]:
        return self.profiles.all()

    def active_profile_code(self) -> str:
        return self.db.get_setting("active_profile", "kl862") or "kl862"

    def set_active_profile(self, code: str) -> None:
        if self.profiles.by_code(code) is None:
            raise RuleError(_("Không tìm thấy quy chế đã chọn."))
        self.db.set_setting("active_profile", code)

    def save_custom_profile(self, name: str, rules: Rules, based_on: str | None = None) -> CompositionProfile:
        """A user's own profile (a built-in one is never edited in place: it is copied)."""
        from danvan_desktop.domain.composition import CompositionProfile
        existing = [p for p in self.profiles.all() if p.name == name.strip() and not p.builtin]
        profile = existing[0] if existing else CompositionProfile(
            code=f"user_{len(self.profiles.all(include_deleted=True)) + 1}", name=name, builtin=False)
        profile.rules = rules
        profile.validate()
        if existing:
            return self.profiles.update(profile)
        return self.profiles.insert(profile)
