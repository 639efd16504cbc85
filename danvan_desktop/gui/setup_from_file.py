"""Máy thứ hai của xã: set up this installation from a full hand-over file of the commune's first PC."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from danvan_desktop.domain.i18n import _
from danvan_desktop.exchange.errors import ExchangeError
from danvan_desktop.gui import file_dialogs
from danvan_desktop.services.handover.importer import ExchangeImportService
from danvan_desktop.store.database import Database


def choose_file(parent: QWidget) -> Path | None:
    name = file_dialogs.open_file(parent, _("Chọn tệp trao đổi của xã"), _("Tệp trao đổi (*.dvx)"))
    return Path(name) if name else None


def confirm(parent: QWidget, unit_name: str, fingerprint: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, _("Thiết lập từ tệp"), _(
        "Thiết lập máy này làm máy thứ hai của {unit}.\n\nMã nhận dạng khóa của máy gửi:\n{fp}\n\nHãy đối chiếu "
        "với mã in trên biên nhận xuất tệp. Tiếp tục?").format(unit=unit_name, fp=fingerprint),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    return box.exec() == QMessageBox.StandardButton.Yes


def set_up_from_file(db: Database, path: Path, ask=None, parent: QWidget | None = None) -> str:
    """Import a full commune file into this empty installation; returns the unit's name.
    Raises ExchangeError (with the reason) for a file that cannot set a PC up."""
    importer = ExchangeImportService(db)
    preview = importer.preview(path)
    manifest = preview.verified.manifest
    if manifest.kind != "batch" or manifest.unit_level != "commune":
        raise ExchangeError(_("đây không phải tệp dữ liệu của một xã."), path)
    if manifest.since is not None:
        raise ExchangeError(_("tệp chỉ gồm những thay đổi từ lần trước; hãy xuất «Toàn bộ dữ liệu» ở máy kia."),
                            path)
    if not (ask or confirm)(parent, manifest.unit_name, preview.key.fingerprint):
        raise ExchangeError(_("chưa xác nhận khóa của máy gửi."), path)
    importer.import_file(path, trust_new=True)
    return manifest.unit_name
