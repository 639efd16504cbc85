"""Demo data for the year's work: the register with the directives the demo's tasks and reports cite,
a year of training records, the typed targets with their evidence, the current year's plan approved by
the Đảng ủy and carried out month by month, and (from October) next year's plan in draft."""

from __future__ import annotations

import datetime as dt
import random

from danvan_desktop.domain.tasks import add_months
from danvan_desktop.domain.yearwork import PlanItem, RegisteredDocument, Training
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.demo.report import TERM_START
from danvan_desktop.services.yearwork import YearWork

# (number, kind, issuer, subject, months before today)
DIRECTIVES = [
    ("215-CV/BTGDV", "Công văn", "Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Hóa",
     "về tuyên truyền Luật Đất đai năm 2024 đến Nhân dân", 11),
    ("12-KH/ĐU", "Kế hoạch", "Đảng ủy xã Yên Phú", "thực hiện công tác dân vận năm {year}", 11),
    ("88-CV/UBND", "Công văn", "Ủy ban nhân dân xã Yên Phú",
     "về vận động Nhân dân tham gia bảo hiểm y tế hộ gia đình", 9),
    ("05-HD/UBND", "Hướng dẫn", "Ủy ban nhân dân xã Yên Phú", "rà soát hộ nghèo, hộ cận nghèo", 7),
    ("31-KH/CAX", "Kế hoạch", "Công an xã Yên Phú", "vận động Nhân dân giao nộp vũ khí, vật liệu nổ", 5),
    ("140-CV/BTGDV", "Công văn", "Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Hóa",
     "về tuyên truyền Luật Thực hiện dân chủ ở cơ sở", 3),
    ("24-HD/BTGDV", "Hướng dẫn", "Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Hóa",
     "đánh giá kết quả công tác dân vận năm {year}", 0),
]

# (field, content, post of the member in charge, villages (count), months, expected result)
ITEMS = [
    ("leadership", "Tham mưu Đảng ủy quán triệt, triển khai các văn bản của cấp trên về công tác dân vận", "pbt_tt",
     0, [1, 4, 7, 10], "100% văn bản được quán triệt, triển khai kịp thời"),
    ("leadership", "Duy trì giao ban Khối dân vận hằng tháng, quý, năm", "pbt_tt", 0, list(range(1, 13)),
     "12 cuộc giao ban tháng, 04 cuộc giao ban quý, 01 cuộc giao ban năm"),
    ("situation", "Nắm tình hình Nhân dân, tổng hợp báo cáo Thường trực Đảng ủy", "ct_mttq", 0, list(range(1, 13)),
     "Báo cáo tình hình Nhân dân đúng hạn hằng tháng"),
    ("propaganda", "Tuyên truyền Luật Thực hiện dân chủ ở cơ sở đến các thôn", "pct_hdnd", 6, [3, 4],
     "100% thôn tổ chức tuyên truyền"),
    ("propaganda", "Vận động Nhân dân hiến đất, tham gia xây dựng nông thôn mới kiểu mẫu", "ct_ccb", 3, [5, 6, 7],
     "Các thôn được giao hoàn thành chỉ tiêu hiến đất mở đường"),
    ("government", "Tham mưu UBND xã tổ chức đối thoại với Nhân dân", "pct_ubnd", 0, [6, 12],
     "02 hội nghị đối thoại; kiến nghị được trả lời"),
    ("dvk", "Đăng ký, xây dựng mới ít nhất 03 mô hình “Dân vận khéo”", "ct_nd", 0, [3],
     "03 mô hình mới được đăng ký"),
    ("dvk", "Sơ kết, nhân rộng các mô hình “Dân vận khéo” tiêu biểu", "ct_lhpn", 0, [9],
     "Biểu dương, nhân rộng mô hình tiêu biểu"),
    ("teams", "Kiện toàn tổ dân vận thôn; ban hành quy chế, chương trình hoạt động", "pbt_tt", 0, [2, 3],
     "100% tổ có quy chế và chương trình hoạt động"),
    ("training", "Phối hợp tập huấn nghiệp vụ cho thành viên Khối và tổ dân vận thôn", "bt_doan", 0, [5],
     "100% thành viên được tập huấn"),
    ("other", "Tổ chức kỷ niệm Ngày truyền thống công tác dân vận của Đảng (15/10)", "ct_lhpn", 0, [10],
     "Sinh hoạt chuyên đề học tập tác phẩm “Dân vận” tại các chi bộ"),
    ("inspection", "Đánh giá kết quả công tác dân vận năm, gửi báo cáo trước ngày 30/11", "pbt_tt", 0, [11],
     "Báo cáo đánh giá gửi đúng hạn"),
    ("inspection", "Xây dựng kế hoạch hoạt động năm sau, trình Đảng ủy phê duyệt", "ct_mttq", 0, [12],
     "Kế hoạch được phê duyệt trước ngày 31/12"),
]


def _register(work: YearWork, today: dt.date) -> None:
    work.register.save(RegisteredDocument(
        number="862-KL/TU", kind="Kết luận", issuer="Ban Thường vụ Tỉnh ủy Thanh Hóa", doc_date=dt.date(2022, 8, 1),
        received_on=dt.date(2022, 8, 5),
        subject="về nâng cao chất lượng công tác dân vận ở xã, phường, thị trấn giai đoạn 2022 - 2025, định hướng "
                "đến năm 2030"))
    for number, kind, issuer, subject, back in DIRECTIVES:
        day = add_months(today.replace(day=1), -back) + dt.timedelta(days=2)
        day = min(day, today)
        work.register.save(RegisteredDocument(number=number, kind=kind, issuer=issuer, doc_date=day,
                                              received_on=min(day + dt.timedelta(days=2), today),
                                              subject=subject.format(year=day.year)))


def _trainings(services: AppServices, work: YearWork, rng: random.Random, today: dt.date) -> None:
    members = services.roster.current(today)
    untrained = {m.id for m in members if m.trained_on is None}
    day = min(dt.date(today.year, 3, 12), today)
    work.training.save(Training(
        held_on=day, topic=f"Nghiệp vụ công tác dân vận năm {today.year}; Kết luận 862-KL/TU",
        organiser="Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Hóa", place="Hội trường Đảng ủy xã",
        member_ids=[m.id for m in members if m.id not in untrained]))
    villages = services.villages.list()
    groups = [villages[i::3] for i in range(3)]
    for k, group in enumerate(groups):
        held = dt.date(today.year, 4 + 2 * k, 10 + k)
        if held > today:
            continue
        people = [t.id for v in group for t in services.teams.members(v.id)]
        people = [p for p in people if rng.random() < 0.92]          # a few were away that day
        work.training.save(Training(
            held_on=held, topic="Kỹ năng nắm tình hình Nhân dân và vận động quần chúng ở khu dân cư",
            organiser="Khối dân vận xã Yên Phú", place="Nhà văn hóa thôn " + group[0].name,
            team_member_ids=people))


def _targets(work: YearWork, rng: random.Random, today: dt.date) -> None:
    y = today.year
    work.scorecard.set_typed(y, "party_regulation", 1, "Quyết định số 09-QĐ/ĐU ngày 20/9/2025 ban hành Quy chế "
                                                       "công tác dân vận của hệ thống chính trị xã")
    work.scorecard.set_typed(y, "inspection_plan", 1, f"Kế hoạch số 03-KH/ĐU ngày 15/01/{y} kiểm tra, giám sát "
                                                      f"năm {y}")
    work.scorecard.set_typed(y, "bloc_regulation", 1, "Quy chế số 01-QC/DV ngày 10/9/2025 của Khối dân vận")
    if rng.random() < 0.5:
        work.scorecard.set_typed(y, "friendly_government", 1, f"Quyết định số 112/QĐ-UBND ngày 10/10/{y} công nhận "
                                                              "xã đạt chuẩn “Chính quyền thân thiện, vì Nhân dân "
                                                              "phục vụ”")
    else:
        work.scorecard.set_typed(y, "friendly_government", 0, "")


def _plan(services: AppServices, work: YearWork, rng: random.Random, today: dt.date) -> None:
    members = services.roster.current(today)
    by_post = {m.post_code: m.id for m in members}
    villages = [v.id for v in services.villages.list()]
    services.numbering.set_term_starts([TERM_START])             # the plan is numbered in the Party term
    plan = work.plans.create(today.year)
    plan.doc_date = dt.date(today.year - 1, 12, 26)
    work.plans.save_plan(plan)
    for field, content, post, n_villages, months, expected in ITEMS:
        owner = by_post.get(post) or members[0].id
        work.plans.save_item(PlanItem(plan_id=plan.id, field=field, content=content, owner_id=owner,
                                      village_ids=rng.sample(villages, n_villages) if n_villages else [],
                                      months=months, expected_result=expected))
    work.plans.approve(plan.id, "Quyết định số 15-QĐ/ĐU", min(dt.date(today.year, 1, 6), today))
    work.plans.bring_due(today)
    late = rng.randrange(len(ITEMS))                      # one item runs late: it shows red
    for n, item in enumerate(work.plans.items(plan.id)):
        for key, task_id in item.task_ids.items():
            month = int(key[5:])
            if month >= today.month or (n == late and month == max(item.months)):
                continue
            due = services.tasks.get(task_id).due_date
            services.tasks.mark_done(task_id, on=min(due - dt.timedelta(days=rng.randint(0, 6)), today))
    if today.month >= 10:                                  # next year's plan is being drafted
        work.plans.create(today.year + 1, copy_from=today.year)


def demo_step(services: AppServices, rng: random.Random, today: dt.date) -> None:
    # Our own generator, seeded from the commune and the day: each demo commune of an upper level differs.
    rng = random.Random(f"danvan-yearwork-{services.db.unit_code}-{today.isoformat()}")
    work = YearWork.of(services)
    with services.db.transaction():
        _register(work, today)
        _trainings(services, work, rng, today)
        _targets(work, rng, today)
        _plan(services, work, rng, today)


DEMO_STEPS = [demo_step]   # run by services/demo/commune.py, in DEMO_MODULES order
