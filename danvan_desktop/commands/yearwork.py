"""`danvan plan`, `danvan scorecard`, `danvan calendar`: the year's work from the command line."""

from __future__ import annotations

import sys
from pathlib import Path

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.today import today as vietnam_today


def register(sub, common) -> None:
    p = sub.add_parser("plan", parents=[common], help=_("kế hoạch hoạt động năm của Khối: xem, in PDF/DOCX, phê duyệt"))
    p.add_argument("--year", type=int, default=None, help=_("năm của kế hoạch (mặc định: năm nay)"))
    p.add_argument("--pdf", type=Path, default=None, help=_("tệp PDF ghi ra"))
    p.add_argument("--docx", type=Path, default=None, help=_("tệp DOCX ghi ra"))
    p.add_argument("--new", action="store_true", help=_("lập dự thảo kế hoạch (chép nội dung của năm trước nếu có)"))
    p.add_argument("--approve", metavar=_("QUYẾT_ĐỊNH"), default=None,
                   help=_("ghi phê duyệt của Đảng ủy, ví dụ \"Quyết định số 25-QĐ/ĐU\""))
    p.add_argument("--approved-on", default=None, help=_("ngày phê duyệt dd/mm/yyyy (mặc định: hôm nay)"))
    p.set_defaults(handler=cmd_plan)
    p = sub.add_parser("scorecard", parents=[common], help=_("kết quả thực hiện các chỉ tiêu (Kết luận 862-KL/TU)"))
    p.add_argument("--year", type=int, default=None, help=_("năm đánh giá (mặc định: năm nay)"))
    p.add_argument("--all", action="store_true", help=_("cấp trên: mọi xã đã nhận dữ liệu"))
    p.set_defaults(handler=cmd_scorecard)
    p = sub.add_parser("calendar", parents=[common], help=_("các hạn công việc sắp tới"))
    p.add_argument("--days", type=int, default=60, help=_("xem trước bao nhiêu ngày"))
    p.set_defaults(handler=cmd_calendar)


def _open(args):
    from danvan_desktop.commands.core import _require_db
    from danvan_desktop.services.app import AppServices
    from danvan_desktop.services.yearwork import YearWork
    services = AppServices.open(_require_db(args), today=vietnam_today)
    return services, YearWork.of(services)


def cmd_plan(args) -> int:
    from danvan_desktop.domain.formats import parse_short_date
    from danvan_desktop.domain.yearwork import field_label, months_text
    services, work = _open(args)
    try:
        year = args.year or services.today().year
        plan = work.plans.plan(year)
        if args.new and plan is None:
            plan = work.plans.create(year, copy_from=year - 1)
            print(_("Đã lập dự thảo kế hoạch năm {year} ({n} nội dung).").format(
                year=year, n=len(work.plans.items(plan.id))))
        if plan is None:
            print(_("Chưa có kế hoạch năm {year}. Dùng --new để lập dự thảo.").format(year=year), file=sys.stderr)
            return 1
        if args.approve:
            day = parse_short_date(args.approved_on) if args.approved_on else services.today()
            plan = work.plans.approve(plan.id, args.approve, day)
            made = work.plans.bring_due()
            print(_("Đã ghi phê duyệt: {decision} ngày {date}; {n} nhiệm vụ đến tháng đã được giao.").format(
                decision=plan.approval_decision, date=day.strftime("%d/%m/%Y"), n=len(made)))
        if args.pdf or args.docx:
            for path in work.plan_document.write(plan, args.pdf, args.docx):
                print(path)
            return 0
        state = _("đã phê duyệt ({decision} ngày {date})").format(
            decision=plan.approval_decision, date=plan.approved_on.strftime("%d/%m/%Y")) if plan.locked \
            else _("dự thảo")
        print(_("Kế hoạch hoạt động năm {year} — {state}").format(year=year, state=state))
        names = services.roster.members.all(include_deleted=True)
        owner = {m.id: m.full_name for m in names}
        for n, row in enumerate(work.plans.progress(plan.id), start=1):
            i = row.item
            print(f"{n:>2}. [{row.state.label}] {i.content} — {owner.get(i.owner_id, '')}; "
                  f"{months_text(i.months)}; {field_label(i.field)}")
        done, total = work.plans.completion(year)
        print(_("Hoàn thành {done}/{total} nội dung.").format(done=done, total=total))
    finally:
        services.close()
    return 0


def cmd_scorecard(args) -> int:
    services, work = _open(args)
    try:
        year = args.year or services.today().year
        if args.all:
            rows = work.scorecard.every_commune(year)
            for row in sorted(rows, key=lambda r: (-r.met, r.unit_name)):
                print(_("{name} ({code}): đạt {met}/{judged} chỉ tiêu").format(
                    name=row.unit_name, code=row.unit_code, met=row.met, judged=row.judged))
            return 0
        profile = work.scorecard.profile()
        print(_("Kết quả thực hiện chỉ tiêu năm {year} — {profile}").format(year=year, profile=_(profile.name)))
        scores = work.scorecard.scores(year)
        for n, s in enumerate(scores, start=1):
            evidence = f" — {s.evidence}" if s.evidence else ""
            print(f"{n:>2}. {_(s.target.name)}: {s.value_text()} | {_('chỉ tiêu')} {s.threshold_text()} | "
                  f"{s.source_text()} | {s.verdict_text()}{evidence}")
        met = sum(1 for s in scores if s.met)
        judged = sum(1 for s in scores if s.met is not None)
        print(_("Đạt {met}/{judged} chỉ tiêu.").format(met=met, judged=judged))
    finally:
        services.close()
    return 0


def cmd_calendar(args) -> int:
    services, work = _open(args)
    try:
        for line in work.calendar.lines(days=args.days):
            print(f"{line.deadline.day.strftime('%d/%m/%Y')}  {line.countdown_text():<14} {line.name}")
    finally:
        services.close()
    return 0
