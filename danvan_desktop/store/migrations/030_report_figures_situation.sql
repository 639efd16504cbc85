-- The people's situation log, the figures catalogue and monthly values, "Dân vận khéo" models,
-- the document number register and the briefing reports with their sections.

CREATE TABLE situation_notes (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    noted_on TEXT NOT NULL,
    village_id TEXT,
    topic TEXT NOT NULL,
    level TEXT NOT NULL DEFAULT 'normal' CHECK (level IN ('normal', 'watch', 'hot')),
    summary TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    action_taken TEXT NOT NULL DEFAULT '',
    follower TEXT NOT NULL DEFAULT '',
    resolved INTEGER NOT NULL DEFAULT 0,
    resolved_on TEXT,
    private INTEGER NOT NULL DEFAULT 0,
    personal_people TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX situation_notes_date ON situation_notes (unit_code, deleted, noted_on);
CREATE INDEX situation_notes_open ON situation_notes (unit_code, deleted, level, resolved);
CREATE INDEX situation_notes_village ON situation_notes (village_id, noted_on);

CREATE TABLE figures (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    code TEXT NOT NULL,
    name_vi TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    aggregation TEXT NOT NULL DEFAULT 'sum' CHECK (aggregation IN ('sum', 'last', 'average', 'ratio')),
    numerator TEXT NOT NULL DEFAULT '',
    denominator TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'typed' CHECK (source IN ('typed', 'counted')),
    not_above TEXT NOT NULL DEFAULT '',
    integer INTEGER NOT NULL DEFAULT 1,
    builtin INTEGER NOT NULL DEFAULT 0,
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX figures_code ON figures (unit_code, code) WHERE deleted = 0;

CREATE TABLE figure_values (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    figure_code TEXT NOT NULL,
    period TEXT NOT NULL,
    value REAL NOT NULL CHECK (value >= 0),
    note TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX figure_values_one ON figure_values (unit_code, figure_code, period) WHERE deleted = 0;
CREATE INDEX figure_values_period ON figure_values (unit_code, period);

CREATE TABLE dvk_models (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    field TEXT NOT NULL,
    owner_kind TEXT NOT NULL,
    owner_id TEXT,
    owner_name TEXT NOT NULL DEFAULT '',
    year INTEGER NOT NULL,
    registered_on TEXT,
    recognition TEXT NOT NULL DEFAULT 'registered' CHECK (recognition IN ('registered', 'commune', 'upper')),
    recognised_on TEXT,
    results TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dvk_models_year ON dvk_models (unit_code, deleted, year);

-- One row per number handed out: held by a draft, issued with an approved document, freed by a
-- deleted draft (handed out again first), or used outside the program (external).
CREATE TABLE doc_numbers (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    doc_type TEXT NOT NULL,
    scope TEXT NOT NULL,
    number INTEGER NOT NULL CHECK (number >= 1),
    state TEXT NOT NULL CHECK (state IN ('held', 'issued', 'free', 'external')),
    holder_table TEXT NOT NULL DEFAULT '',
    holder_id TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX doc_numbers_one ON doc_numbers (unit_code, doc_type, scope, number) WHERE deleted = 0;
CREATE INDEX doc_numbers_holder ON doc_numbers (holder_table, holder_id);

CREATE TABLE reports (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL,
    period TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    replaces_id TEXT,
    replace_note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'handed_over')),
    layout TEXT NOT NULL DEFAULT 'HD36-2018',
    doc_type TEXT NOT NULL DEFAULT 'BC',
    number INTEGER,
    number_scope TEXT NOT NULL DEFAULT '',
    body_symbol TEXT NOT NULL DEFAULT 'DV',
    doc_date TEXT,
    place TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    signer_authority TEXT NOT NULL DEFAULT '',
    signer_post TEXT NOT NULL DEFAULT '',
    signer_name TEXT NOT NULL DEFAULT '',
    recipients TEXT NOT NULL DEFAULT '[]',
    figures_table TEXT NOT NULL DEFAULT '[]',
    include_figures_table INTEGER NOT NULL DEFAULT 1,
    content_hash TEXT,
    approved_by TEXT NOT NULL DEFAULT '',
    approved_at TEXT NOT NULL DEFAULT '',
    handed_over_on TEXT,
    handed_over_to TEXT NOT NULL DEFAULT '',
    pdf_sha256 TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reports_period ON reports (unit_code, deleted, period, version);

CREATE TABLE report_sections (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    report_id TEXT NOT NULL,
    key TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL DEFAULT '',
    drafted_text TEXT NOT NULL DEFAULT '',
    edited INTEGER NOT NULL DEFAULT 0,
    pending_draft TEXT NOT NULL DEFAULT ''
);
CREATE INDEX report_sections_report ON report_sections (report_id, position);

-- The approved PDF kept with the report (not a travelling table: the hand-over file carries the
-- PDFs of approved documents as files of their own, named by their SHA-256).
CREATE TABLE report_files (
    sha256 TEXT PRIMARY KEY,
    report_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE INDEX report_files_report ON report_files (report_id);
