-- The situation list pages from SQL ordered by date: indexes that serve its ORDER BY and the
-- dashboard's open hot spots without sorting the whole table (measured by bench/bench_situation_list.py).
CREATE INDEX situation_notes_list ON situation_notes (deleted, noted_on DESC, created_at DESC);
CREATE INDEX situation_notes_hot ON situation_notes (deleted, level, resolved, noted_on);
CREATE INDEX reports_list ON reports (deleted, period DESC, version DESC);
