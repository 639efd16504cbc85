"""`danvan check`: every rule breach and every integrity problem of a database, in Vietnamese.

A commune's file is checked by services/commune_checks.py; an upper level's, commune by commune, by
services/upper/checks.py with the same checks on each commune's own records.
"""

from __future__ import annotations

import datetime as dt

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.services.commune_checks import file_problems, rule_problems
from danvan_desktop.services.problems import Problem
from danvan_desktop.services.unit.setup import SetupService
from danvan_desktop.services.upper.checks import run_upper_checks
from danvan_desktop.store.database import Database

__all__ = ["Problem", "run_checks"]


def run_checks(db: Database, today: dt.date | None = None) -> list[Problem]:
    today = today or vietnam_today()
    setup = SetupService(db)
    if not setup.is_set_up():
        return [Problem("rule", _("Chưa thiết lập thông tin xã."))]
    if setup.unit().level == "upper":
        # each commune's records against that commune's rules, never the union of all communes
        return run_upper_checks(db, today)
    return file_problems(db) + rule_problems(db, today)
