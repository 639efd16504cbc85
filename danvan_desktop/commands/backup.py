"""`danvan backup` and `danvan restore`: the backup service from the command line (docs/backups.md).

Both exit 0 on success and 1 with a Vietnamese message when nothing was done."""

from __future__ import annotations

import sys
from pathlib import Path

from danvan_desktop.domain.i18n import _


def register(sub, common) -> None:
    p = sub.add_parser("backup", parents=[common], help=_("sao lưu tệp dữ liệu vào một thư mục (ví dụ USB)"))
    p.add_argument("--out", type=Path, required=True, help=_("thư mục ghi bản sao lưu"))
    p.set_defaults(handler=cmd_backup)
    p = sub.add_parser("restore", parents=[common],
                       help=_("thay tệp dữ liệu bằng một bản sao lưu (bản đang dùng được giữ lại)"))
    p.add_argument("backup", type=Path, help=_("tệp sao lưu (.sqlite3)"))
    p.set_defaults(handler=cmd_restore, own_lock=True)   # holds the lock while the file is replaced


def _service(args):
    from danvan_desktop.commands.common import db_path
    from danvan_desktop.services.unit.backups import BackupService
    return BackupService(db_path(args))


def describe(info) -> str:
    """One line of what a copy holds, as the restore dialog shows it."""
    from danvan_desktop.services.unit.backups import contents_text
    return contents_text(info)


def _size(info) -> str:
    from danvan_desktop.services.unit.backups import file_size
    return file_size(info.size)


def cmd_backup(args) -> int:
    from danvan_desktop.services.errors import StoreError
    service = _service(args)
    if not service.db_path.exists():
        print(_("Không có tệp dữ liệu «{path}».").format(path=service.db_path), file=sys.stderr)
        return 1
    try:
        written = service.back_up_now(args.out)
        info = service.describe(written, check=False)
    except StoreError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(_("Đã sao lưu «{db}» vào «{path}» ({size}).").format(db=service.db_path, path=written,
                                                            size=_size(info)))
    print(describe(info))
    return 0


def cmd_restore(args) -> int:
    from danvan_desktop.services.errors import StoreError
    service = _service(args)
    try:
        done = service.restore(args.backup)
    except StoreError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(_("Đã khôi phục «{db}» từ bản sao lưu «{backup}».").format(db=done.db_path, backup=args.backup))
    print(describe(done.backup))
    if done.kept is not None:
        print(_("Tệp dữ liệu trước khi khôi phục được giữ tại «{path}».").format(path=done.kept))
    return 0
