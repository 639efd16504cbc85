"""One commune's checks: the file's integrity, its records, its rules (the roster and every feature's CHECKS)."""

from __future__ import annotations

import datetime as dt
import importlib

from danvan_desktop.domain.i18n import _
from danvan_desktop.services.problems import Problem
from danvan_desktop.store.database import Database
from danvan_desktop.store.members import MemberRepository
from danvan_desktop.store.posts import PostRepository
from danvan_desktop.store.villages import VillageRepository

# Later features' checks: each module listed here has CHECKS, functions (db, today) -> list[Problem].
# The check modules import services/problems.py, never this module, so there is no import loop.
CHECK_MODULES: list[str] = [
    "danvan_desktop.services.meetings.checks",
    "danvan_desktop.services.report.checks",
    "danvan_desktop.services.tasks.checks",
]


def file_problems(db: Database) -> list[Problem]:
    """The file as a whole: SQLite's own integrity and reference checks."""
    problems: list[Problem] = []
    result = db.conn.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        problems.append(Problem("integrity", _("Tệp dữ liệu bị hỏng: {detail}").format(detail=result)))
    if db.conn.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(Problem("integrity", _("Có bản ghi tham chiếu tới dữ liệu không tồn tại.")))
    return problems


def record_problems(db: Database) -> list[Problem]:
    """Members whose post or villages do not exist."""
    problems: list[Problem] = []
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


def rule_problems(db: Database, today: dt.date) -> list[Problem]:
    """One commune's rules on one commune's records (the roster, then every feature's own checks)."""
    from danvan_desktop.services.roster.service import RosterService
    problems = [Problem("rule", b.message) for b in RosterService(db, lambda: today).check(today)]
    problems += record_problems(db)
    for name in CHECK_MODULES:
        for extra in importlib.import_module(name).CHECKS:
            problems += extra(db, today)
    return problems


