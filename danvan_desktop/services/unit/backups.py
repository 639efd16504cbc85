"""Sao lưu và khôi phục: the day's automatic copy, "Sao lưu ngay" to any folder or USB stick, the
list of copies with what each holds, and a checked restore that keeps the current file as a copy.

The copying itself is store/backup.py (SQLite's online backup API, atomic rename); naming and
rotation are domain/backups.py. Upgrades and imports take their copies through the same store
function, into the same folder, under the same rotation. See docs/backups.md.
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from danvan_desktop.domain import backups as rules
from danvan_desktop.domain.formats import number, timestamp
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.today import local_moment
from danvan_desktop.domain.today import now as vietnam_now
from danvan_desktop.store import backup as store
from danvan_desktop.store.backup import BackupError, BackupInfo, Restored
from danvan_desktop.store.instance_lock import InstanceLock

__all__ = [
    "BackupEntry",
    "BackupError",
    "BackupInfo",
    "BackupService",
    "Restored",
    "contents_text",
    "file_size",
    "in_steps",
    "reason_label",
]


def file_size(size: int) -> str:
    """'12,4 MB' (one decimal, Vietnamese comma)."""
    if size < 1024 * 1024:
        return _("{n} KB").format(n=number(max(1, round(size / 1024))))
    return _("{n} MB").format(n=number(size / 2**20, 1))


def changed_at(info: BackupInfo) -> str:
    """The copy's newest recorded change, dd/MM/yyyy HH:mm in Vietnam's time; empty if none."""
    if not info.last_change:
        return ""
    try:
        moment = dt.datetime.fromisoformat(info.last_change.replace("Z", "+00:00"))
    except ValueError:
        return info.last_change[:16]
    return timestamp(local_moment(moment))


def contents_text(info: BackupInfo) -> str:
    """One line of what a copy holds, the same in the restore dialog and on the command line."""
    def n(key: str) -> str:
        value = info.counts.get(key)
        return "—" if value is None else number(value)
    text = _("{unit}: {members} thành viên đương nhiệm, {tasks} nhiệm vụ, {meetings} cuộc họp, {reports} báo cáo; "
             "lược đồ {version}.").format(unit=info.unit_name or _("(chưa có tên đơn vị)"), members=n("members"),
                                          tasks=n("tasks"), meetings=n("meetings"), reports=n("reports"),
                                          version=info.schema_version)
    when = changed_at(info)
    if when:
        text += " " + _("Thay đổi cuối lúc {when}.").format(when=when)
    return text


def reason_label(reason: str) -> str:
    if rules.parse_backup_name(f"x-20260101-000000-000000-{reason}.sqlite3") is None:
        return reason
    kind = rules.BackupName("", "", dt.datetime.min, reason).event_kind
    return {
        rules.AUTOMATIC: _("Tự động hằng ngày"),
        rules.MANUAL: _("Sao lưu ngay"),
        rules.BEFORE_IMPORT: _("Trước khi nhập dữ liệu"),
        rules.BEFORE_RESTORE: _("Trước khi khôi phục"),
        "before-upgrade": _("Trước khi nâng cấp"),
    }.get(kind, reason)


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    taken_at: dt.datetime        # Vietnam's wall-clock time, from the name
    reason: str
    size: int

    @property
    def reason_text(self) -> str:
        return reason_label(self.reason)


class BackupService:
    """Copies of one data file. Works on the file's path: a restore runs with the file closed."""

    def __init__(self, db_path: Path | str, now: Callable[[], dt.datetime] = vietnam_now) -> None:
        self.db_path = Path(db_path)
        self.now = now

    @property
    def folder(self) -> Path:
        return store.backup_dir(self.db_path)

    def copies(self) -> list[BackupEntry]:
        """The copies in the file's backups folder, newest first."""
        entries = []
        for path, name in store.copies(self.db_path):
            try:
                size = path.stat().st_size
            except OSError:
                continue
            entries.append(BackupEntry(path, name.taken_at, name.reason, size))
        return entries

    def last_copy(self) -> BackupEntry | None:
        found = self.copies()
        return found[0] if found else None

    # -- taking copies ----------------------------------------------------------------------
    def daily_due(self) -> bool:
        """True at the first start of a day: no automatic daily copy has been taken today yet."""
        day = self.now().date()
        return self.db_path.exists() and not any(
            e.reason == rules.AUTOMATIC and e.taken_at.date() == day for e in self.copies())

    def take_daily(self, progress: store.Progress | None = None) -> Path | None:
        """The day's automatic copy (and rotation), or None if today's is already there."""
        if not self.daily_due():
            return None
        return store.back_up_file(self.db_path, rules.AUTOMATIC, now=self.now, progress=progress, verify=True)

    def back_up_now(self, folder: Path | str, progress: store.Progress | None = None) -> Path:
        """"Sao lưu ngay": a checked copy in any folder (a USB stick), never rotated away."""
        folder = Path(folder)
        store.inspect(self.db_path, check=False, purpose="backup")
        target = folder / rules.backup_file_name(self.db_path.stem, self.now(), rules.MANUAL)
        return store.copy_file(self.db_path, target, progress, verify=True)

    # -- restoring --------------------------------------------------------------------------
    def describe(self, backup: Path | str, check: bool = True) -> BackupInfo:
        """What a copy holds (unit, counts, schema, last change); BackupError if it cannot be restored."""
        return store.inspect(backup, check=check)

    def restore(self, backup: Path | str, progress: store.Progress | None = None, *,
                holding_lock: bool = False) -> Restored:
        """Replace the data file with a checked copy, keeping the current file as a copy first.

        The window holds the file's lock and closes its connection before calling with
        holding_lock=True; the command line takes the lock here and is refused while a window has it."""
        if holding_lock:
            return store.restore(self.db_path, backup, now=self.now, progress=progress)
        with InstanceLock(self.db_path):
            return store.restore(self.db_path, backup, now=self.now, progress=progress)


def in_steps(work: Callable[[store.Progress], Any], text: str) -> Generator[tuple[int, int, str], None, Any]:
    """Run `work(progress)` on a thread of its own and yield its progress as the GUI worker expects
    (done, total, text); closing the generator (the user cancels) stops the copy at its next step."""
    updates: queue.Queue = queue.Queue()
    outcome: dict[str, Any] = {}
    cancelled = threading.Event()

    def progress(done: int, total: int) -> None:
        if cancelled.is_set():
            raise BackupError(_("Đã hủy sao lưu; không có gì bị thay đổi."))
        updates.put((done, total))

    def run() -> None:
        try:
            outcome["value"] = work(progress)
        except BaseException as exc:  # noqa: BLE001 — handed to the caller's thread below
            outcome["error"] = exc
        finally:
            updates.put(None)

    thread = threading.Thread(target=run, name="danvan-backup", daemon=True)
    thread.start()
    try:
        while (item := updates.get()) is not None:
            yield item[0], item[1], text
    finally:
        cancelled.set()
        thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")
