"""Repository of the list of posts (chức danh) a bloc member can hold; users may extend it."""

from __future__ import annotations

from danvan_desktop.domain.members import Post
from danvan_desktop.store.repository import Repository


class PostRepository(Repository[Post]):
    table = "posts"
    record_type = Post
    label = "chức danh"
    order_by = "sort_order, name COLLATE VI"

    def names(self) -> dict[str, str]:
        return {p.code: p.name for p in self.all()}

    def by_code(self, code: str) -> Post | None:
        found = self.select("code = ?", (code,))
        return found[0] if found else None
