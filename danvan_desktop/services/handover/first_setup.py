"""Máy thứ hai của xã: set an empty installation up from a full hand-over file of the commune's first PC."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from danvan_desktop.domain.i18n import _
from danvan_desktop.exchange.errors import ExchangeError
from danvan_desktop.services.handover.importer import ExchangeImportService
from danvan_desktop.store.database import Database


def set_up_from_file(db: Database, path: Path, confirm: Callable[[str, str], bool]) -> str:
    """Import a full commune file into this empty installation; returns the unit's name. `confirm(unit name,
    fingerprint)` asks the officer to compare the key. Raises ExchangeError (with the reason) for a file that
    cannot set a PC up."""
    importer = ExchangeImportService(db)
    preview = importer.preview(path)
    manifest = preview.verified.manifest
    if manifest.kind != "batch" or manifest.unit_level != "commune":
        raise ExchangeError(_("đây không phải tệp dữ liệu của một xã."), path)
    if manifest.since is not None:
        raise ExchangeError(_("tệp chỉ gồm những thay đổi từ lần trước; hãy xuất «Toàn bộ dữ liệu» ở máy kia."),
                            path)
    if not confirm(manifest.unit_name, preview.key.fingerprint):
        raise ExchangeError(_("chưa xác nhận khóa của máy gửi."), path)
    importer.import_file(path, trust_new=True)
    return manifest.unit_name
