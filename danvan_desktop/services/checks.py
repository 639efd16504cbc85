"""`danvan check`: every rule breach and every integrity problem of a database, in Vietnamese."""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.store.database import Database
from danvan_desktop.store.members import MemberRepository
from danvan_desktop.store.posts import PostRepository
from danvan_desktop.store.villages import VillageRepository


@dataclass(frozen=True)
class Problem:
    kind: str       # 'rule' or 'integrity'
    message: str


# Later features add their own checks here: functions (db, today) -> list[Problem], appended by
# the modules listed in CHECK_MODULES when they are imported.
EXTRA_CHECKS: list = []
CHECK_MODULES: list[str] = [
    "danvan_desktop.services.meetings.checks",
    "danvan_desktop.services.report.checks",
    "danvan_desktop.services.tasks.checks",
    "danvan_desktop.services.documents.checks",
]


def integrity_problems(db: Database) -> list[Problem]:
    problems: list[Problem] = []
    result = db.conn.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        problems.append(Problem("integrity", _("Tệp dữ liệu bị hỏng: {detail}").format(detail=result)))
    if db.conn.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(Problem("integrity", _("Có bản ghi tham chiếu tới dữ liệu không tồn tại.")))
    posts = PostRepository(db).names()
    villages = {v.id for v in VillageRepository(db).all(include_deleted=True)}
    for member in MemberRepository(db).all():
        if member.post_code not in posts:
            problems.append(Problem("integrity", _("Thành viên {name} có chức danh không có trong danh sách "
                                                   "({code}).").format(name=member.full_name,
                                                                       code=member.post_code)))
        missing = [v for v in member.village_ids if v not in villages]
        if missing:
            problems.append(Problem("integrity", _("Thành viên {name} phụ trách thôn không tồn tại.")
                                    .format(name=member.full_name)))
    return problems


def run_checks(db: Database, today: dt.date | None = None) -> list[Problem]:
    from danvan_desktop.services.roster.service import RosterService
    from danvan_desktop.services.unit.setup import SetupService

    today = today or vietnam_today()
    if not SetupService(db).is_set_up():
        return [Problem("rule", _("Chưa thiết lập thông tin xã."))]
    problems = [Problem("rule", b.message) for b in RosterService(db, lambda: today).check(today)]
    problems += integrity_problems(db)
    for name in CHECK_MODULES:
        importlib.import_module(name)
    for extra in EXTRA_CHECKS:
        problems += extra(db, today)
    return problems
