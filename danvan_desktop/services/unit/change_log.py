"""What changed in a record, who changed it and when, from the audit log, said the way a user reads it:
field names in Vietnamese, dates as dd/MM/yyyy, posts and villages by name."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from danvan_desktop.domain.formats import short_date, timestamp
from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.members import BlocRole
from danvan_desktop.domain.today import local_moment
from danvan_desktop.store import audit
from danvan_desktop.store.database import Database
from danvan_desktop.store.posts import PostRepository
from danvan_desktop.store.villages import VillageRepository

ACTIONS = {"insert": N_("Thêm mới"), "update": N_("Sửa"), "delete": N_("Xóa"), "restore": N_("Khôi phục"),
           "import": N_("Nhận từ tệp trao đổi")}

MEMBER_FIELDS = {
    "full_name": N_("Họ và tên"), "post_code": N_("Chức danh"), "bloc_role": N_("Vai trò"),
    "start_date": N_("Ngày bắt đầu"), "start_decision": N_("Quyết định kiện toàn"),
    "end_date": N_("Ngày kết thúc"), "end_decision": N_("Quyết định kết thúc"), "phone": N_("Điện thoại"),
    "trained_on": N_("Ngày tập huấn"), "village_ids": N_("Thôn phụ trách"), "note": N_("Ghi chú"),
    "deleted": N_("Đã xóa"),
}


@dataclass(frozen=True)
class FieldChange:
    field: str       # as shown: "Điện thoại"
    before: str
    after: str


@dataclass(frozen=True)
class Change:
    when: str        # "21/11/2026 14:03", local time
    actor: str
    action: str      # as shown: "Sửa"
    fields: list[FieldChange]


class ChangeLogService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def member(self, member_id: str) -> list[Change]:
        """Every change of one bloc member's term, oldest first."""
        posts = PostRepository(self.db).names()
        villages = {v.id: v.label for v in VillageRepository(self.db).all(include_deleted=True)}
        show: dict[str, Callable[[Any], str]] = {
            "post_code": lambda v: _(posts.get(v, v or "")),
            "bloc_role": lambda v: BlocRole(v).label if v in {r.value for r in BlocRole} else str(v or ""),
            "start_date": _date, "end_date": _date, "trained_on": _date,
            "village_ids": lambda v: ", ".join(villages.get(i, i) for i in _ids(v)),
            "deleted": lambda v: _("có") if v else _("không"),
        }
        return [self._change(entry, MEMBER_FIELDS, show)
                for entry in audit.history(self.db, "bloc_members", member_id)]

    @staticmethod
    def _change(entry: audit.AuditEntry, labels: dict[str, str], show: dict[str, Callable[[Any], str]]) -> Change:
        before, after = entry.before or {}, entry.after or {}
        if entry.action == "insert":
            names = [k for k in labels if k != "deleted" and after.get(k) not in (None, "", "[]", [])]
        else:
            names = [k for k in labels if k in entry.changed_fields()]
        fields = [FieldChange(_(labels[k]), show.get(k, _text)(before.get(k)) if entry.action != "insert" else "",
                              show.get(k, _text)(after.get(k))) for k in names]
        return Change(_when(entry.at), entry.actor or _("(không rõ)"), _(ACTIONS.get(entry.action, entry.action)),
                      fields)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _date(value: Any) -> str:
    try:
        return short_date(dt.date.fromisoformat(value)) if value else ""
    except (TypeError, ValueError):
        return str(value)


def _ids(value: Any) -> list[str]:
    if isinstance(value, list):
        return value
    try:
        parsed = json.loads(value or "[]")
    except (TypeError, ValueError):
        return []
    return parsed if isinstance(parsed, list) else []


def _when(at: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(at)
    except (TypeError, ValueError):
        return at
    return timestamp(local_moment(moment))
