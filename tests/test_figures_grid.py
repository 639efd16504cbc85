"""The month grid typed as an officer types it: with the keyboard, a column at a time."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from danvan_desktop.gui.events import DataEvents


@pytest.fixture
def events():
    return DataEvents()


def _page(qtbot, services, events, year=None):
    from danvan_desktop.gui.pages.figures.figures_page import FiguresPage
    page = FiguresPage(services.figures, events)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    if year:
        page.year.setValue(year)
    return page


def _keys(qtbot, page, text: str) -> None:
    """Type into whatever has the focus, key by key (digits open the cell's editor, Enter commits)."""
    for char in text:
        target = QApplication.focusWidget() or page.table
        if char == "\n":
            qtbot.keyClick(target, Qt.Key.Key_Return)
        else:
            qtbot.keyClick(target, char)
        qtbot.wait(1)


def _row(page, code):
    return [f.code for f in page.model.figures].index(code)


def test_typing_down_december_keeps_every_value_in_december(qtbot, services, events):
    page = _page(qtbot, services, events, year=2025)
    typed = [f.code for f in page.model.figures if f.is_typed]
    values = {"tcd_luot": "50", "tcd_nguoi": "6", "don_nhan": "9", "don_da_gq": "7", "don_chuyen": "0",
              "don_dang_gq": "2", "hoa_giai": "4", "hoa_giai_tc": "3", "tuyen_truyen": "12",
              "tuyen_truyen_luot": "480"}
    assert set(typed) == set(values)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(_row(page, typed[0]), 11))
    for code in typed:
        assert page.table.currentIndex().row() == _row(page, code), code
        assert page.table.currentIndex().column() == 11
        _keys(qtbot, page, values[code] + "\n")
    for code, text in values.items():
        assert services.figures.month_value(code, "2025-12") == float(text), code
        for month in range(1, 12):
            assert services.figures.month_value(code, f"2025-{month:02d}") is None, (code, month)
    assert "tháng 12" in page.status.text()


def test_delete_clears_a_cell_to_not_reported(qtbot, services, events):
    page = _page(qtbot, services, events)
    services.figures.set_value("hoa_giai", "2026-10", "4")
    page.refresh()
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(_row(page, "hoa_giai"), 9))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert services.figures.month_value("hoa_giai", "2026-10") is None
    assert page.model.data(page.model.index(_row(page, "hoa_giai"), 9)) == ""
    assert page.table.currentIndex().column() == 9


def test_the_current_month_is_in_view_and_cells_say_where_numbers_come_from(qtbot, services, events):
    page = _page(qtbot, services, events)
    page.resize(700, 500)
    page.refresh()
    qtbot.wait(10)
    november = 10
    assert page.table.currentIndex().column() == november
    rect = page.table.visualRect(page.model.index(0, november))
    assert page.table.viewport().rect().intersects(rect)
    services.figures.set_value("don_nhan", "2026-10", "5")
    page.refresh()
    typed_tip = page.model.data(page.model.index(_row(page, "don_nhan"), 9), Qt.ItemDataRole.ToolTipRole)
    counted_tip = page.model.data(page.model.index(_row(page, "giao_ban"), 9), Qt.ItemDataRole.ToolTipRole)
    assert "Nhập tay" in typed_tip and "Tự đếm" in counted_tip
    legend = " ".join(label.text() for label in page.legend_labels)
    assert "Nhập tay" in legend and "Nhận từ tệp" in legend and "Tự đếm" in legend
    services.db.conn.execute("UPDATE figure_values SET origin = 'another-installation' WHERE figure_code = 'don_nhan'")
    page.refresh()
    cell = page.model.index(_row(page, "don_nhan"), 9)
    assert "Nhận từ tệp bàn giao" in page.model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert page.model.source(cell) == "imported"
