"""Ask before a delete or a lock: say what else it touches, default to the safe answer.

The buttons carry their own words ("Xóa", "Khóa biên bản", "Hủy"): Qt has no Vietnamese catalogue
of its own, and a named action is clearer than Yes/No.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from danvan_desktop.domain.i18n import _


def confirm(parent: QWidget | None, title: str, text: str, action: str, *, details: str = "",
            destructive: bool = True) -> bool:
    """True when the officer chose `action`; Esc, Enter on the default and closing the box all cancel."""
    box = QMessageBox(parent)
    box.setObjectName("confirm")
    box.setIcon(QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(_("Hủy"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes
