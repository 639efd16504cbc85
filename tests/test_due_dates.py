"""Due dates read from a conclusion's words, in the right year."""

from __future__ import annotations

import datetime as dt

from test_meetings_service import _ready, bloc  # noqa: F401

from danvan_desktop.domain.due_dates import default_due, due_from_text

D = dt.date


def test_dates_as_officers_write_them():
    briefing = D(2026, 12, 2)
    assert due_from_text("UBND xã giải quyết dứt điểm trước 20/12", briefing) == D(2026, 12, 20)
    assert due_from_text("Gửi báo cáo về Khối trước ngày 25", briefing) == D(2026, 12, 25)
    assert due_from_text("Hoàn thành chậm nhất ngày 05/01/2027", briefing) == D(2027, 1, 5)
    assert due_from_text("Nộp hồ sơ trước 05/01", D(2026, 12, 28)) == D(2027, 1, 5)     # the next year
    assert due_from_text("Tổng kết trong tháng 12", briefing) == D(2026, 12, 31)
    assert due_from_text("Hoàn thành trong quý IV", D(2026, 10, 6)) == D(2026, 12, 31)
    assert due_from_text("Các đoàn thể nắm chắc tình hình", briefing) is None
    assert default_due(briefing) == D(2026, 12, 31) and default_due(D(2026, 10, 25)) == D(2026, 11, 24)


def test_a_task_from_the_december_briefing_is_due_when_the_conclusion_says(services, bloc):  # noqa: F811
    m = _ready(services, bloc, D(2026, 11, 2))
    item = services.meetings.items(m.id)[0]
    dated, undated = services.meetings.set_conclusions(
        item.id, "Ủy ban nhân dân xã trả lời kiến nghị của Nhân dân thôn Đông trước 20/11\nCác đoàn thể nắm chắc "
                 "tình hình")
    assert services.meeting_tasks.draft(dated.id).due_date == D(2026, 11, 20)
    assert services.meeting_tasks.draft(undated.id).due_date == D(2026, 11, 30)        # not 02/12
    assert services.meetings.get(m.id).period == "2026-10"                            # 02/11 reviews October
