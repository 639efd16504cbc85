"""The attendance grid: one line a member, marked from the keyboard (C, V, K, M or 1–4), reason typed in place."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.meetings import AttendanceEntry, Presence, attendance_summary

COL_NAME, COL_POST, COL_STATUS, COL_REASON = range(4)
# Keys that mark the current line: the first letter of each state, or its number.
KEYS = {Qt.Key.Key_C: Presence.PRESENT, Qt.Key.Key_1: Presence.PRESENT,
        Qt.Key.Key_V: Presence.EXCUSED, Qt.Key.Key_2: Presence.EXCUSED,
        Qt.Key.Key_K: Presence.UNEXCUSED, Qt.Key.Key_3: Presence.UNEXCUSED,
        Qt.Key.Key_M: Presence.LATE, Qt.Key.Key_4: Presence.LATE}
ORDER = [Presence.PRESENT, Presence.EXCUSED, Presence.UNEXCUSED, Presence.LATE]

Writer = Callable[[AttendanceEntry, str, str], AttendanceEntry | None]


class AttendanceModel(QAbstractTableModel):
    """Attendance lines; edits go through `writer(entry, status, reason)` (the service), never straight in."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entries: list[AttendanceEntry] = []
        self.writer: Writer | None = None
        self.read_only = False
        self.not_members: set[str] = set()      # member ids not in the bloc on the meeting day

    def set_entries(self, entries: list[AttendanceEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [_("Họ và tên"), _("Chức danh"), _("Điểm danh"), _("Lý do")][section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [entry.member_name, entry.member_post, entry.presence.label, entry.reason][column]
        if role == Qt.ItemDataRole.EditRole:
            return entry.status if column == COL_STATUS else [entry.member_name, entry.member_post, "",
                                                                entry.reason][column]
        if role == Qt.ItemDataRole.ForegroundRole:
            if entry.member_id in self.not_members:
                return QBrush(QColor("#b3261e"))
            if column == COL_STATUS and not entry.presence.attended:
                return QBrush(QColor("#b3261e"))
            if column == COL_STATUS and entry.presence is Presence.LATE:
                return QBrush(QColor("#8a5a00"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if entry.member_id in self.not_members:
                return _("Không phải thành viên khối vào ngày họp")
            return entry.member_post
        return None

    def flags(self, index: QModelIndex):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only and index.column() in (COL_STATUS, COL_REASON):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.read_only or self.writer is None:
            return False
        entry = self.entries[index.row()]
        status, reason = entry.status, entry.reason
        if index.column() == COL_STATUS:
            status = str(value)
        elif index.column() == COL_REASON:
            reason = str(value)
            if reason.strip() and entry.presence is Presence.PRESENT:
                status = Presence.EXCUSED.value     # typing a reason for someone present means they were away
        else:
            return False
        saved = self.writer(entry, status, reason)
        if saved is None:
            return False
        self.entries[index.row()] = saved
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 3))
        return True

    def set_status(self, row: int, presence: Presence) -> bool:
        return self.setData(self.index(row, COL_STATUS), presence.value)


class _StatusDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for presence in ORDER:
            combo.addItem(presence.label, presence.value)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData())


class AttendanceGrid(QWidget):
    """The grid and its count line ('Có mặt 9/10 đồng chí')."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setStyleSheet("font-weight:bold;")
        hint = QLabel(_("Chọn dòng rồi gõ: C có mặt · V vắng có lý do · K vắng không lý do · M đến muộn; "
                        "Tab sang cột Lý do để ghi lý do."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#555;")
        self.model = AttendanceModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(COL_STATUS, _StatusDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_POST, QHeaderView.ResizeMode.Interactive)
        self.view.setColumnHidden(COL_POST, True)     # the post shows as the name's tooltip: room for reasons
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.installEventFilter(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
        self.model.dataChanged.connect(lambda *_a: self._update_summary())
        self.model.modelReset.connect(self._update_summary)

    def eventFilter(self, watched, event):
        from PySide6.QtCore import QEvent
        if watched is self.view and event.type() == QEvent.Type.KeyPress and not self.model.read_only:
            index = self.view.currentIndex()
            presence = KEYS.get(Qt.Key(event.key()))
            plain = not (event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
            if presence is not None and plain and index.isValid() and index.column() != COL_REASON:
                if self.model.set_status(index.row(), presence):
                    if presence is Presence.EXCUSED:
                        self.view.setCurrentIndex(self.model.index(index.row(), COL_REASON))
                    elif index.row() + 1 < self.model.rowCount():
                        self.view.setCurrentIndex(self.model.index(index.row() + 1, index.column()))
                    self.changed.emit()
                return True
        return super().eventFilter(watched, event)

    def set_entries(self, entries: list[AttendanceEntry], read_only: bool, not_members: set[str]) -> None:
        self.model.read_only = read_only
        self.model.not_members = not_members
        self.model.set_entries(entries)
        if entries and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, COL_STATUS))

    def _update_summary(self) -> None:
        self.summary.setText(attendance_summary(self.model.entries) if self.model.entries else "")
