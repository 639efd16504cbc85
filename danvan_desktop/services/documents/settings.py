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

    # The values a user may adjust (dotted paths into the profile) with their limits.
    ADJUSTABLE = ("page.top_mm", "page.bottom_mm", "page.left_mm", "page.right_mm", "body.style.size",
                  "body.first_line_indent_mm", "body.leading_pt", "body.space_after_pt",
                  "signature.space_for_signature_mm")

    @staticmethod
    def value(profile: LayoutProfile, path: str) -> float:
        target = profile
        for part in path.split("."):
            target = getattr(target, part)
        return float(target)

    def save_copy(self, source_code: str, new_code: str, new_name: str, values: dict[str, float] | None = None,
                  *, activate: bool = False) -> LayoutProfile:
        """Copy a profile under a new code with some values changed ({'page.left_mm': 35}) and save it."""
        profile = copy_profile(self.profile(source_code), new_code, new_name or new_code)
        for path, value in (values or {}).items():
            if path not in self.ADJUSTABLE:
                raise RuleError(_("Không có thông số «{key}».").format(key=path))
            *parents, last = path.split(".")
            target = profile
            for part in parents:
                target = getattr(target, part)
            setattr(target, last, float(value))
        save_profile(profile)
        if activate:
            self.set_layout_code(profile.code)
        return profile
