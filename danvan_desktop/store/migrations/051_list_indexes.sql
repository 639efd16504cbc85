-- Indexes for lists and counts that must stay quick at 100 000 tasks and a province's decade (issue 17).

-- The dashboard's "this month" counts (services/tasks/dashboard.py): tasks finished since the month began
-- are found by their done day instead of reading every finished task of the commune's history.
-- (due_date in the index: whether such a task was carried over is read from the index alone)
-- Numbered 051: 050 is kept for the province-scale store work that runs beside this change.
CREATE INDEX tasks_status_done ON tasks (deleted, status, done_on, due_date);

-- The received files' list (Các lô đã trao đổi) shows the newest imports a page at a time
-- (services/handover/batches.py `received`): a province's decade holds ~24 000 of them.
CREATE INDEX exchange_batches_in_imported ON exchange_batches_in (imported_at);
