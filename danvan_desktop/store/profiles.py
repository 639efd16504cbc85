"""Repository of composition rule profiles (Kết luận 862-KL/TU and the user's own)."""

from __future__ import annotations

from danvan_desktop.domain.composition import BUILTIN_PROFILES, CompositionProfile, Rules
from danvan_desktop.store.repository import Codec, Repository

RULES = Codec(lambda r: r.to_json(), lambda text: Rules.from_json(text))


class ProfileRepository(Repository[CompositionProfile]):
    table = "composition_profiles"
    record_type = CompositionProfile
    label = "quy chế"
    order_by = "builtin DESC, name COLLATE VI"
    codecs = {"rules": RULES}

    def from_row(self, row) -> CompositionProfile:
        """A shipped profile reads the rules the program ships (a corrected rule reaches every database);
        a unit's own profile reads what it saved."""
        profile = super().from_row(row)
        if profile.builtin and profile.code in BUILTIN_PROFILES:
            profile.rules = Rules.from_json(BUILTIN_PROFILES[profile.code][1].to_json())
        return profile

    def by_code(self, code: str) -> CompositionProfile | None:
        found = self.select("code = ?", (code,))
        return found[0] if found else None
