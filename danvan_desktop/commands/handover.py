"""`danvan export / verify / import / completeness / consolidated-report`: the hand-over without a screen."""

from __future__ import annotations

import sys
from pathlib import Path

from danvan_desktop.domain.i18n import _


def register(sub, common) -> None:
    p = sub.add_parser("export", parents=[common], help=_("xuất dữ liệu ra tệp trao đổi (.dvx)"))
    p.add_argument("--out", type=Path, required=True, help=_("tệp .dvx sẽ ghi"))
    p.add_argument("--since-last", action="store_true", help=_("chỉ những gì thay đổi từ lần bàn giao trước"))
    p.add_argument("--to", default="upper", help=_("nơi nhận (mặc định: cấp trên)"))
    p.add_argument("--period", default=None, help=_("kỳ báo cáo bàn giao, ví dụ 2026-10"))
    p.add_argument("--include-private", action="store_true",
                   help=_("kèm ghi chú riêng và thông tin cá nhân của người gửi đơn"))
    p.add_argument("--leave-out-personal", action="store_true",
                   help=_("không xuất các bản ghi có tên người hoặc số điện thoại trong phần ghi chú"))
    p.set_defaults(handler=cmd_export)
    p = sub.add_parser("verify", parents=[common], help=_("kiểm tra một tệp trao đổi mà không nhập"))
    p.add_argument("files", type=Path, nargs="+")
    p.set_defaults(handler=cmd_verify, without_db=lambda args: not args.db)   # alone it reads files only
    p = sub.add_parser("import", parents=[common], help=_("nhập tệp trao đổi (.dvx) hoặc biên nhận"))
    p.add_argument("files", type=Path, nargs="+")
    p.add_argument("--dry-run", action="store_true", help=_("chỉ xem trước, không ghi gì"))
    p.add_argument("--trust-new", action="store_true",
                   help=_("tin cậy khóa của đơn vị gửi lần đầu, hoặc của bản cài đặt mới (máy cài lại, máy thứ hai) "
                          "của một đơn vị đã biết; chương trình in ra điều nó đang làm"))
    p.add_argument("--trust-changed-key", action="store_true",
                   help=_("chấp nhận khóa MỚI của một đơn vị đã biết (chỉ sau khi đã gọi điện xác minh)"))
    p.add_argument("--receipt-dir", type=Path, default=None, help=_("ghi biên nhận vào thư mục này"))
    p.set_defaults(handler=cmd_import)
    p = sub.add_parser("completeness", parents=[common], help=_("cấp trên: các xã đã nộp dữ liệu kỳ này chưa"))
    p.add_argument("--period", required=True)
    p.set_defaults(handler=cmd_completeness)
    p = sub.add_parser("consolidated-report", parents=[common],
                       help=_("cấp trên: báo cáo tổng hợp các xã (PDF, DOCX)"))
    p.add_argument("--period", required=True)
    p.add_argument("--pdf", type=Path, default=None)
    p.add_argument("--docx", type=Path, default=None)
    p.add_argument("--approve", default=None, metavar=_("HỌ_TÊN"),
                   help=_("lấy số (nếu chưa có) và duyệt báo cáo với tên người duyệt này"))
    p.set_defaults(handler=cmd_consolidated)


def _open(args):
    from danvan_desktop.commands.core import _require_db
    from danvan_desktop.services.app import AppServices
    return AppServices.open(_require_db(args))


def cmd_export(args) -> int:
    from danvan_desktop.services.errors import ExchangeError
    services = _open(args)
    try:
        exporter = services.exchange.exporter
        hits = exporter.personal_preview(recipient=args.to, since_last=args.since_last,
                                         include_private=args.include_private)
        result = exporter.export(args.out, recipient=args.to, since_last=args.since_last,
                                 include_private=args.include_private, period=args.period,
                                 leave_out_personal=args.leave_out_personal)
    except ExchangeError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        services.close()
    if hits:
        print(_("{n} bản ghi có thông tin cá nhân trong phần ghi chú ({state}):").format(
            n=len(hits), state=_("đã để lại trên máy này") if args.leave_out_personal
            else _("đã xuất; dùng --leave-out-personal để để lại")))
        for hit in hits:
            print(f"  {hit.table} {hit.record_id} — {hit.kinds_text}: {hit.excerpt}")
    print(_("Đã ghi {path}: lô số {seq}, {n} bản ghi, kỳ {periods}.").format(
        path=result.path, seq=result.manifest.sequence, n=result.total, periods=result.manifest.period))
    print(_("Mã nhận dạng khóa: {fp}").format(fp=result.fingerprint))
    return 0


def cmd_verify(args) -> int:
    from danvan_desktop.services.errors import ExchangeError
    from danvan_desktop.services.handover.checking import verify_files
    failed = 0
    for path, verified in verify_files(args.files, Path(args.db) if args.db else None):
        if isinstance(verified, ExchangeError):
            print(str(verified), file=sys.stderr)
            failed += 1
            continue
        m = verified.manifest
        print(_("{name}: hợp lệ. {unit} (mã {code}), lô số {seq}, {n} bản ghi, {docs} văn bản, kỳ {periods}; "
                "khóa {fp}.").format(name=path.name, unit=m.unit_name, code=m.unit_code, seq=m.sequence,
                                     n=verified.record_count(), docs=len(verified.documents),
                                     periods=m.period or ", ".join(m.periods) or "—", fp=verified.fingerprint))
    return 1 if failed else 0


def cmd_import(args) -> int:
    from danvan_desktop.services.errors import ExchangeError, KeyChanged, UntrustedKey
    services = _open(args)
    importer = services.exchange.importer
    failed = 0
    to_acknowledge: list[str] = []
    try:
        # one backup and one write transaction (a savepoint per file) for all the files of this command
        with importer.sitting():
            for path in args.files:
                try:
                    if args.dry_run:
                        result = importer.preview(path)
                        if result.key.state == "unknown":
                            print(_("{name}: khóa của {unit} chưa được tin cậy (mã nhận dạng {fp}).").format(
                                name=path.name, unit=result.verified.manifest.unit_name, fp=result.key.fingerprint))
                        elif result.key.needs_confirmation:
                            from danvan_desktop.services.handover.keys import confirmation_text
                            print(f"{path.name}: " + confirmation_text(result.verified.manifest, result.key))
                        for line in importer.preview_lines(result):
                            print("  " + line)
                        print(result.summary())
                        continue
                    if args.trust_new:
                        preview = importer.preview(path)
                        if preview.key.needs_confirmation:
                            from danvan_desktop.services.handover.keys import confirmation_text
                            print(confirmation_text(preview.verified.manifest, preview.key))
                            print(_("Tin cậy khóa của {unit} (mã {code}): {fp}").format(
                                unit=preview.verified.manifest.unit_name, code=preview.verified.manifest.unit_code,
                                fp=preview.key.fingerprint) + " " + _("(theo --trust-new)"))
                    result = importer.import_file(path, trust_new=args.trust_new, retrust=args.trust_changed_key)
                    print(result.summary())
                    if args.receipt_dir and result.status == "applied" and result.verified.manifest.kind == "batch":
                        to_acknowledge.append(result.verified.manifest.batch_id)
                except UntrustedKey as exc:
                    print(str(exc) + " " + _("(dùng --trust-new để tin cậy)"), file=sys.stderr)
                    failed += 1
                except KeyChanged as exc:
                    print(str(exc) + " " + _("(dùng --trust-changed-key sau khi đã xác minh)"), file=sys.stderr)
                    failed += 1
                except ExchangeError as exc:
                    print(str(exc), file=sys.stderr)
                    failed += 1
        for batch_id in to_acknowledge:   # once the sitting's work is committed
            receipt = services.exchange.receipts.write_receipt(batch_id, args.receipt_dir)
            print(_("Đã ghi biên nhận {path}").format(path=receipt))
    finally:
        services.close()
    if failed:
        print(_("{n} tệp bị từ chối.").format(n=failed), file=sys.stderr)
    return 1 if failed else 0


def cmd_completeness(args) -> int:
    from danvan_desktop.domain.formats import short_date
    from danvan_desktop.domain.periods import Period
    from danvan_desktop.services.upper.completeness import summary_line
    services = _open(args)
    try:
        period = Period.parse(args.period)
        upper = services.exchange.upper
        rule = upper.due_rule()
        rows = upper.completeness(period)
        print(_("Tình hình nộp báo cáo, dữ liệu {period} (kỳ từ {start} đến {end}; hạn nộp {due}):").format(
            period=period.label(), start=short_date(rule.window_start_day(period)),
            end=short_date(rule.window_end(period)), due=short_date(rule.due_date(period))))
        for row in rows:
            print(f"  {row.unit_code:<8} {row.unit_name:<24} {row.months_text:>5}  {row.status_text:<44} "
                  f"{short_date(row.handed_at)}")
        print(summary_line(period, rows, rule.due_date(period)))
    finally:
        services.close()
    return 0


def cmd_consolidated(args) -> int:
    """Also reached as `danvan report --consolidated` (commands/report.py hands over to it)."""
    from danvan_desktop.domain.periods import Period
    from danvan_desktop.domain.records import RuleError
    if getattr(args, "pdf", None) is None and getattr(args, "docx", None) is None and not getattr(args, "approve", None):
        print(_("Hãy chọn ít nhất một tệp ra: --pdf hoặc --docx."), file=sys.stderr)
        return 2
    services = _open(args)
    upper = services.exchange.upper
    if not upper.is_upper():
        services.close()
        print(_("Báo cáo tổng hợp chỉ lập ở đơn vị cấp trên."), file=sys.stderr)
        return 2
    try:
        period = Period.parse(args.period)
        report = upper.consolidated_report(period)
        if getattr(args, "approve", None) and not report.is_locked:
            if not report.number:
                upper.reports.take_number(report.id)
            report = upper.reports.approve(report.id, args.approve)
            print(_("Đã duyệt báo cáo tổng hợp {period}: {number}.").format(
                period=period.label(), number=upper.reports.printed_number(report)))
        for path, write in ((args.pdf, upper.reports.write_pdf), (getattr(args, "docx", None),
                                                                 upper.reports.write_docx)):
            if path is not None:
                write(report.id, path)
                print(_("Đã ghi báo cáo tổng hợp: {path}").format(path=path))
    except RuleError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        services.close()
    return 0
