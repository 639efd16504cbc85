"""Pieces the hand-over tabs share: a read-only record table, removable drives, opening a PDF."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStorageInfo, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTableView

from danvan_desktop.domain.formats import number
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import Period, PeriodKind
from danvan_desktop.drives import is_removable
from danvan_desktop.gui.models.filter_proxy import FoldedFilterProxy
from danvan_desktop.gui.models.record_table_model import Column, RecordTableModel
from danvan_desktop.gui.widgets.record_table_view import measure_few_rows


class RecordTable(QTableView):
    """A sortable, read-only table of row objects with a folded filter proxy."""

    def __init__(self, columns: list[Column], parent=None, model_type: type[RecordTableModel] = RecordTableModel,
                 stretch: int | None = None) -> None:
        super().__init__(parent)
        self.model_ = model_type(columns, self)
        self.proxy = FoldedFilterProxy(self)
        self.proxy.setSourceModel(self.model_)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        measure_few_rows(self)
        if stretch is None:
            header.setStretchLastSection(True)
        else:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        # Qt starts a sortable view descending; people read lists from the top, A to Z
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def set_rows(self, rows) -> None:
        self.model_.set_rows(rows)

    def current(self):
        index = self.currentIndex()
        return self.proxy.row_object(index.row()) if index.isValid() else None

    def rows(self) -> list:
        return self.model_.rows()


class PagedRows:
    """A table fed one page at a time, newest first, with a "Xem thêm" button under it while more may follow:
    `fetch(limit, offset)` reads one page (services)."""

    def __init__(self, table: RecordTable, fetch, page: int) -> None:
        self.table, self.fetch, self.page = table, fetch, page
        self.more = QPushButton(_("Xem thêm"))
        self.more.setToolTip(_("Hiện thêm {n} dòng cũ hơn").format(n=page))
        self.more.clicked.connect(self.load_more)
        self.more.hide()
        self.loaded: list = []

    def reload(self) -> None:
        """The first page again (the rows shown so far, if more were asked for, to keep the officer's place)."""
        wanted = max(len(self.loaded), self.page)
        self.loaded = self.fetch(wanted, 0)
        self._show(len(self.loaded) == wanted)

    def load_more(self) -> None:
        more = self.fetch(self.page, len(self.loaded))
        self.loaded += more
        self._show(len(more) == self.page)

    def _show(self, maybe_more: bool) -> None:
        self.table.set_rows(self.loaded)
        self.more.setVisible(maybe_more)


def removable_drives() -> list[tuple[str, Path]]:
    """Writable removable volumes other than the system disk: USB sticks and memory cards, as (label, folder)."""
    system = {QStorageInfo.root().rootPath(), QStorageInfo(str(Path.home())).rootPath()}
    drives = []
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        root = volume.rootPath()
        if root in system:
            continue
        if not is_removable(root, bytes(volume.device()).decode(errors="replace")):
            continue                          # a fixed D: or a network drive is not "USB"
        free = number(volume.bytesAvailable() / 1024 ** 3, 1)
        name = volume.displayName() or root
        drives.append((_("{name} ({root}) — còn trống {free} GB").format(name=name, root=root, free=free),
                       Path(root)))
    return drives


def open_file(path: Path) -> None:
    """Show a PDF (or folder) with the system's own program."""
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def period_choices(upper, today) -> list[tuple[str, str]]:
    """Months (this one and the twelve before), quarters, halves, nine months and years, newest first."""
    choices = []
    month = upper.reporting_period().next()
    for _i in range(13):
        choices.append((_cap(month.label()), month.code))
        month = month.previous()
    for kind, count in ((PeriodKind.QUARTER, 4), (PeriodKind.HALF, 2), (PeriodKind.NINE, 1), (PeriodKind.YEAR, 2)):
        period = Period.containing(today, kind)
        for _i in range(count):
            choices.append((_cap(period.label()), period.code))
            period = period.previous()
    return choices
