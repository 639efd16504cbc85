"""Thôn / tổ dân phố: the commune's villages, who follows each, add / rename / paste a list / delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.text import fold
from danvan_desktop.domain.unit import VILLAGE_KINDS, Village
from danvan_desktop.gui.events import DataEvents
from danvan_desktop.gui.models.filter_proxy import FoldedFilterProxy
from danvan_desktop.gui.models.record_table_model import Column, RecordTableModel
from danvan_desktop.gui.pages.paste_dialog import PasteNamesDialog
from danvan_desktop.gui.undo import ServiceCommand, push_done
from danvan_desktop.gui.widgets.confirm import confirm
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.services.roster.service import RosterService
from danvan_desktop.services.unit.villages import VillageService

# Later features add columns here: (title, function(village, context) -> text), context built once per refresh.
EXTRA_COLUMNS: list = []


class VillagesPage(QWidget):
    def __init__(self, villages: VillageService, roster: RosterService, undo: QUndoStack, events: DataEvents,
                 parent=None) -> None:
        super().__init__(parent)
        self.villages, self.roster, self.undo, self.events = villages, roster, undo, events
        self._followers: dict[str, list[str]] = {}
        self._current: Village | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Tìm thôn…"))
        self.filter.setClearButtonEnabled(True)
        self.paste_button = QPushButton(_("Dán danh sách thôn…"))
        self.unfollowed_only = QCheckBox(_("Chỉ thôn chưa có người phụ trách"))
        top.addWidget(self.filter, 1)
        top.addWidget(self.unfollowed_only)
        top.addWidget(self.paste_button)
        layout.addLayout(top)
        columns = [
            Column(_("STT"), lambda v: v.sort_order, lambda v: v.sort_order, align_right=True),
            Column(_("Tên"), lambda v: v.label, lambda v: fold(v.name)),
            Column(_("Loại"), lambda v: _(v.kind)),
            Column(_("Thành viên khối phụ trách"), lambda v: ", ".join(self._followers.get(v.id, []))),
        ]
        for title, fn in EXTRA_COLUMNS:
            columns.append(Column(title, lambda v, fn=fn: fn(v, self.villages.db)))
        self.model = RecordTableModel(columns, self)
        self.model.warn = lambda v: not self._followers.get(v.id)
        self.proxy = FoldedFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()    # the STT column is the number officers use
        self.table.setAlternatingRowColors(True)

        form_box = QWidget()
        form_layout = QVBoxLayout(form_box)
        form = QFormLayout()
        self.name = QLineEdit()
        self.kind = QComboBox()
        self.kind.setEditable(True)
        for kind in VILLAGE_KINDS:
            self.kind.addItem(_(kind), kind)
        form.addRow(_("Tên thôn"), self.name)
        form.addRow(_("Loại"), self.kind)
        form_layout.addLayout(form)
        self.status = FormStatus()
        form_layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(_("Thêm mới"))
        self.save_button = QPushButton(_("Lưu"))
        self.delete_button = QPushButton(_("Xóa"))
        for b in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(b)
        form_layout.addLayout(buttons)
        self.merge_button = QPushButton(_("Sáp nhập vào thôn khác…"))
        self.merge_button.setToolTip(_("Thôn này đã sáp nhập vào thôn khác: thôn được giữ lại để tra cứu, "
                                       "thành viên khối phụ trách chuyển sang thôn mới."))
        form_layout.addWidget(self.merge_button)
        self.followers = QLabel()
        self.followers.setWordWrap(True)
        form_layout.addWidget(self.followers)
        self.merged_note = QLabel()
        self.merged_note.setWordWrap(True)
        self.merged_note.setStyleSheet("color:#555555;")
        form_layout.addWidget(self.merged_note)
        form_layout.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(form_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([760, 380])
        layout.addWidget(splitter, 1)

        self.filter.textChanged.connect(self.proxy.set_query)
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._load(self.proxy.row_object(cur.row()) if cur.isValid() else None))
        self.new_button.clicked.connect(self.new_village)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete_current)
        self.paste_button.clicked.connect(self.paste_list)
        self.merge_button.clicked.connect(self.merge_current)
        self.unfollowed_only.toggled.connect(self._apply_predicate)
        self.name.returnPressed.connect(self.save)
        self.table.activated.connect(lambda _i: self.name.setFocus())
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_current)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence.StandardKey.Find, self, self.filter.setFocus)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_village)
        self.refresh()

    def _apply_predicate(self, unfollowed: bool) -> None:
        self.proxy.set_predicate((lambda v: not self._followers.get(v.id)) if unfollowed else None)

    def apply_filters(self, *, unfollowed: bool | None = None, query: str | None = None, **_ignored) -> None:
        """What the dashboard asks for, e.g. the villages no bloc member follows."""
        if unfollowed is not None:
            self.unfollowed_only.setChecked(unfollowed)
        if query is not None:
            self.filter.setText(query)

    def refresh(self) -> None:
        names: dict[str, list[str]] = {}
        for member in self.roster.current():
            for village_id in member.village_ids:
                names.setdefault(village_id, []).append(member.full_name)
        self._followers = names
        self.model.set_rows(self.villages.list())
        self._load(None)

    def _load(self, village: Village | None) -> None:
        self._current = village
        self.name.setText(village.name if village else "")
        kind = village.kind if village else "thôn"
        index = self.kind.findData(kind)
        if index >= 0:
            self.kind.setCurrentIndex(index)
        else:
            self.kind.setEditText(kind)
        self.delete_button.setEnabled(village is not None)
        self.merge_button.setEnabled(village is not None and len(self.villages.list()) > 1)
        names = self._followers.get(village.id, []) if village else []
        self.followers.setText(_("Thành viên khối phụ trách: {names}").format(names=", ".join(names))
                               if names else (_("Chưa có thành viên khối nào phụ trách thôn này.") if village else ""))
        merged = [v.label for v in self.villages.merged() if village and v.merged_into == village.id]
        self.merged_note.setText(_("Đã sáp nhập vào thôn này: {names}").format(names=", ".join(merged))
                                 if merged else "")

    def new_village(self) -> None:
        self.table.clearSelection()
        self._load(None)
        self.name.setFocus()

    def save(self) -> None:
        # a kind from the list is stored untranslated; one the officer typed is stored as typed
        listed = self.kind.currentData()
        kind = listed if listed and self.kind.currentText() == _(listed) else self.kind.currentText()
        if self._current is None:
            village = Village(name=self.name.text(), kind=kind or "thôn")
        else:
            village = Village(**{**self._current.__dict__, "name": self.name.text(), "kind": kind or "thôn"})
        try:
            saved = self.villages.save(village)
        except RuleError as exc:
            self.status.error(str(exc))
            return
        self.status.ok(_("Đã lưu {name}.").format(name=saved.label))
        self.refresh()
        self.events.changed.emit("villages")

    def delete_current(self) -> None:
        village = self._current
        if village is None:
            return
        if not confirm(self, _("Xóa thôn"), _("Xóa {name}? Thành viên khối theo dõi thôn này và nhiệm vụ giao cho "
                                            "thôn sẽ không còn thấy tên thôn. Có thể hoàn tác bằng Ctrl+Z.")
                       .format(name=village.label), _("Xóa")):
            return
        self.villages.delete(village.id)
        command = ServiceCommand(_("Xóa {name}").format(name=village.label),
                                 do=lambda: self.villages.delete(village.id),
                                 undo=lambda: self.villages.restore(village.id), after=self._after_undo)
        push_done(self.undo, command)
        self.refresh()
        self.status.ok(_("Đã xóa {name}. Nhấn Ctrl+Z để hoàn tác.").format(name=village.label))
        self.events.changed.emit("villages")

    def _after_undo(self) -> None:
        self.refresh()
        self.events.changed.emit("villages")

    def paste_list(self) -> None:
        dialog = PasteNamesDialog(self)
        if not dialog.exec():
            return
        try:
            added = self.villages.add_pasted(dialog.text(), dialog.kind())
        except RuleError as exc:
            self.status.error(str(exc))
            return
        self.status.ok(_("Đã thêm {n} thôn.").format(n=len(added)))
        self.refresh()
        self.events.changed.emit("villages")

    def merge_current(self) -> None:
        village = self._current
        if village is None:
            return
        others = [v for v in self.villages.list() if v.id != village.id]
        labels = [v.label for v in others]
        label, ok = QInputDialog.getItem(
            self, _("Sáp nhập thôn"),
            _("{name} sáp nhập vào thôn nào?").format(name=village.label), labels, 0, False)
        if not ok or label not in labels:
            return
        target = others[labels.index(label)]
        try:
            before = self.villages.merge(village.id, target.id)
        except RuleError as exc:
            self.status.error(str(exc))
            return
        command = ServiceCommand(_("Sáp nhập {name}").format(name=village.label),
                                 do=lambda: self.villages.merge(village.id, target.id),
                                 undo=lambda: self.villages.unmerge(village.id, before), after=self._after_undo)
        push_done(self.undo, command)
        self.refresh()
        self.status.ok(_("Đã sáp nhập {name} vào {target}. Nhấn Ctrl+Z để hoàn tác.").format(
            name=village.label, target=target.label))
        self.events.changed.emit("villages")
