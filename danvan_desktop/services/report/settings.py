"""The report's defaults kept in settings: signer, recipients, approver, due day; read with fallbacks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from danvan_desktop.domain.i18n import _, in_language, vietnamese
from danvan_desktop.domain.members import BlocRole
from danvan_desktop.domain.records import RuleError
from danvan_desktop.store.database import Database
from danvan_desktop.store.members import MemberRepository
from danvan_desktop.store.units import UnitRepository

KEYS = {
    "authority": "report_signer_authority",
    "post": "report_signer_post",
    "name": "report_signer_name",
    "recipients": "report_recipients",       # one a line
    "approver": "report_approver",           # a name allowed to approve besides the Trưởng khối
    "due_day": "report_due_day",             # the monthly report is due by this day of the month
    "place": "report_place",
}


@dataclass
class ReportDefaults:
    authority: str = ""
    post: str = ""
    name: str = ""
    recipients: list[str] = field(default_factory=list)
    approver: str = ""
    due_day: int = 20
    place: str = ""


def bloc_head_name(db: Database, on: dt.date) -> str:
    heads = [m for m in MemberRepository(db).current(on) if m.bloc_role == BlocRole.HEAD.value]
    return heads[0].full_name if heads else ""


def _default_authority(db: Database) -> str:
    """The signing words of the layout in force: "T/M" under the Party layout, "TM." under the State one."""
    from danvan_desktop.services.documents.settings import DocumentSettings
    try:
        family = DocumentSettings(db).profile().family
    except RuleError:
        family = "party"
    return _("TM. KHỐI DÂN VẬN") if family == "state" else _("T/M KHỐI DÂN VẬN")


def _default_texts(db: Database, upper: str) -> list[str]:
    """The defaults as printed (Vietnamese) — the words a document carries."""
    return [_default_authority(db), _("TRƯỞNG KHỐI"), _("Ban Thường vụ Đảng ủy xã (báo cáo)"),
            _("{upper} (báo cáo)").format(upper=upper), _("Các đồng chí thành viên Khối dân vận"),
            _("Lưu Khối dân vận"), _("T/M KHỐI DÂN VẬN"), _("TM. KHỐI DÂN VẬN")]


def _vietnamese_default(db: Database, upper: str, text: str) -> str:
    """A default saved by an older version while the screen spoke English goes back to its Vietnamese words."""
    with in_language("en"):
        english = _default_texts(db, upper)
    with vietnamese():
        native = _default_texts(db, upper)
    return native[english.index(text)] if text and text in english and text not in native else text


def load(db: Database, on: dt.date) -> ReportDefaults:
    """The defaults, always in Vietnamese: they are printed on documents whatever the screen's language."""
    with vietnamese():
        return _load(db, on)


def _load(db: Database, on: dt.date) -> ReportDefaults:
    unit = UnitRepository(db).by_code(db.unit_code)
    upper = unit.upper_unit_name if unit else ""
    recipients = [_vietnamese_default(db, upper, line.strip())
                  for line in (db.get_setting(KEYS["recipients"], "") or "").splitlines() if line.strip()]
    if not recipients:
        recipients = [_("Ban Thường vụ Đảng ủy xã (báo cáo)")]
        if upper:
            recipients.append(_("{upper} (báo cáo)").format(upper=upper))
        recipients += [_("Các đồng chí thành viên Khối dân vận"), _("Lưu Khối dân vận")]
    try:
        due = int(db.get_setting(KEYS["due_day"], "20") or 20)
    except ValueError:
        due = 20
    return ReportDefaults(
        authority=_vietnamese_default(db, upper, db.get_setting(KEYS["authority"], "") or "") or
        _default_authority(db),
        post=_vietnamese_default(db, upper, db.get_setting(KEYS["post"], "") or "") or _("TRƯỞNG KHỐI"),
        name=db.get_setting(KEYS["name"], "") or bloc_head_name(db, on),
        recipients=recipients,
        approver=db.get_setting(KEYS["approver"], "") or "",
        due_day=min(max(due, 1), 28),
        place=db.get_setting(KEYS["place"], "") or (unit.place_name if unit else ""),
    )


def save(db: Database, defaults: ReportDefaults) -> None:
    with db.transaction():
        db.set_setting(KEYS["authority"], defaults.authority.strip())
        db.set_setting(KEYS["post"], defaults.post.strip())
        db.set_setting(KEYS["name"], defaults.name.strip())
        db.set_setting(KEYS["recipients"], "\n".join(r.strip() for r in defaults.recipients if r.strip()))
        db.set_setting(KEYS["approver"], defaults.approver.strip())
        db.set_setting(KEYS["due_day"], str(defaults.due_day))
        db.set_setting(KEYS["place"], defaults.place.strip())


def allowed_approvers(db: Database, on: dt.date) -> list[str]:
    names = [bloc_head_name(db, on), db.get_setting(KEYS["approver"], "") or ""]
    return [n for i, n in enumerate(names) if n and n not in names[:i]]


def due_date(period_code: str, due_day: int) -> dt.date:
    """A monthly report is due on `due_day` of its month; longer periods on that day of their last month."""
    from danvan_desktop.domain.periods import Period
    period = Period.parse(period_code)
    return dt.date(period.year, period.months[-1], due_day)
