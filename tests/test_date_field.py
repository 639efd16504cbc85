"""Typing dates as officers write them, in the real widget: no section to select first, an impossible
date refused with a message under the field, Enter moves on and the last field saves."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui.widgets.date_field import DateField


def typed(qtbot, field: DateField, text: str) -> None:
    field.editor.setFocus()
    field.editor.selectAll()
    qtbot.keyClicks(field.editor, text)          # ASCII only: digits and separators
    qtbot.keyClick(field.editor, Qt.Key.Key_Return)


@pytest.mark.parametrize("text, shown", [("2/12", "02/12/2026"), ("02/12/2026", "02/12/2026"),
                                         ("2-12-26", "02/12/2026")])
def test_typing_a_date_in_any_usual_way(qtbot, text, shown):
    field = DateField(optional=False)
    qtbot.addWidget(field)
    field.show()
    typed(qtbot, field, text)
    assert field.value() == dt.date(2026, 12, 2) and field.editor.text() == shown and not field.error()


def test_an_impossible_date_is_refused_with_a_message_and_never_moved(qtbot):
    field = DateField(optional=False)
    qtbot.addWidget(field)
    field.show()
    typed(qtbot, field, "31/02/2026")
    assert field.editor.text() == "31/02/2026"                      # not silently 28/02
    assert "chỉ có 28 ngày" in field.error() and field.message.isVisible()
    with pytest.raises(RuleError):
        field.value()


def test_enter_moves_on_and_the_members_last_field_saves(qtbot, services):
    from danvan_desktop.gui.main_window import MainWindow
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.navigate("members")
    page = window.pages["members"]
    page.new_member()
    form = page.form
    form.full_name.setText("Nguyễn Thị Hương")
    form.post.setCurrentIndex(1)
    form.start_date.editor.setFocus()
    form.start_date.editor.setText("1/10/2026")
    qtbot.keyClick(form.start_date.editor, Qt.Key.Key_Return)
    assert form.start_date.editor.text() == "01/10/2026" and not form.start_date.editor.hasFocus()
    form.trained_on.enabled_box.setChecked(True)
    form.trained_on.editor.setText("31/9")
    qtbot.keyClick(form.trained_on.editor, Qt.Key.Key_Return)      # 31/9 does not exist: nothing is saved
    assert "chỉ có 30 ngày" in form.trained_on.error() and services.roster.current(dt.date(2026, 11, 21)) == []
    form.trained_on.editor.setText("30/9")
    qtbot.keyClick(form.trained_on.editor, Qt.Key.Key_Return)      # the last typed field saves
    saved = services.roster.all_terms()
    assert saved, form.status.text()
    assert [(m.full_name, m.start_date, m.trained_on) for m in saved] == \
        [("Nguyễn Thị Hương", dt.date(2026, 10, 1), dt.date(2026, 9, 30))]
