"""Tổ dân vận: every village with its team, who in the bloc follows it, its open and overdue work, and warnings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.teams import MIN_TEAM_MEMBERS, TeamRole
from danvan_desktop.gui.events import DataEvents
from danvan_desktop.gui.models.record_table_model import Column, RecordTableModel
from danvan_desktop.gui.pages.spec import PageContext
from danvan_desktop.gui.pages.tasks.team_forms import TeamInfoForm, TeamMemberForm, founded_text
from danvan_desktop.gui.theme import set_role
from danvan_desktop.gui.undo import ServiceCommand, push_done
from danvan_desktop.gui.widgets.banner import Banner
from danvan_desktop.gui.widgets.confirm import confirm
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.gui.widgets.record_table_view import record_table_view
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.tasks.teams import TeamOverview


def short_warnings(o: TeamOverview) -> str:
    """The soft rules in a few words for the table; the banner beside it says them in full."""
    words = []
    if o.leader is None:
        words.append(_("thiếu tổ trưởng"))
    if len(o.members) < MIN_TEAM_MEMBERS:
        words.append(_("thiếu người"))
    if not o.followers:
        words.append(_("chưa có người phụ trách"))
    text = ", ".join(words)
    return text[:1].upper() + text[1:]


class TeamsPage(QWidget):
    def __init__(self, services: AppServices, undo: QUndoStack, events: DataEvents, navigate, parent=None) -> None:
        super().__init__(parent)
        self.services, self.teams, self.undo, self.events = services, services.teams, undo, events
        self.navigate = navigate
        self._current: TeamOverview | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)     # never widens the window past a 1366-pixel screen
        top.addWidget(self.summary, 1)
        self.import_button = QPushButton(_("Nhập danh sách từ Excel…"))
        self.export_button = QPushButton(_("Xuất danh sách…"))
        self.tasks_button = QPushButton(_("Nhiệm vụ của thôn"))
        for b in (self.tasks_button, self.import_button, self.export_button):
            top.addWidget(b)
        layout.addLayout(top)
        self.page_status = FormStatus()
        layout.addWidget(self.page_status)
        self.model = RecordTableModel([
            Column(_("Thôn"), lambda o: o.village.label),
            Column(_("Tổ trưởng"), lambda o: o.leader.full_name if o.leader else "—"),
            Column(_("Số người"), lambda o: len(o.members), align_right=True),
            Column(_("Đang làm"), lambda o: o.open_tasks, align_right=True,
                   tooltip=lambda o: _("Nhiệm vụ chưa hoàn thành của thôn")),
            Column(_("Quá hạn"), lambda o: o.overdue_tasks or "", align_right=True),
            Column(_("Lưu ý"), short_warnings, tooltip=lambda o: "\n".join(o.warnings)),
        ], self)
        self.model.warn = lambda o: bool(o.warnings) or o.overdue_tasks > 0
        self.table = record_table_view(self.model, sortable=False, row_numbers=True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.banner = Banner()
        self.heading = QLabel()
        set_role(self.heading, "section")
        self.members_model = RecordTableModel([
            Column(_("Họ và tên"), lambda m: m.full_name),
            Column(_("Vai trò"), lambda m: TeamRole(m.team_role).label),
            Column(_("Chức vụ ở thôn"), lambda m: m.post),
            Column(_("Điện thoại"), lambda m: m.phone),
        ], self)
        self.members_table = record_table_view(self.members_model, sortable=False, row_numbers=True)
        self.members_table.verticalHeader().setVisible(False)
        self.member_form = TeamMemberForm()
        members_tab = QWidget()
        members_layout = QVBoxLayout(members_tab)
        members_layout.addWidget(self.members_table, 1)
        members_layout.addWidget(self.member_form)
        self.info_form = TeamInfoForm()
        self.tabs = QTabWidget()
        self.tabs.addTab(members_tab, _("Tổ viên"))
        self.tabs.addTab(self.info_form, _("Thông tin tổ"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        self.followers = QLabel()
        self.followers.setWordWrap(True)
        right_layout.addWidget(self.followers)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.tabs, 1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 420])
        layout.addWidget(splitter, 1)

        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._show(self.model.row_object(cur.row()) if cur.isValid() else None))
        self.members_table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.member_form.load(self.members_model.row_object(cur.row()) if cur.isValid()
                                                     else None, self._village_id()))
        self.member_form.save_requested.connect(self.save_member)
        self.member_form.new_requested.connect(self.new_member)
        self.member_form.delete_requested.connect(self.delete_member)
        self.info_form.save_requested.connect(self.save_team)
        self.tasks_button.clicked.connect(self.show_tasks)
        self.import_button.clicked.connect(self.import_roster)
        self.export_button.clicked.connect(self.export_roster)
        QShortcut(QKeySequence.StandardKey.Save, self, self._save_current_tab)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_member)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.members_table, self.delete_member)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.refresh()

    # -- loading ----------------------------------------------------------------------------
    def _village_id(self) -> str:
        return self._current.village.id if self._current else ""

    def refresh(self, village_id: str | None = None) -> None:
        village_id = village_id or self._village_id()
        rows = self.teams.overview()
        self.model.set_rows(rows)
        complete = sum(1 for o in rows if not o.warnings)
        ruled = sum(1 for o in rows if o.team.has_regulation and o.team.has_programme)
        self.summary.setText(_("{n} thôn; {ok} tổ đủ điều kiện hoạt động, {bad} tổ cần kiện toàn; {ruled} tổ đã có "
                               "quy chế và chương trình hoạt động.").format(n=len(rows), ok=complete,
                                                                         bad=len(rows) - complete, ruled=ruled))
        index = next((i for i, o in enumerate(rows) if o.village.id == village_id), 0 if rows else -1)
        if index >= 0:
            self.table.selectRow(index)
            self._show(rows[index])
        else:
            self._show(None)

    def apply_filters(self, village_id: str | None = None, **_ignored) -> None:
        if village_id:
            self.refresh(village_id)

    def _show(self, overview: TeamOverview | None) -> None:
        self._current = overview
        enabled = overview is not None
        for w in (self.tabs, self.tasks_button):
            w.setEnabled(enabled)
        if overview is None:
            self.heading.setText(_("Chưa có thôn nào; hãy thêm thôn ở trang Thôn / tổ dân phố."))
            self.banner.hide()
            self.members_model.set_rows([])
            return
        self.heading.setText(_("Tổ dân vận {village}").format(village=overview.village.label))
        names = ", ".join(b.full_name for b in overview.followers) or _("chưa có")
        self.followers.setText(_("Thành viên khối phụ trách: {names}").format(names=names))
        founded = founded_text(overview.team)
        if founded:
            self.heading.setToolTip(founded)
        self.banner.show_messages(_("Tổ cần kiện toàn"), overview.warnings)
        self.members_model.set_rows(overview.members)
        self.member_form.load(None, overview.village.id)
        self.member_form.status.clear_status()
        self.info_form.load(overview.team, self.services.roster.current(), [b.id for b in overview.followers])

    def _save_current_tab(self) -> None:
        (self.save_member if self.tabs.currentIndex() == 0 else self.save_team)()

    # -- actions ----------------------------------------------------------------------------
    def _changed(self) -> None:
        self.refresh()
        self.events.changed.emit("team_members")

    def new_member(self) -> None:
        self.members_table.clearSelection()
        self.member_form.load(None, self._village_id())
        self.tabs.setCurrentIndex(0)
        self.member_form.full_name.setFocus()

    def save_member(self) -> None:
        if self._current is None:
            return
        try:
            saved = self.teams.save_member(self.member_form.member())
        except RuleError as exc:
            self.member_form.status.error(str(exc))
            return
        self._changed()
        self.member_form.status.ok(_("Đã lưu {name}.").format(name=saved.full_name))

    def delete_member(self) -> None:
        index = self.members_table.currentIndex()
        if not index.isValid():
            return
        member = self.members_model.row_object(index.row())
        if not confirm(self, _("Xóa thành viên tổ"), _("Xóa {name} khỏi tổ dân vận? Có thể hoàn tác bằng Ctrl+Z.")
                       .format(name=member.full_name), _("Xóa")):
            return
        self.teams.delete_member(member.id)
        command = ServiceCommand(_("Xóa {name}").format(name=member.full_name),
                                 do=lambda: self.teams.delete_member(member.id),
                                 undo=lambda: self.teams.restore_member(member.id), after=self._changed)
        push_done(self.undo, command)
        self._changed()
        self.member_form.status.ok(_("Đã xóa {name}. Nhấn Ctrl+Z để hoàn tác.").format(name=member.full_name))

    def save_team(self) -> None:
        if self._current is None:
            return
        try:
            self.teams.save_team_and_followers(self.info_form.team(), self.info_form.follower_ids())
        except RuleError as exc:
            self.info_form.status.error(str(exc))
            return
        self._changed()
        self.events.changed.emit("bloc_members")
        self.tabs.setCurrentIndex(1)
        self.info_form.status.ok(_("Đã lưu thông tin tổ."))

    def show_tasks(self) -> None:
        if self._current is not None:
            self.navigate("tasks", village_id=self._current.village.id, status="open")

    def import_roster(self) -> None:
        from danvan_desktop.gui.pages.roster.roster_import_dialog import RosterImportDialog
        dialog = RosterImportDialog(self.services, teams=True, parent=self)
        if dialog.exec() and dialog.preview is not None:
            self._changed()
            self.events.changed.emit("bloc_members")
            self.show_status(_("Đã nhập «{name}»: {summary}").format(name=dialog.preview.file_name,
                                                                     summary=dialog.preview.summary()))

    def export_roster(self) -> None:
        from danvan_desktop.gui.pages.roster.roster_import_dialog import export_roster
        self._export_menu = export_roster(self.services, self, at=self.export_button.mapToGlobal(
            self.export_button.rect().bottomLeft()))

    def show_status(self, text: str, error: bool = False) -> None:
        (self.page_status.error if error else self.page_status.ok)(text)

    def extra_screenshots(self) -> list[tuple[str, QWidget]]:
        from danvan_desktop.gui.pages.roster.roster_import_dialog import sample_preview_dialog
        dialog = sample_preview_dialog(self.services, self)
        return [("import", dialog)] if dialog is not None else []


def _page(ctx: PageContext) -> QWidget:
    return TeamsPage(ctx.services, ctx.undo, ctx.events, ctx.navigate)
