-- An approved report's sections carry its content hash too, so the hand-over never overwrites
-- them from another installation (the shared rule: a row whose content_hash is set is locked).
ALTER TABLE report_sections ADD COLUMN content_hash TEXT;
