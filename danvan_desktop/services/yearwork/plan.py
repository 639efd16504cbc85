"""The bloc's annual plan (Kết luận 862-KL/TU): draft the items, approve with the Đảng ủy's decision
and lock, turn each item into a task when its month comes, and track completion item by item."""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.tasks import TaskStatus
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.domain.yearwork import AnnualPlan, PlanItem, PlanStatus, task_category
from danvan_desktop.services.documents.numbering import NumberingService
from danvan_desktop.services.tasks.service import TaskService
from danvan_desktop.store.database import Database
from danvan_desktop.store.members import MemberRepository
from danvan_desktop.store.yearwork import PlanItemRepository, PlanRepository, task_done_days

PLAN_TYPE = "KH"
PLAN_TABLE = "annual_plans"

DEFAULT_PURPOSE = (
    "Cụ thể hóa Kết luận số 862-KL/TU của Ban Thường vụ Tỉnh ủy và chương trình công tác của Đảng ủy xã về "
    "công tác dân vận năm {year}; xác định rõ nội dung, thời gian, người phụ trách từng việc.\n"
    "Các thành viên Khối dân vận, tổ dân vận thôn bám sát địa bàn, nắm chắc tình hình Nhân dân, tham mưu cho "
    "cấp ủy, chính quyền giải quyết kịp thời các vấn đề phát sinh ở cơ sở; hoàn thành toàn bộ các nội dung "
    "của kế hoạch.")
DEFAULT_ORGANISATION = (
    "Các đồng chí thành viên Khối dân vận căn cứ nội dung được phân công chủ động xây dựng kế hoạch, tổ chức "
    "thực hiện; định kỳ báo cáo kết quả tại hội nghị giao ban hằng tháng, quý, năm của Khối.\n"
    "Tổ dân vận các thôn cụ thể hóa kế hoạch phù hợp với nghị quyết của chi bộ thôn.\n"
    "Trong quá trình thực hiện, nếu có vướng mắc, các đồng chí thành viên báo cáo Trưởng khối để xem xét, "
    "báo cáo Thường trực Đảng ủy chỉ đạo.")


@dataclass
class ItemProgress:
    item: PlanItem
    state: TaskStatus              # not_started / in_progress / done / overdue
    done_on: dt.date | None
    tasks_made: int
    tasks_done: int


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _hash(plan: AnnualPlan, items: list[PlanItem]) -> str:
    content = {"year": plan.year, "purpose": plan.purpose, "organisation": plan.organisation,
               "doc_date": plan.doc_date.isoformat() if plan.doc_date else "",
               "items": [[i.field, i.content, i.owner_id, i.village_ids, i.months, i.expected_result]
                         for i in items]}
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


class PlanService:
    def __init__(self, db: Database, tasks: TaskService | None = None, today=vietnam_today) -> None:
        self.db = db
        self.today = today
        self.plans = PlanRepository(db)
        self.items_repo = PlanItemRepository(db)
        self.members = MemberRepository(db)
        self.tasks = tasks or TaskService(db, today)
        self.numbering = NumberingService(db)

    # -- reading ----------------------------------------------------------------------------
    def plan(self, year: int) -> AnnualPlan | None:
        return self.plans.of_year(year)

    def items(self, plan_id: str) -> list[PlanItem]:
        return self.items_repo.of_plan(plan_id)

    def printed_number(self, plan: AnnualPlan) -> str:
        from danvan_desktop.services.documents.settings import DocumentSettings
        from danvan_desktop.store.units import UnitRepository
        unit = UnitRepository(self.db).by_code(self.db.unit_code)
        return DocumentSettings(self.db).profile().format_number(plan.number, PLAN_TYPE,
                                                                 (unit.doc_symbol if unit else "") or "DV")

    # -- drafting ---------------------------------------------------------------------------
    def create(self, year: int, copy_from: int | None = None) -> AnnualPlan:
        """A draft plan for `year`; with `copy_from`, that year's items are copied (months kept, the member
        in charge kept while still in the bloc, else the Trưởng khối)."""
        if self.plan(year) is not None:
            raise RuleError(_("Đã có kế hoạch năm {year}.").format(year=year), "year")
        plan = AnnualPlan(year=year, doc_date=self.today(), purpose=DEFAULT_PURPOSE.format(year=year),
                          organisation=DEFAULT_ORGANISATION)
        plan.validate()
        with self.db.transaction():
            self.plans.insert(plan)
            previous = self.plan(copy_from) if copy_from else None
            if previous is not None:
                current = self.members.current(self.today())
                ids = {m.id for m in current}
                head = next((m.id for m in current if m.bloc_role == "head"), "")
                for n, old in enumerate(self.items(previous.id), start=1):
                    owner = old.owner_id if old.owner_id in ids else head
                    if not owner:
                        continue
                    self.items_repo.insert(PlanItem(
                        plan_id=plan.id, sort_order=n * 10, field=old.field, content=old.content, owner_id=owner,
                        village_ids=list(old.village_ids), months=list(old.months),
                        expected_result=old.expected_result))
        return plan

    def _editable(self, plan_id: str) -> AnnualPlan:
        plan = self.plans.get(plan_id)
        if plan.locked:
            raise RuleError(_("Kế hoạch năm {year} đã được Đảng ủy phê duyệt; nội dung không sửa được.").format(
                year=plan.year))
        return plan

    def save_plan(self, plan: AnnualPlan) -> AnnualPlan:
        current = self._editable(plan.id)
        plan.validate()
        plan.status, plan.content_hash, plan.number = current.status, current.content_hash, current.number
        return self.plans.update(plan)

    def save_item(self, item: PlanItem) -> PlanItem:
        item.validate()
        with self.db.transaction():
            self._editable(item.plan_id)
            member = self.members.find(item.owner_id)
            if member is None or member.deleted:
                raise RuleError(_("Thành viên phụ trách không có trong danh sách khối."), "owner_id")
            if self.items_repo.find(item.id) is None:
                existing = self.items(item.plan_id)
                item.sort_order = (max((i.sort_order for i in existing), default=0) + 10)
                return self.items_repo.insert(item)
            return self.items_repo.update(item)

    def delete_item(self, item_id: str) -> PlanItem:
        item = self.items_repo.get(item_id)
        self._editable(item.plan_id)
        return self.items_repo.soft_delete(item_id)

    # -- approval ---------------------------------------------------------------------------
    def approve(self, plan_id: str, decision: str, approved_on: dt.date) -> AnnualPlan:
        """The Đảng ủy approved the plan: number it (KH), record the decision and lock it."""
        decision = " ".join((decision or "").split())
        with self.db.transaction():
            plan = self._editable(plan_id)
            items = self.items(plan_id)
            if not items:
                raise RuleError(_("Kế hoạch chưa có nội dung nào; không trình phê duyệt được."))
            if not decision:
                raise RuleError(_("Hãy nhập số quyết định (hoặc văn bản) phê duyệt của Đảng ủy."), "approval_decision")
            if approved_on > self.today():
                raise RuleError(_("Ngày phê duyệt không được ở tương lai."), "approved_on")
            if plan.doc_date and approved_on < plan.doc_date:
                raise RuleError(_("Ngày phê duyệt trước ngày của kế hoạch ({date}).").format(
                    date=plan.doc_date.strftime("%d/%m/%Y")), "approved_on")
            day = plan.doc_date or approved_on
            plan.number = self.numbering.take(PLAN_TYPE, self.numbering.scope(day), PLAN_TABLE, plan.id,
                                              plan.number)
            self.numbering.issue(PLAN_TABLE, plan.id, _("Kế hoạch hoạt động năm {year}").format(year=plan.year))
            plan.approval_decision, plan.approved_on = decision, approved_on
            plan.status = PlanStatus.APPROVED.value
            plan.content_hash = _hash(plan, items)
            return self.plans.update(plan)

    # -- execution --------------------------------------------------------------------------
    def bring_due(self, on: dt.date | None = None) -> list:
        """Each approved plan's items become tasks when their month comes (once per item and month)."""
        on = on or self.today()
        made = []
        with self.db.transaction():
            for plan in self.plans.select("unit_code = ? AND status = 'approved' AND year <= ?",
                                          (self.db.unit_code, on.year)):
                number = self.printed_number(plan)
                for n, item in enumerate(self.items(plan.id), start=1):
                    if item.done_on is not None:
                        continue
                    given = len(item.task_ids)
                    for month in item.months:
                        key = f"{plan.year}-{month:02d}"
                        if key in item.task_ids or (plan.year, month) > (on.year, on.month):
                            continue
                        first, last = month_bounds(plan.year, month)
                        title = item.content.split("\n")[0]
                        task = self.tasks.create_task(
                            title=title if len(title) <= 200 else title[:197] + "…",
                            details=item.expected_result, category=task_category(item.field),
                            source_kind="plan",
                            source_ref=_("Kế hoạch {number} năm {year}, nội dung {n}").format(
                                number=number.replace("Số ", "số ").replace("Số: ", "số "), year=plan.year, n=n),
                            village_ids=item.village_ids, member_ids=[item.owner_id],
                            responsible_id=item.owner_id, start_date=first, due_date=last)
                        item.task_ids[key] = task.id
                        made.append(task)
                    if len(item.task_ids) != given:     # nothing written (no new stamp, no audit) when nothing is due
                        self.items_repo.update(item)
        return made

    def record_done(self, item_id: str, done_on: dt.date, result: str = "") -> PlanItem:
        """The item is carried out (allowed on an approved plan: that is execution, not content)."""
        item = self.items_repo.get(item_id)
        if done_on > self.today():
            raise RuleError(_("Ngày hoàn thành không được ở tương lai."), "done_on")
        item.done_on, item.result = done_on, result
        item.validate()
        return self.items_repo.update(item)

    def progress(self, plan_id: str, on: dt.date | None = None) -> list[ItemProgress]:
        on = on or self.today()
        plan = self.plans.get(plan_id)
        items = self.items(plan_id)
        days = task_done_days(self.db, [tid for item in items for tid in item.task_ids.values()])
        result = []
        for item in items:
            tasks = [tid for tid in item.task_ids.values() if tid in days]
            done = [dt.date.fromisoformat(days[tid]) for tid in tasks if days[tid] and days[tid] <= on.isoformat()]
            done_on = item.done_on if item.done_on and item.done_on <= on else None
            if done_on is None and len(done) == len(item.months) and done:
                done_on = max(done)
            if done_on is not None:
                state = TaskStatus.DONE
            elif (plan.year, max(item.months)) < (on.year, on.month):
                state = TaskStatus.OVERDUE
            elif tasks:
                state = TaskStatus.IN_PROGRESS
            else:
                state = TaskStatus.NOT_STARTED
            result.append(ItemProgress(item, state, done_on, len(tasks), len(done)))
        return result

    def completion(self, year: int, on: dt.date | None = None) -> tuple[int, int]:
        """(items done, items) of the year's plan as it stood on `on`; (0, 0) without a plan."""
        plan = self.plan(year)
        if plan is None:
            return 0, 0
        rows = self.progress(plan.id, on)
        return sum(1 for r in rows if r.state is TaskStatus.DONE), len(rows)

    def completion_sentence(self, period, on: dt.date | None = None) -> str:
        """For a quarter, six-month, nine-month or year report: how far the year's plan is carried out
        by the period's end ('' for a month, or without an approved plan)."""
        from danvan_desktop.domain.formats import percent
        from danvan_desktop.domain.periods import Period, PeriodKind
        period = Period.parse(period) if isinstance(period, str) else period
        plan = self.plan(period.year)
        if period.kind is PeriodKind.MONTH or plan is None or not plan.locked:
            return ""
        done, total = self.completion(period.year, min(period.end, on or self.today()))
        if not total:
            return ""
        return _("Thực hiện Kế hoạch hoạt động năm {year} của Khối dân vận (được Đảng ủy phê duyệt tại {decision}): "
                 "đã hoàn thành {done}/{total} nội dung, đạt {pct}.").format(
            year=period.year, decision=plan.approval_decision, done=f"{done:02d}", total=f"{total:02d}",
            pct=percent(done / total))
