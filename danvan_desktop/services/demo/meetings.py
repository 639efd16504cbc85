"""Demo data for meetings: the monthly briefings of the demo commune with minutes and conclusions.

One briefing a month for up to twelve months back, from the first month the current roster
served; every one but the latest is finalised, and their conclusions are tasks (older ones done,
recent ones under way); one has a corrected version. The latest waits for its tasks to be given.
"""

from __future__ import annotations

import datetime as dt
import random

from danvan_desktop.domain.meetings import MeetingKind, Presence
from danvan_desktop.domain.periods import Period

PLACE = "Hội trường Đảng ủy xã"

ITEMS = [
    ("Đánh giá tình hình Nhân dân và kết quả công tác dân vận {month}", "Mai Thị Thu Trang", [
        "Đồng chí Mai Thị Thu Trang báo cáo: tình hình tư tưởng của Nhân dân cơ bản ổn định, Nhân dân tin tưởng "
        "vào sự lãnh đạo của Đảng ủy và điều hành của Ủy ban nhân dân xã",
        "Đồng chí Nguyễn Thị Hương, Chủ tịch Ủy ban MTTQ xã: Mặt trận đã phối hợp tổ chức tuyên truyền được {n} "
        "cuộc với {people} lượt người tham dự; đề nghị các thôn chú ý nắm dư luận về giá phân bón",
        "Đồng chí Phạm Văn Dũng, Phó Chủ tịch UBND xã: bộ phận một cửa tiếp nhận {a} hồ sơ, đã giải quyết đúng hạn "
        "{b} hồ sơ; tiếp công dân định kỳ {c} buổi",
        "Đồng chí Vũ Mạnh Hùng, Trưởng Công an xã: an ninh trật tự trên địa bàn ổn định; xảy ra {d} vụ mâu thuẫn "
        "nhỏ trong Nhân dân, đã hòa giải thành tại thôn",
    ]),
    ("Kết quả giải quyết đơn thư, kiến nghị của Nhân dân", "Trịnh Đình Khải", [
        "Đồng chí Trịnh Đình Khải, Phó Chủ tịch HĐND xã: trong tháng tiếp nhận {a} đơn, đã giải quyết {b} đơn, "
        "còn lại đang xác minh",
        "Đồng chí Hoàng Văn Bình, Chủ tịch Hội Cựu chiến binh: đề nghị giải quyết dứt điểm kiến nghị về đường "
        "giao thông nội đồng thôn {village}",
    ]),
    ("Phong trào thi đua “Dân vận khéo” và hoạt động của các tổ dân vận thôn", "Nguyễn Thị Hương", [
        "Đồng chí Đỗ Thị Lan, Chủ tịch Hội LHPN: mô hình “Phụ nữ giúp nhau phát triển kinh tế” thôn {village} "
        "đã giúp {d} hộ vay vốn",
        "Đồng chí Nguyễn Đức Anh, Bí thư Đoàn: Đoàn Thanh niên ra quân làm sạch môi trường, trồng {n} cây xanh",
        "Đồng chí Lê Đình Toàn, Chủ tịch Hội Nông dân: đề nghị các tổ dân vận họp định kỳ đúng lịch",
    ]),
]

CONCLUSIONS = [
    ["Các đoàn thể tiếp tục nắm chắc tình hình tư tưởng của Nhân dân, báo cáo kịp thời những vấn đề phát sinh",
     "Tổ dân vận thôn {village} tuyên truyền, vận động Nhân dân đồng thuận với phương án mở rộng đường liên thôn"],
    ["Ủy ban nhân dân xã giải quyết dứt điểm kiến nghị về đường giao thông nội đồng thôn {village}"],
    ["Hội LHPN xã hoàn thiện hồ sơ đề nghị công nhận mô hình “Dân vận khéo” năm {year}",
     "Các tổ dân vận thôn họp định kỳ hằng tháng và gửi báo cáo về Khối trước ngày 25"],
]


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def step(services, rng: random.Random, today: dt.date) -> None:
    meetings = services.meetings
    villages = [v.name for v in services.villages.list()] or ["Đông Hòa"]
    period = Period.containing(today)
    months: list[Period] = []
    for _back in range(12):
        day = dt.date(period.year, period.months[0], 5)
        if len(services.roster.current(day)) >= 5:
            months.append(period)
        period = period.previous()
    months.reverse()
    created = []
    for index, month in enumerate(months):
        day = dt.date(month.year, month.months[0], min(5 + rng.randint(0, 4), 28))
        day = min(day, today)
        latest = index == len(months) - 1
        meeting = meetings.create(MeetingKind.MONTHLY.value, day, month.code)
        meeting.place = PLACE
        meeting.start_time = "08:00"
        meeting.end_time = f"{10 + rng.randint(0, 1)}:{rng.choice(['00', '15', '30', '45'])}"
        if index % 4 == 0:
            meeting.guests = [{"name": "Lê Thị Mai", "post": "Chuyên viên Ban Tuyên giáo và Dân vận Tỉnh ủy"}]
        meetings.save(meeting)
        entries = meetings.attendance(meeting.id)
        presenters = {presenter for _title, presenter, _lines in ITEMS}
        absentee = rng.choice([e for e in entries if e.member_id not in (meeting.chair_id, meeting.secretary_id)
                               and services.roster.members.get(e.member_id).full_name not in presenters])
        absent_name = ""
        if rng.random() < 0.8:
            absent_name = services.roster.members.get(absentee.member_id).full_name
            meetings.set_attendance(meeting.id, absentee.member_id, Presence.EXCUSED.value,
                                    rng.choice(["đi công tác huyện", "ốm", "dự tập huấn tại tỉnh", "việc gia đình"]))
        month_label = month.label()
        fill = dict(month=month_label, n=rng.randint(6, 14), people=rng.randint(180, 420), a=rng.randint(40, 90),
                    b=rng.randint(30, 40), c=rng.randint(2, 4), d=rng.randint(1, 5),
                    village=rng.choice(villages), year=month.year)
        items = meetings.items(meeting.id)
        for k, (title, presenter, lines) in enumerate(ITEMS):
            item = items[0] if k == 0 else meetings.add_item(meeting.id)
            item.title = title.format(**fill)
            item.presenter = presenter if k else ""
            # An absent member does not speak: their lines are left out of that month's minutes.
            item.discussion = "\n".join(line.format(**fill) for line in lines
                                        if not (absent_name and line.startswith(f"Đồng chí {absent_name},")))
            meetings.save_item(item)
            meetings.set_conclusions(item.id, "\n".join(c.format(**fill) for c in CONCLUSIONS[k]))
        if not latest:
            # The latest minute is still being written: its conclusions wait for "Giao thành nhiệm vụ".
            _tasks_from_conclusions(services, meeting.id, day, rng)
            meetings.finalise(meeting.id)
        created.append(meeting.id)
    if len(created) >= 3:
        # A correction: the secretary mistyped a figure in an older minute, so it has a second version.
        fixed = meetings.new_version(created[-3])
        item = meetings.items(fixed.id)[1]
        item.discussion = item.discussion.replace("còn lại đang xác minh", "còn lại đang xác minh, trả lời trước "
                                                  "ngày 30")
        meetings.save_item(item)
        meetings.finalise(fixed.id)


def _tasks_from_conclusions(services, meeting_id: str, day: dt.date, rng: random.Random) -> None:
    """Each conclusion becomes a task; older ones are done, last month's are under way, a few late."""
    giver = getattr(services, "meeting_tasks", None)
    if giver is None:
        return
    today = services.today()
    for conclusion in services.meetings.conclusions(meeting_id):
        task = giver.give_task(conclusion.id)
        age = (today - day).days
        if age > 60 or (age > 35 and rng.random() < 0.6):
            done_on = min(today, day + dt.timedelta(days=rng.randint(10, 28)))
            services.tasks.mark_done(task.id, on=done_on)
        elif age > 7:
            services.tasks.add_progress(task.id, noted_on=min(today, day + dt.timedelta(days=rng.randint(3, 7))),
                                        result=rng.choice(["Đã triển khai tới các chi hội",
                                                           "Đã họp tổ dân vận, phân công người phụ trách",
                                                           "Đang tuyên truyền tại nhà văn hóa thôn"]))


DEMO_STEPS = [step]   # run by services/demo/commune.py, in DEMO_MODULES order
