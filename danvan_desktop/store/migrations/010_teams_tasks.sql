-- Village teams (tổ dân vận thôn) and their members; tasks, their per-village tracking and progress notes.

CREATE TABLE village_teams (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    village_id TEXT NOT NULL,
    founding_decision TEXT NOT NULL DEFAULT '',
    founded_on TEXT,
    has_regulation INTEGER NOT NULL DEFAULT 0,
    has_programme INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX village_teams_village ON village_teams (village_id, deleted);

CREATE TABLE team_members (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    village_id TEXT NOT NULL,
    full_name TEXT NOT NULL,
    team_role TEXT NOT NULL DEFAULT 'member' CHECK (team_role IN ('leader', 'deputy', 'member')),
    post TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX team_members_village ON team_members (village_id, deleted, sort_order);

CREATE TABLE tasks (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT 'other',
    source_kind TEXT NOT NULL DEFAULT 'adhoc',
    source_ref TEXT NOT NULL DEFAULT '',
    member_ids TEXT NOT NULL DEFAULT '[]',
    responsible_id TEXT,
    start_date TEXT,
    due_date TEXT NOT NULL,
    priority TEXT NOT NULL DEFAULT 'normal',
    status TEXT NOT NULL DEFAULT 'not_started'
        CHECK (status IN ('not_started', 'in_progress', 'done', 'paused', 'cancelled')),
    done_on TEXT,
    series_id TEXT,
    occurrence TEXT NOT NULL DEFAULT '',
    repeat_until TEXT,
    village_count INTEGER NOT NULL DEFAULT 0,
    villages_done INTEGER NOT NULL DEFAULT 0,
    search_text TEXT NOT NULL DEFAULT ''
);
-- The list sorts by due date and filters on status, category, responsible member and due range.
CREATE INDEX tasks_due ON tasks (deleted, due_date);
CREATE INDEX tasks_status_due ON tasks (deleted, status, due_date);
CREATE INDEX tasks_category_due ON tasks (deleted, category, due_date);
CREATE INDEX tasks_responsible_due ON tasks (deleted, responsible_id, due_date);
CREATE INDEX tasks_source ON tasks (source_kind, source_ref);
CREATE INDEX tasks_series ON tasks (series_id);

CREATE TABLE task_assignments (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    task_id TEXT NOT NULL,
    village_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'not_started'
        CHECK (status IN ('not_started', 'in_progress', 'done', 'paused', 'cancelled')),
    done_on TEXT
);
CREATE INDEX task_assignments_task ON task_assignments (task_id, deleted);
CREATE INDEX task_assignments_village ON task_assignments (village_id, deleted, task_id);

CREATE TABLE task_progress (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    task_id TEXT NOT NULL,
    village_id TEXT NOT NULL DEFAULT '',
    noted_on TEXT NOT NULL,
    result TEXT NOT NULL DEFAULT '',
    figures TEXT NOT NULL DEFAULT '{}',
    reported_by TEXT NOT NULL DEFAULT '',
    highlight INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX task_progress_task ON task_progress (task_id, deleted, noted_on);
CREATE INDEX task_progress_noted ON task_progress (deleted, noted_on);
