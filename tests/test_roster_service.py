"""The roster as the officer keeps it: add, edit, end a term, who held which post, and the mistakes
the program refuses with a message that says what to fix."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from danvan_desktop.domain.composition import LOOSE
from danvan_desktop.domain.members import BlocMember, BlocRole
from danvan_desktop.domain.records import RuleError
from danvan_desktop.store import audit


def new(name="Lê Văn Tám", post="ct_nd", role=BlocRole.MEMBER, start=dt.date(2026, 1, 5), **more) -> BlocMember:
    return BlocMember(full_name=name, post_code=post, bloc_role=role.value, start_date=start, **more)


def current_names(services) -> list[str]:
    return sorted(m.full_name for m in services.roster.current())


def test_add_then_edit_a_member(services):
    roster = services.roster
    village = services.villages.list()[0]
    saved = roster.save(new("  Nguyễn   Thị  Hương ", "ct_mttq", BlocRole.DEPUTY, phone="0983 112 457",
                            village_ids=[village.id], start_decision="Quyết định số 126-QĐ/ĐU"))
    assert saved.full_name == "Nguyễn Thị Hương"      # spaces tidied as it is stored
    assert current_names(services) == ["Nguyễn Thị Hương"]
    saved.phone = "0912 345 678"
    saved.trained_on = dt.date(2026, 3, 16)
    roster.save(saved)
    again = roster.members.get(saved.id)
    assert again.phone == "0912 345 678" and again.trained_on == dt.date(2026, 3, 16)
    assert [e.action for e in audit.history(services.db, "bloc_members", saved.id)] == ["insert", "update"]
    assert roster.members.following_village(village.id, dt.date(2026, 11, 21))[0].id == saved.id


def test_end_a_term_with_date_and_decision(services):
    roster = services.roster
    member = roster.save(new())
    ended = roster.end_term(member.id, dt.date(2026, 9, 30), "  Quyết định số 125-QĐ/ĐU ")
    assert ended.end_date == dt.date(2026, 9, 30) and ended.end_decision == "Quyết định số 125-QĐ/ĐU"
    assert current_names(services) == []
    assert roster.current(dt.date(2026, 9, 30))[0].id == member.id       # still counted on its last day
    with pytest.raises(RuleError, match="đã kết thúc ngày 30/09/2026"):
        roster.end_term(member.id, dt.date(2026, 10, 1), "Quyết định số 130-QĐ/ĐU")


def test_ending_a_term_needs_a_decision_and_a_date_after_the_start(services):
    roster = services.roster
    member = roster.save(new(start=dt.date(2026, 3, 16)))
    with pytest.raises(RuleError, match="Hãy nhập số quyết định") as caught:
        roster.end_term(member.id, dt.date(2026, 9, 30), "   ")
    assert caught.value.field_name == "end_decision"
    with pytest.raises(RuleError) as caught:
        roster.end_term(member.id, dt.date(2026, 3, 1), "Quyết định số 125-QĐ/ĐU")
    assert str(caught.value) == "Ngày kết thúc (01/03/2026) trước ngày bắt đầu (16/03/2026)."
    assert roster.members.get(member.id).end_date is None          # nothing was changed


def test_an_end_date_before_the_start_is_refused_on_save_too(services):
    with pytest.raises(RuleError, match=r"Ngày kết thúc \(04/01/2026\) trước ngày bắt đầu \(05/01/2026\)"):
        services.roster.save(new(end_date=dt.date(2026, 1, 4), end_decision="QĐ 1"))
    assert services.roster.all_terms() == []


def test_the_history_of_who_held_a_post_newest_first(demo):
    history = demo.roster.post_history("ct_mttq")
    assert [m.full_name for m in history] == ["Nguyễn Thị Hương", "Trần Văn Minh"]
    assert history[0].end_date is None
    assert history[1].end_date is not None and history[1].end_decision == "Quyết định số 125-QĐ/ĐU"
    holders = demo.roster.post_holders()
    assert [m.full_name for m in holders["ct_mttq"]] == ["Nguyễn Thị Hương", "Trần Văn Minh"]
    assert [m.full_name for m in holders["pbt_tt"]] == ["Lê Văn Thắng"]


@pytest.mark.parametrize("name, message", [
    ("", "Họ và tên không được để trống."),
    ("   ", "Họ và tên không được để trống."),
    ("Nguyễn Văn 2", "Họ và tên không được chứa chữ số."),
])
def test_empty_or_bad_names_are_refused(services, name, message):
    with pytest.raises(RuleError) as caught:
        services.roster.save(new(name))
    assert str(caught.value) == message and caught.value.field_name == "full_name"


def test_the_same_person_twice_in_the_same_post_is_refused_but_a_similar_name_is_not(services):
    roster = services.roster
    roster.save(new("Nguyễn Thị Hương", "pct_mttq"))     # a title several members may hold
    with pytest.raises(RuleError, match="Đồng chí Nguyễn Thị Hương đã có trong khối với chức danh này."):
        roster.save(new("nguyễn thị  hương", "pct_mttq"))
    roster.save(new("Nguyễn Thị Hướng", "pct_mttq"))      # another person: the marks differ
    assert current_names(services) == ["Nguyễn Thị Hương", "Nguyễn Thị Hướng"]


def test_a_post_held_twice_where_the_profile_allows_one(services):
    roster = services.roster
    roster.save(new("Lê Đình Toàn", "ct_nd"))
    with pytest.raises(RuleError) as caught:
        roster.save(new("Lê Văn Tám", "ct_nd"))
    assert str(caught.value) == ("Chức danh «Chủ tịch Hội Nông dân» đang do đồng chí Lê Đình Toàn đảm nhiệm; quy "
                                 "chế chỉ cho phép 1 người. Hãy kết thúc nhiệm kỳ của người cũ trước.")
    assert caught.value.field_name == "post_code"
    # once the old term ends, the successor may start the next day
    old = roster.current()[0]
    roster.end_term(old.id, dt.date(2026, 6, 30), "Quyết định số 125-QĐ/ĐU")
    roster.save(new("Lê Văn Tám", "ct_nd", start=dt.date(2026, 7, 1)))
    assert [m.full_name for m in roster.post_history("ct_nd")] == ["Lê Văn Tám", "Lê Đình Toàn"]


def test_a_looser_profile_lets_a_post_be_held_twice(services):
    services.preferences.set_active_profile(LOOSE)
    services.roster.save(new("Lê Đình Toàn", "ct_nd"))
    services.roster.save(new("Lê Văn Tám", "ct_nd"))
    assert len(services.roster.current()) == 2


def test_only_one_head_at_a_time(services):
    roster = services.roster
    roster.save(new("Lê Văn Thắng", "pbt_tt", BlocRole.HEAD))
    with pytest.raises(RuleError, match="Đồng chí Lê Văn Thắng đang là Trưởng khối; mỗi khối chỉ có một."):
        roster.save(new("Hà Văn Nam", "cb_ct", BlocRole.HEAD))


def test_an_unknown_post_and_a_far_future_start_are_refused(services):
    with pytest.raises(RuleError, match="Chức danh không có trong danh sách."):
        services.roster.save(new(post="no_such_post"))
    with pytest.raises(RuleError, match="quá xa trong tương lai"):
        services.roster.save(new(start=dt.date(2030, 1, 1)))


def test_delete_and_undo_and_a_restore_that_would_break_the_rules(services):
    roster = services.roster
    first = roster.save(new("Lê Đình Toàn", "ct_nd"))
    roster.delete(first.id)
    assert current_names(services) == []
    roster.restore(first.id)
    assert current_names(services) == ["Lê Đình Toàn"]
    roster.delete(first.id)
    roster.save(new("Lê Văn Tám", "ct_nd"))
    with pytest.raises(RuleError, match="đang do đồng chí Lê Văn Tám đảm nhiệm"):
        roster.restore(first.id)
    assert roster.members.get(first.id).deleted is True            # the failed restore changed nothing


def test_the_list_of_posts_can_be_extended(services):
    post = services.roster.add_post("  Trưởng ban Công tác Mặt trận ")
    assert post.name == "Trưởng ban Công tác Mặt trận" and post.code.startswith("u_")
    assert services.roster.post_names()[post.code] == "Trưởng ban Công tác Mặt trận"
    with pytest.raises(RuleError, match="đã có"):
        services.roster.add_post("trưởng ban công tác mặt trận")
    with pytest.raises(RuleError, match="không được để trống"):
        services.roster.add_post("  ")


def test_a_phone_number_must_be_digits(services):
    with pytest.raises(RuleError, match="Số điện thoại chỉ gồm chữ số"):
        services.roster.save(new(phone="không có"))
    services.roster.save(new(phone="(0237) 3.821-456"))


def test_the_check_follows_the_roster(demo):
    assert demo.roster.check() == []
    chair = next(m for m in demo.roster.current() if m.post_code == "ct_mttq")
    demo.roster.end_term(chair.id, dt.date(2026, 11, 1), "Quyết định số 140-QĐ/ĐU")
    assert [b.message for b in demo.roster.check()] == ["Khối chưa có Phó trưởng khối.",
                                                        "Khối thiếu Chủ tịch Ủy ban MTTQ."]
    successor = dataclasses.replace(chair, id="new-chair", full_name="Lò Thị Mai", start_date=dt.date(2026, 11, 2),
                                    end_date=None, end_decision="", created_at="", updated_at="")
    demo.roster.save(successor)
    assert demo.roster.check() == []


def test_a_profile_allowing_two_deputies_lets_a_second_one_in_but_not_a_third(services):
    rules = dataclasses.replace(services.roster.active_profile().rules, deputies_max=2, deputy_posts=[])
    profile = services.preferences.save_custom_profile("Hai phó trưởng khối", rules)
    services.preferences.set_active_profile(profile.code)
    services.roster.save(new("Nguyễn Thị Hương", "ct_mttq", BlocRole.DEPUTY))
    services.roster.save(new("Phạm Văn Dũng", "pct_ubnd", BlocRole.DEPUTY))
    with pytest.raises(RuleError) as caught:
        services.roster.save(new("Trịnh Đình Khải", "pct_hdnd", BlocRole.DEPUTY))
    assert str(caught.value) == ("Khối đã có 2 Phó trưởng khối (Nguyễn Thị Hương, Phạm Văn Dũng); quy chế chỉ "
                                 "cho phép 2.")


def test_the_change_log_says_who_changed_what_in_plain_words(services):
    roster = services.roster
    services.preferences.set_current_user("Mai Thị Thu Trang")
    east = services.villages.list()[0]
    member = roster.save(new("Lê Đình Toàn", "ct_nd", phone="0869 304 115", start=dt.date(2026, 3, 16)))
    services.preferences.set_current_user("Hà Văn Nam")
    member.phone = "0912 000 111"
    member.village_ids = [east.id]
    roster.save(member)
    roster.end_term(member.id, dt.date(2026, 9, 30), "Quyết định số 125-QĐ/ĐU")
    roster.delete(member.id)
    changes = roster.change_log(member.id)
    assert [(c.actor, c.action) for c in changes] == [("Mai Thị Thu Trang", "Thêm mới"), ("Hà Văn Nam", "Sửa"),
                                                      ("Hà Văn Nam", "Sửa"), ("Hà Văn Nam", "Xóa")]
    added = {f.field: f.after for f in changes[0].fields}
    assert added["Họ và tên"] == "Lê Đình Toàn" and added["Chức danh"] == "Chủ tịch Hội Nông dân"
    assert added["Ngày bắt đầu"] == "16/03/2026" and added["Vai trò"] == "Thành viên"
    edited = [(f.field, f.before, f.after) for f in changes[1].fields]
    assert edited == [("Điện thoại", "0869 304 115", "0912 000 111"), ("Thôn phụ trách", "", "Thôn Đông")]
    ended = [(f.field, f.before, f.after) for f in changes[2].fields]
    assert ended == [("Ngày kết thúc", "", "30/09/2026"), ("Quyết định kết thúc", "", "Quyết định số 125-QĐ/ĐU")]
    assert [(f.field, f.after) for f in changes[3].fields] == [("Đã xóa", "có")]
    assert all(len(c.when) == len("21/11/2026 14:03") for c in changes)
