"""Task tracking on a real database: per-village tracking, recurrence, progress, sources, the period summary."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan_desktop.domain.members import BlocMember
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.task_query import TaskQuery
from danvan_desktop.domain.tasks import TaskStatus

D = dt.date


@pytest.fixture
def villages(services):
    return {v.name: v.id for v in services.villages.list()}


@pytest.fixture
def member(services):
    m = BlocMember(full_name="Lê Văn Thắng", post_code="pbt_tt", bloc_role="head", start_date=D(2025, 10, 1))
    return services.roster.save(m)


def test_one_task_given_to_many_villages_is_tracked_per_village(services, villages, member):
    tasks = services.tasks
    task = tasks.create_task(title="Vận động hiến đất làm đường", category="new_rural", source_kind="plan",
                             village_ids=[villages["Thôn Đông"], villages["Thôn Tây"]], responsible_id=member.id,
                             start_date=D(2026, 10, 1), due_date=D(2026, 11, 30))
    tracking = {t.village_name: t for t in tasks.tracking(task.id)}
    assert set(tracking) == {"Thôn Đông", "Thôn Tây"}
    assert all(t.status is TaskStatus.NOT_STARTED for t in tracking.values())

    tasks.add_progress(task.id, village_id=villages["Thôn Đông"], noted_on=D(2026, 11, 2),
                       result="Họp dân, 12 hộ đồng ý hiến đất", figures={"households": 12, "land_m2": 340})
    tasks.mark_done(task.id, village_id=villages["Thôn Đông"], on=D(2026, 11, 10))
    tracking = {t.village_name: t for t in tasks.tracking(task.id)}
    assert tracking["Thôn Đông"].status is TaskStatus.DONE
    assert tracking["Thôn Đông"].notes[0].figures == {"households": 12, "land_m2": 340}
    assert tracking["Thôn Tây"].status is TaskStatus.NOT_STARTED
    assert tasks.get(task.id).status == "in_progress" and tasks.get(task.id).villages_done == 1

    tasks.mark_done(task.id, village_id=villages["Thôn Tây"], on=D(2026, 11, 15))
    done = tasks.get(task.id)
    assert (done.status, done.done_on, done.villages_done) == ("done", D(2026, 11, 15), 2)
    # The village filter finds it through its village's share.
    assert [t.id for t in tasks.page(TaskQuery(village_id=villages["Thôn Tây"]), 0, 50)] == [task.id]
    assert tasks.page(TaskQuery(village_id=villages["Bản Nậm Cắn"]), 0, 50) == []


def test_bad_tasks_are_refused_and_nothing_is_written(services, villages):
    with pytest.raises(RuleError, match="chưa giao cho ai"):
        services.tasks.create_task(title="Việc không ai làm", due_date=D(2026, 12, 1))
    with pytest.raises(RuleError, match="trước ngày bắt đầu"):
        services.tasks.create_task(title="Ngược ngày", village_ids=[villages["Thôn Đông"]],
                                   start_date=D(2026, 12, 5), due_date=D(2026, 12, 1))
    task = services.tasks.create_task(title="Nắm tình hình", village_ids=[villages["Thôn Đông"]],
                                      due_date=D(2026, 11, 30))
    with pytest.raises(RuleError, match="tương lai"):
        services.tasks.add_progress(task.id, noted_on=D(2026, 11, 22), result="Chưa xảy ra")
    assert services.tasks.count(TaskQuery()) == 1
    assert services.tasks.progress(task.id) == []


def test_monthly_task_gets_one_occurrence_per_month_through_next_month(services, villages):
    first = services.tasks.create_task(title="Nắm tình hình nhân dân tháng", category="situation",
                                       village_ids=list(villages.values()), start_date=D(2026, 9, 1),
                                       due_date=D(2026, 9, 25), recurring_monthly=True)
    months = [t.occurrence for t in services.tasks.series(first)]
    # Today is 21/11/2026: September, October, November and next month (December).
    assert months == ["2026-09", "2026-10", "2026-11", "2026-12"]
    assert all(len(services.tasks.village_ids(t.id)) == 3 for t in services.tasks.series(first))
    # Each occurrence is tracked on its own: September done does not finish October.
    services.tasks.mark_done(first.id, on=D(2026, 9, 24))
    statuses = [t.status_on(D(2026, 11, 21)) for t in services.tasks.series(first)]
    assert statuses == [TaskStatus.DONE, TaskStatus.OVERDUE, TaskStatus.NOT_STARTED, TaskStatus.NOT_STARTED]
    # Time passes: opening in January adds January and February, once.
    services.today = lambda: D(2027, 1, 5)
    assert services.tasks.extend_recurring() == 2
    assert services.tasks.extend_recurring() == 0
    assert [t.occurrence for t in services.tasks.series(first)][-2:] == ["2027-01", "2027-02"]
    # A month the officer deletes stays deleted; the series goes on after it.
    february = services.tasks.series(first)[-1]
    services.tasks.delete(february.id)
    assert services.tasks.extend_recurring() == 0
    services.today = lambda: D(2027, 2, 10)
    assert services.tasks.extend_recurring() == 1
    assert [t.occurrence for t in services.tasks.series(first)][-2:] == ["2027-01", "2027-03"]


def test_monthly_task_stops_at_its_end_date(services, villages):
    first = services.tasks.create_task(title="Giao ban tổ", village_ids=[villages["Thôn Đông"]],
                                       due_date=D(2026, 1, 31), recurring_monthly=True,
                                       repeat_until=D(2026, 4, 30))
    assert [t.due_date for t in services.tasks.series(first)] == [D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31),
                                                                  D(2026, 4, 30)]
    assert services.tasks.extend_recurring() == 0


def test_tasks_from_a_meeting_and_a_document(services, villages, member):
    t1 = services.tasks.create_task(title="Tuyên truyền Luật Đất đai", source_kind="meeting", source_ref="mtg-1",
                                    village_ids=[villages["Thôn Đông"]], due_date=D(2026, 12, 10))
    services.tasks.create_task(title="Khác", source_kind="directive", source_ref="45-CV/BDV",
                               member_ids=[member.id], due_date=D(2026, 12, 10))
    assert [t.id for t in services.tasks.tasks_from_source("meeting", "mtg-1")] == [t1.id]
    assert [t.title for t in services.tasks.tasks_from_source("directive", "45-CV/BDV")] == ["Khác"]
    # A member-only task is found by member, and is tracked on the task itself.
    mine = services.tasks.page(TaskQuery(member_id=member.id), 0, 10)
    assert [t.title for t in mine] == ["Khác"]
    services.tasks.mark_done(mine[0].id, on=D(2026, 11, 20))
    assert services.tasks.get(mine[0].id).status == "done"


def test_overdue_filter_and_period_summary(services, villages):
    east, west = villages["Thôn Đông"], villages["Thôn Tây"]
    late = services.tasks.create_task(title="Hòa giải tranh chấp đất", category="mediation", village_ids=[east, west],
                                      due_date=D(2026, 10, 31))
    on_time = services.tasks.create_task(title="Tuyên truyền phòng cháy", category="propaganda",
                                         village_ids=[east], due_date=D(2026, 10, 15))
    services.tasks.add_progress(on_time.id, village_id=east, noted_on=D(2026, 10, 10), result="2 buổi, 150 lượt",
                                figures={"sessions": 2, "attendees": 150}, highlight=True)
    services.tasks.mark_done(on_time.id, on=D(2026, 10, 12))
    services.tasks.add_progress(late.id, village_id=west, noted_on=D(2026, 11, 3), result="Hòa giải thành 1 vụ",
                                figures={"mediations": 1})
    services.tasks.mark_done(late.id, village_id=west, on=D(2026, 11, 3))

    overdue = services.tasks.page(TaskQuery(overdue_only=True), 0, 50)
    assert [t.title for t in overdue] == ["Hòa giải tranh chấp đất"]

    services.tasks.create_task(title="Xây dựng khu dân cư kiểu mẫu", village_ids=[east], start_date=D(2026, 9, 1),
                               due_date=D(2026, 12, 31))
    october = services.tasks.period_summary(Period.parse("2026-10"))
    assert (october.total, october.done, october.overdue, october.ongoing) == (2, 1, 1, 1)
    assert october.completion_rate == pytest.approx(0.5)
    per_village = {v.village_name: (v.total, v.done, v.overdue) for v in october.by_village}
    assert per_village == {"Thôn Đông": (2, 1, 1), "Thôn Tây": (1, 0, 1)}
    assert october.figure("sessions") == 2 and october.figure("attendees") == 150
    assert october.figure("mediations") == 0          # noted in November
    assert october.notable[0].village_name == "Thôn Đông" and october.notable[0].noted_on == D(2026, 10, 10)
    assert october.notable[0].text == "Thôn Đông: 2 buổi, 150 lượt (số buổi tuyên truyền: 2; số lượt người tham dự: 150)"

    november = services.tasks.period_summary(Period.parse("2026-11"))
    # Carried over still open from October; West finished its share in November.
    assert november.total == 1 and november.overdue == 1
    assert november.figure("mediations") == 1
    assert {v.village_name: (v.done, v.overdue) for v in november.by_village} == {"Thôn Đông": (0, 1),
                                                                                   "Thôn Tây": (1, 0)}


def test_deleted_task_leaves_lists_and_summary(services, villages):
    task = services.tasks.create_task(title="Nhầm", village_ids=[villages["Thôn Đông"]], due_date=D(2026, 11, 5))
    services.tasks.delete(task.id)
    assert services.tasks.count(TaskQuery()) == 0
    assert services.tasks.period_summary(Period.parse("2026-11")).total == 0
    services.tasks.restore(task.id)
    assert services.tasks.count(TaskQuery(overdue_only=True)) == 1


def test_a_village_list_reads_each_task_by_that_village_share(services, villages):
    east, west = villages["Thôn Đông"], villages["Thôn Tây"]
    task = services.tasks.create_task(title="Vận động tiêm chủng", village_ids=[east, west], due_date=D(2026, 11, 10))
    services.tasks.mark_done(task.id, village_id=east, on=D(2026, 11, 9))
    assert services.tasks.count(TaskQuery(overdue_only=True)) == 1              # the task as a whole is late
    assert services.tasks.count(TaskQuery(village_id=west, overdue_only=True)) == 1
    assert services.tasks.count(TaskQuery(village_id=east, overdue_only=True)) == 0  # East did its part
    [east_row] = services.tasks.listed(TaskQuery(village_id=east), 0, 10)
    assert east_row.status_on(D(2026, 11, 21)) is TaskStatus.DONE
    assert services.tasks.count(TaskQuery(village_id=east, status="done")) == 1


def test_check_reports_work_left_to_a_deleted_village(services, villages):
    from danvan_desktop.services.checks import run_checks
    services.tasks.create_task(title="Vận động", village_ids=[villages["Thôn Tây"]], due_date=D(2026, 12, 1))
    assert not [p for p in run_checks(services.db, D(2026, 11, 21)) if "Vận động" in p.message]
    services.villages.delete(villages["Thôn Tây"])
    messages = [p.message for p in run_checks(services.db, D(2026, 11, 21))]
    assert "Nhiệm vụ «Vận động» còn giao cho thôn Thôn Tây, thôn này đã xóa hoặc đã sáp nhập." in messages


@pytest.mark.parametrize("status", ["not_started", None])     # oldest first, then newest first
def test_paging_on_from_the_last_row_gives_the_same_list_as_one_read(services, villages, status):
    """The list resumes each page after the last row it showed (not OFFSET): no row lost or shown twice,
    even when many tasks share a due date, and a reload after a change starts afresh."""
    for i in range(23):
        services.tasks.create_task(title=f"Việc {i:02d}", category="new_rural", source_kind="plan",
                                   village_ids=[villages["Thôn Đông"]], start_date=D(2026, 10, 1),
                                   due_date=D(2026, 12, 1 + i % 3))
    query = TaskQuery(status=status)
    assert query.oldest_first == (status is not None)
    whole = [row.task.id for row in services.tasks.listed(query, 0, 1000)]
    paged, offset = [], 0
    while batch := services.tasks.listed(query, offset, 5):
        paged += [row.task.id for row in batch]
        offset += len(batch)
    assert paged == whole and len(set(paged)) == 23
    first = services.tasks.listed(query, 0, 5)
    services.tasks.create_task(title="Việc mới", category="new_rural", source_kind="plan",
                               village_ids=[villages["Thôn Tây"]], start_date=D(2026, 10, 1), due_date=D(2026, 12, 2))
    assert first and len(services.tasks.listed(query, 0, 5)) == 5
    again = [row.task.id for row in services.tasks.listed(query, 5, 1000)]
    assert len(again) == 24 - 5


@pytest.mark.parametrize("village", [None, "Thôn Đông"])
@pytest.mark.parametrize("query", [{"overdue_only": True}, {"status": "open"}, {"status": "not_started"}])
def test_open_work_is_listed_oldest_deadline_first(services, villages, village, query):
    """Open work is read through the status index (and one village's through its shares), then sorted: the
    list still runs from the oldest deadline, every open task in it, the done ones left out."""
    for i in range(12):
        task = services.tasks.create_task(title=f"Việc {i:02d}", category="new_rural", source_kind="plan",
                                          village_ids=[villages["Thôn Đông"]], start_date=D(2026, 1, 1),
                                          due_date=D(2026, 11, 5) + dt.timedelta(days=(i * 7) % 30))
        if i % 4 == 0:
            services.tasks.mark_done(task.id)
    wanted = TaskQuery(village_id=villages[village] if village else None, **query)
    rows = services.tasks.listed(wanted, 0, 100)
    dues = [row.task.due_date for row in rows]
    assert dues == sorted(dues) and 0 < len(rows) == services.tasks.count(wanted)
    assert all(row.task.status != "done" for row in rows)
    if "status" in query and query["status"] == "open":
        assert len(rows) == 9
