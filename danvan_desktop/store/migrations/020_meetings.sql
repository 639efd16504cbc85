-- Meetings and their minutes: the meeting (one row a version), attendance, agenda items with the
-- minutes text, and conclusions (each may become a task). A finalised version stores its
-- content_hash and is locked; a correction is a new row of the same series_id.

CREATE TABLE meetings (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL DEFAULT 'monthly'
        CHECK (kind IN ('monthly', 'quarterly', 'half', 'annual', 'thematic', 'ad_hoc', 'village_teams')),
    period TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    meeting_date TEXT,
    start_time TEXT NOT NULL DEFAULT '',
    end_time TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    chair_id TEXT NOT NULL DEFAULT '',
    chair_name TEXT NOT NULL DEFAULT '',
    chair_post TEXT NOT NULL DEFAULT '',
    secretary_id TEXT NOT NULL DEFAULT '',
    secretary_name TEXT NOT NULL DEFAULT '',
    secretary_post TEXT NOT NULL DEFAULT '',
    guests TEXT NOT NULL DEFAULT '[]',
    documents TEXT NOT NULL DEFAULT '',
    number INTEGER,
    series_id TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    previous_id TEXT NOT NULL DEFAULT '',
    content_hash TEXT,
    finalised_at TEXT NOT NULL DEFAULT '',
    finalised_by TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meetings_date ON meetings (unit_code, deleted, meeting_date);
CREATE INDEX meetings_period ON meetings (unit_code, deleted, kind, period);
CREATE INDEX meetings_series ON meetings (series_id, version);
CREATE INDEX meetings_previous ON meetings (previous_id);

CREATE TABLE meeting_attendance (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    meeting_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    member_name TEXT NOT NULL DEFAULT '',
    member_post TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'present' CHECK (status IN ('present', 'excused', 'unexcused', 'late')),
    reason TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX meeting_attendance_meeting ON meeting_attendance (meeting_id, deleted, sort_order);
CREATE INDEX meeting_attendance_member ON meeting_attendance (member_id);

CREATE TABLE meeting_agenda_items (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    meeting_id TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL DEFAULT '',
    presenter TEXT NOT NULL DEFAULT '',
    discussion TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meeting_agenda_items_meeting ON meeting_agenda_items (meeting_id, deleted, position);

CREATE TABLE meeting_conclusions (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    meeting_id TEXT NOT NULL,
    agenda_item_id TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL DEFAULT '',
    task_id TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meeting_conclusions_meeting ON meeting_conclusions (meeting_id, deleted, agenda_item_id, position);
CREATE INDEX meeting_conclusions_task ON meeting_conclusions (task_id);
