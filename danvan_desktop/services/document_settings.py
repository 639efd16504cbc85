"""Which layout profile the unit prints with, and the profiles a user may pick, copy and save."""

from __future__ import annotations

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.render.layout import (
    PARTY,
    LayoutProfile,
    all_profiles,
    copy_profile,
    load_profile,
    save_profile,
)
from danvan_desktop.store.database import Database

SETTING = "layout_profile"


class DocumentSettings:
    def __init__(self, db: Database) -> None:
        self.db = db

    def profiles(self) -> dict[str, LayoutProfile]:
        return all_profiles()

    def layout_code(self) -> str:
        return self.db.get_setting(SETTING, PARTY) or PARTY

    def profile(self, code: str | None = None) -> LayoutProfile:
        return load_profile(code or self.layout_code())

    def set_layout_code(self, code: str) -> None:
        if code not in self.profiles():
            raise RuleError(_("Không có mẫu trình bày «{code}».").format(code=code))
        self.db.set_setting(SETTING, code)

    def save_copy(self, source_code: str, new_code: str, new_name: str, **changes: float) -> LayoutProfile:
        """Copy a profile under a new code with page values changed (e.g. left_mm=35) and save it."""
        profile = copy_profile(self.profile(source_code), new_code, new_name)
        for key, value in changes.items():
            if not hasattr(profile.page, key):
                raise RuleError(_("Không có thông số «{key}».").format(key=key))
            setattr(profile.page, key, float(value))
        save_profile(profile)
        return profile
