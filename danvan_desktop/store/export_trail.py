"""Where this database's exports went and which are still under a temp name: what the start's recovery reads
(services/handover/recovery.py) before the window is shown, without the rest of the exchange's bookkeeping
(store/exchange_log.py, whose dataclasses cost a few ms to import). The exporter writes it too."""

from __future__ import annotations

import json
from pathlib import Path

from danvan_desktop.store.database import Database

EXPORT_FOLDERS = "exchange_export_folders"


class ExportTrail:
    def __init__(self, db: Database) -> None:
        self.db = db

    def set_out_file(self, batch_id: str, file_path: str, pending_tmp: str | None) -> None:
        """Where the batch's file goes, and the temp file still to be renamed there (None once done)."""
        with self.db.transaction() as conn:
            conn.execute("UPDATE exchange_batches_out SET file_path = ?, pending_tmp = ? WHERE batch_id = ?",
                         (file_path, pending_tmp, batch_id))

    def pending_renames(self) -> list[tuple[str, str, str]]:
        """(batch_id, temp path, final path) of recorded exports whose file has not its final name yet."""
        return [(r[0], r[1], r[2]) for r in self.db.conn.execute(
            "SELECT batch_id, pending_tmp, file_path FROM exchange_batches_out WHERE pending_tmp IS NOT NULL")]

    def note_export_folder(self, folder: str, limit: int = 20) -> None:
        """Remember a folder an export is about to write to, before anything is written there."""
        folders = [folder] + [f for f in self.export_folders(limit) if f != folder]
        self.db.set_setting(EXPORT_FOLDERS, json.dumps(folders[:limit], ensure_ascii=False))

    def export_folders(self, limit: int = 20) -> list[str]:
        """The folders the latest exports were written to (where a crashed export leaves its temp file)."""
        try:
            folders = [str(f) for f in json.loads(self.db.get_setting(EXPORT_FOLDERS, "[]") or "[]")]
        except (ValueError, TypeError):
            folders = []
        rows = self.db.conn.execute(
            "SELECT file_path FROM exchange_batches_out WHERE file_path != '' ORDER BY created_at DESC LIMIT ?",
            (limit * 5,))
        for (path,) in rows:
            folder = str(Path(path).parent)
            if folder not in folders:
                folders.append(folder)
        return folders[:limit]
