-- danvan: vacuum after this step
-- Province scale (issue 17): an imported record that was new here keeps no audit entry of its own.
-- exchange_batch_records (050) already lists it under its batch, with the version stamp it brought and
-- the outcome 'new'; the batch itself has one audit entry (table_name 'exchange_batches_in', record_id
-- the batch id) that says when and by whom it was imported and orders it among the other entries.
-- store/audit.py puts the record's entry back together from the two. A changed record keeps its entry
-- (it holds the version the batch replaced, which lives nowhere else). On a province these entries
-- were ~95 % of the audit log's rows (with their index ~20 % of the file).

-- The entries of new records that go: their batch's list holds them (every import since 040 wrote both
-- in one transaction; an entry without its list stays as it is).
CREATE TEMP TABLE redundant_import AS
SELECT a.seq, a.batch_id FROM audit_log a
WHERE a.action = 'import' AND a.before IS NULL AND a.after IS NULL AND a.batch_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM exchange_batch_records r WHERE r.batch_id = a.batch_id AND r.table_name = a.table_name);

-- One entry per batch: the first of them becomes it, so it keeps its place (`seq`) in the log — an
-- export's `audit_seq` still says whether the batch came before or after it (services/handover/export.py).
UPDATE audit_log SET table_name = 'exchange_batches_in', record_id = batch_id
WHERE seq IN (SELECT min(seq) FROM redundant_import GROUP BY batch_id);

DELETE FROM audit_log
WHERE seq IN (SELECT seq FROM redundant_import) AND table_name != 'exchange_batches_in';

DROP TABLE redundant_import;
