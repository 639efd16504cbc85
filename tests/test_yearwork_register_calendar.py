"""The register of documents (search without accents, the bloc's own documents listed with their numbers,
a directive given as a task, the directives of a period) and the calendar of deadlines from rules."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan_desktop.domain.deadlines import deadlines_between, default_rules
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.yearwork import RegisteredDocument
from danvan_desktop.services.yearwork import YearWork


def test_search_folds_accents_and_the_bloc_s_documents_are_listed(demo):
    work = YearWork.of(demo)
    found = work.register.lines(search="ket luan 862")
    assert [line.number for line in found] == ["862-KL/TU"]
    assert [line.number for line in work.register.lines(search="dang uy xa yen phu")] == ["12-KH/ĐU"]
    outgoing = work.register.lines("out")
    kinds = {line.kind for line in outgoing}
    assert {"Báo cáo", "Kế hoạch"} <= kinds
    assert "01-KH/DV" in [line.number for line in outgoing if line.kind == "Kế hoạch"]


def test_a_directive_is_checked_refused_twice_and_given_as_a_task(demo, today):
    work = YearWork.of(demo)
    with pytest.raises(RuleError, match="cơ quan ban hành"):
        work.register.save(RegisteredDocument(number="18/CT-UBND", doc_date=dt.date(2016, 8, 1), subject="x"))
    with pytest.raises(RuleError, match="tương lai"):
        work.register.save(RegisteredDocument(number="1/CT", issuer="UBND", doc_date=today + dt.timedelta(days=1),
                                              subject="x"))
    doc = work.register.save(RegisteredDocument(
        number="18/CT-UBND", kind="Chỉ thị", issuer="Ủy ban nhân dân tỉnh", doc_date=dt.date(2016, 8, 1),
        subject="tăng cường và đổi mới công tác dân vận trong cơ quan hành chính nhà nước"))
    assert doc.citation() == "Chỉ thị số 18/CT-UBND ngày 01/8/2016 của Ủy ban nhân dân tỉnh"
    with pytest.raises(RuleError, match="đã có trong sổ"):
        work.register.save(RegisteredDocument(number="18/ct-ubnd", issuer="x", doc_date=dt.date(2016, 8, 1),
                                              subject="y"))
    head = next(m for m in demo.roster.current(today) if m.bloc_role == "head")
    task = work.register.tasks_from(doc.id, demo.tasks, member_ids=[head.id], due_date=today + dt.timedelta(days=9))
    assert (task.source_kind, task.source_ref) == ("directive", doc.citation())
    assert task.title.startswith("Triển khai Chỉ thị số 18/CT-UBND")


def test_the_directives_of_a_period_name_what_the_report_cites(demo, today):
    work = YearWork.of(demo)
    november = work.register.directives_of_period("2026-11")
    assert [d.number for d in november] == ["24-HD/BTGDV"]
    year = [d.number for d in work.register.directives_of_period("2026")]
    assert "140-CV/BTGDV" in year and "862-KL/TU" not in year
    assert work.register.leadership_sentence("2026-11") == (
        "Khối dân vận tham mưu Đảng ủy quán triệt, triển khai Hướng dẫn số 24-HD/BTGDV ngày 03/11/2026 của Ban "
        "Tuyên giáo và Dân vận Tỉnh ủy Thanh Hóa.")
    assert work.register.leadership_sentence("2020-01") == ""


def test_deadlines_come_from_rules_every_year():
    rules = default_rules(20)
    year = deadlines_between(rules, dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    named = {(d.rule.code, d.day) for d in year}
    assert ("annual_evaluation", dt.date(2027, 11, 30)) in named
    assert ("traditional_day", dt.date(2027, 10, 15)) in named
    assert ("next_year_plan", dt.date(2027, 12, 15)) in named
    assert len([d for d in year if d.rule.code == "monthly_report"]) == 12
    assert [d.day for d in year if d.rule.code == "quarterly_briefing"] == [
        dt.date(2027, 3, 25), dt.date(2027, 6, 25), dt.date(2027, 9, 25), dt.date(2027, 12, 25)]
    february = [d.day for d in deadlines_between([rules[0]], dt.date(2027, 2, 1), dt.date(2027, 2, 28))]
    assert february == [dt.date(2027, 2, 25)]


def test_the_calendar_counts_down_and_knows_what_is_done(demo, today, tmp_path, capsys):
    work = YearWork.of(demo)
    lines = work.calendar.lines()
    evaluation = next(line for line in lines if line.deadline.rule.code == "annual_evaluation")
    assert evaluation.days_left == 9 and evaluation.countdown_text() == "còn 9 ngày"
    upcoming = work.calendar.upcoming(5)
    assert upcoming and all(not line.done for line in upcoming)
    assert upcoming == sorted(upcoming, key=lambda line: line.deadline.day)
    rules = work.calendar.rules()
    rules[0].day = 28
    work.calendar.save_rules(rules)
    assert work.calendar.rules()[0].day == 28
    with pytest.raises(RuleError, match="không hợp lệ"):
        rules[0].day = 40
        work.calendar.save_rules(rules)


def test_the_reports_leadership_paragraph_names_the_directives_of_its_month(demo):
    from danvan_desktop.domain.periods import Period
    from danvan_desktop.services.report.drafting import leadership
    from danvan_desktop.services.report.facts import gather
    text = leadership(gather(demo.db, Period.parse("2026-08"), demo.today()))
    # the leadership paragraph opens with what the Đảng ủy directed: the register's directives of the month
    assert text.startswith("Thực hiện sự lãnh đạo, chỉ đạo của Đảng ủy xã (Công văn số 140-CV/BTGDV ngày 03/8/2026 "
                           "của Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Hóa")
    july = leadership(gather(demo.db, Period.parse("2026-07"), demo.today()))
    assert "140-CV/BTGDV" not in july


def test_longer_reports_say_how_far_the_year_s_plan_is_carried_out(demo):
    from danvan_desktop.domain.periods import Period
    from danvan_desktop.services.report.drafting import leadership
    from danvan_desktop.services.report.facts import gather
    work = YearWork.of(demo)
    half = leadership(gather(demo.db, Period.parse("2026-H1"), demo.today()))
    done, total = work.plans.completion(2026, dt.date(2026, 6, 30))
    assert (f"Thực hiện Kế hoạch hoạt động năm 2026 của Khối dân vận (được Đảng ủy phê duyệt tại Quyết định số "
            f"15-QĐ/ĐU): đã hoàn thành {done:02d}/{total:02d} nội dung") in half
    assert 0 < done < total == 13
    assert "Thực hiện Kế hoạch" not in leadership(gather(demo.db, Period.parse("2026-06"), demo.today()))
