"""Composition rules of the bloc as data (a profile), and the check that lists every breach.

The default profile is Kết luận 862-KL/TU (Thanh Hóa, 2022): 9–11 current members; the head is
the Phó Bí thư Thường trực Đảng ủy; the deputy is the Chủ tịch Ủy ban MTTQ; exactly one Phó Chủ
tịch HĐND and one Phó Chủ tịch UBND; the others only from the posts the conclusion lists (Chủ tịch
Hội CCB, Hội Nông dân, Hội LHPN, Bí thư Đoàn, Trưởng Công an, Chỉ huy trưởng Ban CHQS, công chức
Tư pháp – Hộ tịch). Since the 2025 reform the heads of those organisations hold the title Phó Chủ
tịch Ủy ban MTTQ: several members may hold it, never more than the organisations it stands for.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.members import BlocMember, BlocRole
from danvan_desktop.domain.records import Record, RuleError
from danvan_desktop.domain.text import clean


@dataclass
class Rules:
    min_members: int = 9
    max_members: int = 11
    heads: int = 1
    deputies_max: int = 1
    deputies_min: int = 1
    head_posts: list[str] = field(default_factory=list)      # empty: any post
    deputy_posts: list[str] = field(default_factory=list)
    required_posts: dict[str, int] = field(default_factory=dict)  # post code -> exactly this many
    allowed_posts: list[str] = field(default_factory=list)   # empty: any post
    max_per_post: int = 0                                    # 0: no limit
    multi_posts: list[str] = field(default_factory=list)     # posts exempt from max_per_post
    # a title that stands for one of several posts (post code -> those posts): its holders and theirs
    # together may not outnumber those posts (Phó CT UBMTTQ = a head of one of the organisations)
    stands_for: dict[str, list[str]] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Rules:
        data = json.loads(text or "{}")
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


@dataclass
class CompositionProfile(Record):
    code: str = ""
    name: str = ""
    rules: Rules = field(default_factory=Rules)
    builtin: bool = False

    def validate(self) -> None:
        self.name = clean(self.name)
        if not self.name:
            raise RuleError(_("Tên quy chế không được để trống."), "name")
        r = self.rules
        if r.min_members < 1 or r.max_members < r.min_members:
            raise RuleError(_("Số thành viên tối thiểu phải từ 1 và không lớn hơn số tối đa."), "rules")


KL862 = "kl862"
LOOSE = "loose"

BUILTIN_PROFILES: dict[str, tuple[str, Rules]] = {
    KL862: (N_("Kết luận 862-KL/TU (Thanh Hóa, 2022)"), Rules(
        min_members=9, max_members=11, heads=1, deputies_min=1, deputies_max=1,
        head_posts=["pbt_tt"], deputy_posts=["ct_mttq"],
        required_posts={"pct_hdnd": 1, "pct_ubnd": 1},
        allowed_posts=["pbt_tt", "ct_mttq", "pct_hdnd", "pct_ubnd", "ct_ccb", "ct_nd", "ct_lhpn",
                       "bt_doan", "tr_ca", "cht_qs", "cc_tp", "pct_mttq"],
        max_per_post=1, multi_posts=["pct_mttq"],
        stands_for={"pct_mttq": ["ct_ccb", "ct_nd", "ct_lhpn", "bt_doan"]},
    )),
    LOOSE: (N_("Quy chế chung (9–11 thành viên, 1 trưởng khối, 1 phó)"), Rules(
        min_members=9, max_members=11, heads=1, deputies_min=1, deputies_max=1,
    )),
}


@dataclass(frozen=True)
class Breach:
    code: str
    message: str


def check_roster(members: list[BlocMember], rules: Rules, post_names: dict[str, str],
                 on: dt.date) -> list[Breach]:
    """Every way the current roster breaks the rules, in plain Vietnamese. Empty: all is well."""
    current = [m for m in members if m.is_current(on)]
    breaches: list[Breach] = []

    def post_label(code: str) -> str:
        return _(post_names.get(code, code))

    n = len(current)
    if not rules.min_members <= n <= rules.max_members:
        breaches.append(Breach("member_count", _("Khối hiện có {n} thành viên; quy chế yêu cầu {lo}–{hi}.")
                               .format(n=n, lo=rules.min_members, hi=rules.max_members)))

    heads = [m for m in current if m.bloc_role == BlocRole.HEAD.value]
    deputies = [m for m in current if m.bloc_role == BlocRole.DEPUTY.value]
    if len(heads) < rules.heads:
        breaches.append(Breach("no_head", _("Khối chưa có Trưởng khối.")))
    elif len(heads) > rules.heads:
        breaches.append(Breach("many_heads", _("Khối có {n} Trưởng khối; quy chế chỉ cho phép {k}.")
                               .format(n=len(heads), k=rules.heads)))
    if len(deputies) < rules.deputies_min:
        breaches.append(Breach("no_deputy", _("Khối chưa có Phó trưởng khối.")))
    elif len(deputies) > rules.deputies_max:
        breaches.append(Breach("many_deputies", _("Khối có {n} Phó trưởng khối; quy chế chỉ cho phép {k}.")
                               .format(n=len(deputies), k=rules.deputies_max)))

    if rules.head_posts:
        allowed = " hoặc ".join(post_label(p) for p in rules.head_posts)
        for m in heads:
            if m.post_code not in rules.head_posts:
                breaches.append(Breach("head_post", _("Trưởng khối phải là {allowed}; đồng chí {name} "
                                                       "đang giữ chức {post}.").format(
                    allowed=allowed, name=m.full_name, post=post_label(m.post_code))))
    if rules.deputy_posts:
        allowed = " hoặc ".join(post_label(p) for p in rules.deputy_posts)
        for m in deputies:
            if m.post_code not in rules.deputy_posts:
                breaches.append(Breach("deputy_post", _("Phó trưởng khối phải là {allowed}; đồng chí {name} "
                                                         "đang giữ chức {post}.").format(
                    allowed=allowed, name=m.full_name, post=post_label(m.post_code))))

    counts: dict[str, int] = {}
    for m in current:
        counts[m.post_code] = counts.get(m.post_code, 0) + 1
    required_posts = list(rules.head_posts[:1]) + list(rules.deputy_posts[:1])
    for code in required_posts:
        if counts.get(code, 0) == 0:
            breaches.append(Breach(f"missing:{code}", _("Khối thiếu {post}.").format(post=post_label(code))))
    for code, wanted in rules.required_posts.items():
        have = counts.get(code, 0)
        if have == 0:
            breaches.append(Breach(f"missing:{code}", _("Khối thiếu {post}.").format(post=post_label(code))))
        elif have != wanted:
            breaches.append(Breach(f"count:{code}", _("Khối có {n} {post}; quy chế yêu cầu đúng {k}.")
                                   .format(n=have, post=post_label(code), k=wanted)))
    if rules.max_per_post:
        for code, have in sorted(counts.items()):
            if code in rules.required_posts or code in rules.multi_posts:
                continue
            if have > rules.max_per_post:
                breaches.append(Breach(f"count:{code}", _("Chức danh {post} có {n} người trong khối; quy chế "
                                                           "chỉ cho phép {k}.").format(
                    post=post_label(code), n=have, k=rules.max_per_post)))
    for title, posts in rules.stands_for.items():
        held = counts.get(title, 0)
        heads = held + sum(counts.get(p, 0) for p in posts)
        if held and heads > len(posts):
            breaches.append(Breach(f"stands_for:{title}", _(
                "Khối có {n} người đứng đầu các tổ chức chính trị - xã hội ({title} và {posts}); chỉ có {k} tổ chức "
                "này.").format(n=heads, title=post_label(title), posts=", ".join(post_label(p) for p in posts),
                               k=len(posts))))
    if rules.allowed_posts:
        for m in current:
            if m.post_code not in rules.allowed_posts:
                breaches.append(Breach(f"post:{m.id}", _("Chức danh {post} của đồng chí {name} không có trong "
                                                          "danh sách của quy chế.").format(
                    post=post_label(m.post_code), name=m.full_name)))
    return breaches
