"""Dates, date lines and numbers the Vietnamese way (the Party rule on leading zeros)."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan_desktop.domain import formats
from danvan_desktop.domain.i18n import set_language


@pytest.mark.parametrize("day, expected", [
    (dt.date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
    (dt.date(2023, 3, 16), "ngày 16 tháng 3 năm 2023"),
    (dt.date(2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
    (dt.date(2026, 10, 9), "ngày 09 tháng 10 năm 2026"),
    (dt.date(2026, 12, 31), "ngày 31 tháng 12 năm 2026"),
])
def test_document_date_leading_zero_for_days_1_to_9_and_months_1_2(day, expected):
    assert formats.document_date(day) == expected


def test_date_line_puts_the_place_first_and_stays_vietnamese_in_english():
    assert formats.date_line(" Yên Phú ", dt.date(2023, 3, 16)) == "Yên Phú, ngày 16 tháng 3 năm 2023"
    set_language("en")
    assert formats.date_line("Yên Phú", dt.date(2026, 1, 5)) == "Yên Phú, ngày 05 tháng 01 năm 2026"


def test_short_date_and_parsing_what_officers_type():
    assert formats.short_date(dt.date(2026, 1, 5)) == "05/01/2026"
    assert formats.short_date(None) == ""
    for text in ("05/01/2026", "5/1/2026", "2026-01-05", "05.01.2026"):
        assert formats.parse_short_date(text) == dt.date(2026, 1, 5)
    with pytest.raises(ValueError, match="Ngày «31/02/2026» không hợp lệ"):
        formats.parse_short_date("31/02/2026")


def test_numbers_and_percentages():
    assert formats.number(1234) == "1.234"
    assert formats.number(1234567) == "1.234.567"
    assert formats.number(1234.5, 1) == "1.234,5"
    assert formats.number(7, 0) == "7"
    assert formats.percent(0.8548) == "85,48%"
    assert formats.percent(0.9, 0) == "90%"
    assert formats.percent(1) == "100%" and formats.percent(0.5) == "50%"
    assert formats.percent(10 / 12) == "83,33%"


def test_month_label():
    assert formats.month_label(2026, 10) == "tháng 10 năm 2026"
