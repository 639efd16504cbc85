"""Meetings (giao ban, chuyên đề …), their attendance, agenda items with minutes, and conclusions.

A meeting is a draft until it is finalised: then its content hash is stored and it is locked;
a correction is a new version (same series, version + 1, `previous_id` the locked one) and both
stay readable. The hash covers what the biên bản prints, so a changed word changes the hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field

from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.labels import LabelledEnum
from danvan_desktop.domain.periods import Period, PeriodKind
from danvan_desktop.domain.records import Record, RuleError
from danvan_desktop.domain.text import clean, clean_multiline


class MeetingKind(LabelledEnum):
    MONTHLY = "monthly", N_("Giao ban tháng")
    QUARTERLY = "quarterly", N_("Giao ban quý")
    HALF_YEAR = "half", N_("Giao ban 6 tháng")
    ANNUAL = "annual", N_("Giao ban năm")
    THEMATIC = "thematic", N_("Họp chuyên đề")
    AD_HOC = "ad_hoc", N_("Họp đột xuất")
    VILLAGE_TEAMS = "village_teams", N_("Họp với tổ dân vận")


    @property
    def is_briefing(self) -> bool:
        return self in BRIEFING_PERIOD


# The period a briefing covers; other kinds take the month they are held in.
BRIEFING_PERIOD = {
    MeetingKind.MONTHLY: PeriodKind.MONTH,
    MeetingKind.QUARTERLY: PeriodKind.QUARTER,
    MeetingKind.HALF_YEAR: PeriodKind.HALF,
    MeetingKind.ANNUAL: PeriodKind.YEAR,
}
EARLY_DAYS = 10     # a briefing held in the first days of a period reviews the period before


def reviewed_period(kind: MeetingKind, day: dt.date) -> Period:
    """The period a briefing reviews: the one it is held in, or the one before when it is held in the first
    ten days (the monthly briefing of 02/12 reviews November and sets December's tasks)."""
    period = Period.containing(day, BRIEFING_PERIOD.get(kind, PeriodKind.MONTH))
    return period.previous() if (day - period.start).days < EARLY_DAYS else period

# How the meeting is named on the biên bản ("BIÊN BẢN / hội nghị giao ban … tháng 10 năm 2026").
SUBJECT_PATTERNS = {
    MeetingKind.MONTHLY: N_("hội nghị giao ban Khối dân vận {period}"),
    MeetingKind.QUARTERLY: N_("hội nghị giao ban Khối dân vận {period}"),
    MeetingKind.HALF_YEAR: N_("hội nghị sơ kết công tác dân vận {period}"),
    MeetingKind.ANNUAL: N_("hội nghị tổng kết công tác dân vận {period}"),
    MeetingKind.THEMATIC: N_("hội nghị chuyên đề {title}"),
    MeetingKind.AD_HOC: N_("cuộc họp đột xuất {title}"),
    MeetingKind.VILLAGE_TEAMS: N_("hội nghị Khối dân vận với các tổ dân vận thôn {period}"),
}


class Presence(LabelledEnum):
    PRESENT = "present", N_("Có mặt")
    EXCUSED = "excused", N_("Vắng có lý do")          # vắng có lý do
    UNEXCUSED = "unexcused", N_("Vắng không lý do")      # vắng không lý do
    LATE = "late", N_("Đến muộn")                # đến muộn (counted as present)


    @property
    def attended(self) -> bool:
        return self in (Presence.PRESENT, Presence.LATE)


_TIME = re.compile(r"^([01]?\d|2[0-3])[:hg.]([0-5]\d)?$")
FAR_FUTURE_DAYS = 366


def parse_time(text: str) -> str:
    """'8', '8h', '8:00', '08h30', '8.30' → '08:00' / '08:30'; '' stays ''; else RuleError."""
    raw = clean(text).lower().replace(" ", "").replace("giờ", ":").replace("phút", "")
    if not raw:
        return ""
    if raw.isdigit() and len(raw) <= 2:
        raw += ":"
    if raw.isdigit() and len(raw) in (3, 4):
        raw = raw[:-2] + ":" + raw[-2:]
    match = _TIME.match(raw)
    if not match:
        raise RuleError(_("Giờ «{text}» không hợp lệ; hãy viết dạng 08:00 hoặc 8h30.").format(text=text))
    return f"{int(match.group(1)):02d}:{match.group(2) or '00'}"


def spoken_time(hhmm: str) -> str:
    """'08:30' → '08 giờ 30' (as biên bản write 'vào hồi 08 giờ 30')."""
    if not hhmm:
        return "…"
    hours, minutes = hhmm.split(":")
    return _("{h} giờ {m}").format(h=hours, m=minutes)


@dataclass
class Guest:
    name: str = ""
    post: str = ""


@dataclass
class Meeting(Record):
    kind: str = MeetingKind.MONTHLY.value
    period: str = ""                      # '2026-10' for a monthly briefing …
    title: str = ""                       # the subject of a thematic/ad hoc meeting; optional otherwise
    meeting_date: dt.date | None = None
    start_time: str = ""                  # 'HH:MM'
    end_time: str = ""                    # the closing time
    place: str = ""
    chair_id: str = ""                    # a bloc member, or empty with a typed name (e.g. the Party secretary)
    chair_name: str = ""
    chair_post: str = ""
    secretary_id: str = ""
    secretary_name: str = ""
    secretary_post: str = ""
    guests: list[dict] = field(default_factory=list)   # [{"name": …, "post": …}]
    documents: str = ""                   # documents used at the meeting
    number: int | None = None             # 'Số 07-BB/DV'
    series_id: str = ""                   # the first version's id; every version of one minute shares it
    version: int = 1
    previous_id: str = ""                 # the locked version this one corrects
    content_hash: str | None = None       # set when finalised: the row is then locked
    finalised_at: str = ""
    finalised_by: str = ""
    note: str = ""

    @property
    def kind_enum(self) -> MeetingKind:
        try:
            return MeetingKind(self.kind)
        except ValueError:
            return MeetingKind.AD_HOC

    @property
    def locked(self) -> bool:
        return bool(self.content_hash)

    def period_value(self) -> Period | None:
        if self.period:
            try:
                return Period.parse(self.period)
            except RuleError:
                return None
        return None

    def guest_list(self) -> list[Guest]:
        return [Guest(clean(g.get("name", "")), clean(g.get("post", ""))) for g in self.guests if g.get("name")]

    def subject(self) -> str:
        """'hội nghị giao ban Khối dân vận tháng 10 năm 2026'."""
        kind = self.kind_enum
        period = self.period_value()
        label = period.label() if period else (
            Period.containing(self.meeting_date).label() if self.meeting_date else "")
        if kind in (MeetingKind.THEMATIC, MeetingKind.AD_HOC):
            return _(SUBJECT_PATTERNS[kind]).format(title=self.title or label).strip()
        text = _(SUBJECT_PATTERNS[kind]).format(period=label).strip()
        return f"{text} — {self.title}" if self.title else text

    def display_name(self) -> str:
        """'Giao ban tháng 10 năm 2026', 'Giao ban quý IV năm 2026', 'Họp chuyên đề: …'."""
        period = self.period_value()
        kind = self.kind_enum
        if kind.is_briefing and period is not None:
            return _("Giao ban {period}").format(period=period.label())
        if self.title:
            return _("{kind}: {title}").format(kind=kind.label, title=self.title)
        if period is not None:
            return _("{kind} {period}").format(kind=kind.label, period=period.label())
        return kind.label

    def short_name(self) -> str:
        """'Giao ban T10/2026' for narrow lists."""
        period = self.period_value()
        if self.kind_enum is MeetingKind.MONTHLY and period is not None:
            return _("Giao ban T{m}/{y}").format(m=period.months[0], y=period.year)
        return self.display_name()

    def normalise(self) -> None:
        self.title = clean(self.title)
        self.place = clean(self.place)
        for attr in ("chair_name", "chair_post", "secretary_name", "secretary_post"):
            setattr(self, attr, clean(getattr(self, attr)))
        self.documents = clean_multiline(self.documents)
        self.note = clean_multiline(self.note)
        self.start_time = parse_time(self.start_time)
        self.end_time = parse_time(self.end_time)
        self.guests = [{"name": g.name, "post": g.post} for g in self.guest_list()]
        if self.kind not in {k.value for k in MeetingKind}:
            raise RuleError(_("Loại cuộc họp không hợp lệ."), "kind")
        if self.period:
            self.period = Period.parse(self.period).code
        if self.number is not None and self.number < 1:
            raise RuleError(_("Số biên bản phải từ 1 trở lên."), "number")

    def check_date(self, today: dt.date) -> None:
        if self.meeting_date is None:
            return
        if self.meeting_date > today + dt.timedelta(days=FAR_FUTURE_DAYS):
            raise RuleError(_("Ngày họp {date} quá xa trong tương lai; hãy kiểm tra lại năm.").format(
                date=self.meeting_date.strftime("%d/%m/%Y")), "meeting_date")
        if self.meeting_date.year < 2000:
            raise RuleError(_("Ngày họp {date} không hợp lệ; hãy kiểm tra lại năm.").format(
                date=self.meeting_date.strftime("%d/%m/%Y")), "meeting_date")


@dataclass
class AttendanceEntry(Record):
    meeting_id: str = ""
    member_id: str = ""
    member_name: str = ""                 # as on the meeting day (a later rename does not rewrite a minute)
    member_post: str = ""
    status: str = Presence.PRESENT.value
    reason: str = ""
    sort_order: int = 0

    @property
    def presence(self) -> Presence:
        return Presence(self.status)


@dataclass
class AgendaItem(Record):
    meeting_id: str = ""
    position: int = 0
    title: str = ""                       # "Đánh giá kết quả công tác dân vận tháng 10"
    presenter: str = ""                   # who reported it
    discussion: str = ""                  # what was reported and said: one speaker a line/paragraph

    def has_content(self) -> bool:
        return bool(self.discussion.strip())


@dataclass
class Conclusion(Record):
    meeting_id: str = ""
    agenda_item_id: str = ""
    position: int = 0
    text: str = ""
    task_id: str = ""                     # the task created from it ('Giao thành nhiệm vụ')


def attendance_counts(entries: list[AttendanceEntry]) -> tuple[int, int]:
    """(present, total): late arrivals count as present."""
    present = sum(1 for e in entries if e.presence.attended)
    return present, len(entries)


def attendance_summary(entries: list[AttendanceEntry]) -> str:
    """'Có mặt 9/10 đồng chí'."""
    present, total = attendance_counts(entries)
    return _("Có mặt {present}/{total} đồng chí").format(present=present, total=total)


def content_hash(meeting: Meeting, attendance: list[AttendanceEntry], items: list[AgendaItem],
                 conclusions: list[Conclusion]) -> str:
    """SHA-256 over what the biên bản says (not over stamps, task links or the lock itself)."""
    skip = {"id", "unit_code", "created_at", "updated_at", "updated_by", "origin", "deleted", "content_hash",
            "finalised_at", "finalised_by", "series_id", "version", "previous_id", "note"}
    head = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in meeting.__dict__.items() if k not in skip}
    item_pos = {item.id: item.position for item in items}
    payload = {
        "meeting": head,
        "attendance": [[e.member_id, e.member_name, e.member_post, e.status, e.reason]
                       for e in sorted(attendance, key=lambda e: (e.sort_order, e.member_name))],
        "items": [[i.position, i.title, i.presenter, i.discussion] for i in sorted(items, key=lambda i: i.position)],
        "conclusions": sorted([[item_pos.get(c.agenda_item_id, -1), c.position, c.text] for c in conclusions]),
    }
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
