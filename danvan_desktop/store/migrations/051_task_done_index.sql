-- The dashboard's "this month" counts (services/tasks/dashboard.py): tasks finished since the month began
-- are found by their done day instead of reading every finished task of the commune's history.
-- (due_date in the index: whether such a task was carried over is read from the index alone)
-- Numbered 051: 050 is kept for the province-scale store work that runs beside this change.
CREATE INDEX tasks_status_done ON tasks (deleted, status, done_on, due_date);
