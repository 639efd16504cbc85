"""The number register: per type, per Party term or State year, no gaps, no duplicates."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan_desktop.domain.numbering import format_number, next_free, scope_for
from danvan_desktop.domain.records import RuleError


def test_scopes_and_printed_forms():
    terms = [dt.date(2020, 10, 16), dt.date(2025, 10, 3)]
    assert scope_for("HD36-2018", dt.date(2025, 10, 2), terms) == "term:2020-10-16"
    assert scope_for("HD36-2018", dt.date(2025, 10, 3), terms) == "term:2025-10-03"
    assert scope_for("ND30-2020", dt.date(2026, 1, 5), terms) == "year:2026"
    assert format_number("HD36-2018", 7, "BC", "DV") == "Số 07-BC/DV"
    assert format_number("ND30-2020", 7, "BC", "UBND") == "Số: 07/BC-UBND"
    assert format_number("HD36-2018", 112, "BC", "DV") == "Số 112-BC/DV"
    assert next_free({1, 2, 4}) == 3 and next_free(set()) == 1


def test_numbers_restart_with_a_new_term(services):
    n = services.numbering
    n.set_term_starts([dt.date(2020, 10, 16), dt.date(2025, 10, 3)])
    old, new = n.scope(dt.date(2025, 9, 30)), n.scope(dt.date(2025, 11, 1))
    assert n.take("BC", old, "reports", "a") == 1
    assert n.take("BC", old, "reports", "b") == 2
    assert n.take("BC", new, "reports", "c") == 1
    assert n.take("BB", new, "meetings", "m") == 1           # each type has its own run


def test_freed_number_is_given_again_before_a_new_one_and_no_duplicates(services):
    n = services.numbering
    scope = n.scope(dt.date(2026, 5, 1))
    for holder in "abc":
        n.take("BC", scope, "reports", holder)
    n.release("reports", "b")                                  # draft b deleted
    assert n.take("BC", scope, "reports", "d") == 2            # the gap is filled first
    assert n.take("BC", scope, "reports", "e") == 4
    with pytest.raises(RuleError, match="đã dùng"):
        n.take("BC", scope, "reports", "f", wanted=3)
    with pytest.raises(RuleError, match="cách quãng"):
        n.take("BC", scope, "reports", "f", wanted=9)
    assert sorted(r.number for r in n.register("BC", scope) if r.state == "held") == [1, 2, 3, 4]


def test_issued_numbers_stay_and_external_numbers_are_recorded(services):
    n = services.numbering
    scope = n.scope(dt.date(2026, 5, 1))
    assert n.record_external("BC", scope, 5, "sổ giấy") == [1, 2, 3, 4, 5]
    assert n.take("BC", scope, "reports", "a") == 6
    n.issue("reports", "a")
    with pytest.raises(RuleError, match="không thu hồi"):
        n.release("reports", "a")
    assert n.next_number("BC", scope) == 7


def test_state_layout_numbers_per_year_with_its_own_form(services):
    services.documents.set_layout_code("ND30-2020")
    report = services.reports.create_draft("2026-10")
    report = services.reports.take_number(report.id)
    assert report.number_scope == "year:2026"
    assert services.reports.printed_number(report) == "Số: 01/BC-DV"
    doc = services.reports.document(report.id)
    assert doc.header.number == "Số: 01/BC-DV" and doc.layout == "ND30-2020"
    from danvan_desktop.render.document import Heading
    assert next(b.text for b in doc.body if isinstance(b, Heading)) == "I. TÌNH HÌNH NHÂN DÂN"


def test_moving_a_draft_into_another_term_gives_its_number_back(services):
    services.numbering.set_term_starts([dt.date(2020, 10, 16), dt.date(2026, 10, 20)])
    first = services.reports.create_draft("2026-09")
    services.reports.update_header(first.id, doc_date=dt.date(2026, 10, 5))     # still the old term
    assert services.reports.take_number(first.id).number == 1
    second = services.reports.create_draft("2026-10")
    services.reports.update_header(second.id, doc_date=dt.date(2026, 10, 10))
    assert services.reports.take_number(second.id).number == 2
    # the officer re-dates the first report after the congress: its old number goes back to the register
    moved = services.reports.update_header(first.id, doc_date=dt.date(2026, 10, 25))
    assert moved.number is None
    assert services.reports.take_number(first.id).number == 1                    # new term starts at 01
    third = services.reports.create_draft("2026-08")
    services.reports.update_header(third.id, doc_date=dt.date(2026, 9, 1))
    assert services.reports.take_number(third.id).number == 1                    # the freed old-term 01
