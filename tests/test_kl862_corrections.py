"""Kết luận 862-KL/TU as the seed says it: only the posts it lists; since the 2025 reform the heads of the
mass organisations are Phó Chủ tịch Ủy ban MTTQ, so that title may be held by several members (never more
than the organisations it stands for); a village team led by someone other than the Bí thư chi bộ is warned."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan_desktop.domain.composition import BUILTIN_PROFILES, KL862, Rules, check_roster
from danvan_desktop.domain.members import DEFAULT_POSTS, BlocMember, BlocRole
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.teams import TeamMember, TeamRole, team_warnings

DAY = dt.date(2026, 11, 21)
POSTS = dict(DEFAULT_POSTS)
KL = BUILTIN_PROFILES[KL862][1]

BASE = [
    ("Lê Văn Thắng", "pbt_tt", BlocRole.HEAD), ("Nguyễn Thị Hương", "ct_mttq", BlocRole.DEPUTY),
    ("Trịnh Đình Khải", "pct_hdnd", BlocRole.MEMBER), ("Phạm Văn Dũng", "pct_ubnd", BlocRole.MEMBER),
    ("Vũ Mạnh Hùng", "tr_ca", BlocRole.MEMBER), ("Bùi Văn Hải", "cht_qs", BlocRole.MEMBER),
    ("Lò Thị Mai", "cc_tp", BlocRole.MEMBER),
]


def roster(rows) -> list[BlocMember]:
    return [BlocMember(full_name=n, post_code=p, bloc_role=r.value, start_date=dt.date(2025, 10, 1))
            for n, p, r in rows]


def messages(rows) -> list[str]:
    return [b.message for b in check_roster(roster(rows), KL, POSTS, DAY)]


@pytest.mark.parametrize("post, name", [("cb_ct", "Cán bộ chuyên trách"), ("cc_vh", "Công chức Văn hóa – Xã hội")])
def test_posts_the_conclusion_does_not_list_are_named(post, name):
    rows = BASE + [("Hoàng Văn Bình", "ct_ccb", BlocRole.MEMBER), ("Hà Thị Yến", post, BlocRole.MEMBER)]
    assert messages(rows) == [f"Chức danh {name} của đồng chí Hà Thị Yến không có trong danh sách của quy chế."]


def test_the_listed_posts_alone_make_a_good_roster():
    rows = BASE + [("Hoàng Văn Bình", "ct_ccb", BlocRole.MEMBER), ("Đỗ Thị Lan", "ct_lhpn", BlocRole.MEMBER)]
    assert messages(rows) == []
    assert set(KL.allowed_posts) == {"pbt_tt", "ct_mttq", "pct_hdnd", "pct_ubnd", "ct_ccb", "ct_nd", "ct_lhpn",
                                     "bt_doan", "tr_ca", "cht_qs", "cc_tp", "pct_mttq"}


def test_several_heads_of_organisations_may_hold_the_front_vice_chair_title():
    rows = BASE + [("Hoàng Văn Bình", "pct_mttq", BlocRole.MEMBER), ("Đỗ Thị Lan", "pct_mttq", BlocRole.MEMBER),
                   ("Lê Đình Toàn", "pct_mttq", BlocRole.MEMBER)]
    assert messages(rows) == []


def test_more_front_vice_chairs_than_organisations_is_a_breach():
    rows = BASE[:6] + [("Hoàng Văn Bình", "pct_mttq", BlocRole.MEMBER), ("Đỗ Thị Lan", "pct_mttq", BlocRole.MEMBER),
                   ("Lê Đình Toàn", "pct_mttq", BlocRole.MEMBER), ("Nguyễn Đức Anh", "bt_doan", BlocRole.MEMBER)]
    assert messages(rows) == []          # four organisations, four heads
    rows.append(("Mai Văn Tú", "pct_mttq", BlocRole.MEMBER))
    found = messages(rows)
    assert len(found) == 1 and found[0].startswith("Khối có 5 người đứng đầu các tổ chức chính trị - xã hội")


def test_the_roster_service_lets_a_second_front_vice_chair_in_but_not_a_second_police_chief(services):
    roster_service = services.roster

    def new(name, post):
        return BlocMember(full_name=name, post_code=post, start_date=dt.date(2025, 10, 1))
    roster_service.save(new("Hoàng Văn Bình", "pct_mttq"))
    roster_service.save(new("Đỗ Thị Lan", "pct_mttq"))        # no refusal: the title is shared
    roster_service.save(new("Vũ Mạnh Hùng", "tr_ca"))
    with pytest.raises(RuleError, match="Trưởng Công an"):
        roster_service.save(new("Trần Văn Tư", "tr_ca"))


def test_a_database_made_with_the_old_profile_reads_the_corrected_one(services):
    profile = services.roster.profiles.by_code(KL862)
    old = Rules.from_json(profile.rules.to_json())
    old.allowed_posts = old.allowed_posts + ["cb_ct", "cc_vh"]
    old.multi_posts = ["cb_ct"]
    services.db.conn.execute("UPDATE composition_profiles SET rules = ? WHERE code = ?", (old.to_json(), KL862))
    assert services.roster.active_profile().rules == KL


def _team(*rows) -> list[TeamMember]:
    return [TeamMember(village_id="v", full_name=n, team_role=r.value, post=p) for n, r, p in rows]


def test_a_team_led_by_the_party_cell_secretary_has_no_warning():
    team = _team(("Lê Văn A", TeamRole.LEADER, "Bí thư chi bộ"), ("Trần Văn B", TeamRole.MEMBER, "Trưởng thôn"),
                 ("Đỗ Thị C", TeamRole.MEMBER, "Chi hội trưởng Hội Phụ nữ"))
    assert team_warnings(team, 1) == []


def test_a_team_led_by_someone_else_is_warned_with_the_leaders_name():
    team = _team(("Lê Văn A", TeamRole.MEMBER, "Bí thư chi bộ"), ("Trần Văn B", TeamRole.LEADER, "Trưởng thôn"),
                 ("Đỗ Thị C", TeamRole.MEMBER, "Chi hội trưởng Hội Phụ nữ"))
    assert team_warnings(team, 1) == ["Tổ trưởng Trần Văn B (Trưởng thôn) không phải Bí thư chi bộ; theo hướng dẫn, "
                                      "Bí thư chi bộ làm tổ trưởng tổ dân vận."]
    deputy_secretary = _team(("Lê Văn A", TeamRole.LEADER, "Phó Bí thư chi bộ"),
                             ("Trần Văn B", TeamRole.MEMBER, "Trưởng thôn"), ("Đỗ Thị C", TeamRole.MEMBER, ""))
    assert len(team_warnings(deputy_secretary, 1)) == 1
