"""`danvan demo`, `danvan check`, `danvan screenshots`: the foundation's commands."""

from __future__ import annotations

import sys
from pathlib import Path

from danvan_desktop.commands.common import db_path
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.today import today as vietnam_today


def register(sub, common) -> None:
    p = sub.add_parser("demo", parents=[common], help=_("tạo một xã mẫu (không ghi đè tệp đã có)"))
    p.add_argument("--upper", action="store_true", help=_("tạo cấp trên với các xã mẫu"))
    p.set_defaults(handler=cmd_demo)
    p = sub.add_parser("check", parents=[common], help=_("kiểm tra quy chế và tính toàn vẹn dữ liệu"))
    p.set_defaults(handler=cmd_check)
    p = sub.add_parser("screenshots", parents=[common], help=_("chụp ảnh mọi trang (PNG)"))
    p.add_argument("--out", type=Path, required=True, help=_("thư mục ghi ảnh"))
    p.add_argument("--lang", choices=("vi", "en"), default=None)
    p.set_defaults(handler=cmd_screenshots)


def _require_db(args) -> Path:
    path = db_path(args)
    if not path.exists():
        raise SystemExit(_("Không có tệp dữ liệu «{path}».").format(path=path))
    return path


def cmd_demo(args) -> int:
    path = db_path(args)
    if getattr(args, "upper", False):
        from danvan_desktop.services.demo import upper as demo_upper  # added by the hand-over feature
        services = demo_upper.build_upper_demo(path)
    else:
        from danvan_desktop.services.demo.commune import build_demo
        services = build_demo(path)
    services.close()
    print(_("Đã tạo dữ liệu mẫu: {path}").format(path=path))
    return 0


def cmd_check(args) -> int:
    from danvan_desktop.services.app import AppServices
    from danvan_desktop.services.checks import run_checks
    services = AppServices.open(_require_db(args))
    try:
        problems = run_checks(services.db, vietnam_today())
    finally:
        services.close()
    if not problems:
        print(_("Không phát hiện vi phạm quy chế hay lỗi dữ liệu."))
        return 0
    for problem in problems:
        print(f"- {problem.message}")
    print(_("Có {n} vấn đề cần xử lý.").format(n=len(problems)), file=sys.stderr)
    return 1


def cmd_screenshots(args) -> int:
    from danvan_desktop.gui.screenshots import take_screenshots
    written = take_screenshots(_require_db(args), args.out, language=args.lang)
    for path in written:
        print(path)
    return 0
