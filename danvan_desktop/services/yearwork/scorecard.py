"""The scorecard: each target of the profile (Kết luận 862-KL/TU by default) with the commune's value,
where it came from (counted from the records, or typed with its evidence) and whether it is met.

The same computation serves a commune's own year and, at the upper level, every imported commune.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.targets import COUNTED, Score, Target, TargetProfile, kl862_profile
from danvan_desktop.domain.text import clean_multiline
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.store import scorecard_counts as counts
from danvan_desktop.store.database import Database
from danvan_desktop.store.units import UnitRepository
from danvan_desktop.store.yearwork import PlanRepository, ScorecardEntry, ScorecardEntryRepository

PROFILE_SETTING = "scorecard_profile"


@dataclass
class CommuneScores:
    unit_code: str
    unit_name: str
    scores: list[Score]

    @property
    def met(self) -> int:
        return sum(1 for s in self.scores if s.met)

    @property
    def judged(self) -> int:
        return sum(1 for s in self.scores if s.met is not None)


def judged_on(year: int, today: dt.date) -> dt.date:
    """A past year is judged on 31 December; the current one as it stands today."""
    return min(today, dt.date(year, 12, 31))


class ScorecardService:
    def __init__(self, db: Database, today=vietnam_today) -> None:
        self.db = db
        self.today = today
        self.entries = ScorecardEntryRepository(db)
        self.plans = PlanRepository(db)

    # -- the profile ------------------------------------------------------------------------
    def profile(self) -> TargetProfile:
        text = self.db.get_setting(PROFILE_SETTING, "") or ""
        if text:
            try:
                profile = TargetProfile.from_json(text)
                if profile.targets:
                    return profile
            except (ValueError, TypeError):
                pass
        return kl862_profile()

    def save_profile(self, profile: TargetProfile) -> None:
        for t in profile.targets:
            if t.threshold < 0:
                raise RuleError(_("Mức chỉ tiêu «{name}» không được âm.").format(name=_(t.name)), "threshold")
            if t.unit == "%" and t.threshold > 100:
                raise RuleError(_("Mức chỉ tiêu «{name}» không được quá 100%.").format(name=_(t.name)), "threshold")
        self.db.set_setting(PROFILE_SETTING, profile.to_json())

    def set_threshold(self, code: str, threshold: float) -> TargetProfile:
        profile = self.profile()
        for t in profile.targets:
            if t.code == code:
                t.threshold = float(threshold)
        if profile.code == "kl862":
            profile.code, profile.name = "kl862_local", _("Kết luận 862-KL/TU (điều chỉnh của đơn vị)")
        self.save_profile(profile)
        return profile

    def reset_profile(self) -> None:
        self.db.set_setting(PROFILE_SETTING, "")

    # -- typed values -----------------------------------------------------------------------
    def set_typed(self, year: int, code: str, value: float | None, evidence: str) -> ScorecardEntry:
        target = next((t for t in self.profile().targets if t.code == code), None)
        if target is None:
            raise RuleError(_("Không có chỉ tiêu này trong bộ chỉ tiêu."), "target_code")
        if target.source == COUNTED:
            raise RuleError(_("Chỉ tiêu «{name}» được đếm từ dữ liệu, không nhập tay.").format(name=_(target.name)))
        evidence = clean_multiline(evidence)
        if value is not None and value > 0 and not evidence:
            raise RuleError(_("Hãy ghi căn cứ (số, ngày văn bản…) cho chỉ tiêu «{name}».").format(
                name=_(target.name)), "evidence")
        with self.db.transaction():
            entry = self.entries.of_year(year).get(code)
            if entry is None:
                return self.entries.insert(ScorecardEntry(year=year, target_code=code, value=value,
                                                          evidence=evidence))
            entry.value, entry.evidence = value, evidence
            return self.entries.update(entry)

    # -- the card ---------------------------------------------------------------------------
    def scores(self, year: int, unit_code: str | None = None) -> list[Score]:
        unit = unit_code or self.db.unit_code
        on = judged_on(year, self.today())
        typed = self.entries.of_year(year, unit)
        result = []
        for target in self.profile().targets:
            if not target.enabled:
                continue
            if target.source == COUNTED:
                result.append(self._count(target, unit, year, on))
            else:
                entry = typed.get(target.code)
                result.append(Score(target, entry.value if entry else None, evidence=entry.evidence if entry else ""))
        return result

    def _ratio(self, target: Target, done: float, total: float, evidence: str = "") -> Score:
        if not total:
            return Score(target, None, done, total, evidence=evidence or _("chưa có dữ liệu để đếm"))
        return Score(target, 100.0 * done / total, done, total, evidence=evidence)

    def _count(self, target: Target, unit: str, year: int, on: dt.date) -> Score:
        m = target.measure
        if m == "members_trained":
            return self._ratio(target, *counts.members_trained(self.db, unit, on))
        if m == "team_members_trained":
            return self._ratio(target, *counts.team_members_trained(self.db, unit, on))
        if m == "monthly_briefings":
            held = counts.briefing_months(self.db, unit, year, on)
            due = 12 if on >= dt.date(year, 12, 31) else on.month - 1 + (1 if on.month in held else 0)
            return self._ratio(target, len([x for x in held if x <= max(due, 0)]), due,
                               _("tháng đã qua trong năm: {n}").format(n=due))
        if m == "quarterly_briefings":
            held = {(x - 1) // 3 + 1 for x in counts.briefing_months(self.db, unit, year, on, counts.QUARTER_KINDS)}
            due = 4 if on >= dt.date(year, 12, 31) else (on.month - 1) // 3
            due += 1 if due < 4 and (due + 1) in held else 0
            return self._ratio(target, len([q for q in held if q <= due]), due)
        if m == "annual_briefing":
            n = len(counts.briefing_months(self.db, unit, year, on, ("annual",)))
            if n == 0 and on < dt.date(year, 12, 31):
                return Score(target, None, evidence=_("chưa đến kỳ"), applicable=False)
            return Score(target, float(n))
        if m == "dvk_new":
            return Score(target, float(counts.dvk_new(self.db, unit, year)))
        if m == "teams_regulated":
            return self._ratio(target, *counts.teams_regulated(self.db, unit))
        if m == "key_people":
            if not counts.has_minorities_or_religions(self.db, unit):
                return Score(target, None, evidence=_("xã không có đồng bào dân tộc thiểu số, tôn giáo"),
                             applicable=False)
            return self._ratio(target, *counts.key_people(self.db, unit))
        if m == "plan_approved":
            plan = self.plans.of_year(year, unit)
            if plan is None or not plan.locked:
                return Score(target, 0.0, evidence=_("chưa có kế hoạch được phê duyệt"))
            return Score(target, 1.0, evidence=_("{decision} ngày {date}").format(
                decision=plan.approval_decision, date=plan.approved_on.strftime("%d/%m/%Y")))
        if m == "plan_items_done":
            from danvan_desktop.services.yearwork.plan import PlanService
            plan = self.plans.of_year(year, unit)
            if plan is None:
                return Score(target, None, evidence=_("chưa có kế hoạch năm"))
            rows = PlanService(self.db, today=self.today).progress(plan.id, on)
            done = sum(1 for r in rows if r.done_on is not None)
            return self._ratio(target, done, len(rows))
        if m == "petitions_resolved":
            received = counts.figure_sum(self.db, unit, "don_nhan", year, on)
            resolved = counts.figure_sum(self.db, unit, "don_da_gq", year, on)
            if received is None:
                return Score(target, None, evidence=_("chưa nhập số đơn thư"))
            if received == 0:
                return Score(target, 100.0, 0, 0, evidence=_("không có đơn thư"))
            return self._ratio(target, resolved or 0, received)
        return Score(target, None, evidence=_("chưa biết cách đếm «{m}»").format(m=m))

    # -- the upper level --------------------------------------------------------------------
    def every_commune(self, year: int) -> list[CommuneScores]:
        """Every commune this database holds (an upper level's imports), with its scorecard."""
        units = [u for u in UnitRepository(self.db).all() if u.level == "commune"]
        return [CommuneScores(u.code, u.name, self.scores(year, u.code)) for u in units]


def every_commune_of(db, year: int, today) -> list[CommuneScores]:
    """`every_commune` in one read transaction of `db` (the job runner's connection, for the upper level's page)."""
    with db.snapshot():
        return ScorecardService(db, today).every_commune(year)


def consolidated_targets_blocks(rows: list[CommuneScores], numeral: str) -> list:
    """The upper level's annual consolidated report quotes the targets: for each, how many of the communes
    judged met it (a Heading, a Paragraph and a Table of the shared document model)."""
    from danvan_desktop.render.document import Heading, Paragraph, Table
    blocks: list = [Heading(f"{numeral}- " + _("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CÔNG TÁC DÂN VẬN Ở XÃ"))]
    if not rows:
        return blocks + [Paragraph(_("Chưa có dữ liệu của xã nào."))]
    blocks.append(Paragraph(_("Đánh giá theo bộ chỉ tiêu của Kết luận 862-KL/TU, từ dữ liệu của {n} xã đã "
                              "nhận được (chỉ tiêu đếm từ dữ liệu của xã; chỉ tiêu nhập tay theo căn cứ xã ghi).").format(
        n=len(rows))))
    table = []
    for i, score in enumerate(rows[0].scores):
        judged = [r.scores[i] for r in rows if r.scores[i].met is not None]
        met = [s for s in judged if s.met]
        table.append([str(i + 1), _(score.target.name), score.threshold_text(),
                      f"{len(met)}/{len(judged)}" if judged else "–"])
    blocks.append(Table([_("TT"), _("Chỉ tiêu"), _("Mức"), _("Số xã đạt")], table, widths=[0.6, 5.6, 1.2, 1.3],
                        align_right=[0, 3]))
    return blocks
