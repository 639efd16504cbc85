"""Villages of the commune: names, pasted lists, delete with undo, and the 2025 mergers."""

from __future__ import annotations

import pytest

from danvan_desktop.domain.members import BlocMember
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.unit import Village


def by_name(services) -> dict[str, Village]:
    return {v.name: v for v in services.villages.list()}


def test_add_rename_and_refuse_a_duplicate(services):
    added = services.villages.save(Village(name="  Đồng   Tâm "))
    assert added.name == "Đồng Tâm" and added.sort_order == 4
    with pytest.raises(RuleError, match="Đã có thôn tên «Đồng Tâm»."):
        services.villages.save(Village(name="đồng tâm"))
    services.villages.save(Village(name="Đông Tâm"))       # another village: the marks differ
    with pytest.raises(RuleError, match="Tên thôn không được để trống."):
        services.villages.save(Village(name="  "))


def test_a_pasted_list_adds_only_new_names_all_or_nothing(services):
    added = services.villages.add_pasted("1. Thôn Đông\n2. Đồng Mới\n3) Bản Pá Khoang\n", "thôn")
    assert [(v.name, v.kind) for v in added] == [("Đồng Mới", "thôn"), ("Bản Pá Khoang", "bản")]
    assert [v.label for v in services.villages.list()][-2:] == ["Thôn Đồng Mới", "Bản Pá Khoang"]


def test_delete_and_restore(services):
    east = by_name(services)["Thôn Đông"]
    services.villages.delete(east.id)
    assert "Thôn Đông" not in by_name(services)
    services.villages.restore(east.id)
    assert "Thôn Đông" in by_name(services)


def test_merging_a_village_moves_its_followers_and_undo_puts_them_back(services):
    villages = by_name(services)
    east, west = villages["Thôn Đông"], villages["Thôn Tây"]
    follower = services.roster.save(BlocMember(full_name="Trịnh Đình Khải", post_code="pct_hdnd",
                                               village_ids=[east.id]))
    both = services.roster.save(BlocMember(full_name="Hoàng Văn Bình", post_code="ct_ccb",
                                           village_ids=[west.id, east.id]))
    before = services.villages.merge(east.id, west.id)
    assert "Thôn Đông" not in by_name(services)
    assert [v.name for v in services.villages.merged()] == ["Thôn Đông"]
    assert services.villages.names()[east.id] == "Thôn Đông"          # still readable in history
    assert services.roster.members.get(follower.id).village_ids == [west.id]
    assert services.roster.members.get(both.id).village_ids == [west.id]
    services.villages.unmerge(east.id, before)
    assert "Thôn Đông" in by_name(services)
    assert services.roster.members.get(follower.id).village_ids == [east.id]
    assert services.roster.members.get(both.id).village_ids == [west.id, east.id]


def test_a_village_cannot_merge_into_itself_or_into_a_merged_one(services):
    villages = by_name(services)
    east, west, ban = villages["Thôn Đông"], villages["Thôn Tây"], villages["Bản Nậm Cắn"]
    with pytest.raises(RuleError, match="chính nó"):
        services.villages.merge(east.id, east.id)
    services.villages.merge(east.id, west.id)
    with pytest.raises(RuleError, match="đã được sáp nhập"):
        services.villages.merge(ban.id, east.id)
