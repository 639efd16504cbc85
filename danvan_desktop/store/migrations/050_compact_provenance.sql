-- danvan: vacuum after this step
-- Province scale: provenance per (batch, table) instead of a row per record per batch, and import
-- entries of the audit log that name their batch without copying the record (docs/upper-level.md).
-- A province imports ~200 communes' files a month for ten years: the old table held one row per
-- imported record (3.2 M rows in a decade), each repeating the batch id and the table name.

-- For each batch and table: the records it wrote, as a JSON array of [record_id, updated_at, outcome]
-- in the order they were written. `batches_of_record` reads the arrays of the record's sender only.
CREATE TABLE exchange_batch_records (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    batch_id   TEXT NOT NULL,
    table_name TEXT NOT NULL,
    records    TEXT NOT NULL DEFAULT '[]',
    UNIQUE (batch_id, table_name)
);

INSERT INTO exchange_batch_records (batch_id, table_name, records)
SELECT batch_id, table_name, json_group_array(json_array(record_id, updated_at, outcome))
FROM (SELECT rowid AS r, * FROM exchange_record_batches ORDER BY r)
GROUP BY batch_id, table_name
ORDER BY min(r);

DROP TABLE exchange_record_batches;

-- An import entry whose `after` is NULL holds no copy of the record: the version it brought is the
-- next entry's `before`, or the row itself when no later entry exists (store/audit.py fills it in).
ALTER TABLE audit_log ADD COLUMN batch_id TEXT;

-- Import entries written before this step: the batch moves to its column and the copy goes.
UPDATE audit_log SET batch_id = json_extract(after, '$.import_batch'), after = NULL
WHERE action = 'import' AND after IS NOT NULL AND json_valid(after)
  AND json_extract(after, '$.import_batch') IS NOT NULL;
