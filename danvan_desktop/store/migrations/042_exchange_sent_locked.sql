-- Which hand-over first carried each locked document (finalised minutes, approved report), so a copy
-- printed afterwards can carry the batch number and a short hash that match the file.
CREATE TABLE exchange_sent_locked (
    batch_id     TEXT NOT NULL,
    table_name   TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    PRIMARY KEY (batch_id, table_name, record_id)
);
CREATE INDEX exchange_sent_locked_record ON exchange_sent_locked (table_name, record_id, content_hash);
