-- Foundation: local settings, the audit log, the unit, its villages, posts, the bloc roster and
-- composition profiles. Every travelling table carries the same seven columns first.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    table_name TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'restore', 'import')),
    before     TEXT,
    after      TEXT
);
CREATE INDEX audit_log_record ON audit_log (table_name, record_id, seq);

CREATE TABLE units (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    province TEXT NOT NULL DEFAULT '',
    upper_unit_name TEXT NOT NULL DEFAULT '',
    upper_party_name TEXT NOT NULL DEFAULT '',
    party_committee_name TEXT NOT NULL DEFAULT '',
    place_name TEXT NOT NULL DEFAULT '',
    doc_symbol TEXT NOT NULL DEFAULT 'DV',
    level TEXT NOT NULL DEFAULT 'commune' CHECK (level IN ('commune', 'upper'))
);
CREATE UNIQUE INDEX units_code ON units (code) WHERE deleted = 0;

CREATE TABLE villages (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'thôn',
    sort_order INTEGER NOT NULL DEFAULT 0,
    merged_into TEXT
);
CREATE INDEX villages_unit ON villages (unit_code, deleted, sort_order);

CREATE TABLE posts (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX posts_unit ON posts (unit_code, code);

CREATE TABLE bloc_members (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    full_name TEXT NOT NULL,
    post_code TEXT NOT NULL,
    bloc_role TEXT NOT NULL DEFAULT 'member' CHECK (bloc_role IN ('head', 'deputy', 'member')),
    start_date TEXT,
    start_decision TEXT NOT NULL DEFAULT '',
    end_date TEXT,
    end_decision TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    trained_on TEXT,
    village_ids TEXT NOT NULL DEFAULT '[]',
    note TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX bloc_members_unit ON bloc_members (unit_code, deleted, end_date);

CREATE TABLE composition_profiles (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    rules TEXT NOT NULL DEFAULT '{}',
    builtin INTEGER NOT NULL DEFAULT 0
);
