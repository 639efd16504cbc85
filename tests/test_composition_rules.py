"""Composition rules as data: the 862-KL/TU profile, the looser one and a user's own, with every
breach said in plain Vietnamese."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from danvan_desktop.domain.composition import BUILTIN_PROFILES, KL862, LOOSE, Rules, check_roster
from danvan_desktop.domain.members import DEFAULT_POSTS, BlocMember, BlocRole

DAY = dt.date(2026, 11, 21)
POSTS = dict(DEFAULT_POSTS)
KL = BUILTIN_PROFILES[KL862][1]
LOOSE_RULES = BUILTIN_PROFILES[LOOSE][1]

# A roster that meets 862-KL/TU: head, deputy, one each of HĐND/UBND vice-chairs, others from the list.
GOOD = [
    ("Lê Văn Thắng", "pbt_tt", BlocRole.HEAD), ("Nguyễn Thị Hương", "ct_mttq", BlocRole.DEPUTY),
    ("Trịnh Đình Khải", "pct_hdnd", BlocRole.MEMBER), ("Phạm Văn Dũng", "pct_ubnd", BlocRole.MEMBER),
    ("Hoàng Văn Bình", "ct_ccb", BlocRole.MEMBER), ("Đỗ Thị Lan", "ct_lhpn", BlocRole.MEMBER),
    ("Lê Đình Toàn", "ct_nd", BlocRole.MEMBER), ("Nguyễn Đức Anh", "bt_doan", BlocRole.MEMBER),
    ("Vũ Mạnh Hùng", "tr_ca", BlocRole.MEMBER), ("Mai Thị Thu Trang", "cc_tp", BlocRole.MEMBER),
]


def roster(rows=GOOD) -> list[BlocMember]:
    return [BlocMember(full_name=n, post_code=p, bloc_role=r.value, start_date=dt.date(2025, 10, 1))
            for n, p, r in rows]


def messages(members, rules=KL) -> list[str]:
    return [b.message for b in check_roster(members, rules, POSTS, DAY)]


def test_a_roster_that_meets_862_has_no_breach():
    assert messages(roster()) == []


def test_eight_members_is_named_with_the_range():
    assert messages(roster(GOOD[:8])) == ["Khối hiện có 8 thành viên; quy chế yêu cầu 9–11."]


def test_twelve_members_is_too_many():
    # 862 lists eleven posts: a twelfth member either repeats a post or adds a fifth organisation head
    extra = [("Bùi Văn Hải", "cht_qs", BlocRole.MEMBER), ("Lò Thị Mai", "pct_mttq", BlocRole.MEMBER)]
    assert messages(roster(GOOD + extra))[0] == "Khối hiện có 12 thành viên; quy chế yêu cầu 9–11."


def test_missing_mttq_chair_names_the_post_and_the_missing_deputy():
    rows = [r for r in GOOD if r[1] != "ct_mttq"] + [("Bùi Văn Hải", "cht_qs", BlocRole.MEMBER)]
    assert messages(roster(rows)) == ["Khối chưa có Phó trưởng khối.", "Khối thiếu Chủ tịch Ủy ban MTTQ."]


def test_head_from_the_wrong_post_names_the_person_and_both_posts():
    rows = [("Lê Văn Thắng", "pbt_tt", BlocRole.MEMBER)] + GOOD[1:6] + [("Lê Đình Toàn", "ct_nd", BlocRole.HEAD)] \
        + GOOD[7:]
    assert messages(roster(rows)) == [
        "Trưởng khối phải là Phó Bí thư Thường trực Đảng ủy; đồng chí Lê Đình Toàn đang giữ chức "
        "Chủ tịch Hội Nông dân."]


def test_no_head_and_two_deputies():
    rows = [("Lê Văn Thắng", "pbt_tt", BlocRole.DEPUTY)] + GOOD[1:]
    assert messages(roster(rows)) == [
        "Khối chưa có Trưởng khối.", "Khối có 2 Phó trưởng khối; quy chế chỉ cho phép 1.",
        "Phó trưởng khối phải là Chủ tịch Ủy ban MTTQ; đồng chí Lê Văn Thắng đang giữ chức "
        "Phó Bí thư Thường trực Đảng ủy."]


def test_two_vice_chairs_of_the_council_break_the_exactly_one_rule():
    rows = GOOD[:9] + [("Lương Thị Nga", "pct_hdnd", BlocRole.MEMBER)]
    assert messages(roster(rows)) == ["Khối có 2 Phó Chủ tịch HĐND; quy chế yêu cầu đúng 1."]


def test_a_post_held_twice_is_a_breach_but_the_front_vice_chair_title_may_be_shared():
    twice = GOOD + [("Lê Văn Tám", "ct_nd", BlocRole.MEMBER)]
    assert messages(roster(twice)) == ["Chức danh Chủ tịch Hội Nông dân có 2 người trong khối; quy chế chỉ "
                                       "cho phép 1."]
    # since 2025 the heads of the organisations are Phó Chủ tịch Ủy ban MTTQ: two of them may hold that title
    shared = [r for r in GOOD if r[1] not in ("ct_ccb", "ct_lhpn")] + [
        ("Hoàng Văn Bình", "pct_mttq", BlocRole.MEMBER), ("Đỗ Thị Lan", "pct_mttq", BlocRole.MEMBER)]
    assert messages(roster(shared)) == []


def test_a_post_outside_the_list_is_named():
    rows = GOOD + [("Đinh Văn Sơn", "u_truong_thon", BlocRole.MEMBER)]
    members = roster(rows)
    found = [b.message for b in check_roster(members, KL, {**POSTS, "u_truong_thon": "Trưởng thôn"}, DAY)]
    assert found == ["Chức danh Trưởng thôn của đồng chí Đinh Văn Sơn không có trong danh sách của quy chế."]


def test_ended_future_and_deleted_terms_do_not_count():
    members = roster()
    members[4].end_date = dt.date(2026, 6, 30)
    members[5].start_date = dt.date(2027, 1, 1)
    members[6].deleted = True
    assert messages(members) == ["Khối hiện có 7 thành viên; quy chế yêu cầu 9–11."]
    members[4].end_date = DAY   # the last day of a term still counts
    assert messages(members) == ["Khối hiện có 8 thành viên; quy chế yêu cầu 9–11."]


def test_the_loose_profile_asks_only_for_size_head_and_deputy():
    rows = [("Lê Đình Toàn", "ct_nd", BlocRole.HEAD), ("Đỗ Thị Lan", "ct_lhpn", BlocRole.DEPUTY)] + \
        [(f"Thành viên {chr(65 + i)}", "cb_ct", BlocRole.MEMBER) for i in range(7)]
    assert messages(roster(rows), LOOSE_RULES) == []
    assert messages(roster(rows), KL) != []
    assert messages(roster(rows[1:]), LOOSE_RULES) == ["Khối hiện có 8 thành viên; quy chế yêu cầu 9–11.",
                                                       "Khối chưa có Trưởng khối."]


def test_rules_travel_as_json_and_ignore_unknown_keys():
    again = Rules.from_json(KL.to_json())
    assert again == KL
    assert Rules.from_json('{"min_members": 7, "colour": "red"}').min_members == 7


def test_a_user_edited_profile_is_saved_applied_and_leaves_the_builtin_alone(services):
    prefs = services.preferences
    # the officer's province asks for 7–9 members and no fixed deputy post
    own = dataclasses.replace(KL, min_members=7, max_members=9, deputy_posts=[])
    profile = prefs.save_custom_profile("Quy chế của Đảng ủy xã năm 2026", own)
    prefs.set_active_profile(profile.code)
    assert services.roster.active_profile().name == "Quy chế của Đảng ủy xã năm 2026"
    assert services.roster.active_profile().rules.min_members == 7
    assert "Khối hiện có 0 thành viên; quy chế yêu cầu 7–9." in [b.message for b in services.roster.check()]
    assert prefs.profiles.by_code(KL862).rules == KL
    # saving under the same name edits it rather than adding a second
    prefs.save_custom_profile("Quy chế của Đảng ủy xã năm 2026", dataclasses.replace(own, max_members=10))
    assert len([p for p in prefs.profile_list() if not p.builtin]) == 1
    assert services.roster.active_profile().rules.max_members == 10


def test_a_profile_with_min_above_max_is_refused(services):
    from danvan_desktop.domain.records import RuleError
    with pytest.raises(RuleError, match="không lớn hơn số tối đa"):
        services.preferences.save_custom_profile("Sai", dataclasses.replace(KL, min_members=12))
