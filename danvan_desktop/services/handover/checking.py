"""`danvan verify`: check hand-over files against this program's schema without importing anything."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from danvan_desktop.exchange.errors import ExchangeError
from danvan_desktop.exchange.schema import travelling_schema
from danvan_desktop.exchange.verify import VerifiedFile, verify_file
from danvan_desktop.store.database import Database


def verify_files(paths: Iterable[Path], db_path: Path | None) -> Iterator[tuple[Path, VerifiedFile | ExchangeError]]:
    """Each file with what verification found: the verified file, or the refusal (never raised). The schema
    is the given database's, else a new empty one's."""
    db = Database.open(db_path) if db_path and Path(db_path).exists() else Database.open(":memory:")
    try:
        schema = travelling_schema(db.conn)
        for path in paths:
            try:
                yield Path(path), verify_file(path, schema)
            except ExchangeError as exc:
                yield Path(path), exc
    finally:
        db.close()
