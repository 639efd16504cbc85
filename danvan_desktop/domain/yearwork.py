"""The year's work (Kết luận 862-KL/TU): the bloc's annual plan and its items, training sessions,
and the register of incoming and outgoing documents. Pure values and their rules.

A plan is drafted, approved by the Đảng ủy (decision number and date) and then locked: its items
no longer change, only their execution is recorded (done on, result).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from dataclasses import field as _field
from enum import Enum

from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.records import Record, RuleError
from danvan_desktop.domain.text import clean, clean_multiline

# Fields (lĩnh vực) of a plan item, in the order the printed plan groups them; each maps to a task category.
PLAN_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("leadership", N_("Công tác lãnh đạo, chỉ đạo và quán triệt"), "propaganda"),
    ("propaganda", N_("Tuyên truyền, vận động Nhân dân"), "propaganda"),
    ("situation", N_("Nắm tình hình Nhân dân"), "situation"),
    ("government", N_("Dân vận chính quyền"), "mobilisation"),
    ("dvk", N_("Phong trào thi đua “Dân vận khéo”"), "mobilisation"),
    ("teams", N_("Xây dựng tổ dân vận thôn"), "mobilisation"),
    ("training", N_("Tập huấn, bồi dưỡng nghiệp vụ"), "other"),
    ("inspection", N_("Kiểm tra, giám sát, sơ kết, tổng kết"), "other"),
    ("other", N_("Nhiệm vụ khác"), "other"),
)
FIELD_CODES = tuple(code for code, _n, _c in PLAN_FIELDS)


def field_label(code: str) -> str:
    for key, name, _cat in PLAN_FIELDS:
        if key == code:
            return _(name)
    return code


def task_category(field_code: str) -> str:
    return next((cat for key, _n, cat in PLAN_FIELDS if key == field_code), "other")


class PlanStatus(str, Enum):
    DRAFT = "draft"
    APPROVED = "approved"

    @property
    def label(self) -> str:
        return _(PLAN_STATUS_LABELS[self])


PLAN_STATUS_LABELS = {PlanStatus.DRAFT: N_("Dự thảo"), PlanStatus.APPROVED: N_("Đã phê duyệt")}


@dataclass
class AnnualPlan(Record):
    year: int = 0
    number: int | None = None          # from the number register (type KH), given at approval
    doc_date: dt.date | None = None    # the date line of the plan
    purpose: str = ""                  # I- MỤC ĐÍCH, YÊU CẦU (one paragraph a line)
    organisation: str = ""             # III- TỔ CHỨC THỰC HIỆN
    status: str = PlanStatus.DRAFT.value
    approval_decision: str = ""        # "Quyết định số 25-QĐ/ĐU"
    approved_on: dt.date | None = None
    content_hash: str = ""             # set when approved: the plan is locked

    @property
    def locked(self) -> bool:
        return bool(self.content_hash)

    def validate(self) -> None:
        self.purpose = clean_multiline(self.purpose)
        self.organisation = clean_multiline(self.organisation)
        self.approval_decision = clean(self.approval_decision)
        if not 2000 <= int(self.year or 0) <= 2100:
            raise RuleError(_("Năm của kế hoạch không hợp lệ."), "year")


@dataclass
class PlanItem(Record):
    plan_id: str = ""
    sort_order: int = 0
    field: str = "other"
    content: str = ""
    owner_id: str = ""                 # the bloc member in charge
    village_ids: list[str] = _field(default_factory=list)   # empty: the whole commune
    months: list[int] = _field(default_factory=list)
    expected_result: str = ""
    done_on: dt.date | None = None     # execution: recorded after approval too
    result: str = ""
    task_ids: dict[str, str] = _field(default_factory=dict)  # "2027-03" -> the task made for that month

    def validate(self) -> None:
        self.content = clean_multiline(self.content)
        self.expected_result = clean_multiline(self.expected_result)
        self.result = clean_multiline(self.result)
        if not self.content:
            raise RuleError(_("Nội dung công việc không được để trống."), "content")
        if self.field not in FIELD_CODES:
            raise RuleError(_("Lĩnh vực không hợp lệ."), "field")
        if not self.owner_id:
            raise RuleError(_("Hãy chọn thành viên khối phụ trách."), "owner_id")
        months = sorted({int(m) for m in self.months})
        if not months:
            raise RuleError(_("Hãy chọn ít nhất một tháng thực hiện."), "months")
        if months[0] < 1 or months[-1] > 12:
            raise RuleError(_("Tháng thực hiện phải từ 1 đến 12."), "months")
        self.months = months


def months_text(months: list[int]) -> str:
    """'Tháng 3, 6, 9' or 'Cả năm' or 'Quý I' style compact text for the printed plan."""
    months = sorted(set(months))
    if months == list(range(1, 13)):
        return _("Hằng tháng")
    if len(months) > 2 and months == list(range(months[0], months[-1] + 1)):
        return _("Tháng {first}–{last}").format(first=months[0], last=months[-1])
    return _("Tháng {months}").format(months=", ".join(str(m) for m in months))


@dataclass
class Training(Record):
    """One training session: when, by whom, on what, and who attended (bloc and team members)."""
    held_on: dt.date | None = None
    topic: str = ""
    organiser: str = ""                # "Ban Dân vận Tỉnh ủy", "Đảng ủy xã"
    place: str = ""
    member_ids: list[str] = _field(default_factory=list)        # bloc members
    team_member_ids: list[str] = _field(default_factory=list)   # village team members
    note: str = ""

    def validate(self, today: dt.date) -> None:
        self.topic = clean(self.topic)
        self.organiser = clean(self.organiser)
        self.place = clean(self.place)
        self.note = clean_multiline(self.note)
        if self.held_on is None:
            raise RuleError(_("Hãy nhập ngày tập huấn."), "held_on")
        if self.held_on > today:
            raise RuleError(_("Ngày tập huấn không được ở tương lai."), "held_on")
        if not self.topic:
            raise RuleError(_("Nội dung tập huấn không được để trống."), "topic")
        if not self.organiser:
            raise RuleError(_("Hãy nhập đơn vị tổ chức tập huấn."), "organiser")
        if not self.member_ids and not self.team_member_ids:
            raise RuleError(_("Hãy chọn người được tập huấn."), "member_ids")


class Direction(str, Enum):
    INCOMING = "in"
    OUTGOING = "out"

    @property
    def label(self) -> str:
        return _(DIRECTION_LABELS[self])


DIRECTION_LABELS = {Direction.INCOMING: N_("Văn bản đến"), Direction.OUTGOING: N_("Văn bản đi")}


@dataclass
class RegisteredDocument(Record):
    """A line of the register: a directive received, or a document the bloc sent out."""
    direction: str = Direction.INCOMING.value
    number: str = ""                   # "18/CT-UBND", "862-KL/TU"
    doc_date: dt.date | None = None
    received_on: dt.date | None = None
    issuer: str = ""                   # "Ban Thường vụ Tỉnh ủy Thanh Hóa"
    kind: str = ""                     # "Kết luận", "Chỉ thị", "Kế hoạch", "Báo cáo" …
    subject: str = ""
    file_path: str = ""
    note: str = ""

    def validate(self, today: dt.date) -> None:
        for name in ("number", "issuer", "kind", "subject", "file_path"):
            setattr(self, name, clean(getattr(self, name)))
        self.note = clean_multiline(self.note)
        if self.direction not in {d.value for d in Direction}:
            raise RuleError(_("Loại văn bản (đến/đi) không hợp lệ."), "direction")
        if not self.number:
            raise RuleError(_("Số, ký hiệu văn bản không được để trống."), "number")
        if self.doc_date is None:
            raise RuleError(_("Hãy nhập ngày ban hành."), "doc_date")
        if self.doc_date > today:
            raise RuleError(_("Ngày ban hành không được ở tương lai."), "doc_date")
        if self.received_on and self.received_on < self.doc_date:
            raise RuleError(_("Ngày nhận trước ngày ban hành."), "received_on")
        if not self.subject:
            raise RuleError(_("Trích yếu văn bản không được để trống."), "subject")
        if self.direction == Direction.INCOMING.value and not self.issuer:
            raise RuleError(_("Hãy nhập cơ quan ban hành."), "issuer")

    def citation(self) -> str:
        """'Kết luận số 862-KL/TU ngày 01/8/2022 của Ban Thường vụ Tỉnh ủy' as a report cites it."""
        kind = self.kind or _("Văn bản")
        text = _("{kind} số {number}").format(kind=kind, number=self.number)
        if self.doc_date:
            text += " " + _("ngày {date}").format(date=party_short_date(self.doc_date))
        if self.issuer:
            text += " " + _("của {issuer}").format(issuer=self.issuer)
        return text


def party_short_date(day: dt.date) -> str:
    """'01/8/2022': leading zero for days 1–9 and months 1–2 only, as Party documents write dates."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"
