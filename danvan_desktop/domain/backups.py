"""Backup copies: how they are named and which of them rotation keeps.

A copy is named `<stem>-<YYYYMMDD-HHMMSS-ffffff>-<reason>.sqlite3` (the moment in Vietnam's time),
so the folder sorts by age and a copy says when and why it was taken without being opened.

Rotation keeps, like `restic forget --keep-daily 7 --keep-weekly 4 --keep-monthly 12`, the newest
copy of each of the 7 most recent days, the 4 most recent ISO weeks and the 12 most recent months
that have a copy; besides, the newest KEEP_PER_EVENT copies taken before each risky step (an
upgrade, an import sitting, a restore) are kept whatever their day, so the copy made just before a
restore is never rotated away by the day's next import. Copies made with "Sao lưu ngay" (reason
`manual`) and files that are not ours are never touched.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

DAILY, WEEKLY, MONTHLY = 7, 4, 12
KEEP_PER_EVENT = 5
SUFFIX = ".sqlite3"

AUTOMATIC = "daily"        # the copy taken at the first start of each day
MANUAL = "manual"          # "Sao lưu ngay": never rotated
BEFORE_RESTORE = "before-restore"
BEFORE_IMPORT = "before-import"

_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z0-9-]+)\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S-%f"


@dataclass(frozen=True)
class BackupName:
    file_name: str
    stem: str
    taken_at: dt.datetime      # naive, Vietnam's wall-clock time
    reason: str

    @property
    def automatic(self) -> bool:
        return self.reason != MANUAL

    @property
    def event(self) -> bool:
        """Taken before a risky step (before-v43, before-import, before-restore)."""
        return self.reason.startswith("before-")

    @property
    def event_kind(self) -> str:
        """before-v43 and before-v44 are the same kind of step: an upgrade."""
        return "before-upgrade" if re.fullmatch(r"before-v\d+", self.reason) else self.reason


def backup_file_name(stem: str, moment: dt.datetime, reason: str) -> str:
    if not re.fullmatch(r"[a-z0-9-]+", reason):
        raise ValueError(f"reason {reason!r}")
    return f"{stem}-{moment.replace(tzinfo=None).strftime(_STAMP)}-{reason}{SUFFIX}"


def parse_backup_name(file_name: str, stem: str | None = None) -> BackupName | None:
    """The name's parts, or None for a file that is not one of our copies (of `stem`, if given)."""
    match = _NAME.match(file_name)
    if not match or (stem is not None and match.group("stem") != stem):
        return None
    try:
        taken = dt.datetime.strptime(match.group("stamp"), _STAMP)
    except ValueError:
        return None
    return BackupName(file_name, match.group("stem"), taken, match.group("reason"))


def _newest_per_bucket(copies: list[BackupName], bucket, count: int) -> set[str]:
    kept: set[str] = set()
    seen: list = []
    for copy in sorted(copies, key=lambda c: c.taken_at, reverse=True):
        key = bucket(copy.taken_at)
        if key in seen:
            continue
        if len(seen) == count:
            break
        seen.append(key)
        kept.add(copy.file_name)
    return kept


def to_keep(copies: list[BackupName], *, daily: int = DAILY, weekly: int = WEEKLY, monthly: int = MONTHLY,
            per_event: int = KEEP_PER_EVENT) -> set[str]:
    """The file names rotation keeps among `copies`; manual copies are always kept."""
    automatic = [c for c in copies if c.automatic]
    kept = {c.file_name for c in copies if not c.automatic}
    kept |= _newest_per_bucket(automatic, lambda t: t.date(), daily)
    kept |= _newest_per_bucket(automatic, lambda t: t.isocalendar()[:2], weekly)
    kept |= _newest_per_bucket(automatic, lambda t: (t.year, t.month), monthly)
    kinds = {c.event_kind for c in automatic if c.event}
    for kind in kinds:
        same = sorted((c for c in automatic if c.event and c.event_kind == kind), key=lambda c: c.taken_at)
        kept |= {c.file_name for c in same[-per_event:]}
    return kept


def to_delete(copies: list[BackupName], **policy) -> list[str]:
    keep = to_keep(copies, **policy)
    return sorted(c.file_name for c in copies if c.file_name not in keep)
