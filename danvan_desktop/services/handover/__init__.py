"""The hand-over to the upper level: export, import, keys, batches, marks, receipts."""
