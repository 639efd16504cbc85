-- Where each exported file was written, and its hidden temp file while the rename is still to do.
-- An export is recorded before its file takes the final name; a crash in between leaves pending_tmp
-- set, and the next start finishes the rename (services/handover/recovery.py). So a kill at any
-- moment leaves a recorded export or nothing under the final name, and no sequence number is reused.
ALTER TABLE exchange_batches_out ADD COLUMN file_path TEXT NOT NULL DEFAULT '';
ALTER TABLE exchange_batches_out ADD COLUMN pending_tmp TEXT;
CREATE INDEX exchange_batches_out_pending ON exchange_batches_out (pending_tmp) WHERE pending_tmp IS NOT NULL;
