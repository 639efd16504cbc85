"""The upper level consolidates any period from the records its communes handed over: checked against
sums computed here, independently, from the imported rows."""

from __future__ import annotations

import sqlite3

import pytest

from danvan_desktop.domain.due_rule import DueRule
from danvan_desktop.domain.periods import Period


def independent_totals(path, period: Period, own: str) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """Per figure: the province total; per commune: its value — plain SQL rows and plain Python arithmetic."""
    conn = sqlite3.connect(path)
    months = [f"{period.year}-{m:02d}" for m in period.months]
    rules = {code: (agg, num, den) for code, agg, num, den in conn.execute(
        "SELECT code, aggregation, numerator, denominator FROM figures WHERE deleted = 0 AND unit_code != ?", (own,))}
    units = {u for (u,) in conn.execute("SELECT code FROM units WHERE code != ?", (own,))}
    values: dict[str, dict[str, dict[str, float]]] = {}
    for unit, code, month, value in conn.execute(
            "SELECT unit_code, figure_code, period, value FROM figure_values WHERE deleted = 0"):
        if unit in units and month in months:
            values.setdefault(code, {}).setdefault(unit, {})[month] = value
    conn.close()
    per_unit: dict[str, dict[str, float]] = {}
    for code, by_unit in values.items():
        agg = rules[code][0]
        for unit, by_month in by_unit.items():
            ordered = [by_month[m] for m in months if m in by_month]
            per_unit.setdefault(code, {})[unit] = {"sum": sum(ordered), "last": ordered[-1],
                                                   "average": sum(ordered) / len(ordered)}[agg]
    totals = {code: sum(v.values()) for code, v in per_unit.items()}
    for code, (agg, num, den) in rules.items():
        if agg == "ratio" and num in per_unit and den in per_unit:
            both = per_unit[num].keys() & per_unit[den].keys()
            totals[code] = sum(per_unit[num][u] for u in both) / sum(per_unit[den][u] for u in both)
    return totals, per_unit


@pytest.mark.parametrize("code", ["2026-10", "2026-Q3", "2026-Q4", "2026-H1", "2026-9M", "2026", "2025"])
def test_consolidated_period_matches_the_imported_rows(tinh, code):
    period = Period.parse(code)
    result = tinh.exchange.upper.consolidate(period)
    totals, per_unit = independent_totals(tinh.db.path, period, tinh.db.unit_code)
    assert totals, "the demo communes sent figures for the period"
    for figure_code, expected in totals.items():
        figure = result.figure(figure_code)
        assert figure is not None, figure_code
        assert figure.total == pytest.approx(expected), figure_code
        if figure.aggregation != "ratio":
            assert figure.per_unit == pytest.approx(per_unit[figure_code]), figure_code
    # every commune that sent those months is named, each once
    senders = sorted({u for by_unit in per_unit.values() for u in by_unit})
    assert sorted(result.contributing) == senders
    assert len(result.contributing) == len(set(result.contributing))


def test_a_commune_a_month_behind_holds_only_part_of_october_and_is_named(tinh):
    upper = tinh.exchange.upper
    quarter = upper.consolidate("2026-Q4")
    by_name = {quarter.names[c]: c for c in quarter.names}
    assert sorted(quarter.names.values()) == ["xã Yên Lâm", "xã Yên Phú", "xã Yên Thái", "xã Yên Trường"]
    # it stopped on 7 October: what it typed of October is counted, November and December are missing
    assert quarter.missing_months(by_name["xã Yên Lâm"]) == ["2026-11", "2026-12"]
    assert quarter.missing_months(by_name["xã Yên Phú"]) == ["2026-12"]   # November so far, December not yet
    november = upper.consolidate("2026-11")
    assert november.absent == [by_name["xã Yên Lâm"]]


def test_completeness_is_due_after_the_period_and_says_early_on_time_late_missing(tinh, today):
    upper = tinh.exchange.upper
    assert upper.due_date("2026-10").isoformat() == "2026-11-05"      # the 5th of the following month
    assert upper.due_date("2026-Q4").isoformat() == "2027-01-05"
    rows = {r.unit_name: r for r in upper.completeness("2026-10")}
    missing = rows["xã Yên Lâm"]
    assert missing.status == "missing" and missing.days_late == (today - upper.due_date("2026-10")).days == 16
    assert missing.status_text == "Chưa nộp (quá hạn 16 ngày)"
    assert rows["xã Yên Phú"].status == "on_time" and rows["xã Yên Phú"].handed_at.isoformat() == "2026-11-02"
    assert rows["xã Yên Trường"].status == "on_time" and rows["xã Yên Trường"].handed_at.isoformat() == "2026-11-05"
    late = rows["xã Yên Thái"]
    assert late.status == "late" and late.handed_at.isoformat() == "2026-11-07" and late.status_text == "Trễ 2 ngày"
    quarter = {r.unit_name: r for r in upper.completeness("2026-Q4")}
    assert quarter["xã Yên Phú"].status == "not_due" and quarter["xã Yên Phú"].months_text == "1/3"
    assert quarter["xã Yên Lâm"].status == "missing" and "thiếu tháng 10" in quarter["xã Yên Lâm"].status_text
    # a window from the 15th to the 14th, due on the 20th: October's data are due on 20 October
    upper.set_due_rule(20, 15)
    assert upper.due_rule() == DueRule(20, 15)
    assert upper.due_date("2026-10").isoformat() == "2026-10-20"
    rows = {r.unit_name: r for r in upper.completeness("2026-10")}
    assert rows["xã Yên Phú"].status == "late"


def test_early_means_before_the_period_was_over():
    rule = DueRule(5, 1)
    october = Period.parse("2026-10")
    import datetime as dt
    assert rule.status(october, dt.date(2026, 10, 30), dt.date(2026, 11, 21)) == "early"
    assert rule.status(october, dt.date(2026, 11, 5), dt.date(2026, 11, 21)) == "on_time"
    assert rule.status(october, dt.date(2026, 11, 6), dt.date(2026, 11, 21)) == "late"
    assert rule.status(october, None, dt.date(2026, 11, 5)) == "not_due"
    assert rule.status(october, None, dt.date(2026, 11, 6)) == "missing"


@pytest.mark.parametrize("code", ["2026-10", "2026-Q4", "2026"])
def test_the_consolidated_report_names_every_sender_and_prints_the_sums(tinh, code, tmp_path):
    from pypdf import PdfReader

    from danvan_desktop.render.document import Table
    period = Period.parse(code)
    totals, per_unit = independent_totals(tinh.db.path, period, tinh.db.unit_code)
    conn = sqlite3.connect(tinh.db.path)
    names = dict(conn.execute("SELECT code, name FROM units"))
    conn.close()
    senders = sorted(names[u] for u in {u for by_unit in per_unit.values() for u in by_unit})
    upper = tinh.exchange.upper
    report = upper.consolidated_report(period)
    document = upper.reports.document(report.id)
    tables = {t.caption: t for t in document.body if isinstance(t, Table)}
    communes = tables["Tình hình gửi báo cáo, dữ liệu của các xã"]
    named = sorted(row[1] for row in communes.rows if row[2])          # a commune with months of figures
    assert named == senders and len({row[1] for row in communes.rows}) == len(communes.rows)
    figures = tables["Số liệu tổng hợp của các xã"]
    printed = {row[1]: row[3] for row in figures.rows}
    by_code = {r["code"]: r for r in report.figures_table if r.get("table", "figures") == "figures"}
    for figure_code, expected in totals.items():
        row = by_code[figure_code]
        assert row["value"] == pytest.approx(expected), figure_code
        assert printed[row["name"]] == row["value_text"]
    pdf = upper.consolidated_pdf(period, tmp_path / "r.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert all(name in text for name in senders)
