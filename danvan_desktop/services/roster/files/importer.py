"""Import a roster file: a preview of every row (add, update, unchanged, skip, refuse — with the reason),
then, only when no row is refused, the same work for real in one transaction.

The preview *is* the import run inside a transaction that is always rolled back, so it judges each
row by exactly the rules the real import applies (one leader per team, one holder per post …),
rows before it included; nothing it does survives.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path

from danvan_desktop.domain.formats import number, parse_short_date
from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.members import BlocMember, BlocRole
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.teams import ROLE_WORDS, TeamMember, TeamRole, guess_role
from danvan_desktop.domain.text import fold
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.services.roster.files.headers import Header, find_header, match_field, normalise
from danvan_desktop.services.roster.files.sheet import read_rows
from danvan_desktop.services.roster.service import RosterService
from danvan_desktop.services.tasks.teams import TeamService
from danvan_desktop.store.database import Database

MAX_DATA_ROWS = 2000
ACTION_LABELS = {"add": N_("Thêm"), "update": N_("Cập nhật"), "unchanged": N_("Đã có"), "skip": N_("Bỏ qua"),
                 "refuse": N_("Từ chối")}
Progress = Generator[tuple[int, int, str], None, "ImportPreview"]


@dataclass
class RowOutcome:
    row: int                     # the row's number in the file
    action: str                  # add | update | unchanged | skip | refuse
    name: str = ""
    village: str = ""
    detail: str = ""             # the reason, or what changes

    @property
    def action_label(self) -> str:
        return _(ACTION_LABELS[self.action])


@dataclass
class ImportPreview:
    file_name: str
    teams: bool                  # village team members (True) or bloc members (False)
    header_row: int = 0
    columns: dict[str, str] = field(default_factory=dict)
    outcomes: list[RowOutcome] = field(default_factory=list)
    file_error: str = ""
    applied: bool = False

    def count(self, action: str) -> int:
        return sum(1 for o in self.outcomes if o.action == action)

    @property
    def ok(self) -> bool:
        """Clean: the file was read, no row is refused, and something would change."""
        return not self.file_error and self.count("refuse") == 0 and (self.count("add") + self.count("update")) > 0

    def summary(self) -> str:
        if self.file_error:
            return self.file_error
        return _("Thêm {add}, cập nhật {update}, đã có {same}, bỏ qua {skip}, từ chối {refuse}.").format(
            add=number(self.count("add")), update=number(self.count("update")), same=number(self.count("unchanged")),
            skip=number(self.count("skip")), refuse=number(self.count("refuse")))


class _DryRun(Exception):
    """Raised at the end of a preview so the transaction rolls back."""


# Post names as officers abbreviate them, folded → the form the post list uses.
_POST_WORDS = (("uy ban mat tran to quoc viet nam", "uy ban mttq"), ("mat tran to quoc", "mttq"),
               ("ub mttq", "uy ban mttq"), ("hoi dong nhan dan", "hdnd"), ("uy ban nhan dan", "ubnd"),
               ("hoi lien hiep phu nu", "hoi lhpn"), ("hoi phu nu", "hoi lhpn"), ("ban chqs", "ban chqs"),
               ("doan thanh nien cong san ho chi minh", "doan tncs ho chi minh"),
               ("doan thanh nien", "doan tncs ho chi minh"), ("pho bi thu tt", "pho bi thu thuong truc"))


def _post_key(text: str) -> str:
    key = normalise(text)
    for long, short in _POST_WORDS:
        key = key.replace(long, short)
    return re.sub(r"\b(xa|phuong|thi tran)$", "", key).strip()


_KIND = re.compile(r"^(thon|ban|lang|ap|khu pho|to dan pho|khom|xom|khu)\s+")
_FOOTER = ("nguoi lap", "lap bieu", "tong so", "tong cong", "xac nhan", "t m ", "ky ten", "ky ghi ro", "noi nhan")


def village_keys(name: str, label: str) -> set[str]:
    """'Thôn Đông Hòa' is found as 'thon dong hoa', 'dong hoa' (and 'Đông Hòa' typed any way)."""
    keys = {normalise(name), normalise(label)}
    return keys | {_KIND.sub("", k) for k in keys}


def _phone(text: str) -> str:
    """Excel drops the leading zero of a phone typed as a number: 912345678 → 0912345678."""
    digits = re.sub(r"\D", "", text)
    if text.isdigit() and len(digits) == 9 and not digits.startswith("0"):
        return "0" + digits
    return text


def _date(text: str) -> dt.date | None:
    return parse_short_date(text) if text else None


class RosterImporter:
    def __init__(self, db: Database, today=vietnam_today) -> None:
        self.db = db
        self.today = today

    def preview(self, path: Path, *, teams: bool) -> ImportPreview:
        return _drain(self.run(path, teams=teams, apply=False))

    def apply(self, path: Path, *, teams: bool) -> ImportPreview:
        """Import for real; raises RuleError (and writes nothing) unless the file is clean."""
        return _drain(self.run(path, teams=teams, apply=True))

    def run(self, path: Path, *, teams: bool, apply: bool) -> Progress:
        """The import as a job: yields (done, total, text) and returns the preview (applied or not)."""
        path = Path(path)
        preview = ImportPreview(path.name, teams)
        try:
            rows = list(read_rows(path, MAX_DATA_ROWS + 20))
        except RuleError as exc:
            preview.file_error = str(exc)
            return _finish(preview, apply)
        header = find_header(rows)
        if header is None:
            preview.file_error = _("Không tìm thấy cột họ và tên trong «{name}» (cần một dòng tiêu đề như «Họ và "
                                   "tên», «Ho ten»). Hãy kiểm tra dòng tiêu đề của bảng.").format(name=path.name)
            return _finish(preview, apply)
        preview.header_row = header.row
        preview.columns = dict(header.titles)
        data = [(n, cells) for n, cells in rows if n > header.row]
        if len(data) > MAX_DATA_ROWS:
            preview.file_error = _("Tệp có hơn {n} dòng dữ liệu; một danh sách thành viên không dài như vậy. "
                                   "Có lẽ đã chọn nhầm tệp hoặc bảng có nhiều dòng rác — hãy kiểm tra lại.").format(
                n=number(MAX_DATA_ROWS))
            return _finish(preview, apply)
        if not teams and "post" not in header.columns:
            preview.file_error = _("Không tìm thấy cột chức danh (ví dụ «Chức vụ», «Chức danh»).")
            return _finish(preview, apply)
        importer = _TeamRows(self, header) if teams else _BlocRows(self, header)
        try:
            with self.db.transaction():
                for index, (number_, cells) in enumerate(data):
                    preview.outcomes.append(importer.row(number_, cells))
                    if index % 50 == 0:
                        yield index, len(data), _("Đang đọc dòng {n}…").format(n=number_)
                if not apply:
                    raise _DryRun
                if not preview.ok:
                    raise RuleError(_("Không nhập: {summary}").format(summary=preview.summary()))
        except _DryRun:
            pass
        preview.applied = apply
        return preview


def _finish(preview: ImportPreview, apply: bool) -> ImportPreview:
    if apply:
        raise RuleError(preview.file_error)
    return preview


def _drain(job: Progress) -> ImportPreview:
    while True:
        try:
            next(job)
        except StopIteration as stop:
            return stop.value


class _Rows:
    """Shared reading of one data row."""

    def __init__(self, owner: RosterImporter, header: Header) -> None:
        self.owner, self.header = owner, header
        self.seen: dict[str, int] = {}

    def get(self, cells: list[str], name: str) -> str:
        index = self.header.columns.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    def full_name(self, cells: list[str]) -> str:
        given = self.get(cells, "full_name")
        family = self.get(cells, "family_name")
        return f"{family} {given}".strip() if family else given

    def non_data(self, number_: int, cells: list[str], name: str) -> RowOutcome | None:
        """Header repeated on each printed page, notes and signatures under the table: skipped, said why."""
        filled = [c for c in cells if c]
        if match_field(name) == "full_name":
            return RowOutcome(number_, "skip", detail=_("Dòng tiêu đề lặp lại."))
        note_like = len(filled) == 1 and ("stt" in self.header.columns and not self.get(cells, "stt"))
        if name and (note_like or normalise(name).startswith(_FOOTER)):
            return RowOutcome(number_, "skip", detail=_("Dòng ghi chú: «{text}».").format(text=name[:60]))
        if not name:
            if len(filled) == 1:
                return RowOutcome(number_, "skip", detail=_("Dòng ghi chú: «{text}».").format(text=filled[0][:60]))
            return RowOutcome(number_, "refuse", detail=_("Thiếu họ và tên."))
        if any(ch.isdigit() for ch in name) or len(name) > 60 or len(name.split()) < 2:
            if len(filled) == 1 and not self.get(cells, "stt"):
                return RowOutcome(number_, "skip", name=name[:60], detail=_("Dòng ghi chú."))
            return RowOutcome(number_, "refuse", name=name[:60],
                              detail=_("«{name}» không giống họ và tên một người.").format(name=name[:60]))
        return None

    def duplicate(self, number_: int, key: str, name: str, village: str = "") -> RowOutcome | None:
        if key in self.seen:
            return RowOutcome(number_, "refuse", name, village,
                              _("Trùng với dòng {n}.").format(n=self.seen[key]))
        self.seen[key] = number_
        return None


class _TeamRows(_Rows):
    def __init__(self, owner: RosterImporter, header: Header) -> None:
        super().__init__(owner, header)
        self.service = TeamService(owner.db, owner.today)
        self.villages: dict[str, tuple[str, str]] = {}
        for v in self.service.villages.of_unit(owner.db.unit_code):
            for key in village_keys(v.name, v.label):
                self.villages.setdefault(key, (v.id, v.label))
        self.current_village: tuple[str, str] | None = None

    def _village(self, text: str) -> tuple[str, str] | None:
        key = normalise(re.sub(r"^\s*([IVXLC]+|\d+)[.)]\s*", "", text))
        return self.villages.get(key) or self.villages.get(_KIND.sub("", key))

    def row(self, number_: int, cells: list[str]) -> RowOutcome:
        name = self.full_name(cells)
        filled = [c for c in cells if c]
        # "I. Thôn Đông Hòa" on a line of its own heads the rows below it.
        if len(filled) == 1 and self._village(filled[0]) is not None:
            self.current_village = self._village(filled[0])
            return RowOutcome(number_, "skip", village=self.current_village[1], detail=_("Dòng tên thôn."))
        skipped = self.non_data(number_, cells, name)
        if skipped is not None:
            return skipped
        village_text = self.get(cells, "village")
        if village_text:
            found = self._village(village_text)
            if found is None:
                return RowOutcome(number_, "refuse", name, village_text,
                                  _("Không có thôn «{village}» trong danh sách thôn của xã.").format(
                                      village=village_text))
            self.current_village = found
        if self.current_village is None:
            return RowOutcome(number_, "refuse", name, "", _("Không rõ thuộc thôn nào (thiếu cột «Thôn»)."))
        village_id, village_label = self.current_village
        duplicate = self.duplicate(number_, f"{village_id}|{fold(name)}", name, village_label)
        if duplicate is not None:
            return duplicate
        # "Bí thư chi bộ - Tổ trưởng": the post, and the team role written beside it.
        post_text = self.get(cells, "post")
        parts = [p.strip() for p in re.split(r"\s+[-–]\s+|,|;|\(|\)", post_text) if p.strip()]
        post = ", ".join(p for p in parts if fold(p) not in ROLE_WORDS) or post_text
        role_text = self.get(cells, "team_role")
        explicit = bool(role_text) or any(fold(p) in ROLE_WORDS for p in parts)
        if role_text:
            role = guess_role(role_text)
        else:
            roles = [ROLE_WORDS[fold(p)] for p in parts if fold(p) in ROLE_WORDS]
            role = roles[0] if roles else guess_role(post)
        existing = self.service.find_member(village_id, name)
        member = TeamMember(**existing.__dict__) if existing else TeamMember(village_id=village_id)
        member.full_name = existing.full_name if existing else name
        if post or not existing:
            member.post = post
        if self.get(cells, "phone") or not existing:
            member.phone = _phone(self.get(cells, "phone"))
        if explicit or not existing:
            member.team_role = role
        if not explicit and role == TeamRole.LEADER.value:
            # A leader guessed from the post gives way to one already there.
            others = [m for m in self.service.members(village_id) if m.id != member.id]
            if any(m.team_role == TeamRole.LEADER.value for m in others):
                member.team_role = TeamRole.MEMBER.value
        changes = _changes(existing, member, {"post": _("chức vụ"), "phone": _("điện thoại"),
                                              "team_role": _("vai trò")})
        if existing and not changes:
            return RowOutcome(number_, "unchanged", name, village_label, _("Đã có trong tổ, không đổi."))
        try:
            with self.owner.db.transaction():
                self.service.save_member(member)
        except RuleError as exc:
            return RowOutcome(number_, "refuse", name, village_label, str(exc))
        if existing:
            return RowOutcome(number_, "update", name, village_label, changes)
        return RowOutcome(number_, "add", name, village_label, TeamRole(member.team_role).label)


class _BlocRows(_Rows):
    def __init__(self, owner: RosterImporter, header: Header) -> None:
        super().__init__(owner, header)
        self.service = RosterService(owner.db, owner.today)
        self.posts = {_post_key(name): code for code, name in self.service.post_names().items()}
        self.posts.update({_post_key(name): code for code, name in self.service.posts.names().items()})
        villages = TeamService(owner.db, owner.today).villages.of_unit(owner.db.unit_code)
        self.villages = {key: v.id for v in villages for key in village_keys(v.name, v.label)}

    def row(self, number_: int, cells: list[str]) -> RowOutcome:
        name = self.full_name(cells)
        skipped = self.non_data(number_, cells, name)
        if skipped is not None:
            return skipped
        duplicate = self.duplicate(number_, fold(name), name)
        if duplicate is not None:
            return duplicate
        post_text = self.get(cells, "post")
        code = self.posts.get(_post_key(post_text))
        if code is None:
            return RowOutcome(number_, "refuse", name, "", _("Chức danh «{post}» không có trong danh sách; hãy thêm "
                                                             "ở trang Thành viên khối rồi nhập lại.").format(
                post=post_text) if post_text else _("Thiếu chức danh."))
        try:
            start = _date(self.get(cells, "start_date"))
            trained = _date(self.get(cells, "trained_on"))
        except ValueError as exc:
            return RowOutcome(number_, "refuse", name, "", str(exc))
        village_ids = []
        for part in re.split(r"[,;\n]+", self.get(cells, "villages_followed")):
            if not part.strip():
                continue
            vid = self.villages.get(normalise(part)) or self.villages.get(_KIND.sub("", normalise(part)))
            if vid is None:
                return RowOutcome(number_, "refuse", name, part.strip(), _("Không có thôn «{village}» trong danh "
                                                                           "sách thôn của xã.").format(
                    village=part.strip()))
            village_ids.append(vid)
        role_text = fold(self.get(cells, "bloc_role"))
        role = BlocRole.DEPUTY if "pho truong" in role_text else BlocRole.HEAD if "truong khoi" in role_text \
            else BlocRole.MEMBER
        existing = next((m for m in self.service.current() if fold(m.full_name) == fold(name)), None)
        if existing is not None and existing.post_code != code:
            return RowOutcome(number_, "refuse", name, "", _("Đồng chí {name} đang giữ chức danh khác; muốn đổi chức "
                                                             "danh, hãy kết thúc nhiệm kỳ cũ ở trang Thành viên khối "
                                                             "trước.").format(name=existing.full_name))
        member = BlocMember(**existing.__dict__) if existing else BlocMember(
            full_name=name, post_code=code, start_date=start or self.owner.today())
        for attr, value in (("phone", _phone(self.get(cells, "phone"))), ("trained_on", trained),
                            ("start_decision", self.get(cells, "start_decision")), ("note", self.get(cells, "note"))):
            if value:
                setattr(member, attr, value)
        if village_ids:
            member.village_ids = village_ids
        if role_text or not existing:
            member.bloc_role = role.value
        changes = _changes(existing, member, {"phone": _("điện thoại"), "trained_on": _("ngày tập huấn"),
                                              "start_decision": _("quyết định"), "village_ids": _("thôn phụ trách"),
                                              "bloc_role": _("vai trò"), "note": _("ghi chú")})
        if existing and not changes:
            return RowOutcome(number_, "unchanged", name, "", _("Đã có trong khối, không đổi."))
        try:
            with self.owner.db.transaction():
                self.service.save(member)
        except RuleError as exc:
            return RowOutcome(number_, "refuse", name, "", str(exc))
        if existing:
            return RowOutcome(number_, "update", name, "", changes)
        return RowOutcome(number_, "add", name, "", self.service.post_names().get(code, code))


def _changes(before, after, labels: dict[str, str]) -> str:
    if before is None:
        return ""
    changed = [label for attr, label in labels.items() if getattr(before, attr) != getattr(after, attr)]
    return _("Đổi {fields}.").format(fields=", ".join(changed)) if changed else ""
