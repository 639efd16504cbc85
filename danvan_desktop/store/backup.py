"""Copies of the database file, made with SQLite's online backup API.

The copy is read page by page through SQLite (never a half-written page, whatever another
connection is doing), in steps of STEP_PAGES so it can report progress and be cancelled, into a
hidden temporary name in the target folder; it is flushed to the disk and only then renamed to its
final name, so a crash or a full disk never leaves a half-written copy under a backup's name.
A restore is the same in the other direction: the chosen copy is checked (ours, not damaged,
not too new), the current file is kept as a copy of its own, and the restored file replaces it
with one atomic rename. Naming and rotation rules live in domain/backups.py.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from danvan_desktop.domain import backups as rules
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.today import now as vietnam_now
from danvan_desktop.store.errors import StoreError
from danvan_desktop.store.ladder import latest_version

Progress = Callable[[int, int], None]    # (pages done, pages in all); may raise to cancel
STEP_PAGES = 1024                        # 4 MB a step with SQLite's default 4 KB pages
# what every file of ours has had since the first release (migration 001)
REQUIRED_TABLES = ("settings", "audit_log", "units", "villages", "posts", "bloc_members")
COUNTED = {"members": "bloc_members", "tasks": "tasks", "meetings": "meetings", "reports": "reports"}


class BackupError(StoreError):
    """A copy that could not be made, or a file that cannot be restored; nothing was changed."""


@dataclass
class BackupInfo:
    """What a copy holds, read without changing it."""

    path: Path
    size: int
    schema_version: int
    unit_code: str
    unit_name: str
    counts: dict[str, int | None] = field(default_factory=dict)
    last_change: str = ""           # the newest change recorded in it (audit log), ISO
    checked: bool = False           # PRAGMA integrity_check passed


def backup_dir(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def copies(db_path: Path) -> list[tuple[Path, rules.BackupName]]:
    """Our copies of this file in its backups folder, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"*{rules.SUFFIX}"):
        name = rules.parse_backup_name(path.name, Path(db_path).stem)
        if name is not None:
            found.append((path, name))
    return sorted(found, key=lambda item: item[1].taken_at, reverse=True)


# -- making a copy ---------------------------------------------------------------------------
def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return   # Windows flushes the directory entry with the file; it cannot open a folder to sync it
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temporary_name(target: Path) -> Path:
    """Hidden, in the same folder (so the rename is atomic), ending in .tmp (cleaned at start if left)."""
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def _disk_error(exc: OSError, folder: Path) -> BackupError:
    if exc.errno == errno.ENOSPC:
        return BackupError(_("Ổ đĩa «{folder}» đã đầy, không ghi được bản sao lưu. Hãy giải phóng chỗ trống "
                             "hoặc chọn nơi khác; dữ liệu không bị thay đổi.").format(folder=folder))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return BackupError(_("Không có quyền ghi vào «{folder}» (thư mục chỉ đọc hoặc USB bị khóa ghi). Hãy chọn "
                             "nơi khác; dữ liệu không bị thay đổi.").format(folder=folder))
    return BackupError(_("Không ghi được bản sao lưu vào «{folder}»: {error}. Dữ liệu không bị thay đổi.").format(
        folder=folder, error=exc.strerror or exc))


def _database_bytes(conn: sqlite3.Connection) -> int:
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    return pages * size


def copy_database(source: sqlite3.Connection, target: Path, progress: Progress | None = None,
                  verify: bool = False) -> Path:
    """Copy the open database `source` to `target` (which must not exist), atomically."""
    target = Path(target)
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _disk_error(exc, folder) from exc
    needed = _database_bytes(source)
    free = shutil.disk_usage(folder).free
    if free < needed + 1024 * 1024:
        raise BackupError(_("Ổ đĩa «{folder}» chỉ còn {free} MB trống, cần khoảng {need} MB cho bản sao lưu. Hãy giải "
                            "phóng chỗ trống hoặc chọn nơi khác; dữ liệu không bị thay đổi.").format(
            folder=folder, free=free // 2**20, need=needed // 2**20 + 1))
    tmp = temporary_name(target)
    tmp.unlink(missing_ok=True)
    try:
        dst = sqlite3.connect(tmp, isolation_level=None)
        try:
            def step(_status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress(total - remaining, total)
            source.backup(dst, pages=STEP_PAGES, progress=step)
            # a copy is one self-contained file, whatever journal mode the original runs in
            dst.execute("PRAGMA journal_mode = DELETE")
            if verify:
                verdict = dst.execute("PRAGMA quick_check").fetchone()[0]
                if verdict != "ok":
                    raise BackupError(_("Bản sao lưu ghi ra bị lỗi khi đọc lại ({error}); ổ đĩa hoặc USB có thể "
                                        "hỏng. Hãy chọn nơi khác.").format(error=verdict))
        finally:
            dst.close()
        _fsync_file(tmp)
        os.replace(tmp, target)
        _fsync_dir(folder)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _disk_error(exc, folder) from exc
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        if "full" in str(exc).lower():
            raise _disk_error(OSError(errno.ENOSPC, str(exc)), folder) from exc
        raise BackupError(_("Không sao lưu được: {error}. Dữ liệu không bị thay đổi.").format(error=exc)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def take_backup(conn: sqlite3.Connection, db_path: Path, reason: str, *,
                now: Callable[[], dt.datetime] = vietnam_now, progress: Progress | None = None,
                verify: bool = False) -> Path:
    """An automatic copy in the file's backups folder (before an upgrade, an import, a restore, or
    the day's first start), then rotation."""
    db_path = Path(db_path)
    folder = backup_dir(db_path)
    target = folder / rules.backup_file_name(db_path.stem, now(), reason)
    while target.exists():   # two copies in the same microsecond (tests): never overwrite one
        target = target.with_name(target.name.replace(f"-{reason}.", f"-{reason}-b."))
    copy_database(conn, target, progress, verify=verify)
    rotate(db_path)
    return target


def _open_source(db_path: Path) -> sqlite3.Connection:
    """A connection that only reads, but may tidy the WAL away when it is the last one to close (a
    read-only one would leave -wal and -shm files beside the data file)."""
    if not Path(db_path).is_file():
        raise BackupError(_("Không có tệp dữ liệu «{path}».").format(path=db_path))
    try:
        return sqlite3.connect(Path(db_path), isolation_level=None)
    except sqlite3.Error as exc:
        raise BackupError(_("Không mở được tệp dữ liệu «{path}» để sao lưu ({error}).").format(
            path=db_path, error=exc)) from exc


def back_up_file(db_path: Path, reason: str, *, now: Callable[[], dt.datetime] = vietnam_now,
                 progress: Progress | None = None, verify: bool = False) -> Path:
    """take_backup through a connection of its own (a worker thread, while the window keeps writing)."""
    source = _open_source(db_path)
    try:
        return take_backup(source, db_path, reason, now=now, progress=progress, verify=verify)
    finally:
        source.close()


def copy_file(db_path: Path, target: Path, progress: Progress | None = None, verify: bool = False) -> Path:
    """A copy of the data file under any name, in any folder (a USB stick)."""
    if Path(target).exists():
        raise BackupError(_("Đã có tệp «{path}»; không ghi đè.").format(path=target))
    source = _open_source(db_path)
    try:
        return copy_database(source, target, progress, verify=verify)
    finally:
        source.close()


def rotate(db_path: Path) -> list[Path]:
    """Delete the automatic copies rotation does not keep; returns them."""
    found = copies(db_path)
    doomed = set(rules.to_delete([name for _path, name in found]))
    removed = []
    for path, name in found:
        if name.file_name in doomed:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


# -- reading a copy ---------------------------------------------------------------------------
def _refused(path: Path, why: str, purpose: str = "restore") -> BackupError:
    if purpose == "backup":
        error = BackupError(_("Không sao lưu được «{path}»: {why} Không có gì bị thay đổi.").format(path=path, why=why))
    elif purpose == "open":
        error = BackupError(_("Không mở được «{path}»: {why} Không có gì bị thay đổi.").format(path=path, why=why))
    else:
        error = BackupError(_("Không thể khôi phục từ «{path}»: {why} Không có gì bị thay đổi.").format(
            path=path, why=why))
    error.why = why
    return error


def inspect(path: Path | str, *, check: bool = True, purpose: str = "restore") -> BackupInfo:
    """Read a copy without changing it; BackupError if it is not one of ours, is damaged or too new. What it
    holds (counts, last change) is read for a restore only: opening a province's file must not count its rows."""
    try:
        return _inspect(Path(path), check, contents=purpose == "restore")
    except BackupError as exc:
        if purpose == "restore":
            raise
        raise _refused(Path(path), getattr(exc, "why", str(exc)), purpose) from exc


def _inspect(path: Path, check: bool, contents: bool = True) -> BackupInfo:
    if not path.is_file():
        raise _refused(path, _("không có tệp này."))
    size = path.stat().st_size
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise _refused(path, _("đây không phải tệp dữ liệu của chương trình."))
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise _refused(path, _("không mở được tệp ({error}).").format(error=exc)) from exc
    try:
        return _read_info(conn, path, size, check, contents)
    except sqlite3.DatabaseError as exc:
        if "malformed" in str(exc) or "not a database" in str(exc):
            raise _refused(path, _("tệp đã hỏng hoặc bị cắt ngắn (có thể chép chưa hết).")) from exc
        raise _refused(path, _("tệp đã hỏng ({error}).").format(error=exc)) from exc
    finally:
        conn.close()


def _read_info(conn: sqlite3.Connection, path: Path, size: int, check: bool, contents: bool = True) -> BackupInfo:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if check:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
        if problems != ["ok"]:
            raise _refused(path, _("tệp đã hỏng (kiểm tra toàn vẹn: {problem}).").format(problem=problems[0]))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if version < 1 or missing:
        raise _refused(path, _("đây không phải tệp dữ liệu của chương trình (thiếu bảng {tables})."
                               ).format(tables=", ".join(missing) or "—"))
    if version > latest_version():
        raise _refused(path, _("tệp do phiên bản mới hơn của chương trình tạo ra (lược đồ {found}, phiên bản này "
                               "hỗ trợ đến {supported}); hãy cập nhật chương trình trước.").format(
            found=version, supported=latest_version()))
    settings = dict(conn.execute("SELECT key, value FROM settings").fetchall())
    if not settings.get("installation_id"):
        raise _refused(path, _("đây không phải tệp dữ liệu của chương trình (không có mã cài đặt)."))
    unit_code = settings.get("unit_code", "") or ""
    row = conn.execute("SELECT name FROM units WHERE code = ? AND deleted = 0", (unit_code,)).fetchone()
    if not contents:
        return BackupInfo(path, size, version, unit_code, row[0] if row else "", checked=check)
    counts: dict[str, int | None] = {}
    for key, table in COUNTED.items():
        counts[key] = (conn.execute(f"SELECT count(*) FROM {table} WHERE deleted = 0").fetchone()[0]
                       if table in tables else None)
    if counts["members"] is not None:
        counts["members"] = conn.execute("SELECT count(*) FROM bloc_members WHERE deleted = 0 AND end_date IS NULL"
                                         ).fetchone()[0]
    last = conn.execute("SELECT max(at) FROM audit_log").fetchone()[0] or ""
    return BackupInfo(path, size, version, unit_code, row[0] if row else "", counts, last, check)


# -- restoring ------------------------------------------------------------------------------
@dataclass
class Restored:
    db_path: Path
    backup: BackupInfo
    kept: Path | None            # the file as it was before, kept as a copy of its own


def _keep_current(db_path: Path, now: Callable[[], dt.datetime], progress: Progress | None) -> Path | None:
    """Copy the file about to be replaced into its backups folder, then fold its WAL back into it so
    nothing of it lives in a side file the restored file could be mistaken for."""
    if not db_path.exists():
        return None
    try:
        conn = sqlite3.connect(db_path, isolation_level=None)
        try:
            kept = take_backup(conn, db_path, rules.BEFORE_RESTORE, now=now, progress=progress)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
        return kept
    except sqlite3.DatabaseError:
        # the current file is damaged (that is often why one restores): keep its bytes as they are
        target = backup_dir(db_path) / rules.backup_file_name(db_path.stem, now(), rules.BEFORE_RESTORE)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = temporary_name(target)
        shutil.copyfile(db_path, tmp)
        _fsync_file(tmp)
        os.replace(tmp, target)
        for side in ("-wal", "-shm"):
            Path(f"{db_path}{side}").unlink(missing_ok=True)
        return target


def restore(db_path: Path | str, backup: Path | str, *, now: Callable[[], dt.datetime] = vietnam_now,
            progress: Progress | None = None) -> Restored:
    """Replace the (closed) database with a checked copy; the current file is kept as a copy first.

    The caller holds the file's instance lock and has closed every connection to it."""
    db_path, backup = Path(db_path), Path(backup)
    info = inspect(backup, check=True)
    if backup.resolve() == db_path.resolve():
        raise _refused(backup, _("đây chính là tệp dữ liệu đang dùng."))
    ready = db_path.with_name(f".{db_path.name}.restore.tmp")
    ready.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{backup.as_posix()}?mode=ro", uri=True, isolation_level=None)
    try:
        copy_database(source, ready, progress)
    finally:
        source.close()
    try:
        kept = _keep_current(db_path, now, None)
        for side in ("-wal", "-shm", "-journal"):
            Path(f"{db_path}{side}").unlink(missing_ok=True)
        os.replace(ready, db_path)
        _fsync_dir(db_path.parent)
    except OSError as exc:
        ready.unlink(missing_ok=True)
        raise _disk_error(exc, db_path.parent) from exc
    except BaseException:
        ready.unlink(missing_ok=True)
        raise
    return Restored(db_path, info, kept)
