"""Thôn / tổ dân phố: paste a list, rename, delete with undo, merge, and who follows each village."""

from __future__ import annotations

import pytest
from conftest import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from danvan_desktop.gui.main_window import MainWindow
from danvan_desktop.gui.pages.paste_dialog import PasteNamesDialog


@pytest.fixture
def window(qtbot, demo):
    w = MainWindow(demo)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.navigate("villages")
    return w


def labels(page) -> list[str]:
    return [page.proxy.row_object(r).label for r in range(page.proxy.rowCount())]


def select(page, label: str) -> None:
    row = labels(page).index(label)
    page.table.setCurrentIndex(page.proxy.index(row, 0))


def test_followers_show_beside_each_village(window):
    page = window.pages["villages"]
    assert page.table.verticalHeader().isHidden()
    select(page, "Thôn Đồng Tâm")
    assert page.followers.text() == "Thành viên khối phụ trách: Trịnh Đình Khải, Vũ Mạnh Hùng"
    row = labels(page).index("Thôn Đồng Tâm")
    assert page.proxy.data(page.proxy.index(row, 3)) == "Trịnh Đình Khải, Vũ Mạnh Hùng"


def test_paste_a_numbered_list(qtbot, window, monkeypatch):
    page = window.pages["villages"]

    def fill(dialog):
        type_text(qtbot, dialog.editor, "1. Đồng Mới\n2. Đông Hòa\n3. Bản Pá Khoang")
        assert dialog.count.text() == "3 tên"
        return 1
    monkeypatch.setattr(PasteNamesDialog, "exec", fill)
    page.paste_button.click()
    assert page.status.text() == "Đã thêm 2 thôn."          # Đông Hòa was there already
    assert labels(page)[-2:] == ["Thôn Đồng Mới", "Bản Pá Khoang"]


def test_rename_delete_and_undo(qtbot, window):
    page = window.pages["villages"]
    select(page, "Thôn Đa Nẫm")
    page.name.clear()
    type_text(qtbot, page.name, "Đa Nẫm Thượng")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    assert "Thôn Đa Nẫm Thượng" in labels(page)
    select(page, "Thôn Đa Nẫm Thượng")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "Thôn Đa Nẫm Thượng" not in labels(page)
    assert page.status.text() == "Đã xóa Thôn Đa Nẫm Thượng. Nhấn Ctrl+Z để hoàn tác."
    window.undo_stack.undo()
    assert "Thôn Đa Nẫm Thượng" in labels(page)


def test_merge_moves_the_followers_and_undo_restores(qtbot, window, monkeypatch, demo):
    page = window.pages["villages"]
    select(page, "Thôn Kiều Đại")
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("Thôn Đa Nẫm", True)))
    page.merge_button.click()
    assert page.status.text() == "Đã sáp nhập Thôn Kiều Đại vào Thôn Đa Nẫm. Nhấn Ctrl+Z để hoàn tác."
    assert "Thôn Kiều Đại" not in labels(page)
    select(page, "Thôn Đa Nẫm")
    assert page.merged_note.text() == "Đã sáp nhập vào thôn này: Thôn Kiều Đại"
    assert page.followers.text() == "Thành viên khối phụ trách: Đỗ Thị Lan"
    window.undo_stack.undo()
    assert "Thôn Kiều Đại" in labels(page)
    kieu = next(v for v in demo.villages.list() if v.name == "Kiều Đại")
    assert kieu.id in next(m for m in demo.roster.current() if m.full_name == "Đỗ Thị Lan").village_ids
