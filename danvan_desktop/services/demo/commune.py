"""A believable demo commune (xã Yên Phú, Thanh Hóa) so a newcomer sees a living program.

Later features add their own steps: each module in DEMO_MODULES has DEMO_STEPS, functions
(services, rng, today) that fill their tables (those modules never import this one). Everything is drawn from a seeded generator: the same day gives the same commune.
"""

from __future__ import annotations

import datetime as dt
import importlib
import random
from collections.abc import Callable
from pathlib import Path

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.members import BlocMember, BlocRole
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.domain.unit import Unit
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.demo.atomic import build_whole

DEMO_UNIT = dict(
    code="16171", name="xã Yên Phú", province="Thanh Hóa",
    upper_unit_name="Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Hóa",
    upper_party_name="ĐẢNG BỘ TỈNH THANH HÓA", party_committee_name="ĐẢNG ỦY XÃ YÊN PHÚ",
    place_name="Yên Phú", doc_symbol="DV",
)

DEMO_VILLAGES = ["Đông Hòa", "Phú Lâm", "Yên Lạc", "Trung Hòa", "Đồng Tâm", "Tân Lập", "Bái Thượng",
                 "Phúc Thịnh", "Quang Trung", "Hòa Bình", "Kiều Đại", "Đa Nẫm"]

# (name, post, role, phone, trained)
DEMO_MEMBERS = [
    ("Lê Văn Thắng", "pbt_tt", BlocRole.HEAD, "0912 345 678", True),
    ("Nguyễn Thị Hương", "ct_mttq", BlocRole.DEPUTY, "0983 112 457", True),
    ("Trịnh Đình Khải", "pct_hdnd", BlocRole.MEMBER, "0936 220 918", True),
    ("Phạm Văn Dũng", "pct_ubnd", BlocRole.MEMBER, "0904 667 031", True),
    ("Hoàng Văn Bình", "ct_ccb", BlocRole.MEMBER, "0915 430 772", True),
    ("Đỗ Thị Lan", "ct_lhpn", BlocRole.MEMBER, "0978 551 209", True),
    ("Lê Đình Toàn", "ct_nd", BlocRole.MEMBER, "0869 304 115", False),
    ("Nguyễn Đức Anh", "bt_doan", BlocRole.MEMBER, "0388 742 660", True),
    ("Vũ Mạnh Hùng", "tr_ca", BlocRole.MEMBER, "0917 885 346", True),
    ("Mai Thị Thu Trang", "cc_tp", BlocRole.MEMBER, "0359 018 427", True),
]

DemoStep = Callable[[AppServices, random.Random, dt.date], None]
# Modules of later features whose DEMO_STEPS run after the roster, in this order.
DEMO_MODULES: list[str] = [
    "danvan_desktop.services.demo.tasks",
    "danvan_desktop.services.demo.meetings",
    "danvan_desktop.services.demo.yearwork",      # before the reports: they name the register's directives
    "danvan_desktop.services.demo.report",
]


def _roster(services: AppServices, rng: random.Random, today: dt.date) -> None:
    villages = services.villages.list()
    # The bloc was reconstituted after the 2025 commune congresses: more than a year before today,
    # so the demo's year of meetings, tasks and reports all fall inside the current term.
    term_start = min(dt.date(today.year - 1, 7, 1), today - dt.timedelta(days=400))
    ended = BlocMember(full_name="Trần Văn Minh", post_code="ct_mttq", bloc_role=BlocRole.DEPUTY.value,
                       start_date=term_start - dt.timedelta(days=3 * 365),
                       start_decision="Quyết định số 08-QĐ/ĐU", phone="0913 556 120",
                       trained_on=term_start - dt.timedelta(days=900))
    services.roster.save(ended)
    services.roster.end_term(ended.id, term_start - dt.timedelta(days=1), "Quyết định số 125-QĐ/ĐU")
    for index, (name, post, role, phone, trained) in enumerate(DEMO_MEMBERS):
        followed = [villages[(index * 2 + k) % len(villages)].id for k in range(2)] if index >= 2 else []
        member = BlocMember(full_name=name, post_code=post, bloc_role=role.value, start_date=term_start,
                            start_decision="Quyết định số 126-QĐ/ĐU", phone=phone,
                            trained_on=(term_start + dt.timedelta(days=rng.randint(20, 90))) if trained else None,
                            village_ids=followed)
        services.roster.save(member)


def build_demo(path: Path, today: dt.date | None = None, seed: int = 2026, unit: dict | None = None) -> AppServices:
    """Create a demo database at `path`; refuses to touch an existing file. `unit` overrides DEMO_UNIT
    (the upper-level demo builds several communes)."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise RuleError(_("Tệp «{path}» đã tồn tại; chương trình không ghi đè. Hãy chọn tên khác.").format(path=path))
    today = today or vietnam_today()
    return build_whole(path, today, lambda services: _fill(services, today, seed, unit))


def _fill(services: AppServices, today: dt.date, seed: int, unit: dict | None) -> None:
    rng = random.Random(seed)
    services.preferences.set_current_user("Mai Thị Thu Trang")
    services.setup.create_unit(Unit(**(unit or DEMO_UNIT)), "\n".join(DEMO_VILLAGES))
    _roster(services, rng, today)
    for name in DEMO_MODULES:
        step: DemoStep
        for step in importlib.import_module(name).DEMO_STEPS:
            step(services, rng, today)
