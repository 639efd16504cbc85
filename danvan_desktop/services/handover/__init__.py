"""The hand-over to the upper level: export, import, keys, batches, marks, receipts."""

from danvan_desktop.exchange.format import EXTENSION, KIND_BATCH, RECIPIENT_UPPER

__all__ = ["EXTENSION", "KIND_BATCH", "RECIPIENT_UPPER"]
