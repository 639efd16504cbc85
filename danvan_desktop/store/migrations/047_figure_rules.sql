-- Figures: a carried-over figure ('opening': last period's pending petitions) beside the ratios, and
-- the petition rate divided by carried over + received. SQLite cannot change a CHECK in place, so the
-- catalogue table is rebuilt with the same columns and rows.
CREATE TABLE figures_new (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    code TEXT NOT NULL,
    name_vi TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    aggregation TEXT NOT NULL DEFAULT 'sum' CHECK (aggregation IN ('sum', 'last', 'max', 'average', 'ratio', 'opening')),
    numerator TEXT NOT NULL DEFAULT '',
    denominator TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'typed' CHECK (source IN ('typed', 'counted')),
    not_above TEXT NOT NULL DEFAULT '',
    integer INTEGER NOT NULL DEFAULT 1,
    builtin INTEGER NOT NULL DEFAULT 0,
    sort_order INTEGER NOT NULL DEFAULT 0
);
INSERT INTO figures_new SELECT id, unit_code, created_at, updated_at, updated_by, origin, deleted, code, name_vi,
    name_en, unit, aggregation, numerator, denominator, source, not_above, integer, builtin, sort_order FROM figures;
DROP TABLE figures;
ALTER TABLE figures_new RENAME TO figures;
CREATE UNIQUE INDEX figures_code ON figures (unit_code, code) WHERE deleted = 0;

-- The shipped petition figures follow the balance rule (resolved ≤ carried over + received).
UPDATE figures SET denominator = 'don_ky_truoc+don_nhan' WHERE code = 'ty_le_gq_don' AND builtin = 1
    AND denominator = 'don_nhan';
UPDATE figures SET not_above = '' WHERE code = 'don_da_gq' AND builtin = 1 AND not_above = 'don_nhan';
