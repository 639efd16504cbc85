"""At start: finish the exports a crash interrupted and sweep the temp files crashed writes left behind.

An export is recorded before its file takes the final name (services/handover/export.py). If the
process died in between, the batch is recorded with `pending_tmp` set: the temp file is renamed to
its final name now (or later, when the USB stick is back). Temp files of writes that died before
being recorded are removed: the hidden `.<unit code>-….tmp` in the folders this database exported
to, and `*.tmp` under its `received/` folder. Only names the program itself makes are touched.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from danvan_desktop.store.database import Database
from danvan_desktop.store.export_trail import ExportTrail

log = logging.getLogger(__name__)


@dataclass
class Recovery:
    renamed: int = 0        # recorded exports whose file now has its final name
    waiting: int = 0        # recorded exports whose folder is not reachable now (a USB stick not plugged in)
    removed: int = 0        # temp files of crashed writes deleted


def _unlink(path: Path) -> int:
    try:
        path.unlink()
        return 1
    except OSError:
        return 0


def recover(db: Database, received: bool = True) -> Recovery:
    """`received=False` leaves the received folder's sweep (`sweep_received`) to the caller: the window has the
    job runner do it, off the GUI thread."""
    result = Recovery()
    if db.path is None or str(db.path) == ":memory:":
        return result
    exchange = ExportTrail(db)
    for batch_id, tmp, final in exchange.pending_renames():
        tmp_path, final_path = Path(tmp), Path(final)
        try:
            if tmp_path.exists():
                os.replace(tmp_path, final_path)
                result.renamed += 1
                log.info("finished the rename of export %s to %s", batch_id, final_path)
            elif not final_path.parent.exists():
                result.waiting += 1
                continue
        except OSError as exc:
            log.warning("export %s: cannot rename %s yet (%s)", batch_id, tmp_path, exc)
            result.waiting += 1
            continue
        exchange.set_out_file(batch_id, final, None)
    unit_code = db.unit_code
    if unit_code:
        for folder in exchange.export_folders():
            for stale in Path(folder).glob(f".{unit_code}-*.tmp"):
                result.removed += _unlink(stale)
    if received:
        result.removed += sweep_received(Path(db.path))
    return result


def sweep_received(db_path: Path) -> int:
    """Remove the `*.tmp` a crashed import left under the received folder (received/<unit>/<batch>/). A walk of
    every received document: on a province's year, 200 communes' 3 200 files, about 13 ms of CPU (30 with
    pathlib's rglob), ten times that in a decade."""
    removed, folders = 0, [Path(db_path).parent / "received"]
    while folders:
        try:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(Path(entry.path))
                    elif entry.name.endswith(".tmp"):
                        removed += _unlink(Path(entry.path))
        except OSError:
            continue
    return removed
