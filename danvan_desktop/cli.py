"""The command line: `danvan` opens the window; `danvan <command>` runs the same services without one."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
from pathlib import Path

from danvan_desktop import __version__, logs
from danvan_desktop.commands.common import db_path
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.services.errors import StoreError
from danvan_desktop.services.unit.data_file import file_lock

log = logging.getLogger("danvan")

# Each module has `register(subparsers, common)`; its handlers take the parsed args and return an exit code.
COMMAND_MODULES = [
    "danvan_desktop.commands.core",
    "danvan_desktop.commands.meetings",
    "danvan_desktop.commands.report",
    "danvan_desktop.commands.handover",
    "danvan_desktop.commands.tasks",
    "danvan_desktop.commands.yearwork",
    "danvan_desktop.commands.backup",
]


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; `commands=False`: the window's options alone (no command module imported)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=None, help=_("tệp dữ liệu (mặc định: thư mục dữ liệu của người dùng)"))
    parser = argparse.ArgumentParser(prog="danvan", parents=[common], exit_on_error=commands,
                                     description=_("Phần mềm Khối dân vận cấp xã"))
    parser.add_argument("--version", action="version", version=f"danvan-desktop {__version__}")
    parser.add_argument("--demo", action="store_true", help=_("mở chương trình với dữ liệu mẫu"))
    parser.add_argument("--open", type=Path, default=None, metavar="TỆP",
                        help=_("mở tệp trao đổi (.dvx) ở trang Trao đổi dữ liệu để kiểm tra và nhập"))
    if not commands:
        parser.error = _refuse          # anything it cannot read is read again by the whole command line
        return parser
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, common)
    return parser


def _refuse(message: str):
    raise argparse.ArgumentError(None, message)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    """The arguments. Opening the window (no command) reads them with the window's options alone: registering
    every command imports every command module (~30–50 ms before the window could show). A command, a help
    asked for, or anything that parser does not take is read by the whole command line, which says the same
    as always."""
    given = sys.argv[1:] if argv is None else list(argv)
    if not any(arg in ("-h", "--help") for arg in given):
        try:
            args, rest = build_parser(commands=False).parse_known_args(given)
        except argparse.ArgumentError:
            rest = given
        if not rest:
            args.command = None
            return args
    return build_parser().parse_args(given)


def has_display(environ=None) -> bool:
    """False on a Linux box with no screen, where Qt would abort the process with a C++ message."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))


def _instance_lock(args):
    """A command on an existing data file takes the lock the window holds: while the window has the file
    open the command is refused in words (DatabaseLocked), and two commands never write it at once."""
    # a command that takes the lock itself says so (restore holds it while the file is replaced), and one
    # that needs no data file says so (verify without --db reads hand-over files only)
    if not hasattr(args, "db") or getattr(args, "own_lock", False) or getattr(args, "without_db", lambda a: False)(args):
        return contextlib.nullcontext()
    path = db_path(args)
    if not path.is_file():
        return contextlib.nullcontext()
    return file_lock(path)


def _utf8_console() -> None:
    _console_streams()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[attr-defined]
        except (AttributeError, ValueError):
            pass


def _console_streams() -> None:
    """The windowed build (danvan.exe, danvan-gui.exe) starts with no console: sys.stdout and sys.stderr
    are None, and `print` or argparse's --version would fail or say nothing. Run from cmd.exe, it writes
    to the console it was started from; started from a shortcut, output goes nowhere (errors still
    reach the log file and a dialog)."""
    if sys.stdout is not None and sys.stderr is not None:
        return
    if sys.platform == "win32":
        try:
            import ctypes
            if ctypes.windll.kernel32.AttachConsole(-1):         # ATTACH_PARENT_PROCESS
                console = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
                sys.stdout = sys.stdout or console
                sys.stderr = sys.stderr or console
                return
        except (AttributeError, OSError):
            pass
    import io
    sys.stdout = sys.stdout or io.StringIO()
    sys.stderr = sys.stderr or io.StringIO()


def main(argv: list[str] | None = None) -> int:
    _utf8_console()
    logs.configure()
    args = parse(argv)
    if args.command is None:
        if not has_display():
            print(_("Không tìm thấy màn hình để mở cửa sổ chương trình (biến DISPLAY hoặc WAYLAND_DISPLAY chưa "
                    "được đặt). Hãy chạy trong phiên làm việc có giao diện đồ họa, hoặc dùng các lệnh không cần "
                    "màn hình: danvan check, danvan demo, danvan screenshots …"), file=sys.stderr)
            return 2
        from danvan_desktop.gui.app import run_gui
        return run_gui(db_path(args), demo=args.demo, open_path=args.open)
    try:
        with _instance_lock(args):
            return int(args.handler(args) or 0)
    except (RuleError, StoreError) as exc:
        log.warning("danvan %s: %s", args.command, exc)
        print(_("Lỗi: {message}").format(message=exc), file=sys.stderr)
        return 2
    except Exception:
        log.exception("danvan %s: unexpected error", args.command)
        raise


def gui_main() -> int:
    """The gui-scripts entry point (`danvan-gui`, no console on Windows): the same as `danvan`."""
    return main()


if __name__ == "__main__":
    raise SystemExit(main())
