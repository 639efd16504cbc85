"""Meetings and minutes: plan, mark attendance, take the minutes, finalise (lock), correct as a new version.

Each part saves on its own (the header, one attendance line, one agenda item, one item's
conclusions), so a screen can autosave while the secretary types and a bad date never blocks the
minutes text. Finalising checks everything at once and names each problem.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.meetings import (
    BRIEFING_PERIOD,
    AgendaItem,
    AttendanceEntry,
    Conclusion,
    Meeting,
    MeetingKind,
    Presence,
    content_hash,
    reviewed_period,
)
from danvan_desktop.domain.members import BlocMember, BlocRole
from danvan_desktop.domain.records import RuleError, new_id
from danvan_desktop.domain.text import clean, clean_multiline, fold
from danvan_desktop.domain.today import now as vietnam_now
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.services.activity import logged
from danvan_desktop.services.meetings.briefing_check import BriefingCheck
from danvan_desktop.services.meetings.listing import MeetingListing
from danvan_desktop.store.database import Database
from danvan_desktop.store.meetings import (
    AgendaRepository,
    AttendanceRepository,
    ConclusionRepository,
    MeetingRepository,
)
from danvan_desktop.store.members import MemberRepository
from danvan_desktop.store.posts import PostRepository

DEFAULT_START = "08:00"


@dataclass
class MeetingBundle:
    meeting: Meeting
    attendance: list[AttendanceEntry]
    items: list[AgendaItem]
    conclusions: list[Conclusion]

    def conclusions_of(self, item_id: str) -> list[Conclusion]:
        return [c for c in self.conclusions if c.agenda_item_id == item_id]


@dataclass(frozen=True)
class Problem:
    field: str
    message: str


class MeetingService(BriefingCheck, MeetingListing):
    def __init__(self, db: Database, today=vietnam_today) -> None:
        self.db = db
        self.today = today
        self.meetings = MeetingRepository(db)
        self.attendance_repo = AttendanceRepository(db)
        self.items_repo = AgendaRepository(db)
        self.conclusions_repo = ConclusionRepository(db)
        self.members = MemberRepository(db)
        self.posts = PostRepository(db)

    # -- reading ----------------------------------------------------------------------------
    def get(self, meeting_id: str) -> Meeting:
        return self.meetings.get(meeting_id)

    def bundle(self, meeting_id: str) -> MeetingBundle:
        return MeetingBundle(self.get(meeting_id), self.attendance_repo.of(meeting_id),
                             self.items_repo.of(meeting_id), self.conclusions_repo.of(meeting_id))

    def attendance(self, meeting_id: str) -> list[AttendanceEntry]:
        return self.attendance_repo.of(meeting_id)

    def attendance_of(self, meeting_ids: list[str]) -> dict[str, list[AttendanceEntry]]:
        return self.attendance_repo.of_meetings(meeting_ids)

    def items(self, meeting_id: str) -> list[AgendaItem]:
        return self.items_repo.of(meeting_id)

    def conclusions(self, meeting_id: str) -> list[Conclusion]:
        return self.conclusions_repo.of(meeting_id)

    def versions(self, meeting_id: str) -> list[Meeting]:
        meeting = self.get(meeting_id)
        return self.meetings.versions(meeting.series_id or meeting.id)

    def successor(self, meeting_id: str) -> Meeting | None:
        return self.meetings.successor(meeting_id)

    def latest(self) -> Meeting | None:
        found = self.list(limit=1)
        return found[0] if found else None

    def post_name(self, code: str) -> str:
        return _(self.posts.names().get(code, code))

    def member_post(self, member: BlocMember) -> str:
        """'Phó Bí thư Thường trực Đảng ủy, Trưởng Khối dân vận' as a biên bản names a person."""
        post = self.post_name(member.post_code)
        if member.bloc_role == BlocRole.HEAD.value:
            return _("{post}, Trưởng Khối dân vận").format(post=post)
        if member.bloc_role == BlocRole.DEPUTY.value:
            return _("{post}, Phó Trưởng Khối dân vận").format(post=post)
        return post

    # -- creating and editing ---------------------------------------------------------------
    def create(self, kind: str = MeetingKind.MONTHLY.value, meeting_date: dt.date | None = None,
               period: str | None = None, **fields) -> Meeting:
        """A new draft with sensible defaults and an attendance line for every member current on the day."""
        day = meeting_date or self.today()
        kind_enum = MeetingKind(kind)
        if period is None and kind_enum in BRIEFING_PERIOD:
            period = reviewed_period(kind_enum, day).code
        previous = self.latest()
        current = self.members.current(day)
        head = next((m for m in current if m.bloc_role == BlocRole.HEAD.value), None)
        secretary = self._likely_secretary(current)
        meeting = Meeting(kind=kind, meeting_date=day, period=period or "",
                          start_time=previous.start_time if previous and previous.start_time else DEFAULT_START,
                          place=previous.place if previous else "", **fields)
        if head and "chair_id" not in fields:
            meeting.chair_id = head.id
        if secretary and "secretary_id" not in fields:
            meeting.secretary_id = secretary.id
        meeting.series_id = meeting.id
        with self.db.transaction():
            meeting.check_date(self.today())
            self._fill_people(meeting)
            meeting.normalise()
            self.meetings.insert(meeting)
            self._sync_attendance(meeting)
            self.add_item(meeting.id)
        return meeting

    def _likely_secretary(self, current: list[BlocMember]) -> BlocMember | None:
        user = fold(self.db.actor or "")
        for member in current:
            if user and fold(member.full_name) == user:
                return member
        return next((m for m in current if m.post_code == "cb_ct"), None)

    def _fill_people(self, meeting: Meeting) -> None:
        """Copy the chair's and secretary's names and posts as they are today (the minute keeps them)."""
        for role in ("chair", "secretary"):
            member_id = getattr(meeting, f"{role}_id")
            if member_id:
                member = self.members.find(member_id)
                if member is None:
                    setattr(meeting, f"{role}_id", "")
                    continue
                setattr(meeting, f"{role}_name", member.full_name)
                setattr(meeting, f"{role}_post", self.member_post(member))

    def _require_editable(self, meeting: Meeting) -> None:
        if meeting.locked:
            raise RuleError(_("Biên bản này đã hoàn thành và được khóa; muốn sửa hãy tạo bản sửa đổi."))
        if meeting.deleted:
            raise RuleError(_("Cuộc họp này đã bị xóa."))

    def save(self, meeting: Meeting) -> Meeting:
        """Save the header (kind, period, date, times, place, people, guests)."""
        with self.db.transaction():
            stored = self.get(meeting.id)
            self._require_editable(stored)
            meeting.content_hash = None
            meeting.series_id = stored.series_id or stored.id
            meeting.version, meeting.previous_id = stored.version, stored.previous_id
            meeting.normalise()
            meeting.check_date(self.today())
            self._fill_people(meeting)
            saved = self.meetings.update(meeting)
            if stored.meeting_date != saved.meeting_date:
                self._sync_attendance(saved)
            return saved

    def delete(self, meeting_id: str) -> Meeting:
        meeting = self.get(meeting_id)
        self._require_editable(meeting)
        return self.meetings.soft_delete(meeting_id)

    def restore(self, meeting_id: str) -> Meeting:
        return self.meetings.restore(meeting_id)

    # -- attendance -------------------------------------------------------------------------
    def _sync_attendance(self, meeting: Meeting) -> None:
        """Add a line for each member current on the meeting day who has none (present by default)."""
        if meeting.meeting_date is None:
            return
        existing = {e.member_id for e in self.attendance_repo.of(meeting.id)}
        order = len(existing)
        for member in self.members.current(meeting.meeting_date):
            if member.id in existing:
                continue
            order += 1
            self.attendance_repo.insert(AttendanceEntry(
                meeting_id=meeting.id, member_id=member.id, member_name=member.full_name,
                member_post=self.post_name(member.post_code), status=Presence.PRESENT.value, sort_order=order))

    def set_attendance(self, meeting_id: str, member_id: str, status: str, reason: str = "") -> AttendanceEntry:
        with self.db.transaction():
            meeting = self.get(meeting_id)
            self._require_editable(meeting)
            try:
                presence = Presence(status)
            except ValueError as exc:
                raise RuleError(_("Trạng thái điểm danh không hợp lệ."), "status") from exc
            member = self.members.find(member_id)
            if member is None or member.deleted:
                raise RuleError(_("Không tìm thấy thành viên này trong danh sách khối."), "member_id")
            day = meeting.meeting_date or self.today()
            if not member.is_current(day):
                raise RuleError(_("Đồng chí {name} không phải thành viên khối vào ngày {date}; không thể điểm danh.")
                                .format(name=member.full_name, date=day.strftime("%d/%m/%Y")), "member_id")
            reason = clean(reason) if presence in (Presence.EXCUSED, Presence.LATE) else ""
            entry = next((e for e in self.attendance_repo.of(meeting_id) if e.member_id == member_id), None)
            if entry is None:
                entry = AttendanceEntry(meeting_id=meeting_id, member_id=member_id, member_name=member.full_name,
                                        member_post=self.post_name(member.post_code), status=presence.value,
                                        reason=reason, sort_order=len(self.attendance_repo.of(meeting_id)) + 1)
                return self.attendance_repo.insert(entry)
            entry.status, entry.reason = presence.value, reason
            return self.attendance_repo.update(entry)

    def remove_attendance(self, meeting_id: str, entry_id: str) -> None:
        """Drop a line (someone who was not a member on the day, after the date changed)."""
        with self.db.transaction():
            self._require_editable(self.get(meeting_id))
            self.attendance_repo.soft_delete(entry_id)

    # -- agenda items -----------------------------------------------------------------------
    def add_item(self, meeting_id: str, title: str = "", after_position: int | None = None) -> AgendaItem:
        with self.db.transaction():
            self._require_editable(self.get(meeting_id))
            items = self.items_repo.of(meeting_id)
            position = (after_position + 1) if after_position is not None else len(items) + 1
            for item in items:
                if item.position >= position:
                    item.position += 1
                    self.items_repo.update(item)
            return self.items_repo.insert(AgendaItem(meeting_id=meeting_id, position=position, title=clean(title)))

    def save_item(self, item: AgendaItem) -> AgendaItem:
        with self.db.transaction():
            self._require_editable(self.get(item.meeting_id))
            stored = self.items_repo.get(item.id)
            item.position = stored.position
            item.title = clean(item.title)
            item.presenter = clean(item.presenter)
            item.discussion = clean_multiline(item.discussion)
            return self.items_repo.update(item)

    def delete_item(self, item_id: str) -> None:
        with self.db.transaction():
            item = self.items_repo.get(item_id)
            self._require_editable(self.get(item.meeting_id))
            for conclusion in self.conclusions_repo.of_item(item_id):
                self.conclusions_repo.soft_delete(conclusion.id)
            self.items_repo.soft_delete(item_id)
            self._renumber(item.meeting_id)

    def restore_item(self, item_id: str) -> None:
        with self.db.transaction():
            item = self.items_repo.get(item_id)
            self._require_editable(self.get(item.meeting_id))
            self.items_repo.restore(item_id)
            for conclusion in self.conclusions_repo.select("agenda_item_id = ?", (item_id,), include_deleted=True):
                if conclusion.deleted:
                    self.conclusions_repo.restore(conclusion.id)
            self._renumber(item.meeting_id)

    def move_item(self, item_id: str, delta: int) -> None:
        with self.db.transaction():
            item = self.items_repo.get(item_id)
            self._require_editable(self.get(item.meeting_id))
            items = self.items_repo.of(item.meeting_id)
            index = next(i for i, it in enumerate(items) if it.id == item_id)
            target = min(max(index + delta, 0), len(items) - 1)
            items.insert(target, items.pop(index))
            for position, it in enumerate(items, start=1):
                if it.position != position:
                    it.position = position
                    self.items_repo.update(it)

    def _renumber(self, meeting_id: str) -> None:
        for position, item in enumerate(self.items_repo.of(meeting_id), start=1):
            if item.position != position:
                item.position = position
                self.items_repo.update(item)

    # -- conclusions ------------------------------------------------------------------------
    def set_conclusions(self, item_id: str, text: str) -> list[Conclusion]:
        """One conclusion a line. Lines kept or lightly edited keep their row (and the task made from it)."""
        lines = [clean(line).lstrip("-•+* ").strip() for line in clean_multiline(text).split("\n")]
        lines = [line for line in lines if line]
        with self.db.transaction():
            item = self.items_repo.get(item_id)
            self._require_editable(self.get(item.meeting_id))
            rows = self.conclusions_repo.of_item(item_id)
            old = [r.text for r in rows]
            result: list[Conclusion] = []
            matcher = difflib.SequenceMatcher(a=old, b=lines, autojunk=False)
            for tag, a0, a1, b0, b1 in matcher.get_opcodes():
                if tag == "equal":
                    result += rows[a0:a1]
                    continue
                kept = rows[a0:a1]
                for offset, line in enumerate(lines[b0:b1]):
                    if offset < len(kept):          # an edited line keeps its row
                        row = kept[offset]
                        row.text = line
                        result.append(row)
                    else:
                        result.append(Conclusion(meeting_id=item.meeting_id, agenda_item_id=item_id, text=line))
                for row in kept[b1 - b0:]:
                    self.conclusions_repo.soft_delete(row.id)
            stored_ids = {r.id for r in rows}
            for position, row in enumerate(result, start=1):
                row.position = position
                if row.id in stored_ids:
                    self.conclusions_repo.update(row)
                else:
                    self.conclusions_repo.insert(row)
            return result

    def link_task(self, conclusion_id: str, task_id: str) -> Conclusion:
        """Record the task made from a conclusion; allowed on a finalised minute (not part of its text)."""
        with self.db.transaction():
            conclusion = self.conclusions_repo.get(conclusion_id)
            conclusion.task_id = task_id
            return self.conclusions_repo.update(conclusion)

    # -- finalising -------------------------------------------------------------------------
    def problems(self, meeting_id: str) -> list[Problem]:
        """Everything that stops this minute being finalised, each said plainly."""
        b = self.bundle(meeting_id)
        m = b.meeting
        found: list[Problem] = []
        if m.meeting_date is None:
            found.append(Problem("meeting_date", _("Chưa nhập ngày họp.")))
        else:
            try:
                m.check_date(self.today())
            except RuleError as exc:
                found.append(Problem("meeting_date", str(exc)))
            if m.meeting_date > self.today():
                found.append(Problem("meeting_date", _("Cuộc họp chưa diễn ra (ngày {date}); chưa thể hoàn thành "
                                                       "biên bản.").format(date=m.meeting_date.strftime("%d/%m/%Y"))))
        if not m.chair_name:
            found.append(Problem("chair_id", _("Chưa chọn người chủ trì; không thể hoàn thành biên bản.")))
        if not m.secretary_name:
            found.append(Problem("secretary_id", _("Chưa chọn người ghi biên bản (thư ký); không thể hoàn thành "
                                                   "biên bản.")))
        if not m.start_time:
            found.append(Problem("start_time", _("Chưa nhập giờ bắt đầu.")))
        if not m.end_time:
            found.append(Problem("end_time", _("Chưa nhập giờ kết thúc hội nghị.")))
        elif m.start_time and m.end_time <= m.start_time:
            found.append(Problem("end_time", _("Giờ kết thúc ({end}) phải sau giờ bắt đầu ({start}).").format(
                end=m.end_time, start=m.start_time)))
        if not m.place:
            found.append(Problem("place", _("Chưa nhập địa điểm họp.")))
        by_member = {e.member_id: e for e in b.attendance}
        for role, label in (("chair", _("Người chủ trì")), ("secretary", _("Người ghi biên bản"))):
            entry = by_member.get(getattr(m, f"{role}_id"))
            if entry is not None and not entry.presence.attended:
                found.append(Problem(f"{role}_id", _("{role} (đồng chí {name}) được điểm danh vắng mặt; hãy sửa điểm "
                                                     "danh hoặc chọn người khác.").format(role=label,
                                                                                        name=entry.member_name)))
        day = m.meeting_date or self.today()
        for entry in b.attendance:
            member = self.members.find(entry.member_id)
            if member is None or not member.is_current(day):
                found.append(Problem("attendance", _("Đồng chí {name} không phải thành viên khối vào ngày họp; hãy "
                                                     "bỏ khỏi danh sách điểm danh.").format(name=entry.member_name)))
            if entry.status == Presence.EXCUSED.value and not entry.reason:
                found.append(Problem("attendance", _("Đồng chí {name} vắng có lý do nhưng chưa ghi lý do.").format(
                    name=entry.member_name)))
        if not b.attendance:
            found.append(Problem("attendance", _("Chưa có danh sách điểm danh.")))
        if not b.items:
            found.append(Problem("items", _("Chưa có nội dung họp nào.")))
        for item in b.items:
            if not item.title and (item.discussion or b.conclusions_of(item.id)):
                found.append(Problem("items", _("Nội dung thứ {n} chưa có tên.").format(n=item.position)))
            elif item.title and not item.has_content():
                found.append(Problem("items", _("Nội dung «{title}» chưa ghi diễn biến (ai báo cáo, ai phát biểu).")
                                     .format(title=item.title)))
            elif not item.title and not item.discussion:
                found.append(Problem("items", _("Nội dung thứ {n} còn trống; hãy ghi hoặc xóa.").format(
                    n=item.position)))
        return found

    @logged("finalise minutes of meeting")
    def finalise(self, meeting_id: str) -> Meeting:
        """Lock the minute: its number is given if empty, its content hash stored."""
        with self.db.transaction():
            meeting = self.get(meeting_id)
            self._require_editable(meeting)
            found = self.problems(meeting_id)
            if found:
                raise RuleError("\n".join(p.message for p in found), found[0].field)
            self._number(meeting)
            b = self.bundle(meeting_id)
            meeting.finalised_at = vietnam_now().isoformat(timespec="seconds")
            meeting.finalised_by = self.db.actor or ""
            meeting.content_hash = content_hash(meeting, b.attendance, b.items, b.conclusions)
            return self.meetings.update(meeting, action="update")

    def verify(self, meeting_id: str) -> bool:
        """True when a locked minute still has the content its hash was made from."""
        b = self.bundle(meeting_id)
        if not b.meeting.content_hash:
            return True
        return content_hash(b.meeting, b.attendance, b.items, b.conclusions) == b.meeting.content_hash

    def new_version(self, meeting_id: str) -> Meeting:
        """A correctable copy of a locked minute; the locked one stays as it was."""
        with self.db.transaction():
            source = self.get(meeting_id)
            if not source.locked:
                raise RuleError(_("Biên bản chưa hoàn thành; cứ sửa trực tiếp, không cần tạo bản sửa đổi."))
            newer = self.successor(meeting_id)
            if newer is not None:
                raise RuleError(_("Biên bản này đã có bản sửa đổi (lần {n}); hãy sửa bản đó.").format(n=newer.version))
            b = self.bundle(meeting_id)
            copy = Meeting(**{k: v for k, v in source.__dict__.items()
                              if k not in ("id", "created_at", "updated_at", "updated_by", "origin", "unit_code")})
            copy.id = new_id()
            copy.series_id = source.series_id or source.id
            copy.version = source.version + 1
            copy.previous_id = source.id
            copy.content_hash, copy.finalised_at, copy.finalised_by = None, "", ""
            self.meetings.insert(copy)
            item_map: dict[str, str] = {}
            for entry in b.attendance:
                self.attendance_repo.insert(AttendanceEntry(**{**self._content(entry), "meeting_id": copy.id}))
            for item in b.items:
                clone = AgendaItem(**{**self._content(item), "meeting_id": copy.id})
                item_map[item.id] = clone.id
                self.items_repo.insert(clone)
            for conclusion in b.conclusions:
                self.conclusions_repo.insert(Conclusion(**{**self._content(conclusion), "meeting_id": copy.id,
                                                           "agenda_item_id": item_map.get(conclusion.agenda_item_id,
                                                                                          "")}))
            return copy

    @staticmethod
    def _content(record) -> dict:
        return {k: getattr(record, k) for k in record.content_fields()}

    def _number(self, meeting: Meeting) -> None:
        """'Số 07-BB/DV' from the unit's register (per Party term, or per year in the State layout).

        A correction keeps its minute's number; a number typed by hand must be free and leave no gap.
        """
        from danvan_desktop.services.documents.numbering import NumberingService

        if meeting.version > 1 and meeting.number is not None:
            return
        numbering = NumberingService(self.db)
        scope = numbering.scope(meeting.meeting_date or self.today())
        holder = meeting.series_id or meeting.id
        meeting.number = numbering.take("BB", scope, "meetings", holder, wanted=meeting.number)
        numbering.issue("meetings", holder, note=meeting.display_name())
