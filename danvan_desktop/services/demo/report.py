"""Demo data for the report feature: a year of situation notes, monthly figures, “Dân vận khéo”
models and approved monthly reports (their PDFs are made the first time they are opened)."""

from __future__ import annotations

import datetime as dt
import random

from danvan_desktop.domain.dvk import DvkModel
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.situation import SituationNote
from danvan_desktop.services.app import AppServices

TERM_START = dt.date(2025, 8, 16)      # the day after the commune Party congress closed

# (topic, level, summary, source, action)
NOTES = [
    ("opinion", "normal", "Nhân dân phấn khởi trước kết quả xây dựng nông thôn mới kiểu mẫu", "Tổ dân vận thôn", ""),
    ("opinion", "watch", "Một bộ phận Nhân dân băn khoăn về việc sáp nhập thôn, đặt tên thôn mới", "Họp chi bộ thôn",
     "Tổ dân vận tuyên truyền, giải thích chủ trương sáp nhập"),
    ("livelihood", "normal", "Giá lúa vụ mùa ổn định, đời sống Nhân dân cơ bản bảo đảm", "Hội Nông dân xã", ""),
    ("livelihood", "watch", "Một số lao động từ khu công nghiệp trở về địa phương do thiếu việc làm",
     "Đoàn Thanh niên", "Phối hợp giới thiệu việc làm tại Trung tâm dịch vụ việc làm tỉnh"),
    ("security", "watch", "Xảy ra mâu thuẫn giữa hai nhóm thanh niên tại lễ hội", "Công an xã",
     "Công an xã phối hợp gia đình giáo dục, răn đe"),
    ("security", "normal", "Tình hình an ninh trật tự ổn định, không phát sinh vụ việc phức tạp", "Công an xã", ""),
    ("religion", "normal", "Các cơ sở tôn giáo sinh hoạt đúng quy định của pháp luật", "Ban Công tác Mặt trận", ""),
    ("religion", "watch", "Giáo xứ đề nghị sửa chữa, mở rộng nhà sinh hoạt cộng đồng", "Ban Công tác Mặt trận",
     "UBND xã hướng dẫn thủ tục xin phép theo quy định"),
    ("land", "hot", "Một số hộ chưa đồng thuận phương án bồi thường mở rộng đường liên thôn", "Tổ dân vận thôn",
     "Tổ dân vận phối hợp UBND xã gặp gỡ, đối thoại với các hộ"),
    ("land", "watch", "Tranh chấp ranh giới đất ở giữa hai hộ liền kề", "Tổ hòa giải thôn",
     "Tổ hòa giải thôn tổ chức hòa giải"),
    ("environment", "hot", "Nhân dân phản ánh mùi hôi, nước thải từ trang trại chăn nuôi lợn", "Tổ dân vận thôn",
     "UBND xã kiểm tra, yêu cầu chủ trang trại xử lý chất thải"),
    ("environment", "watch", "Rác thải sinh hoạt tồn đọng ven kênh tiêu", "Hội Liên hiệp Phụ nữ",
     "Hội Phụ nữ ra quân vệ sinh môi trường"),
    ("ethnic", "normal", "Đồng bào các dân tộc đoàn kết, chấp hành tốt chủ trương, chính sách", "Người có uy tín", ""),
]

MODELS = [
    ("Dân vận khéo trong hiến đất làm đường giao thông nông thôn", "economy", 2025, 3, "commune"),
    ("Tổ tự quản an ninh trật tự kết hợp camera giám sát", "defence", 2025, 5, "upper"),
    ("Phân loại rác thải hữu cơ tại hộ gia đình", "culture", 2025, 9, "commune"),
    ("Chi hội phụ nữ giúp nhau phát triển kinh tế hộ", "economy", 2026, 4, "registered"),
    ("Con đường bích họa thanh niên", "culture", 2026, 8, "registered"),
]


def _months(today: dt.date, count: int) -> list[Period]:
    period = Period.containing(today)
    result = []
    for _i in range(count):
        result.append(period)
        period = period.previous()
    return list(reversed(result))


def _figures(services: AppServices, rng: random.Random, today: dt.date) -> None:
    for period in _months(today, 23):
        visits = rng.randint(8, 20)
        received = rng.randint(3, 12)
        solved = received - rng.randint(0, 3)
        cases = rng.randint(1, 6)
        sessions = rng.randint(5, 15)
        values = {"tcd_luot": visits, "tcd_nguoi": visits + rng.randint(0, 5), "don_nhan": received,
                  "don_da_gq": max(solved, 0), "don_dang_gq": rng.randint(0, 4), "hoa_giai": cases,
                  "hoa_giai_tc": cases - rng.randint(0, 1), "tuyen_truyen": sessions,
                  "tuyen_truyen_luot": sessions * rng.randint(30, 70)}
        if period.start.month == today.month and period.year == today.year:
            values = {k: v for k, v in values.items() if k in ("tcd_luot", "tcd_nguoi", "don_nhan", "don_da_gq")}
        for code, value in values.items():
            services.figures.set_value(code, period.code, value)


def _notes(services: AppServices, rng: random.Random, today: dt.date) -> None:
    villages = services.villages.list()
    members = [m.full_name for m in services.roster.current(today)]
    for period in _months(today, 12):
        last_day = min(period.end, today)
        for topic, level, summary, source, action in rng.sample(NOTES, rng.randint(3, 6)):
            noted = period.start + dt.timedelta(days=rng.randint(0, (last_day - period.start).days))
            # older matters were settled; only the last two months keep some open
            resolved = level == "normal" or noted + dt.timedelta(days=60) < today or \
                (noted + dt.timedelta(days=20) < today and rng.random() < 0.7)
            resolved_on = min(noted + dt.timedelta(days=rng.randint(3, 25)), today) if resolved and level != "normal" \
                else (noted if resolved else None)
            services.situation.save(SituationNote(
                noted_on=noted, village_id=rng.choice(villages).id, topic=topic, level=level, summary=summary,
                source=source, action_taken=action, follower=rng.choice(members), resolved=resolved,
                resolved_on=resolved_on))
    # one hot spot still open this month, so the dashboard has something to show
    services.situation.save(SituationNote(
        noted_on=today - dt.timedelta(days=6), village_id=villages[2].id, topic="land", level="hot",
        summary="Nhiều hộ kiến nghị về giá bồi thường khi thu hồi đất làm cụm công nghiệp",
        source="Tổ dân vận thôn", action_taken="Thường trực Đảng ủy giao Khối dân vận nắm tình hình, tổ chức đối thoại",
        follower=members[0]))


def _models(services: AppServices, rng: random.Random, today: dt.date) -> None:
    villages = services.villages.list()
    for name, field, year, month, recognition in MODELS:
        registered = dt.date(year, month, rng.randint(2, 25))
        if registered > today:
            continue
        village = rng.choice(villages)
        recognised = registered + dt.timedelta(days=rng.randint(60, 150)) if recognition != "registered" else None
        services.dvk.save(DvkModel(
            name=name, field=field, owner_kind="village", owner_id=village.id, owner_name=village.label, year=year,
            registered_on=registered, recognition=recognition,
            recognised_on=recognised if recognised and recognised <= today else None,
            results="Được Nhân dân đồng tình hưởng ứng; duy trì hoạt động thường xuyên."))


def _reports(services: AppServices, rng: random.Random, today: dt.date) -> None:
    services.numbering.set_term_starts([TERM_START])
    services.db.set_setting("report_due_day", "25")
    scope = services.numbering.scope(TERM_START + dt.timedelta(days=1))
    services.numbering.record_external("BC", scope, 3, "Báo cáo lập trước khi dùng chương trình")
    head = services.reports.approvers()[0]
    months = _months(today, 13)
    for period in months[:-1]:
        report = services.reports.create_draft(period.code)
        signed = period.next().start + dt.timedelta(days=rng.randint(0, 3)) if period.end < today else today
        services.reports.update_header(report.id, doc_date=min(signed, today))
        services.reports.take_number(report.id)
        services.reports.approve(report.id, head, keep_pdf=False)
        if period != months[-2]:
            services.reports.hand_over(report.id, "Ban Thường vụ Đảng ủy xã", min(signed + dt.timedelta(days=1),
                                                                                   today))
    services.reports.create_draft(months[-1].code)


def step(services: AppServices, rng: random.Random, today: dt.date) -> None:
    # a generator of its own, so other features' demo steps do not change this year's notes and figures
    rng = random.Random(f"{services.db.unit_code}-{today.isoformat()}")
    _figures(services, rng, today)
    _notes(services, rng, today)
    _models(services, rng, today)
    _reports(services, rng, today)


DEMO_STEPS = [step]   # run by services/demo/commune.py, in DEMO_MODULES order
