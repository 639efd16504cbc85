"""What the task list is asked for: filters a screen or the command line sets, turned into SQL by the store."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from danvan_desktop.domain.periods import Period

# Status filter values beyond the stored statuses: every open task (overdue included).
OPEN_FILTER = "open"


@dataclass(frozen=True)
class TaskQuery:
    village_id: str | None = None
    member_id: str | None = None      # responsible or among the assignees
    status: str | None = None         # a TaskStatus value, 'overdue', or OPEN_FILTER; None: all
    category: str | None = None
    period: Period | None = None      # due within the period
    overdue_only: bool = False
    text: str = ""
    source_kind: str | None = None
    source_ref: str | None = None
    due_from: dt.date | None = None
    due_to: dt.date | None = None

    @property
    def oldest_first(self) -> bool:
        """Open work reads best oldest deadline first; a history reads best newest first."""
        return self.overdue_only or self.status in (OPEN_FILTER, "overdue", "not_started", "in_progress") \
            or self.due_from is not None
