"""The unit's document number register: hand out, fix, free and issue numbers per type and scope.

No gaps: a number freed by a deleted draft is handed out again before a new one. No duplicates:
a number is held by one document at a time (a unique index backs the rule). Issued numbers
(approved documents) are never freed. Minutes and other documents use the same register.
"""

from __future__ import annotations

import datetime as dt

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.numbering import PARTY, format_number, next_free, parse_term_starts, scope_for
from danvan_desktop.domain.records import RuleError
from danvan_desktop.store.database import Database
from danvan_desktop.store.reports import DocNumber, NumberRepository, ReportRepository

TERM_SETTING = "party_term_starts"      # ISO dates, comma separated: the day after each congress closed
LAYOUT_SETTING = "layout_profile"       # the layout profile's code (shared with DocumentSettings)
_LIVE = ("held", "issued", "external")


def layout_family(code: str) -> str:
    """'party' or 'state' for a layout profile code (a user's copy keeps its family)."""
    try:
        from danvan_desktop.render.layout import load_profile
        return load_profile(code).family
    except Exception:  # noqa: BLE001 — an unknown or unreadable profile falls back on its code
        return "state" if code.upper().startswith("ND") else "party"


class NumberingService:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.repo = NumberRepository(db)

    # -- settings ---------------------------------------------------------------------------
    def layout(self) -> str:
        return self.db.get_setting(LAYOUT_SETTING, PARTY) or PARTY

    def term_starts(self) -> list[dt.date]:
        return parse_term_starts(self.db.get_setting(TERM_SETTING, ""))

    def set_term_starts(self, days: list[dt.date]) -> None:
        """Change the Party terms' start dates and re-scope the register to them in one transaction.

        Every issued or recorded number moves to the term its document's date now falls in (a number
        recorded without a document stays, or joins the current term if it had none); a draft's number
        goes back to the register (the draft takes a new one). A move that would give one number to
        two documents of a term is refused, and nothing changes: numbers never repeat within a term."""
        days = sorted(set(days))
        with self.db.transaction():
            moves = self._rescope_plan(days)
            self.db.set_setting(TERM_SETTING, ",".join(d.isoformat() for d in days))
            for row, scope in moves:
                if row.state == "held":
                    self._release_draft(row)
                    continue
                clash = next((r for r in self.repo.in_scope(row.doc_type, scope) if r.number == row.number), None)
                if clash is not None:              # a free gap in the new scope gives way to the number
                    self.repo.soft_delete(clash.id)
                row.scope = scope
                self.repo.update(row)
                self._set_report_number(row, row.number, scope)

    def _document_day(self, row: DocNumber) -> dt.date | None:
        column = {"meetings": "meeting_date", "reports": "doc_date"}.get(row.holder_table)
        if not column or not row.holder_id:
            return None
        found = self.db.conn.execute(f"SELECT {column} FROM {row.holder_table} WHERE id = ?",
                                     (row.holder_id,)).fetchone()
        try:
            return dt.date.fromisoformat(str(found[0])[:10]) if found and found[0] else None
        except ValueError:
            return None

    def _rescope_plan(self, days: list[dt.date]) -> list[tuple[DocNumber, str]]:
        """(row, new scope) for every register row of a Party term whose scope changes; RuleError on a clash."""
        from danvan_desktop.domain.today import today as vietnam_today
        rows = [r for r in self.repo.select("scope LIKE 'term:%'") if r.state in _LIVE]
        plan: list[tuple[DocNumber, str]] = []
        for row in rows:
            day = self._document_day(row)
            if day is None and row.scope != "term:":
                continue
            target = scope_for(PARTY, day or vietnam_today(), days)
            if target != row.scope:
                plan.append((row, target))
        moving = {row.id for row, _scope in plan}
        taken: dict[tuple[str, str, int], DocNumber] = {
            (r.doc_type, r.scope, r.number): r for r in rows if r.id not in moving}
        for row, scope in plan:
            if row.state == "held":
                continue
            key = (row.doc_type, scope, row.number)
            other = taken.get(key)
            if other is not None:
                raise RuleError(_("Không đổi được ngày bắt đầu nhiệm kỳ: số {number:02d}-{type} sẽ trùng giữa hai văn "
                                  "bản trong {scope} ({a}; {b}). Hãy kiểm tra lại ngày bắt đầu nhiệm kỳ.").format(
                    number=row.number, type=row.doc_type, scope=self.scope_label(scope),
                    a=other.note or other.holder_table, b=row.note or row.holder_table), "party_term_starts")
            taken[key] = row
        return plan

    def _release_draft(self, row: DocNumber) -> None:
        """A draft's number goes back to the register when its term changes: it takes a new one later."""
        self._set_report_number(row, None, "")
        self._free(row)

    def _set_report_number(self, row: DocNumber, number: int | None, scope: str) -> None:
        """Keep a report's own copy of its number and scope in step with the register."""
        if row.holder_table != "reports" or not row.holder_id:
            return
        reports = ReportRepository(self.db)
        report = reports.find(row.holder_id)
        if report is not None and (report.number, report.number_scope) != (number, scope):
            report.number, report.number_scope = number, scope
            reports.update(report)

    def scope(self, day: dt.date, layout: str | None = None) -> str:
        return scope_for(layout_family(layout or self.layout()), day, self.term_starts())

    def scope_label(self, scope: str) -> str:
        if scope.startswith("year:"):
            return _("năm {year}").format(year=scope[5:])
        if scope == "term:":
            return _("nhiệm kỳ hiện tại (chưa khai báo ngày bắt đầu)")
        start = dt.date.fromisoformat(scope[5:])
        return _("nhiệm kỳ từ {date}").format(date=start.strftime("%d/%m/%Y"))

    # -- the register -----------------------------------------------------------------------
    def register(self, doc_type: str, scope: str) -> list[DocNumber]:
        return self.repo.in_scope(doc_type, scope)

    def _used(self, doc_type: str, scope: str) -> dict[int, DocNumber]:
        return {r.number: r for r in self.repo.in_scope(doc_type, scope) if r.state in _LIVE}

    def next_number(self, doc_type: str, scope: str) -> int:
        return next_free(self._used(doc_type, scope))

    def take(self, doc_type: str, scope: str, holder_table: str, holder_id: str,
             wanted: int | None = None) -> int:
        """Give the holder a number: the next free one, or `wanted` if it is free and leaves no gap."""
        with self.db.transaction():
            current = self.repo.held_by(holder_table, holder_id)
            if current and current.state == "issued":
                raise RuleError(_("Văn bản đã ban hành; không đổi số được."), "number")
            used = self._used(doc_type, scope)
            if current and current.doc_type == doc_type and current.scope == scope:
                used.pop(current.number, None)
                if wanted in (None, current.number):
                    return current.number
            proposed = next_free(used)
            number = proposed if wanted is None else wanted
            if number < 1:
                raise RuleError(_("Số văn bản phải từ 01 trở lên."), "number")
            if number in used:
                other = used[number]
                raise RuleError(_("Số {number} đã dùng cho văn bản khác trong {scope}; số còn trống tiếp theo là "
                                  "{next:02d}.").format(number=f"{number:02d}", scope=self.scope_label(scope),
                                                        next=proposed) +
                                (f" ({other.note})" if other.note else ""), "number")
            if number > max([proposed, *used.keys()]):
                raise RuleError(_("Số {number} làm sổ bị cách quãng; số tiếp theo là {next:02d}. Nếu các số giữa đã "
                                  "dùng cho văn bản làm ngoài chương trình, hãy ghi chúng vào sổ trước.").format(
                    number=f"{number:02d}", next=proposed), "number")
            if current:
                self._free(current)
            self._put(doc_type, scope, number, "held", holder_table, holder_id)
            return number

    def _put(self, doc_type: str, scope: str, number: int, state: str, table: str, holder: str,
             note: str = "") -> DocNumber:
        row = next((r for r in self.repo.in_scope(doc_type, scope) if r.number == number), None)
        if row is None:
            return self.repo.insert(DocNumber(doc_type=doc_type, scope=scope, number=number, state=state,
                                              holder_table=table, holder_id=holder, note=note))
        row.state, row.holder_table, row.holder_id, row.note = state, table, holder, note
        return self.repo.update(row)

    def _free(self, row: DocNumber) -> None:
        row.state, row.holder_table, row.holder_id, row.note = "free", "", "", ""
        self.repo.update(row)

    def release(self, holder_table: str, holder_id: str) -> None:
        """A draft gives its number back (deleted, or moved to another term/year)."""
        with self.db.transaction():
            current = self.repo.held_by(holder_table, holder_id)
            if current is None:
                return
            if current.state == "issued":
                raise RuleError(_("Số của văn bản đã ban hành không thu hồi được."), "number")
            self._free(current)

    def issue(self, holder_table: str, holder_id: str, note: str = "") -> DocNumber:
        with self.db.transaction():
            current = self.repo.held_by(holder_table, holder_id)
            if current is None:
                raise RuleError(_("Văn bản chưa có số."), "number")
            current.state = "issued"
            current.note = note
            return self.repo.update(current)

    def record_external(self, doc_type: str, scope: str, up_to: int, note: str) -> list[int]:
        """Numbers 01…up_to used on documents made outside the program: mark the missing ones as used."""
        if up_to < 1:
            raise RuleError(_("Số văn bản phải từ 01 trở lên."), "number")
        with self.db.transaction():
            used = self._used(doc_type, scope)
            added = [n for n in range(1, up_to + 1) if n not in used]
            for n in added:
                self._put(doc_type, scope, n, "external", "", "", note or _("văn bản ngoài chương trình"))
            return added

    def printed(self, layout: str, number: int | None, doc_type: str, body_symbol: str) -> str:
        return format_number(layout_family(layout), number, doc_type, body_symbol)
