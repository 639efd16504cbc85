"""`danvan check` for the report feature: broken locks, numbers held twice, figures that break their rules."""

from __future__ import annotations

import datetime as dt

from danvan_desktop.domain.i18n import _
from danvan_desktop.services.figures.service import FigureService
from danvan_desktop.services.problems import Problem
from danvan_desktop.services.report.service import ReportService
from danvan_desktop.store.database import Database


def report_problems(db: Database, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    reports = ReportService(db, lambda: today)
    for report in reports.list():
        if report.is_locked and not reports.verify_lock(report.id):
            problems.append(Problem("integrity", _("Báo cáo {period} (bản {version}) đã duyệt nhưng nội dung không "
                                                   "còn khớp mã khóa.").format(period=report.period_value.label(),
                                                                                version=report.version)))
    numbered: dict[tuple, list] = {}
    for report in reports.list():
        if report.number:
            numbered.setdefault((report.doc_type, report.number_scope, report.number), []).append(report)
    for (doc_type, _scope, number), same in numbered.items():
        if len(same) > 1:
            problems.append(Problem("integrity", _("Số {number:02d}-{type} được dùng cho {n} báo cáo.").format(
                number=number, type=doc_type, n=len(same))))
    # the figures' consistency rules (domain/figures.BALANCES, ratios, bounds), month by month
    problems += [Problem("rule", breach.message) for breach in FigureService(db, lambda: today).problems()]
    return problems


CHECKS = [report_problems]
