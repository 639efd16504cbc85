-- The meetings list and "latest meeting" (dashboard) sort on this expression; without an index of the
-- same expression SQLite sorts every meeting (an upper level holds its communes' meetings too).
CREATE INDEX meetings_list ON meetings (deleted, coalesce(meeting_date, '') DESC, start_time DESC, version DESC);
-- "Is there a newer version of this meeting?" looks up previous_id; almost every row has previous_id = '',
-- so only a partial index keeps the lookup O(log n) once ANALYZE has run (see MeetingRepository.latest_versions).
CREATE INDEX meetings_successor ON meetings (previous_id) WHERE previous_id != '';
