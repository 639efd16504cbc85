-- The year's work (Kết luận 862-KL/TU): the bloc's annual plan and its items, training sessions,
-- the register of incoming/outgoing documents, and the scorecard's typed values with their evidence.

CREATE TABLE annual_plans (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    year INTEGER NOT NULL,
    number INTEGER,
    doc_date TEXT,
    purpose TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
    approval_decision TEXT NOT NULL DEFAULT '',
    approved_on TEXT,
    content_hash TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX annual_plans_year ON annual_plans (unit_code, year) WHERE deleted = 0;

CREATE TABLE plan_items (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    plan_id TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0,
    field TEXT NOT NULL DEFAULT 'other',
    content TEXT NOT NULL,
    owner_id TEXT NOT NULL DEFAULT '',
    village_ids TEXT NOT NULL DEFAULT '[]',
    months TEXT NOT NULL DEFAULT '[]',
    expected_result TEXT NOT NULL DEFAULT '',
    done_on TEXT,
    result TEXT NOT NULL DEFAULT '',
    task_ids TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX plan_items_plan ON plan_items (plan_id, deleted, sort_order);

CREATE TABLE trainings (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    held_on TEXT NOT NULL,
    topic TEXT NOT NULL,
    organiser TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    member_ids TEXT NOT NULL DEFAULT '[]',
    team_member_ids TEXT NOT NULL DEFAULT '[]',
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX trainings_day ON trainings (unit_code, deleted, held_on);

CREATE TABLE document_register (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    direction TEXT NOT NULL DEFAULT 'in' CHECK (direction IN ('in', 'out')),
    number TEXT NOT NULL,
    doc_date TEXT NOT NULL,
    received_on TEXT,
    issuer TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL,
    file_path TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX document_register_day ON document_register (unit_code, deleted, direction, doc_date);

CREATE TABLE scorecard_entries (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    year INTEGER NOT NULL,
    target_code TEXT NOT NULL,
    value REAL,
    evidence TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX scorecard_entries_one ON scorecard_entries (unit_code, year, target_code) WHERE deleted = 0;

-- The scorecard counts each commune's village-team members (an upper level holds 200 communes' teams).
CREATE INDEX team_members_unit ON team_members (unit_code, deleted);
CREATE INDEX village_teams_unit ON village_teams (unit_code, deleted);
