"""Repository of composition rule profiles (Kết luận 862-KL/TU and the user's own)."""

from __future__ import annotations

from danvan_desktop.domain.composition import CompositionProfile, Rules
from danvan_desktop.store.repository import Codec, Repository

RULES = Codec(lambda r: r.to_json(), lambda text: Rules.from_json(text))


class ProfileRepository(Repository[CompositionProfile]):
    table = "composition_profiles"
    record_type = CompositionProfile
    label = "quy chế"
    order_by = "builtin DESC, name COLLATE VI"
    codecs = {"rules": RULES}

    def by_code(self, code: str) -> CompositionProfile | None:
        found = self.select("code = ?", (code,))
        return found[0] if found else None
