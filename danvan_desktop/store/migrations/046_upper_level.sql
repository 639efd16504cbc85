-- The upper level reads 200 communes × 10 years by period: each view is one indexed range over the
-- period's rows of every commune (figures, approved reports, hot spots), never a scan per commune.
CREATE INDEX figure_values_by_period ON figure_values (period, unit_code, figure_code, value) WHERE deleted = 0;
CREATE INDEX reports_approved_by_period ON reports (period, unit_code, doc_date)
    WHERE deleted = 0 AND content_hash IS NOT NULL;
CREATE INDEX situation_notes_level_date ON situation_notes (level, noted_on) WHERE deleted = 0;
-- The received documents list: a page of the newest, each with the report its PDF belongs to.
CREATE INDEX exchange_documents_received ON exchange_documents (received_at DESC, name);
CREATE INDEX reports_pdf ON reports (pdf_sha256);

-- A figure may aggregate by its maximum over the months (the month's peak, e.g. the largest number of
-- households in a dispute). SQLite cannot alter a CHECK: the table is rebuilt with the same columns.
CREATE TABLE figures_new (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    code TEXT NOT NULL,
    name_vi TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    aggregation TEXT NOT NULL DEFAULT 'sum' CHECK (aggregation IN ('sum', 'last', 'max', 'average', 'ratio')),
    numerator TEXT NOT NULL DEFAULT '',
    denominator TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'typed' CHECK (source IN ('typed', 'counted')),
    not_above TEXT NOT NULL DEFAULT '',
    integer INTEGER NOT NULL DEFAULT 1,
    builtin INTEGER NOT NULL DEFAULT 0,
    sort_order INTEGER NOT NULL DEFAULT 0
);
INSERT INTO figures_new (id, unit_code, created_at, updated_at, updated_by, origin, deleted, code, name_vi, name_en,
                         unit, aggregation, numerator, denominator, source, not_above, integer, builtin, sort_order)
    SELECT id, unit_code, created_at, updated_at, updated_by, origin, deleted, code, name_vi, name_en, unit,
           aggregation, numerator, denominator, source, not_above, integer, builtin, sort_order FROM figures;
DROP TABLE figures;
ALTER TABLE figures_new RENAME TO figures;
CREATE UNIQUE INDEX figures_code ON figures (unit_code, code) WHERE deleted = 0;
