"""The register of documents: directives received (number, date, issuer, subject, file) and what the
bloc sent out (its own reports, minutes and plans with their numbers, plus anything typed).
Searchable without accents; a directive can give rise to tasks; a report can name its period's directives."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.numbering import format_number
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.text import fold
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.domain.yearwork import Direction, RegisteredDocument
from danvan_desktop.store.database import Database
from danvan_desktop.store.yearwork import RegisterRepository, issued_documents

ISSUED_KINDS = {"report": N_("Báo cáo"), "minutes": N_("Biên bản"), "plan": N_("Kế hoạch")}


@dataclass
class RegisterLine:
    """A line as the register page shows it: typed (record) or issued by the program (table + id)."""
    direction: str
    kind: str
    number: str
    doc_date: dt.date | None
    issuer: str
    subject: str
    record: RegisteredDocument | None = None
    source_table: str = ""
    source_id: str = ""

    def matches(self, words: list[str]) -> bool:
        text = fold(f"{self.kind} {self.number} {self.issuer} {self.subject}")
        return all(w in text for w in words)


class RegisterService:
    def __init__(self, db: Database, today=vietnam_today) -> None:
        self.db = db
        self.today = today
        self.repo = RegisterRepository(db)

    def save(self, doc: RegisteredDocument) -> RegisteredDocument:
        doc.validate(self.today())
        with self.db.transaction():
            key = fold(doc.number)
            for other in self.repo.select("unit_code = ? AND direction = ?", (self.db.unit_code, doc.direction)):
                if other.id != doc.id and fold(other.number) == key and other.doc_date == doc.doc_date:
                    raise RuleError(_("Văn bản số {number} ngày {date} đã có trong sổ.").format(
                        number=doc.number, date=doc.doc_date.strftime("%d/%m/%Y")), "number")
            if self.repo.find(doc.id) is None:
                return self.repo.insert(doc)
            return self.repo.update(doc)

    def delete(self, doc_id: str) -> RegisteredDocument:
        return self.repo.soft_delete(doc_id)

    def get(self, doc_id: str) -> RegisteredDocument:
        return self.repo.get(doc_id)

    def lines(self, direction: str | None = None, search: str = "") -> list[RegisterLine]:
        """The register, newest first; `search` matches word by word, accents and case ignored."""
        result: list[RegisterLine] = []
        for d in self.repo.select("unit_code = ?", (self.db.unit_code,)):
            if direction in (None, d.direction):
                result.append(RegisterLine(d.direction, d.kind, d.number, d.doc_date, d.issuer, d.subject, d))
        if direction in (None, Direction.OUTGOING.value):
            result += self._issued()
        words = fold(search).split()
        if words:
            result = [line for line in result if line.matches(words)]
        result.sort(key=lambda line: (line.doc_date or dt.date.min, line.number), reverse=True)
        return result

    def _issued(self) -> list[RegisterLine]:
        from danvan_desktop.store.units import UnitRepository
        unit = UnitRepository(self.db).by_code(self.db.unit_code)
        symbol = (unit.doc_symbol if unit else "") or "DV"
        lines = []
        for row in issued_documents(self.db, self.db.unit_code):
            number = format_number("party", row["number"], row["type"], row["body"] or symbol).replace("Số ", "")
            subject = row["subject"] or (_("hoạt động của Khối dân vận năm {year}").format(year=row.get("year", ""))
                                         if row["kind"] == "plan" else "")
            day = dt.date.fromisoformat(row["day"]) if row["day"] else None
            lines.append(RegisterLine(Direction.OUTGOING.value, _(ISSUED_KINDS[row["kind"]]), number, day,
                                      _("Khối dân vận"), subject, None, row["table"], row["id"]))
        return lines

    def directives_of_period(self, period: Period | str) -> list[RegisteredDocument]:
        """Incoming documents issued (or received) within the period, oldest first: what a report's
        leadership paragraph names ("Triển khai Kết luận số … ngày … của …")."""
        period = Period.parse(period) if isinstance(period, str) else period
        found = {d.id: d for d in self.repo.between(period.start, period.end, Direction.INCOMING.value)}
        for d in self.repo.select("unit_code = ? AND direction = 'in' AND received_on BETWEEN ? AND ?",
                                  (self.db.unit_code, period.start.isoformat(), period.end.isoformat())):
            found.setdefault(d.id, d)
        return sorted(found.values(), key=lambda d: (d.received_on or d.doc_date, d.number))

    def leadership_sentence(self, period: Period | str) -> str:
        """One sentence naming the period's directives, for the report's leadership paragraph ('' if none)."""
        docs = self.directives_of_period(period)
        if not docs:
            return ""
        return _("Khối dân vận tham mưu Đảng ủy quán triệt, triển khai {docs}.").format(
            docs="; ".join(d.citation() for d in docs))

    def tasks_from(self, doc_id: str, tasks, **task_fields):
        """A directive gives rise to a task (source: văn bản cấp trên, reference: its citation)."""
        doc = self.repo.get(doc_id)
        if doc.direction != Direction.INCOMING.value:
            raise RuleError(_("Chỉ văn bản đến mới giao thành nhiệm vụ được."))
        task_fields.setdefault("title", _("Triển khai {doc}").format(doc=doc.citation()))
        return tasks.create_task(source_kind="directive", source_ref=doc.citation(), **task_fields)
