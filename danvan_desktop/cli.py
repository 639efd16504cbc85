"""The command line: `danvan` opens the window; `danvan <command>` runs the same services without one."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from pathlib import Path

from danvan_desktop import __version__
from danvan_desktop.commands.common import db_path
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.store.errors import StoreError
from danvan_desktop.store.instance_lock import InstanceLock

# Each module has `register(subparsers, common)`; its handlers take the parsed args and return an exit code.
COMMAND_MODULES = [
    "danvan_desktop.commands.core",
    "danvan_desktop.commands.meetings",
    "danvan_desktop.commands.report",
    "danvan_desktop.commands.handover",
    "danvan_desktop.commands.tasks",
]


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=None, help=_("tệp dữ liệu (mặc định: thư mục dữ liệu của người dùng)"))
    parser = argparse.ArgumentParser(prog="danvan", parents=[common],
                                     description=_("Phần mềm Khối dân vận cấp xã"))
    parser.add_argument("--version", action="version", version=f"danvan-desktop {__version__}")
    parser.add_argument("--demo", action="store_true", help=_("mở chương trình với dữ liệu mẫu"))
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, common)
    return parser


def has_display(environ=None) -> bool:
    """False on a Linux box with no screen, where Qt would abort the process with a C++ message."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))


def _instance_lock(args):
    """A command on an existing data file takes the lock the window holds: while the window has the file
    open the command is refused in words (DatabaseLocked), and two commands never write it at once."""
    if not hasattr(args, "db") or (args.command == "verify" and not args.db):   # verify alone reads files only
        return contextlib.nullcontext()
    path = db_path(args)
    if not path.is_file():
        return contextlib.nullcontext()
    return InstanceLock(path)


def _utf8_console() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[attr-defined]
        except (AttributeError, ValueError):
            pass


def main(argv: list[str] | None = None) -> int:
    _utf8_console()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        if not has_display():
            print(_("Không tìm thấy màn hình để mở cửa sổ chương trình (biến DISPLAY hoặc WAYLAND_DISPLAY chưa "
                    "được đặt). Hãy chạy trong phiên làm việc có giao diện đồ họa, hoặc dùng các lệnh không cần "
                    "màn hình: danvan check, danvan demo, danvan screenshots …"), file=sys.stderr)
            return 2
        from danvan_desktop.gui.app import run_gui
        return run_gui(db_path(args), demo=args.demo)
    try:
        with _instance_lock(args):
            return int(args.handler(args) or 0)
    except (RuleError, StoreError) as exc:
        print(_("Lỗi: {message}").format(message=exc), file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
