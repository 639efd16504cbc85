"""`danvan minutes`: print a meeting's biên bản to PDF (and DOCX) without opening the window."""

from __future__ import annotations

from pathlib import Path

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError


def register(sub, common) -> None:
    p = sub.add_parser("minutes", parents=[common], help=_("in biên bản một cuộc họp ra PDF/DOCX"))
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--meeting", metavar="ID", help=_("mã cuộc họp (hoặc phần đầu của mã)"))
    which.add_argument("--latest", action="store_true", help=_("cuộc họp gần nhất"))
    p.add_argument("--pdf", type=Path, required=True, help=_("tệp PDF cần ghi"))
    p.add_argument("--docx", type=Path, default=None, help=_("tệp DOCX cần ghi (không bắt buộc)"))
    p.set_defaults(handler=cmd_minutes)


def _find(services, key: str):
    meeting = services.meetings.meetings.find(key)
    if meeting is None and len(key) >= 4:
        found = services.meetings.meetings.select("id LIKE ?", (key + "%",))
        if len(found) > 1:
            raise RuleError(_("Có {n} cuộc họp có mã bắt đầu bằng «{key}»; hãy nhập dài hơn.").format(
                n=len(found), key=key))
        meeting = found[0] if found else None
    if meeting is None or meeting.deleted:
        raise RuleError(_("Không tìm thấy cuộc họp «{key}».").format(key=key))
    return meeting


def cmd_minutes(args) -> int:
    from danvan_desktop.commands.core import _require_db
    from danvan_desktop.services.app import AppServices
    from danvan_desktop.services.meetings.minutes_document import write_minutes

    services = AppServices.open(_require_db(args))
    try:
        if args.latest:
            meeting = services.meetings.latest()
            if meeting is None:
                raise RuleError(_("Chưa có cuộc họp nào."))
        else:
            meeting = _find(services, args.meeting)
        written = write_minutes(services.db, meeting.id, pdf=args.pdf, docx=args.docx)
    finally:
        services.close()
    for path in written:
        print(path)
    return 0
