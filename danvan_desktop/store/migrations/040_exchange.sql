-- The hand-over file's bookkeeping. None of these tables carries the travelling columns: they
-- describe this installation's exchanges and never leave it.

CREATE TABLE exchange_trusted_keys (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_code       TEXT NOT NULL,
    unit_name       TEXT NOT NULL DEFAULT '',
    installation_id TEXT NOT NULL,
    public_key      TEXT NOT NULL,
    fingerprint     TEXT NOT NULL,
    trusted_at      TEXT NOT NULL,
    replaced_at     TEXT
);
CREATE INDEX exchange_trusted_keys_unit ON exchange_trusted_keys (unit_code, installation_id, replaced_at);

-- Batches this installation wrote (Đã xuất → Đã nhận when the receipt comes back).
CREATE TABLE exchange_batches_out (
    batch_id        TEXT PRIMARY KEY,
    recipient       TEXT NOT NULL,
    sequence        INTEGER NOT NULL,
    file_name       TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    since_stamp     TEXT,
    until_stamp     TEXT,
    audit_seq       INTEGER NOT NULL DEFAULT 0,
    periods         TEXT NOT NULL DEFAULT '[]',
    counts          TEXT NOT NULL DEFAULT '{}',
    fingerprint     TEXT NOT NULL DEFAULT '',
    includes_private INTEGER NOT NULL DEFAULT 0,
    acknowledged_at TEXT,
    acknowledged_by TEXT NOT NULL DEFAULT '',
    receipt_summary TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX exchange_batches_out_recipient ON exchange_batches_out (recipient, sequence);

-- Batches this installation imported: which file, when, from whom, and what it did.
CREATE TABLE exchange_batches_in (
    batch_id        TEXT PRIMARY KEY,
    kind            TEXT NOT NULL DEFAULT 'batch',
    sender_unit     TEXT NOT NULL,
    sender_unit_name TEXT NOT NULL DEFAULT '',
    sender_installation TEXT NOT NULL,
    recipient       TEXT NOT NULL DEFAULT '',
    sequence        INTEGER NOT NULL,
    file_name       TEXT NOT NULL,
    file_sha256     TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    imported_at     TEXT NOT NULL,
    until_stamp     TEXT,
    periods         TEXT NOT NULL DEFAULT '[]',
    counts          TEXT NOT NULL DEFAULT '{}',
    summary         TEXT NOT NULL DEFAULT '{}',
    fingerprint     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX exchange_batches_in_sender ON exchange_batches_in (sender_unit, created_at);
CREATE INDEX exchange_batches_in_seq ON exchange_batches_in (sender_installation, recipient, sequence);

-- Which batch brought which version of which record.
CREATE TABLE exchange_record_batches (
    batch_id   TEXT NOT NULL,
    table_name TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    outcome    TEXT NOT NULL
);
CREATE INDEX exchange_record_batches_record ON exchange_record_batches (table_name, record_id);

-- Per origin installation: the newest version stamp this installation holds (the "seen" map).
CREATE TABLE exchange_seen (
    origin     TEXT PRIMARY KEY,
    max_stamp  TEXT NOT NULL
);

-- Both versions of a record changed on both sides since they last met, kept for review.
CREATE TABLE exchange_conflicts (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    batch_id     TEXT NOT NULL,
    table_name   TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    detected_at  TEXT NOT NULL,
    fields       TEXT NOT NULL DEFAULT '[]',
    kept_version TEXT NOT NULL,
    other_version TEXT NOT NULL,
    resolved_at  TEXT,
    resolution   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX exchange_conflicts_open ON exchange_conflicts (resolved_at, seq);

-- Approved documents received as PDFs (kept as files in the data folder).
CREATE TABLE exchange_documents (
    batch_id   TEXT NOT NULL,
    unit_code  TEXT NOT NULL,
    name       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    stored_path TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (batch_id, name)
);
CREATE INDEX exchange_documents_unit ON exchange_documents (unit_code, received_at);
