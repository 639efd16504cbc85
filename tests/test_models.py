"""The list model and its filter proxy: lazy chunks, sorting on raw values with selections kept,
searching without marks, and Qt's own model checks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from danvan_desktop.domain.text import person_sort_key
from danvan_desktop.gui.models.filter_proxy import FoldedFilterProxy
from danvan_desktop.gui.models.record_table_model import Column, RecordTableModel


@dataclass
class Row:
    name: str
    day: dt.date | None
    count: int


ROWS = [Row("Nguyễn Thị Hương", dt.date(2026, 3, 16), 10), Row("Lê Văn Thắng", None, 9),
        Row("Đỗ Thị Lan", dt.date(2025, 1, 5), 100), Row("Trần Văn Minh", dt.date(2026, 1, 5), 2)]


@pytest.fixture
def model(qapp):
    m = RecordTableModel([Column("Tên", lambda r: r.name, lambda r: person_sort_key(r.name)),
                          Column("Ngày", lambda r: r.day.strftime("%d/%m/%Y") if r.day else "", lambda r: r.day),
                          Column("Số", lambda r: r.count, align_right=True)])
    return m


def names(proxy) -> list[str]:
    return [proxy.row_object(r).name for r in range(proxy.rowCount())]


def test_models_pass_qts_checks_while_loading_sorting_and_filtering(model):
    proxy = FoldedFilterProxy()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.CHUNK = 3
    model.set_rows(ROWS * 3)
    assert model.rowCount() == 3 and model.canFetchMore()
    proxy.sort(0)
    model.fetch_all()
    assert model.rowCount() == 12
    proxy.set_query("thi")
    assert proxy.rowCount() == 6
    proxy.set_query("")
    proxy.sort(2, Qt.SortOrder.DescendingOrder)


def test_sorting_uses_raw_values_and_given_names(model):
    proxy = FoldedFilterProxy()
    proxy.setSourceModel(model)
    model.set_rows(ROWS)
    proxy.sort(0)
    assert names(proxy) == ["Nguyễn Thị Hương", "Đỗ Thị Lan", "Trần Văn Minh", "Lê Văn Thắng"]
    proxy.sort(2)      # numbers as numbers, not as text ("100" after "9")
    assert [proxy.row_object(r).count for r in range(4)] == [2, 9, 10, 100]
    proxy.sort(1)      # dates as dates; a row without one goes last
    assert [proxy.row_object(r).name for r in range(4)] == ["Đỗ Thị Lan", "Trần Văn Minh", "Nguyễn Thị Hương",
                                                            "Lê Văn Thắng"]


def test_a_sort_set_before_the_rows_arrive_applies_to_them_and_keeps_the_selection(model):
    proxy = FoldedFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(2, Qt.SortOrder.DescendingOrder)
    model.set_rows(ROWS)
    assert [proxy.row_object(r).count for r in range(4)] == [100, 10, 9, 2]
    kept = QPersistentModelIndex(proxy.index(3, 0))        # Trần Văn Minh is selected
    proxy.sort(0)
    assert proxy.row_object(kept.row()).name == "Trần Văn Minh"


def test_a_pager_model_sorts_what_it_has_fetched(model):
    model.CHUNK = 2
    data = sorted(ROWS, key=lambda r: r.count)
    model.set_pager(lambda offset, limit: data[offset:offset + limit])
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert [model.row_object(r).count for r in range(model.rowCount())] == [9, 2]
    model.fetchMore()
    assert [model.row_object(r).count for r in range(model.rowCount())] == [100, 10, 9, 2]


def test_the_filter_matches_word_starts_without_marks_and_a_predicate(model):
    proxy = FoldedFilterProxy()
    proxy.setSourceModel(model)
    model.set_rows(ROWS)
    proxy.set_query("thi")
    assert sorted(names(proxy)) == ["Nguyễn Thị Hương", "Đỗ Thị Lan"]
    proxy.set_query("do lan")
    assert names(proxy) == ["Đỗ Thị Lan"]
    proxy.set_query("ang")          # inside a word: not a match
    assert names(proxy) == []
    proxy.set_query("")
    proxy.set_predicate(lambda r: r.count >= 10)
    assert sorted(names(proxy)) == ["Nguyễn Thị Hương", "Đỗ Thị Lan"]


def test_find_row_loads_only_when_the_row_exists(model):
    model.CHUNK = 2
    model.set_rows(ROWS)
    assert model.find_row(lambda r: r.name == "nobody") == -1
    assert model.rowCount() == 2           # a miss did not load everything
    assert model.find_row(lambda r: r.name == "Trần Văn Minh") == 3
