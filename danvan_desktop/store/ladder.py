"""The numbered SQL migrations the program ships (store/migrations/NNN_name.sql) and the newest number:
read by the upgrade (store/migrate.py) and by the backup checks (store/backup.py) alike."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    number: int
    path: Path


def available() -> list[Migration]:
    found = []
    for path in MIGRATIONS_DIR.iterdir():
        match = _NAME.match(path.name)
        if match:
            found.append(Migration(int(match.group(1)), path))
    return sorted(found, key=lambda m: m.number)


def latest_version() -> int:
    steps = available()
    return steps[-1].number if steps else 0
