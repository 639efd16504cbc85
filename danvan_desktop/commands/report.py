"""`danvan report`: draft a period's report if none exists, and render it to PDF and/or DOCX."""

from __future__ import annotations

import sys
from pathlib import Path

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.today import today as vietnam_today

KINDS = ("monthly", "quarterly", "half", "nine", "annual")


def register(sub, common) -> None:
    p = sub.add_parser("report", parents=[common], help=_("lập (nếu chưa có) và in báo cáo của một kỳ ra PDF/DOCX"))
    p.add_argument("--period", required=True, help=_("kỳ báo cáo: 2026-10, 2026-Q4, 2026-H1, 2026-9M, 2026"))
    p.add_argument("--kind", choices=KINDS, default=None, help=_("loại báo cáo (mặc định: theo kỳ)"))
    p.add_argument("--pdf", type=Path, default=None, help=_("tệp PDF ghi ra"))
    p.add_argument("--docx", type=Path, default=None, help=_("tệp DOCX ghi ra"))
    p.add_argument("--approved", action="store_true", help=_("chỉ in báo cáo đã được duyệt; báo lỗi nếu chưa duyệt"))
    p.add_argument("--consolidated", action="store_true", help=_("cấp trên: báo cáo tổng hợp các xã (như lệnh consolidated-report)"))
    p.set_defaults(handler=cmd_report)


def cmd_report(args) -> int:
    from danvan_desktop.commands.core import _require_db
    from danvan_desktop.domain.periods import Period
    from danvan_desktop.services.app import AppServices

    if args.pdf is None and args.docx is None:
        print(_("Hãy chọn ít nhất một tệp ra: --pdf hoặc --docx."), file=sys.stderr)
        return 2
    if args.consolidated:
        from danvan_desktop.commands.handover import cmd_consolidated
        return cmd_consolidated(args)
    period = Period.parse(args.period)
    if args.kind and args.kind != period.kind.value:
        print(_("Kỳ {period} không khớp loại báo cáo «{kind}».").format(period=period.code, kind=args.kind),
              file=sys.stderr)
        return 2
    services = AppServices.open(_require_db(args), today=vietnam_today)
    try:
        report = services.reports.current_for(period.code)
        if args.approved:
            if report is None or not report.is_locked:
                print(_("Báo cáo {period} chưa được duyệt; không in bản chính thức.").format(period=period.label()),
                      file=sys.stderr)
                return 1
        elif report is None:
            report = services.reports.create_draft(period.code, args.kind)
            print(_("Đã tạo dự thảo báo cáo {period}.").format(period=period.label()))
        if args.pdf:
            services.reports.write_pdf(report.id, args.pdf)
            print(args.pdf)
        if args.docx:
            services.reports.write_docx(report.id, args.docx)
            print(args.docx)
    finally:
        services.close()
    return 0
