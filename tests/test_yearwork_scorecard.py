"""The scorecard against the targets of 862-KL/TU: counted from the records where they exist, typed with
evidence where they do not; the thresholds are an editable profile; the upper level sees every commune."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan_desktop.cli import main
from danvan_desktop.domain.members import BlocMember, BlocRole
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.yearwork import Training
from danvan_desktop.services.yearwork import YearWork


def _by_code(scores):
    return {s.target.code: s for s in scores}


def test_training_counts_members_and_a_typed_target_needs_its_evidence(services, today):
    work = YearWork.of(services)
    a = services.roster.save(BlocMember(full_name="Lê Văn Thắng", post_code="pbt_tt", bloc_role=BlocRole.HEAD.value,
                                        start_date=dt.date(2025, 10, 1)))
    services.roster.save(BlocMember(full_name="Nguyễn Thị Hương", post_code="ct_mttq",
                                    bloc_role=BlocRole.DEPUTY.value, start_date=dt.date(2025, 10, 1)))
    s = _by_code(work.scorecard.scores(2026))
    assert (s["members_trained"].numerator, s["members_trained"].denominator) == (0, 2)
    assert s["members_trained"].met is False
    work.training.save(Training(held_on=dt.date(2026, 3, 12), topic="Nghiệp vụ công tác dân vận",
                                organiser="Ban Dân vận Tỉnh ủy", member_ids=[a.id]))
    s = _by_code(work.scorecard.scores(2026))
    assert s["members_trained"].value_text() == "1/2 (50%)" and s["members_trained"].source_text() == "đếm từ dữ liệu"
    assert services.roster.members.get(a.id).trained_on == dt.date(2026, 3, 12)
    assert s["party_regulation"].value_text() == "chưa có số liệu" and s["party_regulation"].met is False
    with pytest.raises(RuleError, match="căn cứ"):
        work.scorecard.set_typed(2026, "party_regulation", 1, "")
    with pytest.raises(RuleError, match="đếm từ dữ liệu"):
        work.scorecard.set_typed(2026, "members_trained", 100, "x")
    work.scorecard.set_typed(2026, "party_regulation", 1, "Quyết định số 09-QĐ/ĐU ngày 20/9/2025")
    s = _by_code(work.scorecard.scores(2026))
    assert (s["party_regulation"].value_text(), s["party_regulation"].source_text(), s["party_regulation"].met) == (
        "Có", "nhập tay", True)
    assert s["party_regulation"].evidence == "Quyết định số 09-QĐ/ĐU ngày 20/9/2025"
    with pytest.raises(RuleError, match="ngày tập huấn"):
        work.training.save(Training(topic="x", organiser="y", member_ids=[a.id]))


def test_the_demo_year_is_judged_from_its_records(demo, today):
    work = YearWork.of(demo)
    s = _by_code(work.scorecard.scores(2026))
    assert s["plan_approved"].met is True and "Quyết định số 15-QĐ/ĐU" in s["plan_approved"].evidence
    assert s["dvk_new"].value == 2 and s["dvk_new"].met is False          # 2 new models this year, target 3
    assert s["members_trained"].numerator == 9 and s["members_trained"].denominator == 10
    # Jan–Oct have passed on 21/11, and November's briefing is already held: 11 months count
    assert (s["monthly_briefings"].numerator, s["monthly_briefings"].denominator) == (11, 11)
    assert s["annual_briefing"].met is None and s["annual_briefing"].value_text() == "không áp dụng"
    assert s["key_people"].applicable                                     # the log speaks of religion
    assert 0 < s["petitions_resolved"].value <= 100
    done, total = work.plans.completion(2026)
    assert s["plan_items_done"].numerator == done and s["plan_items_done"].denominator == total == 13
    assert 0 < done < total


def test_the_thresholds_are_a_profile_the_unit_edits(demo):
    work = YearWork.of(demo)
    assert _by_code(work.scorecard.scores(2026))["dvk_new"].met is False
    profile = work.scorecard.set_threshold("dvk_new", 2)
    assert profile.name == "Kết luận 862-KL/TU (điều chỉnh của đơn vị)"
    assert _by_code(work.scorecard.scores(2026))["dvk_new"].met is True
    with pytest.raises(RuleError, match="quá 100%"):
        work.scorecard.set_threshold("members_trained", 120)
    work.scorecard.reset_profile()
    assert _by_code(work.scorecard.scores(2026))["dvk_new"].threshold_text() == "≥ 3"


def test_scorecard_command_prints_every_target_with_value_source_and_verdict(tmp_path, capsys):
    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["scorecard", "--db", str(db), "--year", "2026"]) == 0
    out = capsys.readouterr().out
    assert "Mô hình “Dân vận khéo” xây dựng mới trong năm: 2 | chỉ tiêu ≥ 3 | đếm từ dữ liệu | Chưa đạt" in out
    assert "Đảng ủy ban hành quy chế công tác dân vận của hệ thống chính trị: Có | chỉ tiêu Có | nhập tay | Đạt" in out
    assert len([line for line in out.splitlines() if line.strip()[:3].strip(". ").isdigit()]) == 15


def test_the_upper_level_scores_every_commune(tmp_path, today):
    from danvan_desktop.services.demo.upper import build_upper_demo
    upper = build_upper_demo(tmp_path / "upper.sqlite3", today=today, communes=2)
    try:
        rows = YearWork.of(upper).scorecard.every_commune(upper.today().year)
        assert len(rows) >= 2
        assert all(r.judged > 0 for r in rows)
        assert any(s.target.code == "plan_approved" and s.met for r in rows for s in r.scores)
        # the year's consolidated report quotes them: per target, how many communes met it
        from danvan_desktop.domain.periods import Period
        from danvan_desktop.render.document import Heading, Table
        reports = upper.exchange.upper.reports

        def build_consolidated(period):
            return reports.document(upper.exchange.upper.consolidated_report(period).id)

        document = build_consolidated(Period.parse("2026"))
        headings = [b.text for b in document.body if isinstance(b, Heading)]
        assert headings[-1].endswith("- KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CÔNG TÁC DÂN VẬN Ở XÃ")
        table = [b for b in document.body if isinstance(b, Table)][-1]
        by_name = {row[1]: row[3] for row in table.rows}
        assert by_name["Kế hoạch hoạt động năm được Đảng ủy phê duyệt"] == "2/2"
        monthly = build_consolidated(Period.parse("2026-10"))
        assert not any("CHỈ TIÊU CÔNG TÁC" in b.text for b in monthly.body if isinstance(b, Heading))
    finally:
        upper.close()
