"""The data files opened lately, newest first, kept outside any database (a small JSON file in the
user's data folder) so the list survives opening another file. Written atomically."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from danvan_desktop.paths import user_data_dir

KEEP = 8
FILE_NAME = "recent-files.json"


class RecentFiles:
    def __init__(self, store: Path | None = None) -> None:
        self.store = Path(store) if store is not None else user_data_dir() / FILE_NAME

    def _read(self) -> list[str]:
        try:
            data = json.loads(self.store.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []   # no list yet, or a damaged one: start a new list rather than fail to open
        return [p for p in data.get("files", []) if isinstance(p, str)] if isinstance(data, dict) else []

    def _write(self, files: list[str]) -> None:
        tmp = self.store.with_name(f".{self.store.name}.{os.getpid()}.tmp")
        with contextlib.suppress(OSError):   # a list that cannot be written is not worth an error
            self.store.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps({"files": files}, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(tmp, self.store)

    def list(self) -> list[Path]:
        """Newest first; files that have since disappeared are left out."""
        return [Path(p) for p in self._read() if Path(p).is_file()]

    def add(self, path: Path | str) -> None:
        key = str(Path(path).resolve())
        files = [p for p in self._read() if p != key]
        self._write([key, *files][:KEEP])

    def remove(self, path: Path | str) -> None:
        key = str(Path(path).resolve())
        self._write([p for p in self._read() if p != key])
