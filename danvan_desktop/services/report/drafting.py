"""“Tạo dự thảo”: the sections I–V written from the period's facts, worded as real reports word them.

Figures read "tiếp nhận 124 đơn, đã giải quyết 106/124 đơn, đạt 85,48%"; details and comparisons
with the same period last year go into footnotes ([[fn:…]] in a section's text); a period with
nothing recorded says so plainly ("Trong tháng không phát sinh …") rather than inventing results.
"""

from __future__ import annotations

from danvan_desktop.domain.formats import number, percent, short_date
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import PeriodKind
from danvan_desktop.domain.situation import Level, SituationNote, Topic
from danvan_desktop.domain.text import fold
from danvan_desktop.services.report.facts import ReportFacts


def count(n: float) -> str:
    """Counts as documents write them: 05, 12, 1.234."""
    n = round(n)
    return f"{n:02d}" if 0 < n < 10 else number(n)


def span(facts: ReportFacts) -> str:
    """'trong tháng', 'trong quý', 'trong 6 tháng', 'trong 9 tháng', 'trong năm'."""
    return {PeriodKind.MONTH: _("trong tháng"), PeriodKind.QUARTER: _("trong quý"),
            PeriodKind.HALF: _("trong 6 tháng"), PeriodKind.NINE: _("trong 9 tháng"),
            PeriodKind.YEAR: _("trong năm")}[facts.period.kind]


def cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


# Words that keep their capital inside a sentence (Nhân dân, Đảng, Nhà nước, names of bodies and places).
_KEEP_CAPITAL = {"Nhân", "Đảng", "Nhà", "Ủy", "Ban", "Hội", "Đoàn", "Mặt", "Công", "Chi", "Thôn", "Bản", "Khu",
                 "Tổ", "Xã", "Huyện", "Tỉnh", "Bác", "Chủ", "Trường", "Trạm", "Hợp", "Thường", "Trưởng", "Phó",
                 "Bí", "Cựu", "Liên", "Sở", "Phòng", "Trung"}


def inner(text: str) -> str:
    """A note's text as it reads after a colon: trailing full stop gone, first word lower-case unless a name."""
    text = text.strip().rstrip(". ")
    first = text.split(" ", 1)[0]
    if not first or first in _KEEP_CAPITAL or first.isupper() or not first[:1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _compare(now: float | None, before: float | None, unit: str) -> str:
    if now is None or before is None:
        return ""
    if now == before:
        return _("bằng cùng kỳ năm trước")
    word = _("tăng") if now > before else _("giảm")
    return _("{word} {diff} {unit} so với cùng kỳ năm trước").format(word=word, diff=count(abs(now - before)),
                                                                     unit=unit)


# -- I. the people's situation -----------------------------------------------------------------
def _note_clause(notes: list[SituationNote], facts: ReportFacts) -> str:
    """One matter, noted in one or more villages: its text, the places, then what became of it."""
    note = notes[0]
    text = inner(note.summary)
    places = [facts.village(n.village_id) for n in notes]
    places = [p for i, p in enumerate(places) if p and p not in places[:i]]
    if places:
        text = _("{text} ({place})").format(text=text, place=", ".join(places))
    if note.level == Level.NORMAL.value:
        return text
    done = [n for n in notes if facts.resolved_in_time(n)]
    if len(done) == len(notes):
        if len(notes) == 1:
            return _("{text}; đã được giải quyết ngày {date}").format(text=text, date=short_date(note.resolved_on))
        return _("{text}; đã được giải quyết").format(text=text)
    if done:
        return _("{text}; đã giải quyết {k}/{n} nơi, còn lại đang tiếp tục theo dõi").format(
            text=text, k=count(len(done)), n=count(len(notes)))
    if note.action_taken:
        return _("{text}; {action}, đang tiếp tục theo dõi").format(text=text, action=inner(note.action_taken))
    return _("{text}; đang theo dõi, nắm tình hình").format(text=text)


def _grouped(notes: list[SituationNote]) -> list[list[SituationNote]]:
    """Notes with the same text and level (the same matter in several villages) read as one."""
    groups: dict[tuple[str, str], list[SituationNote]] = {}
    for note in notes:
        groups.setdefault((fold(note.summary), note.level), []).append(note)
    return list(groups.values())


def situation(facts: ReportFacts) -> str:
    shown = [n for n in facts.notes if not n.private]
    private = len(facts.notes) - len(shown)
    lines: list[str] = []
    if not facts.notes:
        lines.append(_("{span}, Khối dân vận và các tổ dân vận thôn không ghi nhận vụ việc phức tạp, điểm nóng nào "
                       "trong Nhân dân trên địa bàn xã; không phát sinh vấn đề bức xúc cần báo cáo.").format(
            span=cap(span(facts))))
    else:
        hot = sum(1 for n in facts.notes if n.level == Level.HOT.value)
        watch = sum(1 for n in facts.notes if n.level == Level.WATCH.value)
        detail = []
        if hot:
            detail.append(_("{n} điểm nóng").format(n=count(hot)))
        if watch:
            detail.append(_("{n} vụ việc cần theo dõi").format(n=count(watch)))
        opening = _("{span}, Khối dân vận và các tổ dân vận thôn đã nắm bắt, ghi nhận {n} vụ việc, ý kiến trong "
                    "Nhân dân").format(span=cap(span(facts)), n=count(len(facts.notes)))
        if detail:
            opening += _(" (trong đó có {detail})").format(detail=", ".join(detail))
        compare = _compare(len(facts.notes), facts.notes_last_year, _("vụ việc"))
        if compare:
            opening += "[[fn:" + _("Cùng kỳ năm trước ghi nhận {n} vụ việc; {compare}.").format(
                n=count(facts.notes_last_year or 0), compare=compare) + "]]"
        lines.append(opening + _(". Cụ thể:"))
        for topic in Topic:
            clauses = [_note_clause(group, facts) for group in _grouped([n for n in shown if n.topic == topic.value])]
            if clauses:
                lines.append(_("- {topic}: {text}.").format(topic=topic.label, text="; ".join(clauses)))
        if private:
            lines.append(_("- Ngoài ra có {n} vụ việc được theo dõi riêng theo quy định.").format(n=count(private)))
    earlier = [n for n in facts.earlier_open if not n.private]   # a private matter is never quoted
    if earlier:
        # every hot spot is named; of the others, the three oldest, and how many more
        hot = [n for n in earlier if n.level == Level.HOT.value]
        others = [n for n in earlier if n.level != Level.HOT.value]
        items = []
        for note in hot + others[:3]:
            place = facts.village(note.village_id)
            where = _(" tại {place}").format(place=place) if place else ""
            items.append(_("{summary}{where} (ghi nhận ngày {date})").format(
                summary=inner(note.summary), where=where, date=short_date(note.noted_on)))
        text = _("Các vụ việc từ kỳ trước chưa được giải quyết dứt điểm, đang tiếp tục theo dõi: {items}").format(
            items="; ".join(items))
        if len(others) > 3:
            text += _(" và {n} vụ việc cần theo dõi khác").format(n=count(len(others) - 3))
        lines.append(text + ".")
    return "\n".join(lines)


# -- II. results ---------------------------------------------------------------------------------
def leadership(facts: ReportFacts) -> str:
    lines = [_("Khối dân vận tiếp tục triển khai nhiệm vụ công tác dân vận theo chương trình công tác năm; phân công "
               "thành viên Khối phụ trách, theo dõi {v} thôn, tổ dân phố trên địa bàn.").format(
        v=count(facts.villages_followed)) if facts.villages_followed else
        _("Khối dân vận tiếp tục triển khai nhiệm vụ công tác dân vận theo chương trình công tác năm.")]
    briefings = facts.v("giao_ban")
    if briefings is not None:
        lines.append(_("{span} đã tổ chức {n} cuộc giao ban Khối dân vận.").format(span=cap(span(facts)),
                                                                                  n=count(briefings))
                     if briefings else _("{span} chưa tổ chức giao ban Khối dân vận.").format(span=cap(span(facts))))
    if facts.members_total:
        trained = facts.members_trained
        lines.append(_("Có {k}/{n} thành viên Khối dân vận đã được tập huấn, bồi dưỡng nghiệp vụ công tác dân vận, "
                       "đạt {pct}.").format(k=count(trained), n=count(facts.members_total),
                                            pct=percent(trained / facts.members_total)))
    return "\n".join(lines)


def teams(facts: ReportFacts) -> str:
    summary = facts.tasks
    total = getattr(summary, "total", None)
    if summary is None:
        return _("Các tổ dân vận thôn duy trì hoạt động, bám địa bàn, nắm tình hình Nhân dân và phản ánh với Khối dân "
                 "vận.")
    if not total:
        return _("{span}, Khối dân vận không giao nhiệm vụ mới cho các tổ dân vận thôn; các tổ tiếp tục bám địa bàn, "
                 "nắm tình hình Nhân dân.").format(span=cap(span(facts)))
    done = getattr(summary, "done", 0) or 0
    overdue = getattr(summary, "overdue", 0) or 0
    text = _("Các tổ dân vận thôn được giao {total} nhiệm vụ, đã hoàn thành {done}/{total} nhiệm vụ, đạt {pct}").format(
        total=count(total), done=count(done), pct=percent(done / total))
    if overdue:
        text += _("; còn {n} nhiệm vụ quá hạn chưa hoàn thành").format(n=count(overdue))
    lines = [text + "."]
    for note in list(getattr(summary, "notable", None) or [])[:5]:
        result = str(getattr(note, "result", "") or "").strip().rstrip(". ")
        if not result:
            continue
        place = getattr(note, "village_name", "")
        lines.append(_("- {place}{result}.").format(place=f"{place}: " if place else "", result=result))
    return "\n".join(lines)


def government(facts: ReportFacts) -> str:
    v, last = facts.v, facts.last_year
    lines = []
    visits, people = v("tcd_luot"), v("tcd_nguoi")
    if visits:
        text = _("Chính quyền xã duy trì tiếp công dân định kỳ theo quy định; {span} đã tiếp {a} lượt công dân").format(
            span=span(facts), a=count(visits))
        if people:
            text += _(" với {b} người").format(b=count(people))
        lines.append(text + _(" đến kiến nghị, phản ánh."))
    elif visits == 0:
        lines.append(_("Chính quyền xã duy trì lịch tiếp công dân định kỳ; {span} không có công dân đến kiến nghị, "
                       "phản ánh.").format(span=span(facts)))
    received, solved, pending = v("don_nhan"), v("don_da_gq"), v("don_dang_gq")
    if received:
        text = _("Tiếp nhận {r} đơn").format(r=count(received))
        if solved is not None:
            text += _(", đã giải quyết {s}/{r} đơn, đạt {pct}").format(s=count(solved), r=count(received),
                                                                       pct=percent(solved / received))
        if pending:
            text += _(", {p} đơn đang giải quyết").format(p=count(pending))
        if last.get("don_nhan"):
            before_solved = last.get("don_da_gq") or 0
            text += "[[fn:" + _("Cùng kỳ năm trước tiếp nhận {r} đơn, đã giải quyết {s}/{r} đơn, đạt {pct}; số đơn "
                                "tiếp nhận {compare}.").format(
                r=count(last["don_nhan"]), s=count(before_solved), pct=percent(before_solved / last["don_nhan"]),
                compare=_compare(received, last["don_nhan"], _("đơn")).replace(_(" so với cùng kỳ năm trước"), "")) + \
                "]]"
        lines.append(text + ".")
    elif received == 0:
        lines.append(_("{span} không phát sinh đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh.").format(
            span=cap(span(facts))))
    cases, success = v("hoa_giai"), v("hoa_giai_tc")
    if cases:
        text = _("Các tổ hòa giải ở cơ sở đã hòa giải {n} vụ việc").format(n=count(cases))
        if success is not None:
            text += _(", thành công {k}/{n} vụ, đạt {pct}").format(k=count(success), n=count(cases),
                                                                   pct=percent(success / cases))
        lines.append(text + ".")
    elif cases == 0:
        lines.append(_("{span} không phát sinh vụ việc phải hòa giải ở cơ sở.").format(span=cap(span(facts))))
    if not lines:
        lines.append(_("{span} chưa cập nhật số liệu tiếp công dân, giải quyết đơn thư và hòa giải ở cơ sở.").format(
            span=cap(span(facts))))
    return "\n".join(lines)


def front(facts: ReportFacts) -> str:
    sessions, attendance = facts.v("tuyen_truyen"), facts.v("tuyen_truyen_luot")
    if sessions:
        text = _("Ủy ban MTTQ và các đoàn thể chính trị - xã hội xã tổ chức tuyên truyền được {n} buổi").format(
            n=count(sessions))
        if attendance:
            text += _(" với {k} lượt đoàn viên, hội viên và Nhân dân tham dự").format(k=count(attendance))
        compare = _compare(sessions, facts.last_year.get("tuyen_truyen"), _("buổi"))
        if compare:
            text += "[[fn:" + _("Số buổi tuyên truyền {compare}.").format(compare=compare) + "]]"
        return text + _("; vận động đoàn viên, hội viên và Nhân dân thực hiện tốt chủ trương của Đảng, chính sách, "
                        "pháp luật của Nhà nước và các phong trào thi đua ở địa phương.")
    if sessions == 0:
        return _("{span}, Mặt trận và các đoàn thể không tổ chức buổi tuyên truyền tập trung.").format(
            span=cap(span(facts)))
    return _("{span} chưa cập nhật số liệu tuyên truyền, vận động của Mặt trận và các đoàn thể.").format(
        span=cap(span(facts)))


def dvk(facts: ReportFacts) -> str:
    lines = []
    if facts.dvk_new:
        names = "; ".join(_("mô hình “{name}” của {owner}").format(name=m.name, owner=m.owner_name)
                          for m in facts.dvk_new)
        lines.append(_("{span} có {n} mô hình “Dân vận khéo” mới đăng ký xây dựng: {names}.").format(
            span=cap(span(facts)), n=count(len(facts.dvk_new)), names=names))
    else:
        lines.append(_("{span} không có mô hình “Dân vận khéo” mới đăng ký xây dựng.").format(span=cap(span(facts))))
    if facts.dvk_recognised:
        names = "; ".join(_("“{name}”").format(name=m.name) for m in facts.dvk_recognised)
        lines.append(_("Có {n} mô hình được công nhận: {names}.").format(n=count(len(facts.dvk_recognised)),
                                                                       names=names))
    progress = facts.dvk_progress
    if progress is not None and facts.period.kind is not PeriodKind.YEAR and not progress.new:
        text = _("Từ đầu năm {year} đến nay, toàn xã chưa có mô hình “Dân vận khéo” mới đăng ký xây dựng").format(
            year=progress.year)
        if progress.target:
            text += _(" (chỉ tiêu năm: ít nhất {t} mô hình)").format(t=count(progress.target))
        lines.append(text + ".")
    elif progress is not None and facts.period.kind is not PeriodKind.YEAR:
        text = _("Từ đầu năm {year} đến nay, toàn xã có {n} mô hình “Dân vận khéo” đăng ký xây dựng, "
                 "trong đó {r} mô hình được công nhận").format(year=progress.year, n=count(progress.new),
                                                             r=count(progress.recognised) if progress.recognised else _("chưa có"))
        if progress.target:
            text += _(" (chỉ tiêu năm: ít nhất {t} mô hình)").format(t=count(progress.target))
        lines.append(text + ".")
    return "\n".join(lines)


# -- III–V ---------------------------------------------------------------------------------------
def _open_hot(facts: ReportFacts, *, quoted: bool = True) -> list[SituationNote]:
    """Hot spots still open. Those that will be quoted leave out the notes kept private ("theo dõi riêng"):
    their text never appears in a drafted report; a count may include them."""
    return [n for n in facts.notes + facts.earlier_open
            if n.level == Level.HOT.value and not facts.resolved_in_time(n) and not (quoted and n.private)]


def strengths(facts: ReportFacts) -> str:
    points = [_("Khối dân vận duy trì nền nếp hoạt động; các thành viên Khối bám sát địa bàn được phân công, "
                "nắm tình hình Nhân dân và phản ánh kịp thời với cấp ủy, chính quyền.")]
    resolved = [n for n in facts.notes if facts.resolved_in_time(n) and n.level != Level.NORMAL.value]
    if resolved:
        points.append(_("Đã phối hợp giải quyết {n} vụ việc phát sinh ngay tại cơ sở, không để kéo dài.").format(
            n=count(len(resolved))))
    received, solved = facts.v("don_nhan"), facts.v("don_da_gq")
    if received and solved is not None and solved / received >= 0.8:
        points.append(_("Tỷ lệ giải quyết đơn thư đạt {pct}.").format(pct=percent(solved / received)))
    return " ".join(points)


def limits(facts: ReportFacts) -> str:
    points = []
    hot = _open_hot(facts, quoted=False)
    if hot:
        points.append(_("Còn {n} điểm nóng chưa được giải quyết dứt điểm.").format(n=count(len(hot))))
    overdue = getattr(facts.tasks, "overdue", 0) or 0
    if overdue:
        points.append(_("Còn {n} nhiệm vụ giao cho các tổ dân vận thôn quá hạn chưa hoàn thành.").format(
            n=count(overdue)))
    progress = facts.dvk_progress
    if progress and progress.target and progress.new < progress.target and facts.period.months[-1] >= 6:
        points.append(_("Số mô hình “Dân vận khéo” mới từ đầu năm ({n}) chưa đạt chỉ tiêu năm (ít nhất {t} mô hình)."
                        ).format(n=count(progress.new) if progress.new else _("chưa có"), t=count(progress.target)))
    if facts.members_total and facts.members_trained < facts.members_total:
        points.append(_("Còn {n} thành viên Khối chưa được tập huấn nghiệp vụ công tác dân vận.").format(
            n=count(facts.members_total - facts.members_trained)))
    if not points:
        return _("Qua theo dõi {span}, chưa phát sinh hạn chế đáng kể trong hoạt động của Khối dân vận.").format(
            span=span(facts))
    return " ".join(points)


def next_tasks(facts: ReportFacts) -> str:
    items = [_("Tiếp tục nắm chắc tình hình Nhân dân, dư luận xã hội; kịp thời tham mưu cấp ủy, chính quyền giải "
               "quyết những vấn đề phát sinh ngay từ cơ sở.")]
    for note in _open_hot(facts):
        place = facts.village(note.village_id)
        items.append(_("Phối hợp theo dõi, giải quyết dứt điểm vụ việc: {summary}{where}.").format(
            summary=inner(note.summary), where=_(" tại {place}").format(place=place) if place else ""))
    overdue = getattr(facts.tasks, "overdue", 0) or 0
    if overdue:
        items.append(_("Đôn đốc các tổ dân vận thôn hoàn thành {n} nhiệm vụ đã quá hạn.").format(n=count(overdue)))
    progress = facts.dvk_progress
    if progress and progress.target and progress.new < progress.target:
        items.append(_("Hướng dẫn các thôn, đoàn thể đăng ký, xây dựng thêm mô hình “Dân vận khéo” để đạt chỉ tiêu "
                       "năm {year}.").format(year=progress.year))
    items.append(_("Duy trì giao ban Khối dân vận định kỳ; chỉ đạo các tổ dân vận thôn hoạt động theo quy chế."))
    items.append(_("Thực hiện tốt quy chế dân chủ ở cơ sở; phối hợp tiếp công dân, giải quyết đơn thư đúng quy định."))
    return "\n".join(f"{i}- {text}" for i, text in enumerate(items, start=1))


def proposals(facts: ReportFacts) -> str:
    as_of = min(facts.today, facts.period.end)
    long_open = [n for n in _open_hot(facts) if n.noted_on and (as_of - n.noted_on).days > 30]
    if not long_open:
        return _("Không có đề xuất, kiến nghị.")
    items = "; ".join(inner(n.summary) for n in long_open)
    return _("Đề nghị Đảng ủy, Ủy ban nhân dân xã chỉ đạo các ngành chức năng phối hợp giải quyết dứt điểm các vụ việc "
             "kéo dài: {items}.").format(items=items)


DRAFTERS = {"situation": situation, "leadership": leadership, "teams": teams, "government": government,
            "front": front, "dvk": dvk, "strengths": strengths, "limits": limits, "next": next_tasks,
            "proposals": proposals}


def draft_sections(facts: ReportFacts) -> dict[str, str]:
    return {key: fn(facts) for key, fn in DRAFTERS.items()}


def figures_table(facts: ReportFacts, format_value) -> list[dict]:
    """The rows of the figures table: every figure with a value this period (or last year)."""
    rows = []
    for code in facts.figure_order:
        now, before = facts.values.get(code), facts.last_year.get(code)
        if now is None and before is None:
            continue
        name, unit = facts.figure_names[code]
        rows.append({"code": code, "name": name, "unit": unit, "value": now, "last_year": before,
                     "value_text": format_value(code, now), "last_year_text": format_value(code, before)})
    return rows
