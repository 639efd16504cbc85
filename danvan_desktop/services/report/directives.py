"""What the Đảng ủy directed in a period, for the report's leadership paragraph (seed 004's part I).

Two sources: the register of incoming documents (the Đảng ủy's and the upper level's directives of the
period, services/yearwork/register.py), and the conclusions of the briefings held in the period, which
say what the bloc was told to carry out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from danvan_desktop.domain.periods import Period
from danvan_desktop.store.database import Database


@dataclass(frozen=True)
class Directive:
    """A document being carried out: 'Kế hoạch số 12-KH/ĐU ngày 05/10/2026 của Ban Thường vụ Đảng ủy về …'."""
    title: str
    issued_on: dt.date | None = None


@dataclass
class BriefingConclusions:
    meeting_name: str           # 'cuộc giao ban Khối dân vận'
    held_on: dt.date
    chair: str
    texts: list[str] = field(default_factory=list)


def period_directives(db: Database, period: Period) -> list[Directive]:
    """The directives the bloc carried out in the period: the incoming documents of the register
    (services/yearwork/register.py) issued or received within it, oldest first."""
    from danvan_desktop.services.yearwork.register import RegisterService
    register = RegisterService(db, lambda: period.end)
    return [Directive(d.citation(), d.doc_date) for d in register.directives_of_period(period)]


def briefing_conclusions(db: Database, period: Period) -> list[BriefingConclusions]:
    """The conclusions of the finalised briefings held in the period (latest version of each minute)."""
    tables = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"meetings", "meeting_conclusions"} <= tables:
        return []
    rows = db.conn.execute(
        "SELECT m.id, m.meeting_date, m.chair_name, m.series_id, m.version FROM meetings m WHERE m.deleted = 0 "
        "AND m.content_hash IS NOT NULL AND m.meeting_date BETWEEN ? AND ? ORDER BY m.meeting_date, m.version",
        (period.start.isoformat(), period.end.isoformat())).fetchall()
    latest: dict[str, tuple] = {}
    for row in rows:
        latest[row[3] or row[0]] = row                       # later versions replace earlier ones
    result = []
    for meeting_id, held_on, chair, _series, _version in sorted(latest.values(), key=lambda r: r[1]):
        texts = [r[0] for r in db.conn.execute(
            "SELECT c.text FROM meeting_conclusions c JOIN meeting_agenda_items i ON i.id = c.agenda_item_id "
            "WHERE c.meeting_id = ? AND c.deleted = 0 AND i.deleted = 0 ORDER BY i.position, c.position",
            (meeting_id,)) if r[0].strip()]
        if texts:
            result.append(BriefingConclusions("cuộc giao ban Khối dân vận", dt.date.fromisoformat(held_on[:10]),
                                              chair or "", texts))
    return result


# The organisations whose heads sit in the bloc, by the head's post (results by actor, seed 004's II.3).
ORGANISATIONS = {"ct_mttq": "Ủy ban MTTQ xã", "pct_mttq": "Ủy ban MTTQ xã", "ct_lhpn": "Hội LHPN xã",
                 "ct_nd": "Hội Nông dân xã", "ct_ccb": "Hội Cựu chiến binh xã", "bt_doan": "Đoàn Thanh niên xã"}


@dataclass(frozen=True)
class OrganisationTask:
    organisation: str
    title: str
    state: str          # 'done' | 'overdue' | 'under_way'


def organisation_tasks(db: Database, period: Period, today: dt.date) -> list[OrganisationTask]:
    """The tasks whose responsible member heads an organisation, due or done in the period."""
    tables = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"tasks", "bloc_members"} <= tables:
        return []
    start, end = period.start.isoformat(), period.end.isoformat()
    as_of = min(period.end, today).isoformat()
    marks = ", ".join("?" for _ in ORGANISATIONS)
    rows = db.conn.execute(
        f"SELECT m.post_code, t.title, t.status, t.done_on, t.due_date FROM tasks t JOIN bloc_members m "
        f"ON m.id = t.responsible_id WHERE t.deleted = 0 AND t.status != 'cancelled' AND m.post_code IN ({marks}) "
        f"AND (t.due_date BETWEEN ? AND ? OR t.done_on BETWEEN ? AND ?) ORDER BY t.due_date, t.title",
        (*ORGANISATIONS, start, end, start, end)).fetchall()
    result = []
    for post, title, status, done_on, due in rows:
        if status == "done" and done_on and done_on[:10] <= as_of:
            state = "done"
        elif due and due[:10] < as_of:
            state = "overdue"
        else:
            state = "under_way"
        result.append(OrganisationTask(ORGANISATIONS[post], title, state))
    return result
