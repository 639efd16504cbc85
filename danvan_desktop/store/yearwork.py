"""Repositories of the year's work: annual plans and their items, trainings, the document register,
and the scorecard's typed values. Every query is scoped to a unit (an upper level holds many)."""

from __future__ import annotations

from dataclasses import dataclass

from danvan_desktop.domain.records import Record
from danvan_desktop.domain.yearwork import AnnualPlan, PlanItem, RegisteredDocument, Training
from danvan_desktop.store.repository import Repository


class PlanRepository(Repository[AnnualPlan]):
    table = "annual_plans"
    record_type = AnnualPlan
    label = "kế hoạch năm"
    order_by = "year DESC"

    def of_year(self, year: int, unit_code: str | None = None) -> AnnualPlan | None:
        found = self.select("unit_code = ? AND year = ?", (unit_code or self.db.unit_code, year))
        return found[0] if found else None


class PlanItemRepository(Repository[PlanItem]):
    table = "plan_items"
    record_type = PlanItem
    label = "nội dung kế hoạch"
    order_by = "sort_order, created_at"

    def of_plan(self, plan_id: str) -> list[PlanItem]:
        return self.select("plan_id = ?", (plan_id,))


class TrainingRepository(Repository[Training]):
    table = "trainings"
    record_type = Training
    label = "buổi tập huấn"
    order_by = "held_on DESC, created_at DESC"

    def of_unit(self, unit_code: str | None = None) -> list[Training]:
        return self.select("unit_code = ?", (unit_code or self.db.unit_code,))


class RegisterRepository(Repository[RegisteredDocument]):
    table = "document_register"
    record_type = RegisteredDocument
    label = "văn bản"
    search_fields = ("number", "issuer", "kind", "subject", "note")
    order_by = "doc_date DESC, number"

    def between(self, first, last, direction: str = "in", unit_code: str | None = None) -> list[RegisteredDocument]:
        return self.select("unit_code = ? AND direction = ? AND doc_date BETWEEN ? AND ?",
                           (unit_code or self.db.unit_code, direction, first.isoformat(), last.isoformat()),
                           order_by="doc_date, number")


@dataclass
class ScorecardEntry(Record):
    year: int = 0
    target_code: str = ""
    value: float | None = None
    evidence: str = ""


class ScorecardEntryRepository(Repository[ScorecardEntry]):
    table = "scorecard_entries"
    record_type = ScorecardEntry
    label = "chỉ tiêu"

    def of_year(self, year: int, unit_code: str | None = None) -> dict[str, ScorecardEntry]:
        return {e.target_code: e for e in self.select("unit_code = ? AND year = ?",
                                                       (unit_code or self.db.unit_code, year))}


def issued_documents(db, unit_code: str) -> list[dict]:
    """What the bloc itself issued, from the reports, minutes and plans it holds (newest first):
    dicts with kind, type, number, body, day, subject, table, id."""
    rows: list[dict] = []
    for r in db.conn.execute(
            "SELECT id, doc_type, number, body_symbol, doc_date, subject FROM reports WHERE unit_code = ? "
            "AND deleted = 0 AND status IN ('approved', 'handed_over') AND number IS NOT NULL", (unit_code,)):
        rows.append({"kind": "report", "type": r["doc_type"], "number": r["number"], "body": r["body_symbol"],
                     "day": r["doc_date"], "subject": r["subject"], "table": "reports", "id": r["id"]})
    for r in db.conn.execute(
            "SELECT m.id, m.number, m.meeting_date, m.title, m.kind FROM meetings m WHERE m.unit_code = ? "
            "AND m.deleted = 0 AND m.content_hash IS NOT NULL AND m.content_hash != '' AND m.number IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM meetings n WHERE n.previous_id = m.id AND n.deleted = 0)",
            (unit_code,)):
        rows.append({"kind": "minutes", "type": "BB", "number": r["number"], "body": "", "day": r["meeting_date"],
                     "subject": r["title"], "table": "meetings", "id": r["id"], "meeting_kind": r["kind"]})
    for r in db.conn.execute(
            "SELECT id, number, doc_date, year FROM annual_plans WHERE unit_code = ? AND deleted = 0 "
            "AND content_hash != '' AND number IS NOT NULL", (unit_code,)):
        rows.append({"kind": "plan", "type": "KH", "number": r["number"], "body": "", "day": r["doc_date"],
                     "subject": "", "year": r["year"], "table": "annual_plans", "id": r["id"]})
    rows.sort(key=lambda d: (d["day"] or "", d["number"] or 0), reverse=True)
    return rows


def task_done_days(db, task_ids) -> dict[str, str | None]:
    """The live tasks among `task_ids` with their completion day (ISO text, None while open), in one query
    per 500 ids: a plan's progress reads dozens of tasks, an upper level's scorecard thousands."""
    ids = list(task_ids)
    result: dict[str, str | None] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" for _i in chunk)
        for row in db.conn.execute(f"SELECT id, done_on FROM tasks WHERE deleted = 0 AND id IN ({marks})", chunk):
            result[row[0]] = row[1]
    return result
