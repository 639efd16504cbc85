"""Village mobilisation teams (tổ dân vận thôn): the team of a village, its members and the soft rules.

One team per village. Its leader is usually the Bí thư chi bộ; members are the village's
Phó Bí thư, thôn trưởng, Trưởng ban Công tác Mặt trận and the branch heads (Hướng dẫn
80-HD/BDVTW). The soft rules only warn: a team may be being rebuilt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.labels import LabelledEnum
from danvan_desktop.domain.records import Record, RuleError
from danvan_desktop.domain.text import clean, clean_multiline, fold

MIN_TEAM_MEMBERS = 3


class TeamRole(LabelledEnum):
    LEADER = "leader", N_("Tổ trưởng")
    DEPUTY = "deputy", N_("Tổ phó")
    MEMBER = "member", N_("Tổ viên")


# Posts a team member usually holds in the village; offered in the form, free text allowed.
TEAM_POSTS = (
    N_("Bí thư chi bộ"),
    N_("Phó Bí thư chi bộ"),
    N_("Trưởng thôn"),
    N_("Trưởng ban Công tác Mặt trận"),
    N_("Chi hội trưởng Hội Nông dân"),
    N_("Chi hội trưởng Hội Phụ nữ"),
    N_("Chi hội trưởng Hội Cựu chiến binh"),
    N_("Bí thư Chi đoàn"),
    N_("Người có uy tín"),
    N_("Công an viên"),
)


@dataclass
class VillageTeam(Record):
    village_id: str = ""
    founding_decision: str = ""     # "Quyết định số 15-QĐ/ĐU"
    founded_on: dt.date | None = None
    has_regulation: bool = False    # quy chế hoạt động đã ban hành
    has_programme: bool = False     # chương trình hoạt động đã ban hành
    note: str = ""

    def validate(self, today: dt.date) -> None:
        self.founding_decision = clean(self.founding_decision)
        self.note = clean_multiline(self.note)
        if not self.village_id:
            raise RuleError(_("Hãy chọn thôn của tổ."), "village_id")
        if self.founded_on and self.founded_on > today:
            raise RuleError(_("Ngày thành lập tổ không được ở tương lai."), "founded_on")


@dataclass
class TeamMember(Record):
    village_id: str = ""
    full_name: str = ""
    team_role: str = TeamRole.MEMBER.value
    post: str = ""
    phone: str = ""
    sort_order: int = 0
    note: str = ""

    def validate(self) -> None:
        self.full_name = clean(self.full_name)
        self.post = clean(self.post)
        self.phone = clean(self.phone)
        self.note = clean_multiline(self.note)
        if not self.village_id:
            raise RuleError(_("Hãy chọn thôn của tổ viên."), "village_id")
        if not self.full_name:
            raise RuleError(_("Họ và tên không được để trống."), "full_name")
        if any(ch.isdigit() for ch in self.full_name):
            raise RuleError(_("Họ và tên không được chứa chữ số."), "full_name")
        if self.team_role not in {r.value for r in TeamRole}:
            raise RuleError(_("Vai trò trong tổ không hợp lệ."), "team_role")
        if self.phone and not all(ch.isdigit() or ch in " +.-()" for ch in self.phone):
            raise RuleError(_("Số điện thoại chỉ gồm chữ số (ví dụ 0912 345 678)."), "phone")


ROLE_WORDS = {
    "to truong": TeamRole.LEADER.value, "to truong to dan van": TeamRole.LEADER.value,
    "to pho": TeamRole.DEPUTY.value, "to pho to dan van": TeamRole.DEPUTY.value,
    "to vien": TeamRole.MEMBER.value, "thanh vien": TeamRole.MEMBER.value,
}


def guess_role(text: str) -> str:
    """The team role a roster cell says ("Tổ trưởng", "Tổ phó", "Tổ viên"); a Bí thư chi bộ leads by default."""
    folded = fold(text)
    if folded == "bi thu chi bo":
        return TeamRole.LEADER.value
    return ROLE_WORDS.get(folded, TeamRole.MEMBER.value)


def team_warnings(members: list[TeamMember], followers: int) -> list[str]:
    """The soft rules of a village team, as Vietnamese warnings (empty when all is well)."""
    live = [m for m in members if not m.deleted]
    warnings: list[str] = []
    if not any(m.team_role == TeamRole.LEADER.value for m in live):
        warnings.append(_("Tổ chưa có tổ trưởng."))
    if len(live) < MIN_TEAM_MEMBERS:
        warnings.append(_("Tổ mới có {n} người (cần ít nhất {k}).").format(n=len(live), k=MIN_TEAM_MEMBERS))
    if followers == 0:
        warnings.append(_("Chưa có thành viên khối phụ trách thôn."))
    return warnings
