"""`danvan tasks`, `danvan import-roster`, `danvan export-roster`: tasks and roster files without a screen."""

from __future__ import annotations

import sys
from pathlib import Path

from danvan_desktop.domain.collation import vi_key
from danvan_desktop.domain.formats import number, percent, short_date
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.task_query import TaskQuery
from danvan_desktop.domain.text import fold


def register(sub, common) -> None:
    p = sub.add_parser("tasks", parents=[common], help=_("liệt kê nhiệm vụ"))
    p.add_argument("--overdue", action="store_true", help=_("chỉ việc quá hạn"))
    p.add_argument("--village", metavar="TÊN", help=_("chỉ việc giao cho thôn này"))
    p.add_argument("--period", metavar="KỲ", help=_("hạn trong kỳ, ví dụ 2026-10, 2026-Q4, 2026"))
    p.add_argument("--open", action="store_true", help=_("chỉ việc chưa hoàn thành"))
    p.add_argument("--summary", metavar="KỲ", help=_("in tổng hợp nhiệm vụ của kỳ (như báo cáo dùng)"))
    p.set_defaults(handler=cmd_tasks)
    p = sub.add_parser("import-roster", parents=[common],
                       help=_("xem trước (và nhập với --apply) danh sách từ tệp .xlsx/.csv"))
    p.add_argument("file", type=Path, metavar="TỆP")
    p.add_argument("--teams", action="store_true", help=_("tệp là danh sách tổ dân vận các thôn (mặc định: "
                                                         "thành viên khối)"))
    p.add_argument("--apply", action="store_true", help=_("nhập thật khi không có dòng nào bị từ chối"))
    p.set_defaults(handler=cmd_import_roster)
    p = sub.add_parser("export-roster", parents=[common], help=_("xuất danh sách ra tệp .xlsx hoặc .csv"))
    p.add_argument("file", type=Path, metavar="TỆP")
    p.add_argument("--teams", action="store_true", help=_("xuất tổ dân vận các thôn (mặc định: thành viên khối)"))
    p.set_defaults(handler=cmd_export_roster)


def _open(args):
    from danvan_desktop.commands.core import _require_db
    from danvan_desktop.services.app import AppServices
    return AppServices.open(_require_db(args))


def _village_id(services, name: str) -> str:
    key = fold(name)
    for village in services.villages.list():
        if key in (fold(village.name), fold(village.label)):
            return village.id
    names = ", ".join(v.label for v in services.villages.list())
    raise RuleError(_("Không có thôn «{name}». Các thôn: {names}.").format(name=name, names=names))


def _print_summary(services, code: str) -> None:
    summary = services.tasks.period_summary(Period.parse(code))
    rate = percent(summary.completion_rate) if summary.completion_rate is not None else "—"
    print(_("Nhiệm vụ {period} (tính đến {day}): {total} việc, hoàn thành {done} ({rate}), trong đó {late} "
            "xong muộn; quá hạn {overdue}; đang làm {open}; {ongoing} việc khác đang triển khai, chưa đến hạn.").format(
        period=summary.period.label(), day=short_date(summary.as_of), total=summary.total, done=summary.done,
        rate=rate, late=summary.done_late, overdue=summary.overdue, open=summary.open, ongoing=summary.ongoing))
    for v in summary.by_village:
        print(_("  {village}: {done}/{total} xong, {overdue} quá hạn").format(
            village=v.village_name, done=v.done, total=v.total, overdue=v.overdue))
    for f in summary.figures:
        print(f"  {f.label}: {number(f.total)}")
    for note in summary.notable:
        print(f"  - {short_date(note.noted_on)} {note.text}")


def cmd_tasks(args) -> int:
    services = _open(args)
    try:
        services.tasks.extend_recurring()
        if args.summary:
            _print_summary(services, args.summary)
            return 0
        query = TaskQuery(village_id=_village_id(services, args.village) if args.village else None,
                          overdue_only=args.overdue, status="open" if args.open else None,
                          period=Period.parse(args.period) if args.period else None)
        today = services.today()
        villages = services.tasks.village_names()
        tasks = services.tasks.page(query, 0, 100_000)
        given = services.tasks.assignments.of_tasks([t.id for t in tasks])
        members = services.tasks.member_names()
        for task in tasks:
            names = sorted((villages.get(a.village_id, "?") for a in given.get(task.id, [])), key=vi_key)
            names += [members.get(m, "?") for m in task.member_ids]
            status = task.status_on(today).label
            if task.village_count:
                status = _("{status} ({done}/{total} thôn)").format(status=status, done=task.villages_done,
                                                                    total=task.village_count)
            print(f"{short_date(task.due_date)}  {status:<28}  {task.title} — {', '.join(names)}")
        print(_("Tổng: {n} nhiệm vụ.").format(n=len(tasks)), file=sys.stderr)
    finally:
        services.close()
    return 0


def cmd_import_roster(args) -> int:
    services = _open(args)
    try:
        preview = services.roster_files.preview(args.file, teams=args.teams)
        for o in preview.outcomes:
            who = o.name + (f" ({o.village})" if o.village else "")
            line = _("dòng {row}: {action}").format(row=o.row, action=o.action_label)
            print(" — ".join(part for part in (line, who, o.detail) if part))
        print(preview.summary())
        if not preview.ok:
            if preview.file_error or preview.count("refuse"):
                print(_("Không nhập: hãy sửa tệp rồi chạy lại."), file=sys.stderr)
                return 1
            return 0
        if not args.apply:
            print(_("Chưa ghi gì. Chạy lại với --apply để nhập."))
            return 0
        result = services.roster_files.apply(args.file, teams=args.teams)
        print(_("Đã nhập: {summary}").format(summary=result.summary()))
    finally:
        services.close()
    return 0


def cmd_export_roster(args) -> int:
    services = _open(args)
    try:
        n = services.roster_files.export(args.file, teams=args.teams)
    finally:
        services.close()
    print(_("Đã xuất {n} người vào {path}.").format(n=n, path=args.file))
    return 0
