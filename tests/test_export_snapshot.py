"""A hand-over file is read in one read transaction: a change the window commits while the file is being
written is in the file whole or not at all, never half of it."""

from __future__ import annotations

import json
import zipfile

from danvan_desktop.exchange.schema import travelling_schema
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.handover.export import ExchangeExportService


def _rows_in_file(path, table: str) -> dict[str, dict]:
    with zipfile.ZipFile(path) as zf:
        lines = zf.read(f"tables/{table}.jsonl").decode("utf-8").splitlines()
    return {row["id"]: row for row in map(json.loads, lines) if row}


def test_a_change_made_during_the_export_is_in_the_file_whole_or_not_at_all(xa, tmp_path, monkeypatch):
    unit = xa.db.unit_code
    tables = [t for t in travelling_schema(xa.db.conn)
              if xa.db.conn.execute(f'SELECT 1 FROM "{t}" WHERE unit_code = ? LIMIT 1', (unit,)).fetchone()]
    first, last = tables[0], tables[-1]
    first_id = xa.db.conn.execute(f'SELECT id FROM "{first}" WHERE unit_code = ? LIMIT 1', (unit,)).fetchone()[0]
    last_id = xa.db.conn.execute(f'SELECT id FROM "{last}" WHERE unit_code = ? LIMIT 1', (unit,)).fetchone()[0]
    window = AppServices.open(xa.db.path)          # the window's connection, while a job exports on another
    stamps: list[str] = []
    reading = ExchangeExportService._rows

    def rows_then_a_change(self, table, *args):
        yield from reading(self, table, *args)
        if table.name == first and not stamps:      # between the first table read and the last one
            stamp = window.db.clock.tick()
            with window.db.transaction() as conn:   # one change across two tables, committed meanwhile
                conn.execute(f'UPDATE "{first}" SET updated_at = ? WHERE id = ?', (stamp, first_id))
                conn.execute(f'UPDATE "{last}" SET updated_at = ? WHERE id = ?', (stamp, last_id))
            stamps.append(stamp)

    monkeypatch.setattr(ExchangeExportService, "_rows", rows_then_a_change)
    try:
        path = xa.exchange.exporter.export(tmp_path / "all.dvx").path
    finally:
        window.close()
    assert stamps, "the change was made during the export"
    carried = (_rows_in_file(path, first)[first_id]["updated_at"] == stamps[0],
               _rows_in_file(path, last)[last_id]["updated_at"] == stamps[0])
    assert carried == (False, False)        # the file is the data as it stood when the export began
    assert xa.exchange.exporter.pending_since_last() >= 2    # the change goes with the next hand-over
