"""Bloc members, their posts and bloc roles. One row is one term: a person in a post, from…to."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.labels import LabelledEnum
from danvan_desktop.domain.records import Record, RuleError
from danvan_desktop.domain.text import clean


class BlocRole(LabelledEnum):
    HEAD = "head", N_("Trưởng khối")
    DEPUTY = "deputy", N_("Phó trưởng khối")
    MEMBER = "member", N_("Thành viên")


# Post codes are stable identifiers; names are what prints. A user may add posts of their own.
DEFAULT_POSTS: tuple[tuple[str, str], ...] = (
    ("pbt_tt", N_("Phó Bí thư Thường trực Đảng ủy")),
    ("ct_mttq", N_("Chủ tịch Ủy ban MTTQ")),
    ("pct_hdnd", N_("Phó Chủ tịch HĐND")),
    ("pct_ubnd", N_("Phó Chủ tịch UBND")),
    ("ct_ccb", N_("Chủ tịch Hội Cựu chiến binh")),
    ("ct_nd", N_("Chủ tịch Hội Nông dân")),
    ("ct_lhpn", N_("Chủ tịch Hội LHPN")),
    ("bt_doan", N_("Bí thư Đoàn TNCS Hồ Chí Minh")),
    ("tr_ca", N_("Trưởng Công an")),
    ("cht_qs", N_("Chỉ huy trưởng Ban CHQS")),
    ("cc_tp", N_("Công chức Tư pháp – Hộ tịch")),
    ("cb_ct", N_("Cán bộ chuyên trách")),
    ("cc_vh", N_("Công chức Văn hóa – Xã hội")),
    ("pct_mttq", N_("Phó Chủ tịch Ủy ban MTTQ")),
)


@dataclass
class Post(Record):
    code: str = ""
    name: str = ""
    sort_order: int = 0

    def validate(self) -> None:
        self.name = clean(self.name)
        self.code = clean(self.code) or self.code
        if not self.name:
            raise RuleError(_("Tên chức danh không được để trống."), "name")


@dataclass
class BlocMember(Record):
    full_name: str = ""
    post_code: str = ""
    bloc_role: str = BlocRole.MEMBER.value
    start_date: dt.date | None = None
    start_decision: str = ""
    end_date: dt.date | None = None
    end_decision: str = ""
    phone: str = ""
    trained_on: dt.date | None = None
    village_ids: list[str] = field(default_factory=list)
    note: str = ""

    def is_current(self, on: dt.date) -> bool:
        started = self.start_date is None or self.start_date <= on
        not_ended = self.end_date is None or self.end_date >= on
        return started and not_ended and not self.deleted

    def validate(self, today: dt.date | None = None) -> None:
        self.full_name = clean(self.full_name)
        self.phone = clean(self.phone)
        self.start_decision = clean(self.start_decision)
        self.end_decision = clean(self.end_decision)
        if not self.full_name:
            raise RuleError(_("Họ và tên không được để trống."), "full_name")
        if any(ch.isdigit() for ch in self.full_name):
            raise RuleError(_("Họ và tên không được chứa chữ số."), "full_name")
        if not self.post_code:
            raise RuleError(_("Hãy chọn chức danh."), "post_code")
        if self.bloc_role not in {r.value for r in BlocRole}:
            raise RuleError(_("Vai trò trong khối không hợp lệ."), "bloc_role")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise RuleError(_("Ngày kết thúc ({end}) trước ngày bắt đầu ({start}).").format(
                end=self.end_date.strftime("%d/%m/%Y"), start=self.start_date.strftime("%d/%m/%Y")),
                "end_date")
        if self.phone and not all(ch.isdigit() or ch in " +.-()" for ch in self.phone):
            raise RuleError(_("Số điện thoại chỉ gồm chữ số (ví dụ 0912 345 678)."), "phone")
