"""Checks of tasks and teams for `danvan check`: rows pointing at nothing, counts out of step, work left to a
village that no longer exists."""

from __future__ import annotations

import datetime as dt

from danvan_desktop.domain.i18n import _
from danvan_desktop.services.problems import Problem
from danvan_desktop.store.database import Database


def task_problems(db: Database, today: dt.date) -> list[Problem]:
    conn = db.conn
    problems: list[Problem] = []
    orphans = conn.execute(
        "SELECT (SELECT count(*) FROM task_assignments a WHERE NOT EXISTS "
        "        (SELECT 1 FROM tasks t WHERE t.id = a.task_id)) + "
        "       (SELECT count(*) FROM task_progress p WHERE NOT EXISTS "
        "        (SELECT 1 FROM tasks t WHERE t.id = p.task_id))").fetchone()[0]
    if orphans:
        problems.append(Problem("integrity", _("Có {n} phần việc hoặc kết quả thuộc nhiệm vụ không tồn tại.")
                                       .format(n=orphans)))
    unknown = conn.execute(
        "SELECT count(*) FROM task_assignments a WHERE NOT EXISTS (SELECT 1 FROM villages v WHERE v.id = a.village_id) "
        "UNION ALL SELECT count(*) FROM team_members m WHERE NOT EXISTS "
        "(SELECT 1 FROM villages v WHERE v.id = m.village_id)").fetchall()
    if sum(r[0] for r in unknown):
        problems.append(Problem("integrity", _("Có nhiệm vụ hoặc tổ viên gắn với thôn không tồn tại.")))
    skewed = conn.execute(
        "SELECT t.title FROM tasks t WHERE t.deleted = 0 AND t.village_count != "
        "(SELECT count(*) FROM task_assignments a WHERE a.task_id = t.id AND a.deleted = 0) LIMIT 5").fetchall()
    for row in skewed:
        problems.append(Problem("integrity", _("Số thôn của nhiệm vụ «{title}» không khớp với phần việc đã "
                                                      "giao.").format(title=row[0])))
    left = conn.execute(
        "SELECT t.title, v.name FROM task_assignments a JOIN tasks t ON t.id = a.task_id "
        "JOIN villages v ON v.id = a.village_id WHERE a.deleted = 0 AND t.deleted = 0 "
        "AND a.status IN ('not_started', 'in_progress') AND (v.deleted = 1 OR v.merged_into IS NOT NULL) "
        "LIMIT 20").fetchall()
    for title, village in left:
        problems.append(Problem("rule", _("Nhiệm vụ «{title}» còn giao cho thôn {village}, thôn này đã xóa "
                                                 "hoặc đã sáp nhập.").format(title=title, village=village)))
    return problems


CHECKS = [task_problems]
