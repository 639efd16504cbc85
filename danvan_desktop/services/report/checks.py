"""`danvan check` for the report feature: broken locks, numbers held twice, figures that break their bounds."""

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
    figures = FigureService(db, lambda: today)
    catalogue = {f.code: f for f in figures.catalogue()}
    for figure in catalogue.values():
        if not figure.not_above or figure.not_above not in catalogue:
            continue
        for value in figures.values.select("figure_code = ?", (figure.code,)):
            ceiling = figures.month_value(figure.not_above, value.period)
            if ceiling is not None and value.value > ceiling:
                problems.append(Problem("rule", _("{period}: «{name}» lớn hơn «{other}».").format(
                    period=value.period, name=figure.name_vi, other=catalogue[figure.not_above].name_vi)))
    return problems


CHECKS = [report_problems]
