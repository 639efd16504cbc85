"""Biên nhận: the small signed file the receiver writes back onto the stick after importing a batch."""

from __future__ import annotations

import uuid
from pathlib import Path

from danvan_desktop import __version__
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.exchange import format as fmt
from danvan_desktop.exchange import keys
from danvan_desktop.exchange.manifest import Manifest
from danvan_desktop.exchange.writer import write_file
from danvan_desktop.services.activity import logged
from danvan_desktop.services.handover.keys import ExchangeKeyService
from danvan_desktop.store.database import Database
from danvan_desktop.store.exchange_log import ExchangeLog, now_iso


class ExchangeReceiptService:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.log = ExchangeLog(db)
        self.keys = ExchangeKeyService(db)

    def receipt_name(self, batch_id: str) -> str:
        batch = self.log.batch_in(batch_id)
        if batch is None:
            raise RuleError(_("Chưa nhập lô dữ liệu này nên không thể viết biên nhận."))
        return f"bien-nhan-{batch.sender_unit}-lo{batch.sequence:03d}{fmt.EXTENSION}"

    @logged("write receipt for batch")
    def write_receipt(self, batch_id: str, folder: Path | str) -> Path:
        """Write the receipt for an imported batch into `folder` (usually the stick it came on)."""
        from danvan_desktop.services.unit.setup import SetupService
        batch = self.log.batch_in(batch_id)
        if batch is None or batch.kind != fmt.KIND_BATCH:
            raise RuleError(_("Chưa nhập lô dữ liệu này nên không thể viết biên nhận."))
        unit = SetupService(self.db).unit()
        private_key = self.keys.private_key()
        manifest = Manifest(
            kind=fmt.KIND_RECEIPT, unit_code=unit.code, unit_name=unit.name, unit_level=unit.level,
            installation_id=self.db.installation_id, batch_id=str(uuid.uuid4()), recipient=batch.sender_installation,
            sequence=batch.sequence, created_at=now_iso(), public_key=keys.b64(keys.public_key_of(private_key)),
            program_version=__version__, schema_version=self.db.schema_version(),
            acknowledges={"batch_id": batch.batch_id, "sequence": batch.sequence, "sender_unit": batch.sender_unit,
                          "file_name": batch.file_name, "imported_at": batch.imported_at, "summary": batch.summary})
        target = Path(folder) / self.receipt_name(batch_id)
        write_file(target, manifest, {}, {}, private_key)
        return target
