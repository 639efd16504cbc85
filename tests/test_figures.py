"""Figures: typed monthly values, their checks, and values derived for every kind of period."""

from __future__ import annotations

import pytest

from danvan_desktop.domain.figures import Figure, parse_value
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.records import RuleError


def _type_year(services, code, values):
    for month, value in values.items():
        services.figures.set_value(code, f"2026-{month:02d}", value)


def test_every_period_kind_is_derived_from_the_months(services):
    received = {m: m for m in range(1, 11)}            # 1 … 10 petitions from January to October
    _type_year(services, "don_nhan", received)
    _type_year(services, "don_da_gq", {m: m - 1 for m in range(1, 11)})
    # pending balances each month: carried over (last month's pending) + received = resolved + pending
    _type_year(services, "don_dang_gq", {1: 1, 2: 2, 8: 1})
    f = services.figures
    assert f.value("don_nhan", "2026-03") == 3
    assert f.value("don_nhan", "2026-Q1") == 1 + 2 + 3
    assert f.value("don_nhan", "2026-Q4") == 10                 # only October typed so far
    assert f.value("don_nhan", "2026-H1") == sum(range(1, 7))
    assert f.value("don_nhan", "2026-H2") == sum(range(7, 11))
    assert f.value("don_nhan", "2026-9M") == sum(range(1, 10))
    assert f.value("don_nhan", "2026") == sum(range(1, 11))
    # "last": the latest month with a value inside the period
    assert f.value("don_dang_gq", "2026-Q1") == 2
    assert f.value("don_dang_gq", "2026-H2") == 1
    # carried over: the pending left at the end of the month before the period
    assert f.value("don_ky_truoc", "2026-02") == 1 and f.value("don_ky_truoc", "2026-Q2") is None
    assert f.value("don_ky_truoc", "2026-03") == 2
    assert f.value("don_dang_gq", "2026-Q2") is None
    # ratio of the derived sums, not an average of monthly ratios
    assert f.value("ty_le_gq_don", "2026") == pytest.approx(sum(range(10)) / sum(range(1, 11)))
    assert f.value("ty_le_gq_don", "2026-Q1") == pytest.approx(3 / 6)
    assert f.value("ty_le_gq_don", "2026-Q2") == pytest.approx((3 + 4 + 5) / (4 + 5 + 6))
    # no data at all → None, never 0
    assert f.value("hoa_giai", "2026") is None


def test_average_aggregation_of_a_user_figure(services):
    services.figures.save_figure(Figure(code="ho_ngheo", name_vi="Hộ nghèo được hỗ trợ", unit="hộ",
                                        aggregation="average"))
    _type_year(services, "ho_ngheo", {1: 10, 2: 20, 4: 30})
    assert services.figures.value("ho_ngheo", "2026-Q1") == 15
    assert services.figures.value("ho_ngheo", "2026-H1") == 20


def test_bad_values_are_refused_and_nothing_changes(services):
    f = services.figures
    f.set_value("don_nhan", "2026-10", "12")
    with pytest.raises(RuleError, match="không phải là số"):
        f.set_value("don_nhan", "2026-10", "mười hai")
    with pytest.raises(RuleError, match="không được âm"):
        f.set_value("don_nhan", "2026-10", "-3")
    with pytest.raises(RuleError, match="số nguyên"):
        f.set_value("don_nhan", "2026-10", "2,5")
    with pytest.raises(RuleError, match="lớn hơn «Đơn thư kỳ trước chuyển sang» \\+ «Đơn thư tiếp nhận»"):
        f.set_value("don_da_gq", "2026-10", "13")
    f.set_value("don_da_gq", "2026-10", "12")
    with pytest.raises(RuleError, match="Tháng 10/2026: «Đơn thư đã giải quyết» \\(12\\) lớn hơn"):
        f.set_value("don_nhan", "2026-10", "11")
    with pytest.raises(RuleError, match="chưa tới"):
        f.set_value("don_nhan", "2026-12", "1")               # today is 21/11/2026
    with pytest.raises(RuleError, match="chỉ nhập theo tháng"):
        f.set_value("don_nhan", "2026-Q3", "1")
    with pytest.raises(RuleError, match="tự động"):
        f.set_value("ty_le_gq_don", "2026-10", "50")
    assert f.month_value("don_nhan", "2026-10") == 12
    assert f.month_value("don_da_gq", "2026-10") == 12


def test_vietnamese_number_forms_and_clearing(services):
    f = services.figures
    assert f.set_value("tuyen_truyen_luot", "2026-10", "1.234") == 1234
    assert f.value("tuyen_truyen_luot", "2026-10") == 1234
    f.set_value("tuyen_truyen_luot", "2026-10", "")
    assert f.value("tuyen_truyen_luot", "2026-10") is None
    percent = Figure(code="x", name_vi="Tỷ lệ hộ văn hóa", unit="%", integer=False)
    assert parse_value("92,43", percent) == pytest.approx(92.43)


def test_counted_figures_come_from_records(services, today):
    import datetime as dt

    from danvan_desktop.domain.dvk import DvkModel
    from danvan_desktop.domain.situation import SituationNote
    services.dvk.save(DvkModel(name="Con đường bích họa", owner_name="Thôn Đông", year=2026,
                               registered_on=dt.date(2026, 3, 2)))
    services.situation.save(SituationNote(noted_on=dt.date(2026, 10, 3), topic="land", level="hot",
                                          summary="Tranh chấp ranh giới đất"))
    f = services.figures
    assert f.value("dvk_moi", "2026-03") == 1
    assert f.value("dvk_moi", "2026-Q2") == 0
    assert f.value("dvk_moi", "2026") == 1
    assert f.value("diem_nong", "2026-10") == 1
    assert f.value("giao_ban", "2026-10") is None or f.value("giao_ban", "2026-10") >= 0
    assert f.value("tv_tap_huan", "2026-10") is None           # no members in the empty commune


def test_user_can_extend_the_catalogue_but_not_duplicate_codes(services):
    services.figures.save_figure(Figure(code="doi_thoai", name_vi="Hội nghị đối thoại", unit="cuộc"))
    assert "doi_thoai" in [x.code for x in services.figures.catalogue()]
    with pytest.raises(RuleError, match="đã có"):
        services.figures.save_figure(Figure(code="doi_thoai", name_vi="Trùng", unit="cuộc"))
    with pytest.raises(RuleError, match="tử số"):
        services.figures.save_figure(Figure(code="ty_le_x", name_vi="Tỷ lệ x", aggregation="ratio",
                                            numerator="khong_co", denominator="don_nhan"))


def test_series_for_the_chart_covers_twelve_months(services):
    services.figures.set_value("don_nhan", "2026-01", "4")
    points = services.figures.series("don_nhan", Period.parse("2026-10"))
    assert [p.code for p, _v in points][:2] == ["2025-11", "2025-12"] and points[-1][0].code == "2026-10"
    assert {p.code: v for p, v in points}["2026-01"] == 4
