"""The upper level's consolidated report for a period, built as a render Document (Party layout)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from danvan_desktop.domain.formats import document_date, short_date
from danvan_desktop.domain.i18n import _, in_vietnamese
from danvan_desktop.domain.periods import Period, PeriodKind
from danvan_desktop.domain.records import RuleError
from danvan_desktop.render.document import Document, Header, Heading, Paragraph, Signature, Table, Title
from danvan_desktop.services.upper.consolidate import (
    FigureTotal,
    consolidate_figures,
    format_total,
    hot_spots,
)
from danvan_desktop.services.upper.service import LATE, MISSING, NOT_DUE, ON_TIME, UpperLevelService

PER_UNIT_FIGURES = 4     # columns of the per-commune table that still fit a portrait A4 page


def _issuing_body(unit) -> list[str]:
    """['TỈNH ỦY THANH HÓA', 'BAN TUYÊN GIÁO', 'VÀ DÂN VẬN'] from the unit's names: a long body name is
    broken before «VÀ» as the Party's own papers do, rather than wherever the column runs out."""
    name = re.split(r"\s+(?:Tỉnh ủy|Huyện ủy|Thành ủy)\b", unit.name, maxsplit=1)[0].upper()
    lines = [unit.party_committee_name.upper()] if unit.party_committee_name else []
    if len(name) > 20 and " VÀ " in name:
        head, tail = name.split(" VÀ ", 1)
        return lines + [head, f"VÀ {tail}"]
    return lines + [name]


def _per_unit_columns(figures: list[FigureTotal]) -> list[FigureTotal]:
    """The counts most communes reported (shares are in the totals table)."""
    counts = [f for f in figures if not f.is_share]
    return sorted(counts, key=lambda f: -len(f.per_unit))[:PER_UNIT_FIGURES]


@in_vietnamese
def build_consolidated(service: UpperLevelService, period: Period, today: dt.date) -> Document:
    from danvan_desktop.services.unit.setup import SetupService
    unit = SetupService(service.db).unit()
    rows = service.completeness(period)
    due = service.due_date(period)
    delivered = [r for r in rows if r.status in (ON_TIME, LATE)]
    missing = [r for r in rows if r.status in (MISSING, NOT_DUE)]
    names = {r.unit_code: r.unit_name for r in rows}
    figures = consolidate_figures(service.db, period, [r.unit_code for r in delivered])
    spots = hot_spots(service.db, period, {r.unit_code: r.unit_name for r in delivered})
    body: list = [Heading(_("I- TÌNH HÌNH BÀN GIAO DỮ LIỆU CỦA CÁC XÃ"))]
    summary = _("Hạn bàn giao dữ liệu {period} là ngày {due}. Đến {today}, có {n}/{total} xã đã bàn giao "
                "({on_time} xã đúng hạn, {late} xã trễ hạn).").format(
        period=period.label(), due=short_date(due), today=document_date(today), n=len(delivered), total=len(rows),
        on_time=sum(r.status == ON_TIME for r in rows), late=sum(r.status == LATE for r in rows))
    if missing:
        summary += " " + _("Chưa bàn giao: {names}.").format(names=", ".join(r.unit_name for r in missing))
    body.append(Paragraph(summary))
    body.append(Table([_("TT"), _("Đơn vị"), _("Ngày bàn giao"), _("Tình trạng"), _("Lô số")],
                      [[str(i), r.unit_name, short_date(r.handed_at), r.status_text,
                        str(r.batch.sequence) if r.batch else ""] for i, r in enumerate(rows, start=1)],
                      widths=[0.6, 3.2, 2.0, 2.8, 1.0], align_right=[0, 4]))
    body.append(Heading(_("II- KẾT QUẢ CÔNG TÁC DÂN VẬN (SỐ LIỆU TỔNG HỢP)")))
    if figures:
        body.append(Paragraph(_("Số liệu tổng hợp từ {n} xã đã bàn giao, lấy theo báo cáo đã được duyệt của từng "
                                "xã (xã chưa có báo cáo duyệt thì lấy số liệu đã nhập). Chỉ tiêu đếm được cộng "
                                "lại; tỷ lệ được tính lại từ tổng các thành phần.").format(n=len(delivered))))
        body.append(Table([_("TT"), _("Chỉ tiêu"), _("Đơn vị tính"), _("Tổng hợp"), _("Số xã")],
                          [[str(i), f.name, f.unit, format_total(f, f.total), str(len(f.per_unit))]
                           for i, f in enumerate(figures, start=1)],
                          widths=[0.6, 4.6, 1.6, 1.6, 0.9], align_right=[0, 3, 4]))
        columns = _per_unit_columns(figures)
        if columns:
            body.append(Heading(_("III- SỐ LIỆU CỦA TỪNG XÃ")))
            table_rows = [[str(i), names[code]] + [format_total(f, f.per_unit.get(code)) or "–" for f in columns]
                          for i, code in enumerate([r.unit_code for r in delivered], start=1)]
            table_rows.append(["", _("Tổng cộng")] + [format_total(f, f.total) for f in columns])
            body.append(Table([_("TT"), _("Đơn vị")] + [f"{f.name} ({f.unit})" if f.unit else f.name for f in columns],
                              table_rows, widths=[0.6, 2.6] + [1.6] * len(columns),
                              align_right=[0] + list(range(2, 2 + len(columns)))))
    else:
        body.append(Paragraph(_("Các xã chưa gửi số liệu của kỳ này.")))
    body.append(Heading(_("IV- ĐIỂM NÓNG, VỤ VIỆC PHỨC TẠP") if figures else _("III- ĐIỂM NÓNG, VỤ VIỆC PHỨC TẠP")))
    if spots:
        for spot in spots:
            place = f"{spot.unit_name}, {spot.village}" if spot.village else spot.unit_name
            state = _("đã giải quyết") if spot.resolved else _("đang theo dõi, giải quyết")
            body.append(Paragraph(_("- {place} ({day}): {summary} — {state}.").format(
                place=place, day=short_date(dt.date.fromisoformat(spot.noted_on[:10])),
                summary=spot.summary.rstrip(". "), state=state)))
    else:
        body.append(Paragraph(_("Trong kỳ, các xã đã bàn giao không báo cáo điểm nóng.")))
    if period.kind is PeriodKind.YEAR:        # the year's report quotes the communes' scorecards (862-KL/TU)
        from danvan_desktop.services.yearwork.scorecard import ScorecardService, consolidated_targets_blocks
        scored = ScorecardService(service.db, lambda: today).every_commune(period.year)   # as received so far
        body += consolidated_targets_blocks(scored, "V" if figures else "IV")
    upper_name = unit.upper_unit_name or _("cấp ủy")
    return Document(
        header=Header(upper_body=unit.upper_party_name.upper(), issuing_body=_issuing_body(unit),
                      number=_("Số      -BC/{symbol}").format(symbol=unit.doc_symbol), place=unit.place_name,
                      date=today),
        title=Title(_("BÁO CÁO"), _("tổng hợp tình hình Nhân dân và kết quả công tác dân vận của các xã {period}")
                    .format(period=period.label())),
        body=body,
        recipients=[_("Thường trực {upper} (để báo cáo),").format(upper=upper_name), _("Các xã (để biết),"),
                    _("Lưu Văn phòng.")],
        signatures=[Signature(authority=_("K/T TRƯỞNG BAN"), post=_("PHÓ TRƯỞNG BAN"))],
        metadata={"title": _("Báo cáo tổng hợp {period}").format(period=period.label()), "author": unit.name})


def consolidated_pdf(service: UpperLevelService, period: Period, target: Path | str) -> Path:
    try:
        from danvan_desktop.render.pdf import render_pdf
    except ImportError as exc:
        raise RuleError(_("Bản này chưa có bộ dựng PDF.")) from exc
    return render_pdf(build_consolidated(service, period, service.today()), Path(target))
