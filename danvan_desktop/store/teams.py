"""Repositories of village teams and their members."""

from __future__ import annotations

from danvan_desktop.domain.teams import TeamMember, VillageTeam
from danvan_desktop.store.repository import Repository


class VillageTeamRepository(Repository[VillageTeam]):
    table = "village_teams"
    record_type = VillageTeam
    label = "tổ dân vận"

    def of_village(self, village_id: str) -> VillageTeam | None:
        found = self.select("village_id = ?", (village_id,))
        return found[0] if found else None


class TeamMemberRepository(Repository[TeamMember]):
    table = "team_members"
    record_type = TeamMember
    label = "tổ viên"
    search_fields = ("full_name", "post", "phone")
    order_by = "CASE team_role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, sort_order, full_name COLLATE VI"

    def of_village(self, village_id: str) -> list[TeamMember]:
        return self.select("village_id = ?", (village_id,))

    def counts(self) -> dict[str, int]:
        rows = self.db.conn.execute(
            "SELECT village_id, count(*) FROM team_members WHERE deleted = 0 GROUP BY village_id").fetchall()
        return {r[0]: r[1] for r in rows}

    def next_sort_order(self, village_id: str) -> int:
        row = self.db.conn.execute("SELECT coalesce(max(sort_order), 0) FROM team_members WHERE village_id = ?",
                                   (village_id,)).fetchone()
        return int(row[0]) + 1
