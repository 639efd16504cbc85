"""Thành viên khối: the roster table, its filter, the form beside it and the composition banner."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QInputDialog, QPushButton, QVBoxLayout

from danvan_desktop.domain.formats import short_date
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.members import BlocMember, BlocRole
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.text import person_sort_key
from danvan_desktop.gui.events import DataEvents
from danvan_desktop.gui.models.filter_proxy import FoldedFilterProxy
from danvan_desktop.gui.models.record_table_model import Column, RecordTableModel
from danvan_desktop.gui.pages.list_page import ListPage
from danvan_desktop.gui.pages.roster.end_term_dialog import EndTermDialog
from danvan_desktop.gui.pages.roster.member_form import MemberForm
from danvan_desktop.gui.pages.roster.post_history_dialog import PostHistoryDialog
from danvan_desktop.gui.pages.settings.change_log_dialog import ChangeLogDialog
from danvan_desktop.gui.undo import ServiceCommand, push_done
from danvan_desktop.gui.widgets.banner import Banner
from danvan_desktop.gui.widgets.confirm import confirm
from danvan_desktop.gui.widgets.fit import fit_to_screen
from danvan_desktop.gui.widgets.record_table_view import record_table_view
from danvan_desktop.services.roster.service import RosterService
from danvan_desktop.services.unit.villages import VillageService


def _d(value: dt.date | None) -> str:
    return short_date(value)


class MembersPage(ListPage):
    CHANGED = "bloc_members"

    def __init__(self, roster: RosterService, villages: VillageService, undo: QUndoStack, events: DataEvents,
                 parent=None) -> None:
        super().__init__(undo, events, parent)
        self.roster, self.village_service = roster, villages
        self.today = roster.today
        layout = QVBoxLayout(self)
        self.banner = Banner()
        layout.addWidget(self.banner)
        top = QHBoxLayout()
        self.filter = self.search_box(_("Tìm theo tên, chức danh, điện thoại… (Ctrl+F)"))
        self.show_ended = QCheckBox(_("Hiện cả nhiệm kỳ đã kết thúc"))
        self.untrained_only = QCheckBox(_("Chỉ người chưa tập huấn"))
        self.history_button = QPushButton(_("Lịch sử chức danh…"))
        self.history_button.setToolTip(_("Ai đã giữ chức danh nào trong khối, qua các nhiệm kỳ"))
        top.addWidget(self.filter, 1)
        top.addWidget(self.show_ended)
        top.addWidget(self.untrained_only)
        top.addWidget(self.history_button)
        layout.addLayout(top)

        # post names are read once per refresh, not once per painted cell
        self._post_names: dict[str, str] = {}
        posts = lambda: self._post_names
        self.model = RecordTableModel([
            Column(_("Họ và tên"), lambda m: m.full_name, lambda m: person_sort_key(m.full_name)),
            Column(_("Chức danh"), lambda m: posts().get(m.post_code, m.post_code)),
            Column(_("Vai trò"), lambda m: BlocRole(m.bloc_role).label,
                   lambda m: ["head", "deputy", "member"].index(m.bloc_role)),
            Column(_("Từ ngày"), lambda m: _d(m.start_date), lambda m: m.start_date or dt.date.min),
            Column(_("Đến ngày"), lambda m: _d(m.end_date), lambda m: m.end_date or dt.date.max),
            Column(_("Điện thoại"), lambda m: m.phone),
            Column(_("Tập huấn"), lambda m: _d(m.trained_on), lambda m: m.trained_on or dt.date.min),
        ], self)
        self.model.muted = lambda m: not m.is_current(self.today())
        self.model.search_text = lambda m: " ".join([m.full_name, posts().get(m.post_code, ""), m.phone,
                                                     m.start_decision, m.note])
        self.proxy = FoldedFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = record_table_view(self.proxy)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.form = MemberForm()
        self.splitter = self.beside(self.form, collapsible=False)
        layout.addWidget(self.splitter, 1)

        self.filter.textChanged.connect(self.proxy.set_query)
        self.show_ended.toggled.connect(lambda _c: self._apply_predicate())
        self.untrained_only.toggled.connect(lambda _c: self._apply_predicate())
        self.history_button.clicked.connect(self.show_post_history)
        self.table.activated.connect(lambda _i: self.form.full_name.setFocus())
        self.wire(new=self.new_member, save=self.save, delete=self.delete_current, find=self.filter, form=self.form)
        self.form.end_term_requested.connect(self.end_term)
        self.form.add_post_requested.connect(self.add_post)
        self.form.log_requested.connect(self.show_change_log)
        self._apply_predicate()
        self.refresh()

    # -- loading ----------------------------------------------------------------------------
    def _apply_predicate(self) -> None:
        show_ended, untrained = self.show_ended.isChecked(), self.untrained_only.isChecked()
        today = self.today()

        def visible(m: BlocMember) -> bool:
            if not show_ended and not (m.is_current(today) or (m.start_date is not None and m.start_date > today)):
                return False
            return not (untrained and m.trained_on)

        self.proxy.set_predicate(visible)
        # the term's dates matter when ended terms are shown; the current ones share the term's start,
        # shown in the form and the post history, and the table needs the room at 1366×768
        self.table.setColumnHidden(self.START_COLUMN, not show_ended)
        self.table.setColumnHidden(self.END_COLUMN, not show_ended)
        if getattr(self, "_sized", False):
            self.table.resizeColumnsToContents()
            self._fit_splitter()

    START_COLUMN, END_COLUMN = 3, 4

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_sized", False):
            self._sized = True
            self._fit_splitter()

    def _fit_splitter(self) -> None:
        if self.splitter.width() > 0:
            # the table gets what its columns need, the form everything left (never under its minimum)
            header = self.table.horizontalHeader()
            needed = sum(header.sectionSize(i) for i in range(header.count()) if not header.isSectionHidden(i))
            needed += self.table.verticalScrollBar().sizeHint().width() + 2 * self.table.frameWidth() + 4
            form = max(self.form.minimumSizeHint().width(), self.splitter.width() - needed)
            self.splitter.setSizes([self.splitter.width() - form, form])

    def apply_filters(self, *, untrained: bool | None = None, show_ended: bool | None = None,
                      query: str | None = None, **_ignored) -> None:
        """What the dashboard asks for when a card is clicked (e.g. the members not yet trained)."""
        if untrained is not None:
            self.untrained_only.setChecked(untrained)
        if show_ended is not None:
            self.show_ended.setChecked(show_ended)
        if query is not None:
            self.filter.setText(query)

    def show_change_log(self) -> None:
        member = self.current_member()
        if member is None:
            return
        title = _("Đồng chí {name} — {post}").format(name=member.full_name,
                                                      post=self._post_names.get(member.post_code, member.post_code))
        ChangeLogDialog(title, self.roster.change_log(member.id), self).exec()

    def show_post_history(self) -> None:
        PostHistoryDialog(self.roster, self).exec()

    def extra_screenshots(self) -> list:
        dialog = PostHistoryDialog(self.roster, self)
        fit_to_screen(dialog, 1200, 620)
        dialog.show()
        self._shot_dialog = dialog
        shots = [("post_history", dialog)]
        if self.proxy.rowCount():
            member = self.proxy.row_object(0)
            log = ChangeLogDialog(member.full_name, self.roster.change_log(member.id), self)
            log.show()
            self._shot_log = log
            shots.append(("change_log", log))
        return shots

    def refresh(self, select_id: str | None = None) -> None:
        selected = select_id or (self.current_member().id if self.current_member() else None)
        self._post_names = self.roster.post_names()
        self.form.set_choices([(p.code, self._post_names.get(p.code, p.name))
                               for p in self.roster.post_list()], self.village_service.list())
        self.model.set_rows(self.roster.all_terms())
        self.refresh_banner()
        if selected and self.select(selected):
            return
        self.form.load(None, self.today())

    def refresh_banner(self) -> None:
        breaches = [b.message for b in self.roster.check()]
        self.banner.show_messages(_("Thành phần khối chưa đúng quy chế ({profile})").format(
            profile=_(self.roster.active_profile().name)), breaches)

    def current_member(self) -> BlocMember | None:
        return self.current_record()

    def show_record(self, member: BlocMember | None) -> None:
        self.form.load(member, self.today())

    # -- actions ----------------------------------------------------------------------------
    def new_member(self) -> None:
        self.start_new(self.form.full_name)

    def save(self) -> None:
        try:
            member = self.form.member()
        except RuleError as exc:            # a date that is not a date: said under the field and here
            self.form.show_error(exc)
            return
        is_new = self.form.is_new()
        before = None if is_new else self.roster.members.get(member.id)
        if not self._duplicates_accepted(member, before):
            return
        try:
            saved = self.roster.save(member)
        except RuleError as exc:
            self.form.show_error(exc)
            return
        self._push_undo(_("Lưu {name}").format(name=saved.full_name), saved, before)   # its push refreshes once
        self.refresh(saved.id)
        self.form.show_done(_("Đã lưu đồng chí {name}.").format(name=saved.full_name))
        self.announce()

    def _duplicates_accepted(self, member: BlocMember, before: BlocMember | None) -> bool:
        """A possible duplicate (same name and phone as someone on the roster) is flagged before saving;
        the officer decides (a re-appointed member is a new term of the same person)."""
        if before is not None and (before.full_name, before.phone) == (member.full_name.strip(), member.phone.strip()):
            return True
        dupes = self.roster.possible_duplicates(member)
        if not dupes:
            return True
        other = dupes[0]
        text = _("Trong danh sách đã có đồng chí {name} — {post}{phone}, từ ngày {start}. Có thể đây là cùng một "
                 "người. Vẫn lưu thành một người khác?").format(
            name=other.full_name, post=self._post_names.get(other.post_code, other.post_code),
            phone=_(", điện thoại {phone}").format(phone=other.phone) if other.phone else "",
            start=_d(other.start_date))
        if confirm(self, _("Có thể trùng người"), text, _("Vẫn lưu"), destructive=False):
            return True
        self.form.status.error(_("Chưa lưu: có thể trùng với đồng chí {name}.").format(name=other.full_name))
        return False

    def _push_undo(self, text: str, saved: BlocMember, before: BlocMember | None) -> None:
        after = self.roster.members.get(saved.id)
        if before is None:
            command = ServiceCommand(text, do=lambda: self.roster.restore(after.id),
                                     undo=lambda: self.roster.delete(after.id), after=self.after_undo)
        else:
            command = ServiceCommand(text, do=lambda: self.roster.members.update(
                                         type(after)(**after.__dict__)),
                                     undo=lambda: self.roster.members.update(type(before)(**before.__dict__)),
                                     after=self.after_undo)
        command.setObsolete(False)
        push_done(self.undo, command)

    def end_term(self) -> None:
        member = self.current_member()
        if member is None:
            return
        before = self.roster.members.get(member.id)
        dialog = EndTermDialog(member, self.today(), self,
                               submit=lambda day, decision: self.roster.end_term(member.id, day, decision))
        if not dialog.exec() or dialog.outcome is None:
            return
        ended = dialog.outcome
        self._push_undo(_("Kết thúc nhiệm kỳ {name}").format(name=ended.full_name), ended, before)
        self.refresh(ended.id)
        self.form.show_done(_("Đã kết thúc nhiệm kỳ của đồng chí {name}.").format(name=ended.full_name))
        self.announce()

    def delete_current(self) -> None:
        member = self.current_member()
        if member is None:
            return
        self.delete_with_undo(
            member, title=_("Xóa thành viên khối"), question=self.roster.delete_impact(member.id).message(),
            undo_text=_("Xóa {name}").format(name=member.full_name),
            done=_("Đã xóa đồng chí {name}. Nhấn Ctrl+Z để hoàn tác.").format(name=member.full_name),
            delete=lambda: self.roster.delete(member.id), restore=lambda: self.roster.restore(member.id))

    def add_post(self) -> None:
        name, ok = QInputDialog.getText(self, _("Thêm chức danh"), _("Tên chức danh mới:"))
        if not ok or not name.strip():
            return
        try:
            post = self.roster.add_post(name)
        except RuleError as exc:
            self.form.status.error(str(exc))
            return
        self.refresh()
        self.form.post.setCurrentIndex(self.form.post.findData(post.code))
        self.form.status.ok(_("Đã thêm chức danh «{name}».").format(name=post.name))
