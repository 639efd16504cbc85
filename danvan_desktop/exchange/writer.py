"""Write a .dvx file: entries hashed, the manifest first and signed, a temp name made durable, then renamed.

The temp file is hidden beside the target (`.<name>-XXXXXXXX.tmp`); `before_rename` (the exporter
verifies the file and records the batch there) runs once the temp file is durable and before it takes
the final name, so a crash leaves either nothing under the final name or a recorded batch whose temp
file is renamed at the next start (services/handover/recovery.py). A full or read-only disk becomes
one clear message (domain/disk.py) and leaves no file behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from danvan_desktop.domain import disk
from danvan_desktop.domain.i18n import _
from danvan_desktop.exchange import format as fmt
from danvan_desktop.exchange import keys
from danvan_desktop.exchange.errors import DiskProblem, ExchangeError
from danvan_desktop.exchange.manifest import Entry, Manifest
from danvan_desktop.exchange.schema import encode_value

_SPOOL = 8 * 1024 * 1024


def _line(record: dict) -> bytes:
    return (json.dumps({k: encode_value(v) for k, v in record.items()}, ensure_ascii=False,
                       separators=(",", ":")) + "\n").encode("utf-8")


def _zipinfo(name: str, when: tuple, compress: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when)
    info.compress_type = compress
    info.external_attr = 0o644 << 16
    return info


def temp_pattern(path: Path) -> str:
    """The glob of the hidden temp files a write of `path` makes (left behind only by a crash)."""
    return f".{Path(path).stem}-*.tmp"


def remove_stale_temps(path: Path) -> int:
    """Delete what a crashed earlier write of the same name left beside it; how many were removed."""
    removed = 0
    for stale in Path(path).parent.glob(temp_pattern(path)):
        try:
            stale.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def write_file(path: Path, manifest: Manifest, tables: dict[str, Iterable[dict]], documents: dict[str, bytes],
               private_key: bytes, progress: Callable[[str], None] | None = None,
               before_rename: Callable[[Path], None] | None = None) -> Manifest:
    """Fill the manifest's entries and counts from the data, sign it and write the zip durably at `path`.
    `before_rename(temp_path)` runs on the complete, durable temp file; if it raises, nothing is left."""
    path = Path(path)
    try:
        return _write(path, manifest, tables, documents, private_key, progress, before_rename)
    except OSError as exc:
        message = disk.message_for(exc, path.parent)
        if message is None:
            raise
        raise DiskProblem(message, path) from exc


def _write(path: Path, manifest: Manifest, tables: dict[str, Iterable[dict]], documents: dict[str, bytes],
           private_key: bytes, progress: Callable[[str], None] | None,
           before_rename: Callable[[Path], None] | None) -> Manifest:
    spools: list[tuple[str, tempfile.SpooledTemporaryFile]] = []
    manifest.entries, manifest.counts = [], {}
    try:
        for table, rows in tables.items():
            spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL)  # noqa: SIM115 (closed in finally)
            digest, size, count = hashlib.sha256(), 0, 0
            for record in rows:
                line = _line(record)
                spool.write(line)
                digest.update(line)
                size += len(line)
                count += 1
            if progress:
                progress(table)
            name = fmt.table_entry(table)
            manifest.entries.append(Entry(name, size, digest.hexdigest(), count))
            manifest.counts[table] = count
            spools.append((name, spool))
        for doc_name, data in documents.items():
            manifest.entries.append(Entry(fmt.document_entry(doc_name), len(data), hashlib.sha256(data).hexdigest()))
        _check_bounds(manifest)
        manifest_bytes = manifest.to_bytes()
        signature = keys.b64(keys.sign(private_key, manifest_bytes)).encode("ascii")
        when = _zip_time(manifest.created_at)
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(path)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as raw:
                with zipfile.ZipFile(raw, "w") as zf:
                    zf.writestr(_zipinfo(fmt.MANIFEST, when), manifest_bytes)
                    for name, spool in spools:
                        spool.seek(0)
                        with zf.open(_zipinfo(name, when), "w") as out:
                            while chunk := spool.read(1024 * 1024):
                                out.write(chunk)
                    for doc_name, data in documents.items():
                        zf.writestr(_zipinfo(fmt.document_entry(doc_name), when), data)
                    zf.writestr(_zipinfo(fmt.SIGNATURE, when, zipfile.ZIP_STORED), signature)
                raw.flush()
                os.fsync(raw.fileno())
            if before_rename is not None:
                before_rename(tmp)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        # from here the batch may be recorded: a failed rename keeps the temp file for the next start
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    finally:
        for _name, spool in spools:
            spool.close()
    return manifest


def _check_bounds(manifest: Manifest) -> None:
    """Refuse before writing a file that no reader would accept (and whose read-back would blame the stick)."""
    total = sum(e.size for e in manifest.entries)
    biggest = max(manifest.entries, key=lambda e: e.size, default=None)
    if total > fmt.MAX_TOTAL_BYTES or (biggest is not None and biggest.size > fmt.MAX_ENTRY_BYTES):
        raise ExchangeError(_("dữ liệu cần xuất quá lớn cho một tệp ({size} MB, tối đa {limit} MB); hãy chọn "
                              "«Những gì thay đổi từ lần bàn giao trước».").format(
            size=total // (1024 * 1024), limit=fmt.MAX_TOTAL_BYTES // (1024 * 1024)))


def _zip_time(created_at: str) -> tuple:
    try:
        moment = dt.datetime.fromisoformat(created_at.replace("Z", "+00:00"))
    except ValueError:
        moment = dt.datetime(2000, 1, 1)
    return (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, moment.second)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
