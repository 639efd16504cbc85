"""The shared shapes of the screen, seen as the officer meets them: a dialog's buttons (named action, Hủy,
Enter, Esc) and a record form (Enter moves on and the last field saves, edits are noticed, a mistake is
said under the fields)."""

from __future__ import annotations

from conftest import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout

from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui.widgets.dialog_buttons import action_buttons, close_buttons
from danvan_desktop.gui.widgets.record_form import RecordForm


def _dialog(qtbot, buttons) -> tuple[QDialog, QLineEdit]:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    field = QLineEdit()
    layout.addWidget(field)
    layout.addWidget(buttons(dialog))
    dialog.show()
    qtbot.waitExposed(dialog)
    field.setFocus()
    return dialog, field


def test_a_dialog_names_its_action_enter_presses_it_and_esc_cancels(qtbot):
    dialog, field = _dialog(qtbot, lambda d: action_buttons(d, "Thêm"))
    assert sorted(b.text() for b in dialog.findChild(QDialogButtonBox).buttons()) == ["Hủy", "Thêm"]
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted

    dialog, field = _dialog(qtbot, lambda d: action_buttons(d, "Thêm"))
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()


def test_a_dialog_that_checks_first_stays_open_until_its_check_passes(qtbot):
    tries = []

    def save():
        tries.append(1)
        if len(tries) > 1:
            dialog.accept()

    dialog, field = _dialog(qtbot, lambda d: action_buttons(d, "Lưu", save))
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.isVisible()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted
    shown, _field = _dialog(qtbot, close_buttons)
    assert [b.text() for b in shown.findChild(QDialogButtonBox).buttons()] == ["Đóng"]


class _PersonForm(RecordForm):
    def __init__(self) -> None:
        super().__init__()
        self.name, self.phone = QLineEdit(), QLineEdit()
        self.rows.addRow("Họ và tên", self.name)
        self.rows.addRow("Điện thoại", self.phone)
        self.finish(self.button_row(*self.standard_buttons("Thêm mới")))
        self.enter_moves_on(self.name, last=self.phone)

    def load(self, person: str | None) -> None:
        self.name.setText(person or "")
        self.mark_loaded(person)


def test_a_record_form_moves_on_with_enter_saves_on_the_last_field_and_notices_edits(qtbot):
    form = _PersonForm()
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.load(None)
    assert not form.delete_button.isEnabled() and not form.is_dirty()
    type_text(qtbot, form.name, "Nguyễn Thị Hương")
    assert form.is_dirty()
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    assert form.phone.hasFocus()
    with qtbot.waitSignal(form.save_requested, timeout=1000):
        qtbot.keyClick(form.phone, Qt.Key.Key_Return)
    form.show_error(RuleError("Số điện thoại không đúng."))
    assert form.status.text() == "Số điện thoại không đúng." and form.status.is_error()
    form.show_done("Đã lưu.")
    assert not form.is_dirty()
    form.load("Nguyễn Thị Hương")
    assert form.delete_button.isEnabled() and form.status.text() == "" and not form.is_dirty()
