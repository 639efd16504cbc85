"""The hand-over mark of a locked document: batch number and short hash, so paper and file can be matched."""

from __future__ import annotations

from dataclasses import dataclass

from danvan_desktop.domain.i18n import _
from danvan_desktop.store.database import Database


@dataclass(frozen=True)
class HandOverMark:
    unit_code: str
    sequence: int
    batch_id: str
    content_hash: str

    @property
    def text(self) -> str:
        """'Bàn giao lô số 3 · 16171 · #ab12cd34'."""
        return _("Bàn giao lô số {seq} · {unit} · #{hash}").format(seq=self.sequence, unit=self.unit_code,
                                                                 hash=self.content_hash[:8])

    @property
    def payload(self) -> str:
        """What the QR code holds: enough to find the batch and check the document's hash."""
        return f"DVX|{self.unit_code}|{self.sequence}|{self.batch_id}|{self.content_hash[:16]}"


def record_sent(db: Database, batch_id: str, data: dict[str, list[dict]]) -> None:
    """Note the locked documents a batch carried (called inside the export's bookkeeping transaction)."""
    for table, rows in data.items():
        for row in rows:
            if row.get("content_hash") and not row.get("deleted"):
                db.conn.execute("INSERT OR IGNORE INTO exchange_sent_locked (batch_id, table_name, record_id, "
                                "content_hash) VALUES (?,?,?,?)", (batch_id, table, row["id"], row["content_hash"]))


def mark_for(db: Database, table: str, record_id: str) -> HandOverMark | None:
    """The first hand-over that carried this locked document as it is now, or None before any."""
    row = db.conn.execute(
        f'SELECT s.batch_id, s.content_hash, b.sequence FROM exchange_sent_locked s '
        f'JOIN exchange_batches_out b ON b.batch_id = s.batch_id JOIN "{table}" r ON r.id = s.record_id '
        f'WHERE s.table_name = ? AND s.record_id = ? AND s.content_hash = r.content_hash '
        f'ORDER BY b.created_at LIMIT 1', (table, record_id)).fetchone()
    if row is None:
        return None
    return HandOverMark(db.unit_code, row[2], row[0], row[1])


def mark_pdf(db: Database, table: str, record_id: str, data: bytes) -> bytes:
    """The approved PDF as printed now: with the hand-over mark once it has been handed over."""
    mark = mark_for(db, table, record_id)
    if mark is None:
        return data
    from danvan_desktop.render.stamp import stamp_pdf
    return stamp_pdf(data, mark.text, mark.payload)
