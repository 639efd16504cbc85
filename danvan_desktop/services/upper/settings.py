"""The upper body's own settings: the due rule, and how its consolidated report is signed and sent.

Kept in the upper level's local settings (never the communes'): who signs and with which words, who
may approve, the recipients, the place, and the issuing body's name as printed in the header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from danvan_desktop.domain.due_rule import DueRule
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.text import clean
from danvan_desktop.domain.unit import Unit
from danvan_desktop.store.database import Database
from danvan_desktop.store.units import UnitRepository

KEYS = {
    "due_day": "upper_due_day",
    "window_start": "upper_window_start",
    "authority": "upper_report_signer_authority",
    "post": "upper_report_signer_post",
    "name": "upper_report_signer_name",
    "approvers": "upper_report_approvers",        # one a line: who may approve the consolidated report
    "recipients": "upper_report_recipients",      # one a line
    "place": "upper_report_place",
    "issuing_body": "upper_issuing_body",         # "BAN TUYÊN GIÁO VÀ DÂN VẬN"
}


@dataclass
class UpperDefaults:
    authority: str = ""
    post: str = ""
    name: str = ""
    approvers: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    place: str = ""
    issuing_body: str = ""


def _int(db: Database, key: str, default: int) -> int:
    try:
        return int(db.get_setting(key, str(default)) or default)
    except ValueError:
        return default


def due_rule(db: Database) -> DueRule:
    rule = DueRule(min(max(_int(db, KEYS["due_day"], 5), 1), 28), min(max(_int(db, KEYS["window_start"], 1), 1), 28))
    return rule


def save_due_rule(db: Database, rule: DueRule) -> None:
    rule.validate()
    with db.transaction():
        db.set_setting(KEYS["due_day"], str(rule.due_day))
        db.set_setting(KEYS["window_start"], str(rule.window_start))


def issuing_body_from_name(unit: Unit) -> str:
    """'Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Hóa' → 'BAN TUYÊN GIÁO VÀ DÂN VẬN': the body's name without
    the committee it belongs to (printed on the line above it)."""
    name = re.split(r"\s+(?:Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Đảng ủy|Đảng uỷ)\b", unit.name,
                    maxsplit=1, flags=re.IGNORECASE)[0]
    return clean(name).upper()


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def default_recipients(unit: Unit | None) -> list[str]:
    committee = unit.upper_unit_name if unit and unit.upper_unit_name else _("Tỉnh ủy")
    return [_("Thường trực {committee} (báo cáo)").format(committee=committee),
            _("Ban Tuyên giáo và Dân vận Trung ương (báo cáo)"), _("Đảng ủy các xã, phường"),
            _("Lưu Văn phòng Ban")]


def load(db: Database) -> UpperDefaults:
    unit = UnitRepository(db).by_code(db.unit_code)
    name = clean(db.get_setting(KEYS["name"], "") or "")
    approvers = _lines(db.get_setting(KEYS["approvers"], ""))
    return UpperDefaults(
        authority=db.get_setting(KEYS["authority"], None) if db.get_setting(KEYS["authority"], None) is not None
        else _("K/T TRƯỞNG BAN"),
        post=db.get_setting(KEYS["post"], "") or _("PHÓ TRƯỞNG BAN"),
        name=name,
        approvers=approvers or ([name] if name else []),
        recipients=_lines(db.get_setting(KEYS["recipients"], "")) or default_recipients(unit),
        place=db.get_setting(KEYS["place"], "") or (unit.place_name if unit else ""),
        issuing_body=db.get_setting(KEYS["issuing_body"], "") or (issuing_body_from_name(unit) if unit else ""),
    )


def save(db: Database, defaults: UpperDefaults) -> None:
    with db.transaction():
        db.set_setting(KEYS["authority"], clean(defaults.authority).upper())
        db.set_setting(KEYS["post"], clean(defaults.post).upper())
        db.set_setting(KEYS["name"], clean(defaults.name))
        db.set_setting(KEYS["approvers"], "\n".join(clean(a) for a in defaults.approvers if clean(a)))
        db.set_setting(KEYS["recipients"], "\n".join(clean(r).lstrip("-– ") for r in defaults.recipients if clean(r)))
        db.set_setting(KEYS["place"], clean(defaults.place))
        db.set_setting(KEYS["issuing_body"], clean(defaults.issuing_body).upper())
