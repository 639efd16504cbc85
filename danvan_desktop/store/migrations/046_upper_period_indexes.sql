-- The upper level reads 200 communes × 10 years by period: each view is one indexed range over the
-- period's rows of every commune (figures, approved reports, hot spots), never a scan per commune.
CREATE INDEX figure_values_by_period ON figure_values (period, unit_code, figure_code, value) WHERE deleted = 0;
CREATE INDEX reports_approved_by_period ON reports (period, unit_code, doc_date)
    WHERE deleted = 0 AND content_hash IS NOT NULL;
CREATE INDEX situation_notes_level_date ON situation_notes (level, noted_on) WHERE deleted = 0;
-- The received documents list: a page of the newest, each with the report its PDF belongs to.
CREATE INDEX exchange_documents_received ON exchange_documents (received_at DESC, name);
CREATE INDEX reports_pdf ON reports (pdf_sha256);
