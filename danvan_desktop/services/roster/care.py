"""What a careful hand needs to know before acting on a bloc member: what deleting her touches, and
whether a new entry is probably someone already on the roster."""

from __future__ import annotations

from dataclasses import dataclass

from danvan_desktop.domain.i18n import _, ngettext
from danvan_desktop.domain.members import BlocMember
from danvan_desktop.domain.tasks import OPEN_STATUSES
from danvan_desktop.domain.text import name_key
from danvan_desktop.store.database import Database


@dataclass
class DeleteImpact:
    name: str
    open_tasks: int
    villages: int

    def message(self) -> str:
        """'Đồng chí Vũ Mạnh Hùng đang phụ trách 3 nhiệm vụ chưa xong và theo dõi 2 thôn; xóa sẽ …'"""
        parts = []
        if self.open_tasks:
            parts.append(ngettext("phụ trách {n} nhiệm vụ chưa xong", "phụ trách {n} nhiệm vụ chưa xong",
                                  self.open_tasks).format(n=self.open_tasks))
        if self.villages:
            parts.append(ngettext("theo dõi {n} thôn", "theo dõi {n} thôn", self.villages).format(n=self.villages))
        if not parts:
            return _("Xóa đồng chí {name} khỏi danh sách khối? Có thể hoàn tác bằng Ctrl+Z.").format(name=self.name)
        return _("Đồng chí {name} đang {what}; xóa sẽ bỏ tên đồng chí khỏi các nhiệm vụ và thôn đó. "
                 "Có thể hoàn tác bằng Ctrl+Z.").format(name=self.name, what=_(" và ").join(parts))


def delete_impact(db: Database, member: BlocMember) -> DeleteImpact:
    marks = ",".join("?" * len(OPEN_STATUSES))
    row = db.conn.execute(
        f"SELECT count(*) FROM tasks WHERE deleted = 0 AND status IN ({marks}) AND (responsible_id = ? OR "
        "EXISTS (SELECT 1 FROM json_each(tasks.member_ids) WHERE value = ?))",
        (*OPEN_STATUSES, member.id, member.id)).fetchone()
    return DeleteImpact(member.full_name, int(row[0]), len(member.village_ids))


def possible_duplicates(member: BlocMember, others: list[BlocMember]) -> list[BlocMember]:
    """Other entries with the same name (case and spacing aside, marks counting) and the same phone —
    or where neither has a phone to tell them apart. A new term of the same person is kept apart by
    the officer, who is asked, not refused."""
    key = name_key(member.full_name)
    phone = "".join(ch for ch in member.phone if ch.isdigit())
    found = []
    for other in others:
        if other.id == member.id or other.deleted or name_key(other.full_name) != key:
            continue
        other_phone = "".join(ch for ch in other.phone if ch.isdigit())
        if phone == other_phone:
            found.append(other)
    return found
