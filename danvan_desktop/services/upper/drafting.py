"""The consolidated report's sections written from the communes' records, as a province body words
them: the situation across communes (the open hot spots, the newest first), results by field
with the consolidated figures and the same period last year, the models recognised, the communes'
own proposals (each once, with the communes that raised it, the most widely raised first, bounded) and the
tasks ahead. Every text is a draft the officer edits before approval."""

from __future__ import annotations

from danvan_desktop.domain.collation import vi_key
from danvan_desktop.domain.due_rule import DELIVERED, EARLY, LATE, MISSING, NOT_DUE, ON_TIME
from danvan_desktop.domain.formats import short_date
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import Period, PeriodKind
from danvan_desktop.domain.report import next_period_words
from danvan_desktop.domain.situation import Level, Topic
from danvan_desktop.services.report.drafting import cap, count, inner
from danvan_desktop.services.upper.completeness import CompletenessRow
from danvan_desktop.services.upper.consolidate import Consolidation, FigureTotal, format_total
from danvan_desktop.services.upper.facts import HotSpot, UpperFacts
from danvan_desktop.services.upper.proposals import Proposal

LISTED_SPOTS = 25        # open hot spots listed one by one; the rest are counted by commune
LISTED_NAMES = 12        # communes named in a sentence before "và N xã khác"
LISTED_PROPOSALS = 10    # proposals written one by one; the rest are counted with the communes that raised them
MONTH_RUNS = 3           # a proposal's months are said when they are at most this many runs ("tháng 3–5, 9")


def span(period: Period) -> str:
    return {PeriodKind.MONTH: _("trong tháng"), PeriodKind.QUARTER: _("trong quý"),
            PeriodKind.HALF: _("trong 6 tháng"), PeriodKind.NINE: _("trong 9 tháng"),
            PeriodKind.YEAR: _("trong năm")}[period.kind]


def names_list(names: list[str]) -> str:
    if len(names) <= LISTED_NAMES:
        return ", ".join(names)
    return _("{names} và {n} xã khác").format(names=", ".join(names[:LISTED_NAMES]), n=len(names) - LISTED_NAMES)


def communes_of(spots: list[HotSpot]) -> list[str]:
    """The communes of these hot spots, once each, in Vietnamese alphabetical order."""
    return sorted({s.unit_name for s in spots}, key=vi_key)


def topic_label(code: str) -> str:
    try:
        return Topic(code).label
    except ValueError:
        return code


def _value(c: Consolidation, code: str) -> float | None:
    figure = c.figure(code)
    return figure.total if figure else None


def _text(c: Consolidation, code: str) -> str:
    figure = c.figure(code)
    return format_total(figure, figure.total) if figure and figure.total is not None else ""


def compare(figure: FigureTotal | None) -> str:
    if figure is None or figure.total is None or figure.last_year is None:
        return ""
    if figure.is_share:
        before = format_total(figure, figure.last_year)
        return _("cùng kỳ năm trước {value}").format(value=before)
    if figure.total == figure.last_year:
        return _("bằng cùng kỳ năm trước")
    word = _("tăng") if figure.total > figure.last_year else _("giảm")
    return _("{word} {diff} {unit} so với cùng kỳ năm trước").format(
        word=word, diff=count(abs(figure.total - figure.last_year)), unit=figure.unit)


def _with_compare(text: str, figure: FigureTotal | None) -> str:
    words = compare(figure)
    return f"{text} ({words})" if words else text


# -- I. situation ----------------------------------------------------------------------------------
def situation(c: Consolidation, facts: UpperFacts) -> str:
    n = sum(facts.notes_by_level.values())
    lines = []
    if not n and not facts.hot_spots:
        return _("{span}, các xã chưa ghi nhận ý kiến, phản ánh nào của Nhân dân trong số liệu đã bàn giao.").format(
            span=cap(span(c.period)))
    lines.append(_("Tình hình Nhân dân trên địa bàn các xã cơ bản ổn định; Nhân dân tin tưởng vào sự lãnh đạo của "
                   "Đảng, chính quyền. {span}, {k} xã đã ghi nhận {n} ý kiến, phản ánh của Nhân dân, trong đó {watch} "
                   "vụ việc cần theo dõi và {hot} điểm nóng.").format(
        span=cap(span(c.period)), k=count(facts.notes_communes), n=count(n),
        watch=count(facts.notes_by_level.get(Level.WATCH.value, 0)), hot=count(facts.notes_by_level.get(Level.HOT.value, 0))))
    open_spots = facts.open_spots
    if facts.hot_spots:
        by_topic: dict[str, int] = {}
        for spot in facts.hot_spots:
            by_topic[spot.topic] = by_topic.get(spot.topic, 0) + 1
        topics = "; ".join(_("{topic}: {n} vụ việc").format(topic=topic_label(t).lower(), n=count(k))
                           for t, k in sorted(by_topic.items(), key=lambda kv: -kv[1]))
        lines.append(_("Các điểm nóng theo lĩnh vực: {topics}. Đã giải quyết {done} vụ việc; còn {open} vụ việc đang "
                       "theo dõi, giải quyết.").format(topics=topics, done=count(len(facts.hot_spots) - len(open_spots)),
                                                        open=count(len(open_spots))))
    if open_spots:
        lines.append(_("Các vụ việc còn đang theo dõi, giải quyết:"))
        for spot in open_spots[:LISTED_SPOTS]:
            place = f"{spot.unit_name}, {spot.village}" if spot.village else spot.unit_name
            lines.append(_("- {place} ({topic}, từ ngày {day}): {summary}.").format(
                place=cap(place), topic=topic_label(spot.topic).lower(), day=short_date(spot.noted_on),
                summary=inner(spot.summary)))
        rest = open_spots[LISTED_SPOTS:]
        earlier = [s for s in rest if s.noted_on < c.period.start]
        if earlier:
            lines.append(_("- Và {n} vụ việc khác tại {communes} (trong đó {k} vụ việc phát sinh từ các kỳ trước, "
                           "vụ việc lâu nhất từ ngày {day}).").format(
                n=count(len(rest)), communes=names_list(communes_of(rest)), k=count(len(earlier)),
                day=short_date(min(s.noted_on for s in earlier))))
        elif rest:
            lines.append(_("- Và {n} vụ việc khác tại {communes}.").format(
                n=count(len(rest)), communes=names_list(communes_of(rest))))
    return "\n".join(lines)


# -- II. results -----------------------------------------------------------------------------------
def reporting(c: Consolidation, rows: list[CompletenessRow], due_text: str) -> str:
    total = len(rows)
    delivered = [r for r in rows if r.status in DELIVERED]
    lines = [_("Hạn gửi báo cáo, dữ liệu {period} là ngày {due}. Có {n}/{total} xã đã gửi đủ báo cáo đã duyệt của "
               "các tháng trong kỳ ({early} xã gửi sớm, {on_time} xã đúng hạn, {late} xã trễ hạn).").format(
        period=c.period.label(), due=due_text, n=count(len(delivered)), total=count(total),
        early=count(sum(r.status == EARLY for r in rows)), on_time=count(sum(r.status == ON_TIME for r in rows)),
        late=count(sum(r.status == LATE for r in rows)))]
    late = [r for r in rows if r.status == LATE]
    if late:
        lines.append(_("Các xã gửi trễ hạn: {names}.").format(
            names=names_list([f"{r.unit_name} ({r.days_late} ngày)" for r in late])))
    missing = [r for r in rows if r.status == MISSING]
    if missing:
        lines.append(_("Các xã quá hạn chưa gửi đủ: {names}.").format(names=names_list([r.unit_name for r in missing])))
    pending = [r for r in rows if r.status == NOT_DUE]
    if pending:
        lines.append(_("{n} xã chưa đến hạn gửi đủ các tháng của kỳ.").format(n=count(len(pending))))
    held = c.contributing
    lines.append(_("Số liệu trong báo cáo này được tổng hợp từ dữ liệu {k}/{total} xã đã bàn giao, mỗi xã tính theo các "
                   "tháng đã gửi.").format(k=count(len(held)), total=count(len(c.names))))
    gaps = [(c.names.get(code, code), c.missing_months(code)) for code in held if c.missing_months(code)]
    if gaps:
        lines.append(_("Các xã còn thiếu số liệu một số tháng: {list}.").format(list=names_list(
            [f"{name} ({_('tháng')} {', '.join(str(int(m[5:])) for m in months)})" for name, months in gaps])))
    return "\n".join(lines)


def government(c: Consolidation) -> str:
    lines = []
    if _value(c, "tcd_luot") is not None:
        lines.append(_with_compare(_("Các xã đã tổ chức tiếp {luot} lượt công dân với {nguoi} người").format(
            luot=_text(c, "tcd_luot"), nguoi=_text(c, "tcd_nguoi") or "0"), c.figure("tcd_luot")) + ".")
    if _value(c, "don_nhan") is not None:
        text = _("Tiếp nhận {nhan} đơn thư, đã giải quyết {gq}/{nhan} đơn").format(
            nhan=_text(c, "don_nhan"), gq=_text(c, "don_da_gq") or "0")
        if _value(c, "ty_le_gq_don") is not None:
            text += _(", đạt {rate}").format(rate=_text(c, "ty_le_gq_don"))
        if _value(c, "don_dang_gq"):
            text += _("; {n} đơn đang giải quyết").format(n=_text(c, "don_dang_gq"))
        lines.append(_with_compare(text, c.figure("ty_le_gq_don")) + ".")
    if not lines:
        return _("Các xã chưa gửi số liệu tiếp công dân, giải quyết đơn thư của kỳ này.")
    return "\n".join(lines)


def outreach(c: Consolidation) -> str:
    lines = []
    if _value(c, "hoa_giai") is not None:
        text = _("Tổ hòa giải ở cơ sở các xã đã hòa giải {n} vụ việc, thành công {tc} vụ").format(
            n=_text(c, "hoa_giai"), tc=_text(c, "hoa_giai_tc") or "0")
        if _value(c, "ty_le_hoa_giai") is not None:
            text += _(", đạt {rate}").format(rate=_text(c, "ty_le_hoa_giai"))
        lines.append(_with_compare(text, c.figure("hoa_giai")) + ".")
    if _value(c, "tuyen_truyen") is not None:
        lines.append(_with_compare(_("Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội các xã tổ chức tuyên truyền "
                                     "được {n} buổi với {luot} lượt đoàn viên, hội viên và Nhân dân tham dự").format(
            n=_text(c, "tuyen_truyen"), luot=_text(c, "tuyen_truyen_luot") or "0"), c.figure("tuyen_truyen")) + ".")
    if not lines:
        return _("Các xã chưa gửi số liệu hòa giải, tuyên truyền của kỳ này.")
    return "\n".join(lines)


def dvk(c: Consolidation, facts: UpperFacts) -> str:
    if facts.registered_models:
        lines = [_("Phong trào thi đua “Dân vận khéo” tiếp tục được các xã quan tâm triển khai; {span} có {n} mô hình "
                   "mới đăng ký.").format(span=span(c.period), n=count(facts.registered_models))]
    else:
        lines = [_("Phong trào thi đua “Dân vận khéo” tiếp tục được các xã quan tâm triển khai; {span} chưa có mô hình "
                   "mới đăng ký.").format(span=span(c.period))]
    if facts.models:
        upper = sum(m.recognition == "upper" for m in facts.models)
        lines.append(_("Có {n} mô hình “Dân vận khéo” được công nhận ({upper} mô hình được cấp trên công nhận):").format(
            n=count(len(facts.models)), upper=count(upper)))
        for model in facts.models:
            level = _("cấp trên công nhận") if model.recognition == "upper" else _("cấp xã công nhận")
            lines.append(_("- {commune}: mô hình “{name}” ({level}, {day}).").format(
                commune=cap(model.unit_name), name=model.name, level=level, day=short_date(model.recognised_on)))
    else:
        lines.append(_("{span} chưa có mô hình nào được công nhận.").format(span=cap(span(c.period))))
    return "\n".join(lines)


# -- III–V -----------------------------------------------------------------------------------------
def strengths(c: Consolidation, rows: list[CompletenessRow]) -> str:
    lines = [_("Các xã đã quan tâm lãnh đạo, chỉ đạo công tác dân vận; Khối dân vận các xã duy trì giao ban định kỳ, "
               "nắm tình hình Nhân dân, kịp thời báo cáo những vấn đề phát sinh.")]
    on_time = [r for r in rows if r.status in (EARLY, ON_TIME)]
    if on_time:
        lines.append(_("{n}/{total} xã gửi báo cáo, dữ liệu đúng hạn, bảo đảm số liệu cho công tác tổng hợp.").format(
            n=count(len(on_time)), total=count(len(rows))))
    rate = c.figure("ty_le_gq_don")
    if rate and rate.total is not None:
        lines.append(_("Tỷ lệ giải quyết đơn thư đạt {rate}.").format(rate=format_total(rate, rate.total)))
    return "\n".join(lines)


def limits(c: Consolidation, rows: list[CompletenessRow], facts: UpperFacts) -> str:
    lines = []
    behind = [r.unit_name for r in rows if r.status in (LATE, MISSING)]
    if behind:
        lines.append(_("Một số xã gửi báo cáo, dữ liệu chưa đúng hạn hoặc chưa gửi: {names}.").format(
            names=names_list(behind)))
    if facts.open_spots:
        lines.append(_("Còn {n} điểm nóng chưa được giải quyết dứt điểm tại {communes}.").format(
            n=count(len(facts.open_spots)), communes=names_list(communes_of(facts.open_spots))))
    if not lines:
        lines.append(_("Không có hạn chế lớn trong kỳ."))
    lines.append(_("Nguyên nhân: một số cấp ủy, Khối dân vận xã chưa thường xuyên cập nhật, bàn giao dữ liệu; việc "
                   "phối hợp giải quyết các vụ việc phức tạp có lúc chưa kịp thời."))
    return "\n".join(lines)


def next_tasks(c: Consolidation, rows: list[CompletenessRow], facts: UpperFacts) -> str:
    lines = [_("1. Tiếp tục tham mưu cấp ủy lãnh đạo, chỉ đạo thực hiện công tác dân vận; nắm chắc tình hình Nhân "
               "dân, kịp thời báo cáo những vấn đề mới phát sinh.")]
    n = 2
    if facts.open_spots:
        lines.append(_("{i}. Theo dõi, đôn đốc giải quyết dứt điểm các điểm nóng còn tồn đọng tại {communes}.").format(
            i=n, communes=names_list(communes_of(facts.open_spots))))
        n += 1
    behind = [r.unit_name for r in rows if r.status in (LATE, MISSING)]
    if behind:
        lines.append(_("{i}. Đôn đốc các xã {names} gửi báo cáo, dữ liệu đầy đủ, đúng hạn.").format(
            i=n, names=names_list(behind)))
        n += 1
    lines.append(_("{i}. Đẩy mạnh phong trào thi đua “Dân vận khéo”; hướng dẫn các xã đăng ký, xây dựng và nhân rộng "
                   "các mô hình có hiệu quả.").format(i=n))
    lines.append(_("{i}. Tổ chức sơ kết, đánh giá công tác dân vận {next}.").format(
        i=n + 1, next=next_period_words(c.period).lower()))
    return "\n".join(lines)


def raised_when(proposal: Proposal, period: Period) -> str:
    """'tháng 3–5, 9' when a proposal of a quarter, half or year was raised in some of its months only, and in a
    few runs of them; '' when the months would say nothing (a month's report, every month, scattered)."""
    if len(period.months) < 2 or len(proposal.months) == len(period.months):
        return ""
    runs = month_ranges([int(m[5:]) for m in proposal.months])
    return _("tháng {months}").format(months=runs) if runs.count(",") < MONTH_RUNS else ""


def raised_by(proposal: Proposal, communes: int) -> str:
    """'xã A', '03 xã: xã A, xã B, xã C', 'tất cả 200 xã' (`communes`: how many the upper level holds)."""
    if len(proposal.communes) == 1:
        return proposal.communes[0]
    if len(proposal.communes) == communes:
        return _("tất cả {n} xã").format(n=count(communes))
    return _("{n} xã: {names}").format(n=count(len(proposal.communes)), names=names_list(proposal.communes))


def proposals(facts: UpperFacts) -> str:
    """Each proposal once with the communes that raised it (and when, if that tells something), the most widely
    raised first; past `LISTED_PROPOSALS` the rest are counted with their communes."""
    period = facts.period
    if not facts.proposals:
        return _("{span}, các xã không có đề xuất, kiến nghị.").format(span=cap(span(period)))
    communes = {name for p in facts.proposals for name in p.communes}
    listed, rest = facts.proposals[:LISTED_PROPOSALS], facts.proposals[LISTED_PROPOSALS:]
    if rest:
        lines = [_("{span}, {k} xã nêu {n} đề xuất, kiến nghị; {m} đề xuất, kiến nghị được nhiều xã nêu nhất "
                   "như sau:").format(
            span=cap(span(period)), k=count(len(communes)), n=count(len(facts.proposals)), m=count(len(listed)))]
    else:
        lines = [_("{span}, {k} xã nêu {n} đề xuất, kiến nghị như sau:").format(
            span=cap(span(period)), k=count(len(communes)), n=count(len(facts.proposals)))]
    for i, proposal in enumerate(listed, start=1):
        who, when = raised_by(proposal, facts.communes), raised_when(proposal, period)
        lines.append(_("{i}. {text} ({who}).").format(i=i, text=cap(proposal.full_text),
                                                      who=f"{who}; {when}" if when else who))
    if rest:
        names = sorted({name for p in rest for name in p.communes}, key=vi_key)
        lines.append(_("Ngoài ra, còn {n} đề xuất, kiến nghị khác của {names}.").format(
            n=count(len(rest)), names=names_list(names)))
    return "\n".join(lines)


def draft_sections(c: Consolidation, rows: list[CompletenessRow], facts: UpperFacts, due_text: str) -> dict[str, str]:
    return {"situation": situation(c, facts), "reporting": reporting(c, rows, due_text), "government": government(c),
            "outreach": outreach(c), "dvk": dvk(c, facts), "strengths": strengths(c, rows),
            "limits": limits(c, rows, facts), "next": next_tasks(c, rows, facts), "proposals": proposals(facts)}


def month_ranges(months: list[int]) -> str:
    """[1, 2, 3, 5, 7, 8] → '1–3, 5, 7–8'."""
    parts, start = [], None
    for i, m in enumerate(months):
        if start is None:
            start = m
        if i + 1 == len(months) or months[i + 1] != m + 1:
            parts.append(str(start) if start == m else f"{start}–{m}")
            start = None
    return ", ".join(parts)


def communes_table(c: Consolidation, rows: list[CompletenessRow]) -> list[dict]:
    """One row per commune: the months of the period it sent figures for, its approved reports, when, its state —
    so the report names every commune whose data it sums."""
    result = []
    for row in rows:
        held = c.months_held.get(row.unit_code, [])
        months = month_ranges([int(m[5:]) for m in held]) if len(c.months) > 1 else ("x" if held else "")
        result.append({"table": "communes", "code": row.unit_code, "name": row.unit_name, "months": months,
                       "reports": row.months_text, "handed": short_date(row.handed_at), "status": row.status_text})
    return result


def figures_table(c: Consolidation, rows: list[CompletenessRow] | None = None) -> list[dict]:
    """The consolidated figures as the commune report's table rows (value and same period last year), then the
    communes' rows (marked `table: communes`)."""
    result = figures_rows(c)
    return result + communes_table(c, rows or [])


def figures_rows(c: Consolidation) -> list[dict]:
    rows = []
    for f in c.figures:
        if f.total is None and f.last_year is None:
            continue
        rows.append({"code": f.code, "name": f.name, "unit": f.unit, "value": f.total, "last_year": f.last_year,
                     "value_text": format_total(f, f.total), "last_year_text": format_total(f, f.last_year),
                     "communes": len(f.per_unit)})
    return rows
