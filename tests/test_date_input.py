"""Dates as officers type them (domain/date_input.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan_desktop.domain.date_input import parse_typed_date
from danvan_desktop.domain.records import RuleError

TODAY = dt.date(2026, 11, 21)


@pytest.mark.parametrize("typed, expected", [
    ("2/12", dt.date(2026, 12, 2)),
    ("02/12/2026", dt.date(2026, 12, 2)),
    ("2-12-26", dt.date(2026, 12, 2)),
    ("2.12.2026", dt.date(2026, 12, 2)),
    (" 2 / 12 / 2026 ", dt.date(2026, 12, 2)),
    ("2026-12-02", dt.date(2026, 12, 2)),
    ("02122026", dt.date(2026, 12, 2)),
    ("29/02/2028", dt.date(2028, 2, 29)),
])
def test_what_officers_type_is_read_day_first(typed, expected):
    assert parse_typed_date(typed, TODAY) == expected


@pytest.mark.parametrize("typed, words", [
    ("31/02/2026", "chỉ có 28 ngày"),
    ("29/02/2026", "chỉ có 28 ngày"),
    ("31/4", "chỉ có 30 ngày"),
    ("12/13/2026", "Tháng 13"),
    ("hôm qua", "không phải là ngày"),
    ("", "Hãy nhập ngày"),
])
def test_impossible_dates_are_refused_with_a_message_not_moved(typed, words):
    with pytest.raises(RuleError) as caught:
        parse_typed_date(typed, TODAY)
    assert words in str(caught.value)
