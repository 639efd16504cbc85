-- Look-ups every imported file makes, kept flat as a province's decade grows (issue 17).

-- "Did this commune send the same approved PDF before?" (services/handover/importer.py `_store_documents`):
-- by the commune's code and the document's SHA-256 in the index, not by reading the ~120 documents a
-- commune has sent in ten years.
CREATE INDEX exchange_documents_sha ON exchange_documents (unit_code, sha256);

-- A sender's batch numbers (store/exchange_log.py `last_sequence_in`, `sequences_in`): the kind in the index
-- too, so that the numbers are read from it alone rather than from each batch's row.
DROP INDEX exchange_batches_in_seq;
CREATE INDEX exchange_batches_in_seq ON exchange_batches_in (sender_installation, recipient, kind, sequence);
