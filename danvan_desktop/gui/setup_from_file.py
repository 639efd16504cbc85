"""Máy thứ hai của xã: set up this installation from a full hand-over file of the commune's first PC."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from danvan_desktop.domain.i18n import _
from danvan_desktop.gui import file_dialogs
from danvan_desktop.services.handover import first_setup
from danvan_desktop.services.unit.setup import SetupService


def choose_file(parent: QWidget) -> Path | None:
    name = file_dialogs.open_file(parent, _("Chọn tệp trao đổi của xã"), _("Tệp trao đổi (*.dvx)"))
    return Path(name) if name else None


def confirm(parent: QWidget, unit_name: str, fingerprint: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, _("Thiết lập từ tệp"), _(
        "Thiết lập máy này làm máy thứ hai của {unit}.\n\nMã nhận dạng khóa của máy gửi:\n{fp}\n\nHãy đối chiếu "
        "với mã in trên biên nhận xuất tệp. Tiếp tục?").format(unit=unit_name, fp=fingerprint),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    return box.exec() == QMessageBox.StandardButton.Yes


def set_up_from_file(setup: SetupService, path: Path, ask=None, parent: QWidget | None = None) -> str:
    """Import a full commune file into this empty installation (services/handover/first_setup.py), asking
    the officer to compare the sender's key first; returns the unit's name."""
    return first_setup.set_up_from_file(setup.db, path, lambda unit, fp: (ask or confirm)(parent, unit, fp))
