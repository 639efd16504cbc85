"""Meetings: defaults, attendance, minutes, conclusions, finalise/lock, versions, bad input, the briefing check."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan_desktop.domain.meetings import MeetingKind, Presence, attendance_summary, parse_time
from danvan_desktop.domain.members import BlocMember, BlocRole
from danvan_desktop.domain.records import RuleError
from danvan_desktop.services.checks import run_checks
from danvan_desktop.services.meetings.checks import missed_briefing_message

START = dt.date(2026, 1, 1)


@pytest.fixture
def bloc(services):
    """Ten members from 01/01/2026: head, deputy, eight others (the last is the bloc's officer)."""
    people = [("Lê Văn Thắng", "pbt_tt", BlocRole.HEAD), ("Nguyễn Thị Hương", "ct_mttq", BlocRole.DEPUTY),
              ("Trịnh Đình Khải", "pct_hdnd", BlocRole.MEMBER), ("Phạm Văn Dũng", "pct_ubnd", BlocRole.MEMBER),
              ("Hoàng Văn Bình", "ct_ccb", BlocRole.MEMBER), ("Đỗ Thị Lan", "ct_lhpn", BlocRole.MEMBER),
              ("Lê Đình Toàn", "ct_nd", BlocRole.MEMBER), ("Nguyễn Đức Anh", "bt_doan", BlocRole.MEMBER),
              ("Vũ Mạnh Hùng", "tr_ca", BlocRole.MEMBER), ("Mai Thị Thu Trang", "cb_ct", BlocRole.MEMBER)]
    members = {}
    for name, post, role in people:
        members[name] = services.roster.save(BlocMember(full_name=name, post_code=post, bloc_role=role.value,
                                                        start_date=START))
    return members


def _ready(services, bloc, day=dt.date(2026, 10, 6)):
    m = services.meetings.create(MeetingKind.MONTHLY.value, day)
    m.place, m.end_time = "Hội trường Đảng ủy xã", "10:30"
    services.meetings.save(m)
    item = services.meetings.items(m.id)[0]
    item.title = "Đánh giá công tác dân vận tháng 10"
    item.discussion = "Đồng chí Nguyễn Thị Hương: tình hình Nhân dân ổn định"
    services.meetings.save_item(item)
    services.meetings.set_conclusions(item.id, "Các đoàn thể nắm chắc tình hình\nTổ dân vận họp định kỳ")
    return services.meetings.get(m.id)


def test_new_briefing_has_period_chair_secretary_and_everyone_present(services, bloc):
    m = services.meetings.create(MeetingKind.MONTHLY.value, dt.date(2026, 10, 6))
    assert m.period == "2026-09"                  # held early in October: it reviews September
    assert services.meetings.create(MeetingKind.MONTHLY.value, dt.date(2026, 10, 16)).period == "2026-10"
    assert m.chair_name == "Lê Văn Thắng" and "Trưởng Khối dân vận" in m.chair_post
    assert m.secretary_name == "Mai Thị Thu Trang"
    entries = services.meetings.attendance(m.id)
    assert len(entries) == 10 and all(e.status == "present" for e in entries)
    assert attendance_summary(entries) == "Có mặt 10/10 đồng chí"
    services.meetings.set_attendance(m.id, bloc["Lê Đình Toàn"].id, Presence.EXCUSED.value, "đi công tác")
    services.meetings.set_attendance(m.id, bloc["Đỗ Thị Lan"].id, Presence.LATE.value)
    entries = services.meetings.attendance(m.id)
    assert attendance_summary(entries) == "Có mặt 9/10 đồng chí"
    assert m.subject() == "hội nghị giao ban Khối dân vận tháng 9 năm 2026"


def test_finalise_refuses_without_chair_or_secretary_and_says_which(services, bloc):
    m = _ready(services, bloc)
    m.chair_id, m.chair_name = "", ""
    services.meetings.save(m)
    with pytest.raises(RuleError, match="Chưa chọn người chủ trì"):
        services.meetings.finalise(m.id)
    m = services.meetings.get(m.id)
    m.chair_id = bloc["Lê Văn Thắng"].id
    m.secretary_id, m.secretary_name = "", ""
    services.meetings.save(m)
    with pytest.raises(RuleError, match="người ghi biên bản"):
        services.meetings.finalise(m.id)
    assert services.meetings.get(m.id).content_hash is None
    assert services.meetings.items(m.id)[0].discussion        # nothing lost


def test_absent_secretary_blocks_finalise(services, bloc):
    m = _ready(services, bloc)
    services.meetings.set_attendance(m.id, bloc["Mai Thị Thu Trang"].id, Presence.EXCUSED.value, "ốm")
    messages = [p.message for p in services.meetings.problems(m.id)]
    assert any("Người ghi biên bản (đồng chí Mai Thị Thu Trang) được điểm danh vắng mặt" in t for t in messages)


def test_far_future_date_and_non_member_attendance_refused(services, bloc):
    m = _ready(services, bloc)
    m.meeting_date = dt.date(2036, 10, 6)
    with pytest.raises(RuleError, match="quá xa trong tương lai"):
        services.meetings.save(m)
    assert services.meetings.get(m.id).meeting_date == dt.date(2026, 10, 6)
    newcomer = services.roster.save(BlocMember(full_name="Trần Văn Mới", post_code="cc_vh",
                                               start_date=dt.date(2026, 11, 1)))
    with pytest.raises(RuleError, match="không phải thành viên khối vào ngày 06/10/2026"):
        services.meetings.set_attendance(m.id, newcomer.id, Presence.PRESENT.value)


def test_agenda_item_without_content_is_named(services, bloc):
    m = _ready(services, bloc)
    empty = services.meetings.add_item(m.id, "Công tác tôn giáo")
    messages = [p.message for p in services.meetings.problems(m.id)]
    assert "Nội dung «Công tác tôn giáo» chưa ghi diễn biến (ai báo cáo, ai phát biểu)." in messages
    services.meetings.delete_item(empty.id)
    assert services.meetings.problems(m.id) == []


def test_finalise_locks_and_a_correction_is_a_new_version(services, bloc):
    m = _ready(services, bloc)
    locked = services.meetings.finalise(m.id)
    assert locked.content_hash and len(locked.content_hash) == 64 and locked.number == 1
    assert services.meetings.verify(m.id)
    item = services.meetings.items(m.id)[0]
    item.discussion = "sửa"
    with pytest.raises(RuleError, match="đã hoàn thành và được khóa"):
        services.meetings.save_item(item)
    with pytest.raises(RuleError):
        services.meetings.set_attendance(m.id, bloc["Lê Đình Toàn"].id, Presence.UNEXCUSED.value)
    v2 = services.meetings.new_version(m.id)
    assert v2.version == 2 and v2.previous_id == m.id and v2.series_id == m.id and v2.content_hash is None
    item2 = services.meetings.items(v2.id)[0]
    item2.discussion += "; bổ sung ý kiến đồng chí Khải"
    services.meetings.save_item(item2)
    services.meetings.finalise(v2.id)
    assert services.meetings.items(m.id)[0].discussion == "Đồng chí Nguyễn Thị Hương: tình hình Nhân dân ổn định"
    assert services.meetings.get(v2.id).content_hash != locked.content_hash
    assert [v.version for v in services.meetings.versions(m.id)] == [1, 2]
    assert [x.id for x in services.meetings.list()] == [v2.id]       # the list shows the newest version
    assert services.meetings.get(v2.id).number == 1                    # same minute, same number
    with pytest.raises(RuleError, match="đã có bản sửa đổi"):
        services.meetings.new_version(m.id)
    with pytest.raises(RuleError, match="đã hoàn thành và được khóa"):
        services.meetings.delete(m.id)                                # a signed minute is never deleted


def test_tampered_locked_minute_is_reported(services, bloc):
    m = _ready(services, bloc)
    services.meetings.finalise(m.id)
    services.db.conn.execute("UPDATE meeting_agenda_items SET discussion = 'khác' WHERE meeting_id = ?", (m.id,))
    assert not services.meetings.verify(m.id)
    problems = [p.message for p in run_checks(services.db, dt.date(2026, 10, 20))]
    assert any("đã bị thay đổi sau khi hoàn thành" in p for p in problems)


def test_conclusion_lines_keep_their_rows_and_task_links(services, bloc):
    m = _ready(services, bloc)
    item = services.meetings.items(m.id)[0]
    first, second = services.meetings.set_conclusions(item.id, "Nắm chắc tình hình\nHọp định kỳ")
    services.meetings.link_task(second.id, "task-123")
    rows = services.meetings.set_conclusions(item.id, "- Nắm chắc tình hình Nhân dân\nHọp định kỳ\nBáo cáo trước 25")
    assert [r.text for r in rows] == ["Nắm chắc tình hình Nhân dân", "Họp định kỳ", "Báo cáo trước 25"]
    assert rows[0].id == first.id and rows[1].id == second.id and rows[1].task_id == "task-123"
    rows = services.meetings.set_conclusions(item.id, "Họp định kỳ")
    assert [(r.id, r.task_id) for r in rows] == [(second.id, "task-123")]


def test_times_are_read_as_officers_write_them():
    assert parse_time("8h") == "08:00" and parse_time("8h30") == "08:30" and parse_time("14:05") == "14:05"
    assert parse_time("0830") == "08:30" and parse_time("") == ""
    with pytest.raises(RuleError):
        parse_time("25:00")


def test_missing_monthly_briefing_is_reported(services, bloc):
    _ready(services, bloc, dt.date(2026, 8, 6))
    services.meetings.create(MeetingKind.QUARTERLY.value, dt.date(2026, 9, 28))
    missing = services.meetings.missing_briefings(dt.date(2026, 11, 21))
    assert [p.code for p in missing] == ["2026-10"]
    assert missed_briefing_message(missing[0]) == "Tháng 10/2026: chưa họp giao ban"
    problems = [p.message for p in run_checks(services.db, dt.date(2026, 11, 21))]
    assert "Tháng 10/2026: chưa họp giao ban" in problems


def test_conclusion_becomes_a_prefilled_task_and_its_progress_shows(services, bloc):
    m = _ready(services, bloc)
    item = services.meetings.items(m.id)[0]
    lhpn, villages = services.meetings.set_conclusions(item.id, "Hội LHPN xã hoàn thiện hồ sơ mô hình “Dân vận khéo”\n"
                                                                "Tổ dân vận thôn Đông vận động Nhân dân hiến đất làm đường")
    draft = services.meeting_tasks.draft(lhpn.id)
    assert draft.responsible_id == bloc["Đỗ Thị Lan"].id and draft.member_ids == [bloc["Đỗ Thị Lan"].id]
    assert draft.due_date == dt.date(2026, 10, 31) and draft.start_date == dt.date(2026, 10, 6)   # end of month
    names = services.tasks.village_names()
    assert [names[v] for v in services.meeting_tasks.draft(villages.id).village_ids] == ["Thôn Đông"]
    assert services.meeting_tasks.draft(villages.id).category == "new_rural"
    task = services.meeting_tasks.give_task(villages.id)
    assert task.source_kind == "meeting" and task.source_ref == m.id and task.title.startswith("Tổ dân vận thôn Đông")
    assert services.meetings.conclusions_repo.get(villages.id).task_id == task.id
    assert [t.id for t in services.tasks.tasks_from_source("meeting", m.id)] == [task.id]
    with pytest.raises(RuleError, match="đã được giao"):
        services.meeting_tasks.give_task(villages.id)
    assert services.meeting_tasks.summary(m.id) == "Nhiệm vụ từ cuộc họp: 0/1 hoàn thành, 1 quá hạn, 1 kết luận chưa giao"
    services.tasks.mark_done(task.id, on=dt.date(2026, 10, 20))
    assert services.meeting_tasks.summary(m.id).startswith("Nhiệm vụ từ cuộc họp: 1/1 hoàn thành")
    # Finalised and corrected: the task link survives into the new version.
    services.meetings.finalise(m.id)
    services.meeting_tasks.give_task(lhpn.id)                        # still allowed on a locked minute
    assert services.meetings.verify(m.id)
    v2 = services.meetings.new_version(m.id)
    assert {c.task_id for c in services.meetings.conclusions(v2.id)} == {
        c.task_id for c in services.meetings.conclusions(m.id)}


def test_minute_numbers_come_from_the_register_without_gaps(services, bloc):
    first = _ready(services, bloc, dt.date(2026, 9, 7))
    assert services.meetings.finalise(first.id).number == 1
    second = _ready(services, bloc, dt.date(2026, 10, 6))
    second.number = 5
    services.meetings.save(second)
    with pytest.raises(RuleError, match="cách quãng"):
        services.meetings.finalise(second.id)
    assert services.meetings.get(second.id).content_hash is None
    second = services.meetings.get(second.id)
    second.number = None
    services.meetings.save(second)
    assert services.meetings.finalise(second.id).number == 2
    fixed = services.meetings.new_version(second.id)
    assert services.meetings.finalise(fixed.id).number == 2          # a correction keeps its number
