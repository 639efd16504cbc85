"""The hand-over services over one database, grouped so AppServices carries them as one field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.services.handover.batches import ExchangeBatchService
from danvan_desktop.services.handover.export import ExchangeExportService
from danvan_desktop.services.handover.importer import ExchangeImportService
from danvan_desktop.services.handover.keys import ExchangeKeyService
from danvan_desktop.services.handover.receipts import ExchangeReceiptService
from danvan_desktop.services.upper.service import UpperLevelService
from danvan_desktop.store.database import Database
from danvan_desktop.store.exchange_log import ExchangeLog


class ExchangeServices:
    def __init__(self, db: Database, today: Callable[[], dt.date] = vietnam_today) -> None:
        self.db = db
        self.log = ExchangeLog(db)
        self.keys = ExchangeKeyService(db)
        self.exporter = ExchangeExportService(db, today)
        self.importer = ExchangeImportService(db, today)
        self.receipts = ExchangeReceiptService(db)
        self.upper = UpperLevelService(db, today)
        self.batches = ExchangeBatchService(db, today)
