"""Thôn / tổ dân phố: the commune's villages, who follows each, add / rename / paste a list / delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QInputDialog, QPushButton, QVBoxLayout

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.text import fold
from danvan_desktop.domain.unit import Village
from danvan_desktop.gui.events import DataEvents
from danvan_desktop.gui.models.filter_proxy import FoldedFilterProxy
from danvan_desktop.gui.models.record_table_model import Column, RecordTableModel
from danvan_desktop.gui.pages.list_page import ListPage
from danvan_desktop.gui.pages.paste_dialog import PasteNamesDialog
from danvan_desktop.gui.pages.roster.village_form import VillageForm
from danvan_desktop.gui.undo import ServiceCommand, push_done
from danvan_desktop.gui.widgets.record_table_view import record_table_view
from danvan_desktop.services.roster.service import RosterService
from danvan_desktop.services.unit.villages import VillageService

# Later features add columns here: (title, function(village, context) -> text), context built once per refresh.
EXTRA_COLUMNS: list = []


class VillagesPage(ListPage):
    CHANGED = "villages"

    def __init__(self, villages: VillageService, roster: RosterService, undo: QUndoStack, events: DataEvents,
                 parent=None) -> None:
        super().__init__(undo, events, parent)
        self.villages, self.roster = villages, roster
        self._followers: dict[str, list[str]] = {}
        self._current: Village | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.filter = self.search_box(_("Tìm thôn…"))
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
        self.table = record_table_view(self.proxy)      # the STT column is the number officers use
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.form = VillageForm()
        # the form's fields under the page's own names (tests and the dashboard reach them here)
        self.name, self.kind, self.status = self.form.name, self.form.kind, self.form.status
        self.new_button, self.save_button, self.delete_button = (self.form.new_button, self.form.save_button,
                                                                 self.form.delete_button)
        self.merge_button, self.followers, self.merged_note = (self.form.merge_button, self.form.followers,
                                                               self.form.merged_note)
        layout.addWidget(self.beside(self.form, (760, 380), stretch=(3, 1), collapsible=False), 1)

        self.filter.textChanged.connect(self.proxy.set_query)
        self.paste_button.clicked.connect(self.paste_list)
        self.form.merge_requested.connect(self.merge_current)
        self.unfollowed_only.toggled.connect(self._apply_predicate)
        self.table.activated.connect(lambda _i: self.name.setFocus())
        self.wire(new=self.new_village, save=self.save, delete=self.delete_current, find=self.filter, form=self.form)
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
        self.show_record(None)

    def show_record(self, village: Village | None) -> None:
        self._current = village
        names = self._followers.get(village.id, []) if village else []
        merged = [v.label for v in self.villages.merged() if village and v.merged_into == village.id]
        self.form.load(village, names, merged, can_merge=len(self.villages.list()) > 1)

    def show_changes(self, select_id: str | None = None) -> None:
        self.refresh()          # a blank form again: the next village can be typed straight away

    def new_village(self) -> None:
        self.start_new(self.name)

    def save(self) -> None:
        self.save_record(lambda: self.villages.save(self.form.village()),
                         lambda saved: _("Đã lưu {name}.").format(name=saved.label))

    def delete_current(self) -> None:
        village = self._current
        if village is None:
            return
        self.delete_with_undo(
            village, title=_("Xóa thôn"),
            question=_("Xóa {name}? Thành viên khối theo dõi thôn này và nhiệm vụ giao cho thôn sẽ không còn thấy "
                       "tên thôn. Có thể hoàn tác bằng Ctrl+Z.").format(name=village.label),
            undo_text=_("Xóa {name}").format(name=village.label),
            done=_("Đã xóa {name}. Nhấn Ctrl+Z để hoàn tác.").format(name=village.label),
            delete=lambda: self.villages.delete(village.id), restore=lambda: self.villages.restore(village.id))

    def paste_list(self) -> None:
        dialog = PasteNamesDialog(self)
        if not dialog.exec():
            return
        try:
            added = self.villages.add_pasted(dialog.text(), dialog.kind())
        except RuleError as exc:
            self.form.show_error(exc)
            return
        self.refresh()
        self.form.show_done(_("Đã thêm {n} thôn.").format(n=len(added)))
        self.announce()

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
            self.form.show_error(exc)
            return
        command = ServiceCommand(_("Sáp nhập {name}").format(name=village.label),
                                 do=lambda: self.villages.merge(village.id, target.id),
                                 undo=lambda: self.villages.unmerge(village.id, before), after=self.after_undo)
        push_done(self.undo, command)
        self.refresh()
        self.form.show_done(_("Đã sáp nhập {name} vào {target}. Nhấn Ctrl+Z để hoàn tác.").format(
            name=village.label, target=target.label))
        self.announce()
