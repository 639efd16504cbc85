"""The buttons at the foot of a dialog, set up one way: the action named for what it does, "Hủy", "Đóng".

Every dialog used to build its QDialogButtonBox by hand (the box, the Vietnamese texts, accepted and
rejected wired); the texts are set here through the catalog rather than left to Qt, so an English screen
says "Cancel" and a Vietnamese one "Hủy" whatever translator Qt has. Enter presses the action (QDialogButtonBox
makes its first accept button the dialog's default when the dialog shows), Esc and the window's close button
cancel, as QDialog does for a reject.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from danvan_desktop.domain.i18n import _

Button = QDialogButtonBox.StandardButton


def action_buttons(dialog: QDialog, action: str, on_accept: Callable[[], object] | None = None,
                   kind: Button = Button.Ok) -> QDialogButtonBox:
    """`action` (e.g. "Lưu", "Thêm", "Kết thúc nhiệm kỳ") and "Hủy". The action runs `on_accept`, the
    dialog's own `accept` when none is given (a dialog that checks first overrides `accept` or passes its
    saving method, which calls `accept` itself when all is well); "Hủy" rejects. Add the box to the layout."""
    box = QDialogButtonBox(kind | Button.Cancel)
    box.button(kind).setText(action)      # the dialog's default button: Qt makes the first accept one so on show
    box.button(Button.Cancel).setText(_("Hủy"))
    box.accepted.connect(on_accept or dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def close_buttons(dialog: QDialog) -> QDialogButtonBox:
    """A single "Đóng" for a dialog that only shows; it (and Esc) rejects."""
    box = QDialogButtonBox(Button.Close)
    box.button(Button.Close).setText(_("Đóng"))
    box.rejected.connect(dialog.reject)
    return box
