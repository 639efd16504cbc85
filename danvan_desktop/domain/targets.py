"""Targets (chỉ tiêu) a commune's dân vận work is measured on, as a profile of data, and the verdict.

The default profile is Kết luận 862-KL/TU (Thanh Hóa, 2022). Each target is either counted from the
records (the program knows how: `measure` names the counter) or typed by the officer with its evidence.
A province with other targets edits the thresholds, names, or switches targets off.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from danvan_desktop.domain.i18n import N_, _

COUNTED = "counted"
TYPED = "typed"

# measure codes the scorecard service knows how to count
MEASURES = ("members_trained", "team_members_trained", "monthly_briefings", "quarterly_briefings",
            "annual_briefing", "dvk_new", "teams_regulated", "plan_approved", "plan_items_done",
            "petitions_resolved", "key_people")


@dataclass
class Target:
    code: str
    name: str                       # Vietnamese, marked N_ for the built-in ones
    group: str = ""                 # "Khối dân vận", "Cấp ủy", "Chính quyền"
    source: str = COUNTED           # counted | typed
    measure: str = ""               # for counted targets: a code of MEASURES
    threshold: float = 100.0        # % for ratios, a count for counts, 1 for yes/no
    unit: str = "%"                 # "%", "count", "yes"
    enabled: bool = True
    short: str = ""                 # a column title in the upper level's table (N_ for the built-in ones)


SHORT = {
    "party_regulation": N_("QC công tác DV"), "inspection_plan": N_("KH kiểm tra"), "bloc_regulation": N_("QC Khối"),
    "monthly_briefings": N_("Giao ban tháng"), "quarterly_briefings": N_("Giao ban quý"),
    "annual_briefing": N_("Giao ban năm"), "plan_approved": N_("KH được duyệt"), "plan_items_done": N_("Hoàn thành KH"),
    "teams_regulated": N_("Tổ có QC, CTr"), "members_trained": N_("TV khối tập huấn"),
    "team_members_trained": N_("TV tổ tập huấn"), "dvk_new": N_("DVK mới"), "key_people": N_("Người có uy tín"),
    "petitions_resolved": N_("Đơn thư giải quyết"), "friendly_government": N_("CQ thân thiện"),
}


@dataclass
class TargetProfile:
    code: str = "kl862"
    name: str = N_("Kết luận 862-KL/TU (Thanh Hóa, 2022)")
    targets: list[Target] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps({"code": self.code, "name": self.name, "targets": [asdict(t) for t in self.targets]},
                          ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> TargetProfile:
        data = json.loads(text or "{}")
        known = set(Target.__dataclass_fields__)
        targets = [Target(**{k: v for k, v in t.items() if k in known}) for t in data.get("targets", [])
                   if isinstance(t, dict) and t.get("code") and t.get("name")]
        return cls(code=str(data.get("code", "custom")), name=str(data.get("name", "")), targets=targets)


G_PARTY = N_("Cấp ủy, tổ chức đảng")
G_BLOC = N_("Khối dân vận")
G_GOV = N_("Dân vận chính quyền")


def kl862_profile() -> TargetProfile:
    t = Target
    profile = TargetProfile(targets=[
        t("party_regulation", N_("Đảng ủy ban hành quy chế công tác dân vận của hệ thống chính trị"), G_PARTY,
          TYPED, "", 1, "yes"),
        t("inspection_plan", N_("Đảng ủy ban hành kế hoạch kiểm tra, giám sát công tác dân vận hằng năm"),
          G_PARTY, TYPED, "", 1, "yes"),
        t("bloc_regulation", N_("Khối dân vận có quy chế hoạt động"), G_BLOC, TYPED, "", 1, "yes"),
        t("monthly_briefings", N_("Giao ban hằng tháng"), G_BLOC, COUNTED, "monthly_briefings", 100, "%"),
        t("quarterly_briefings", N_("Giao ban hằng quý"), G_BLOC, COUNTED, "quarterly_briefings", 100, "%"),
        t("annual_briefing", N_("Giao ban (tổng kết) năm"), G_BLOC, COUNTED, "annual_briefing", 1, "count"),
        t("plan_approved", N_("Kế hoạch hoạt động năm được Đảng ủy phê duyệt"), G_BLOC, COUNTED, "plan_approved",
          1, "yes"),
        t("plan_items_done", N_("Hoàn thành các nội dung của kế hoạch năm"), G_BLOC, COUNTED, "plan_items_done",
          100, "%"),
        t("teams_regulated", N_("Tổ dân vận thôn có quy chế và chương trình hoạt động"), G_BLOC, COUNTED,
          "teams_regulated", 100, "%"),
        t("members_trained", N_("Thành viên khối dân vận được tập huấn"), G_BLOC, COUNTED, "members_trained",
          100, "%"),
        t("team_members_trained", N_("Thành viên tổ dân vận được tập huấn"), G_BLOC, COUNTED,
          "team_members_trained", 100, "%"),
        t("dvk_new", N_("Mô hình “Dân vận khéo” xây dựng mới trong năm"), G_BLOC, COUNTED, "dvk_new", 3, "count"),
        t("key_people", N_("Thôn có người có uy tín, cốt cán trong tổ dân vận (xã có đồng bào dân tộc thiểu số, "
                           "tôn giáo)"), G_BLOC, COUNTED, "key_people", 100, "%"),
        t("petitions_resolved", N_("Đơn thư thuộc thẩm quyền cấp xã được giải quyết"), G_GOV, COUNTED,
          "petitions_resolved", 100, "%"),
        t("friendly_government", N_("Xây dựng mô hình “Chính quyền thân thiện, vì Nhân dân phục vụ”"), G_GOV,
          TYPED, "", 1, "yes"),
    ])
    for target in profile.targets:
        target.short = SHORT.get(target.code, "")
    return profile


@dataclass
class Score:
    """One line of the scorecard: a target, what the commune reached, from where, and whether it is met."""
    target: Target
    value: float | None            # None: no data (typed target not yet entered, or nothing to count)
    numerator: float | None = None
    denominator: float | None = None
    evidence: str = ""
    applicable: bool = True

    @property
    def met(self) -> bool | None:
        if not self.applicable:
            return None
        if self.value is None:
            return False
        return self.value >= self.target.threshold - 1e-9

    def value_text(self) -> str:
        from danvan_desktop.domain.formats import number, percent
        if not self.applicable:
            return _("không áp dụng")
        if self.value is None:
            return _("chưa có số liệu")
        if self.target.unit == "yes":
            return _("Có") if self.value >= 1 else _("Chưa")
        if self.target.unit == "%":
            text = percent(self.value / 100, digits=2 if self.value % 1 else 0)
            if self.numerator is not None and self.denominator:
                text = f"{number(self.numerator)}/{number(self.denominator)} ({text})"
            return text
        return number(self.value)

    def threshold_text(self) -> str:
        from danvan_desktop.domain.formats import number
        if self.target.unit == "yes":
            return _("Có")
        if self.target.unit == "%":
            return f"{number(self.target.threshold)}%"
        return _("≥ {n}").format(n=number(self.target.threshold))

    def verdict_text(self) -> str:
        met = self.met
        if met is None:
            return "—"
        return _("Đạt") if met else _("Chưa đạt")

    def source_text(self) -> str:
        return _("đếm từ dữ liệu") if self.target.source == COUNTED else _("nhập tay")
