"""Demo data for village teams and tasks: a team in every village and a year of work, some late, some monthly."""

from __future__ import annotations

import datetime as dt
import random

from danvan_desktop.domain.tasks import FIGURES, add_months
from danvan_desktop.domain.teams import TeamMember, TeamRole
from danvan_desktop.services.app import AppServices

SURNAMES = ["Nguyễn", "Lê", "Trịnh", "Phạm", "Hoàng", "Đỗ", "Vũ", "Mai", "Trần", "Bùi", "Đặng", "Lương"]
MIDDLE_MALE = ["Văn", "Đình", "Đức", "Hữu", "Xuân", "Minh", "Quang"]
MIDDLE_FEMALE = ["Thị", "Thị Thu", "Thị Minh", "Thị Hồng", "Ngọc"]
GIVEN_MALE = ["Hải", "Nam", "Tuấn", "Cường", "Sơn", "Thành", "Long", "Quý", "Tiến", "Hòa", "Lợi", "Khánh"]
GIVEN_FEMALE = ["Mai", "Lan", "Hằng", "Huệ", "Nga", "Thủy", "Yến", "Hà", "Oanh", "Liên"]

# (post, female?) — the usual team of Hướng dẫn 80-HD/BDVTW, leader first.
TEAM_SHAPE = [
    ("Bí thư chi bộ", False), ("Trưởng thôn", False), ("Trưởng ban Công tác Mặt trận", False),
    ("Chi hội trưởng Hội Phụ nữ", True), ("Chi hội trưởng Hội Nông dân", False),
    ("Chi hội trưởng Hội Cựu chiến binh", False), ("Bí thư Chi đoàn", False), ("Người có uy tín", False),
]

# (title, category, source kind, source ref, figures the results usually carry)
ONE_OFF = [
    ("Tuyên truyền Luật Đất đai năm 2024 đến từng hộ dân", "propaganda", "directive", "Công văn số 215-CV/BTGDV",
     ("sessions", "attendees")),
    ("Tuyên truyền phòng, chống ma túy trong thanh thiếu niên", "propaganda", "plan", "Kế hoạch số 12-KH/ĐU",
     ("sessions", "attendees")),
    ("Tuyên truyền phòng cháy, chữa cháy mùa hanh khô", "propaganda", "adhoc", "", ("sessions", "attendees")),
    ("Vận động nhân dân hiến đất mở rộng đường giao thông nông thôn", "new_rural", "meeting",
     "Giao ban khối tháng", ("households", "land_m2")),
    ("Vận động hộ dân tham gia bảo hiểm y tế hộ gia đình", "mobilisation", "directive",
     "Công văn số 88-CV/UBND", ("households",)),
    ("Vận động ủng hộ Quỹ Vì người nghèo", "poverty", "plan", "Kế hoạch số 12-KH/ĐU", ("households", "money_k")),
    ("Vận động thu gom, phân loại rác thải tại nguồn", "new_rural", "meeting", "Giao ban khối tháng",
     ("households",)),
    ("Hòa giải tranh chấp ranh giới đất giữa các hộ", "mediation", "adhoc", "", ("mediations",)),
    ("Rà soát hộ nghèo, hộ cận nghèo", "poverty", "directive", "Hướng dẫn số 05-HD/UBND", ("households",)),
    ("Vận động hỗ trợ xóa nhà tạm, nhà dột nát cho hộ nghèo", "poverty", "plan", "Kế hoạch số 12-KH/ĐU",
     ("money_k",)),
    ("Vận động giao nộp vũ khí, vật liệu nổ", "security", "directive", "Kế hoạch số 31-KH/CAX", ("households",)),
    ("Nắm tình hình an ninh trật tự dịp lễ, Tết", "security", "meeting", "Giao ban khối tháng", ()),
    ("Ra quân vệ sinh môi trường, trồng cây xanh", "new_rural", "adhoc", "", ("attendees",)),
    ("Tuyên truyền Luật Thực hiện dân chủ ở cơ sở", "propaganda", "directive", "Công văn số 140-CV/BTGDV",
     ("sessions", "attendees")),
]
RESULTS = [
    "Tổ chức họp dân, quán triệt đầy đủ nội dung; nhân dân đồng tình ủng hộ.",
    "Tổ dân vận đến từng hộ tuyên truyền, vận động; đa số hộ cam kết thực hiện.",
    "Phối hợp chi hội các đoàn thể triển khai; kết quả bước đầu tích cực.",
    "Còn một số hộ chưa đồng thuận, tổ tiếp tục gặp gỡ, vận động.",
    "Đã hoàn thành, báo cáo kết quả về Khối dân vận xã.",
]
SITUATION_RESULTS = [
    "Tình hình nhân dân ổn định, phấn khởi; không phát sinh điểm nóng.",
    "Một số hộ phản ánh về tiến độ làm đường liên thôn; đã báo cáo Đảng ủy.",
    "Nhân dân quan tâm đến giá vật tư nông nghiệp vụ đông; tư tưởng ổn định.",
    "Có dư luận về việc thu các khoản đóng góp; tổ đã giải thích, nhân dân đồng tình.",
]


def _name(rng: random.Random, female: bool) -> str:
    middle = rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE)
    given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
    return f"{rng.choice(SURNAMES)} {middle} {given}"


def _teams(services: AppServices, rng: random.Random, today: dt.date) -> None:
    for index, village in enumerate(services.villages.list()):
        team = services.teams.team(village.id)
        team.founding_decision = f"Quyết định số {rng.randint(10, 60)}-QĐ/ĐU"
        team.founded_on = dt.date(today.year - 3, rng.randint(1, 12), rng.randint(1, 28))
        team.has_regulation = index % 5 != 3
        team.has_programme = index % 4 != 1
        services.teams.save_team(team)
        # Most teams are complete; one is being rebuilt (no leader, two members) so the warning shows.
        size = 2 if index == 7 else rng.randint(5, len(TEAM_SHAPE))
        used: set[str] = set()
        for position, (post, female) in enumerate(TEAM_SHAPE[:size]):
            if index == 7 and position == 0:
                continue
            name = _name(rng, female)
            while name in used:
                name = _name(rng, female)
            used.add(name)
            role = TeamRole.LEADER if position == 0 else TeamRole.DEPUTY if position == 1 else TeamRole.MEMBER
            phone = f"09{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
            services.teams.save_member(TeamMember(village_id=village.id, full_name=name, team_role=role.value,
                                                  post=post, phone=phone, sort_order=position + 1))


def _figures(rng: random.Random, codes: tuple[str, ...]) -> dict[str, float]:
    ranges = {"households": (8, 60), "sessions": (1, 4), "attendees": (40, 220), "mediations": (1, 2),
              "land_m2": (50, 600), "money_k": (500, 8000)}
    known = {c for c, _l in FIGURES}
    return {c: rng.randint(*ranges[c]) for c in codes if c in known}


def _finish_or_not(services: AppServices, rng: random.Random, today: dt.date, task, village_ids: list[str],
                   result_pool: list[str], figure_codes: tuple[str, ...], late_rate: float) -> None:
    """Give each village a result and a completion date; a few stay open past the due date."""
    tasks = services.tasks
    due = task.due_date
    start = task.start_date or due - dt.timedelta(days=20)
    # Only some tasks run into trouble, and only recent ones are still open: old work got finished late.
    troubled = rng.random() < late_rate
    recent = (today - due).days <= 60
    for vid in village_ids or [""]:
        noted = start + dt.timedelta(days=rng.randint(1, max(1, (due - start).days)))
        if noted > today:
            continue
        tasks.add_progress(task.id, village_id=vid, noted_on=noted, result=rng.choice(result_pool),
                           figures=_figures(rng, figure_codes), highlight=rng.random() < 0.08)
        if due >= today:
            continue
        finished = due - dt.timedelta(days=rng.randint(0, 5))
        if troubled and rng.random() < 0.5:
            if recent:
                continue                                 # still open: overdue
            finished = due + dt.timedelta(days=rng.randint(3, 20))
        finished = max(min(finished, today), noted)
        if vid:
            tasks.mark_done(task.id, village_id=vid, on=finished)
        else:
            tasks.mark_done(task.id, on=finished)


def _tasks(services: AppServices, rng: random.Random, today: dt.date) -> None:
    villages = [v.id for v in services.villages.list()]
    members = services.roster.current(today)
    followers = {vid: [m.id for m in members if vid in m.village_ids] for vid in villages}
    first_month = add_months(today.replace(day=1), -11)
    situation = services.tasks.create_task(
        title="Nắm tình hình nhân dân, báo cáo Khối dân vận", category="situation", source_kind="plan",
        source_ref="Kế hoạch số 12-KH/ĐU", village_ids=villages, start_date=first_month,
        due_date=first_month.replace(day=25), priority="normal", recurring_monthly=True,
        details="Mỗi tổ dân vận nắm tình hình tư tưởng, dư luận của nhân dân trong tháng, báo cáo trước ngày 25.")
    for occurrence in services.tasks.series(situation):
        _finish_or_not(services, rng, today, occurrence, villages, SITUATION_RESULTS, (), 0.35)
    head = next((m for m in members if m.bloc_role == "head"), None)
    report = services.tasks.create_task(
        title="Tổng hợp báo cáo công tác dân vận tháng", category="other", source_kind="plan",
        source_ref="Quy chế hoạt động Khối dân vận", member_ids=[m.id for m in members if m.post_code == "cb_ct"],
        responsible_id=head.id if head else None, start_date=first_month.replace(day=15),
        due_date=first_month.replace(day=20), recurring_monthly=True)
    for occurrence in services.tasks.series(report):
        _finish_or_not(services, rng, today, occurrence, [], ["Đã gửi báo cáo tháng lên cấp trên."], (), 0.0)
    for month in range(12):
        month_start = add_months(first_month, month)
        for _k in range(rng.randint(3, 5)):
            title, category, kind, ref, figure_codes = rng.choice(ONE_OFF)
            given = rng.sample(villages, rng.randint(1, min(6, len(villages))))
            start = month_start + dt.timedelta(days=rng.randint(0, 10))
            due = start + dt.timedelta(days=rng.randint(10, 45))
            responsible = rng.choice(followers[given[0]] or [m.id for m in members])
            task = services.tasks.create_task(
                title=title, category=category, source_kind=kind, source_ref=ref, village_ids=given,
                responsible_id=responsible, start_date=start, due_date=due,
                priority=rng.choice(["normal", "normal", "normal", "high", "urgent", "low"]))
            _finish_or_not(services, rng, today, task, given, RESULTS, figure_codes, 0.35)
            if rng.random() < 0.03 and task.due_date >= today:
                services.tasks.set_status(task.id, "paused")


def demo_step(services: AppServices, rng: random.Random, today: dt.date) -> None:
    # Our own generator, seeded from the day: the shared one is left untouched, so the steps of
    # other features draw the same numbers whether or not this one runs.
    rng = random.Random(f"danvan-tasks-{today.isoformat()}")
    # One transaction: thousands of small writes commit once (seconds become a fraction).
    with services.db.transaction():
        _teams(services, rng, today)
        _tasks(services, rng, today)


DEMO_STEPS = [demo_step]   # run by services/demo/commune.py, in DEMO_MODULES order
