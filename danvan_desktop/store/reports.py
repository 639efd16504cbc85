"""Repositories of reports, their sections, the document number register and the kept PDFs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from danvan_desktop.domain.records import Record
from danvan_desktop.domain.report import Report, ReportSection
from danvan_desktop.store.database import Database
from danvan_desktop.store.repository import Repository


@dataclass
class DocNumber(Record):
    doc_type: str = ""
    scope: str = ""
    number: int = 0
    state: str = "held"          # held | issued | free | external
    holder_table: str = ""
    holder_id: str = ""
    note: str = ""


class ReportRepository(Repository[Report]):
    table = "reports"
    record_type = Report
    label = "báo cáo"
    order_by = "period DESC, version DESC"

    def of_period(self, period: str) -> list[Report]:
        return self.select("period = ?", (period,), order_by="version DESC")


class SectionRepository(Repository[ReportSection]):
    table = "report_sections"
    record_type = ReportSection
    label = "mục báo cáo"
    order_by = "position"

    def of_report(self, report_id: str) -> list[ReportSection]:
        return self.select("report_id = ?", (report_id,))


class NumberRepository(Repository[DocNumber]):
    table = "doc_numbers"
    record_type = DocNumber
    label = "số văn bản"
    order_by = "doc_type, scope, number"

    def in_scope(self, doc_type: str, scope: str) -> list[DocNumber]:
        """This unit's register only: at the upper level the communes' registers arrive in the same table."""
        return self.select("doc_type = ? AND scope = ? AND unit_code = ?", (doc_type, scope, self.db.unit_code))

    def held_by(self, table: str, record_id: str) -> DocNumber | None:
        found = self.select("holder_table = ? AND holder_id = ? AND state IN ('held', 'issued')",
                            (table, record_id))
        return found[0] if found else None


class FileStore:
    """The approved PDFs, kept by their SHA-256 beside the report."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def put(self, sha256: str, report_id: str, file_name: str, data: bytes) -> None:
        with self.db.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO report_files (sha256, report_id, file_name, created_at, data) "
                         "VALUES (?, ?, ?, ?, ?)",
                         (sha256, report_id, file_name, dt.datetime.now(dt.timezone.utc).isoformat(), data))

    def get(self, sha256: str) -> bytes | None:
        row = self.db.conn.execute("SELECT data FROM report_files WHERE sha256 = ?", (sha256,)).fetchone()
        return bytes(row[0]) if row else None
