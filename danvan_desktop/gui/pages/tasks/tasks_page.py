"""Nhiệm vụ: the task list (filtered and paged in SQL), the task's form and its progress beside it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHeaderView,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.collation import vi_key
from danvan_desktop.domain.formats import short_date
from danvan_desktop.domain.i18n import _, ngettext
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.task_query import TaskQuery
from danvan_desktop.domain.tasks import (
    CATEGORIES,
    Task,
    TaskAssignment,
    TaskStatus,
    label_of,
)
from danvan_desktop.gui.events import DataEvents
from danvan_desktop.gui.models.record_table_model import Column, RecordTableModel
from danvan_desktop.gui.pages.list_page import ListPage
from danvan_desktop.gui.pages.progress_dialog import ProgressDialog
from danvan_desktop.gui.pages.spec import PageContext
from danvan_desktop.gui.pages.tasks.task_filters import TaskFilterBar
from danvan_desktop.gui.pages.tasks.task_form import TaskForm
from danvan_desktop.gui.pages.tasks.task_progress_panel import TaskProgressPanel
from danvan_desktop.gui.undo import ServiceCommand, push_done
from danvan_desktop.gui.widgets.record_table_view import record_table_view
from danvan_desktop.services.app import AppServices

MAX_NAMES = 3


@dataclass
class TaskRow:
    task: Task
    share: TaskAssignment | None = None     # the filtered village's own share of the task
    villages: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    responsible: str = ""

    def status_on(self, on: dt.date) -> TaskStatus:
        if self.share is not None:
            return self.share.status_on(on, self.task.due_date)
        return self.task.status_on(on)

    def given_to(self) -> str:
        names = self.villages[:MAX_NAMES]
        if len(self.villages) > MAX_NAMES:
            names.append(_("và {n} thôn khác").format(n=len(self.villages) - MAX_NAMES))
        return ", ".join(names + self.members)


class TasksPage(ListPage):
    """A list paged in SQL (no proxy): it selects among the rows already fetched and shows the task beside
    it in two tabs, the form and the progress."""
    CHANGED = "tasks"

    def __init__(self, services: AppServices, undo: QUndoStack, events: DataEvents, parent=None) -> None:
        super().__init__(undo, events, parent)
        self.services, self.tasks = services, services.tasks
        self._village_names: dict[str, str] = {}
        self._member_names: dict[str, str] = {}
        layout = QVBoxLayout(self)
        self.filters = TaskFilterBar()
        # a filter chosen or a search typed (after its pause): the first page and the count are read on the job
        # runner (100 000 tasks), the list keeps its rows until they come (ListPage.read_list_later)
        self.filters.changed.connect(self.filter_changed)
        layout.addWidget(self.filters)
        # The page's own names for the filter widgets (tests and shortcuts reach them here).
        self.search, self.overdue_only, self.count_label = (self.filters.search, self.filters.overdue_only,
                                                            self.filters.count_label)
        self.village_filter, self.member_filter = self.filters.village_filter, self.filters.member_filter
        self.status_filter, self.category_filter = self.filters.status_filter, self.filters.category_filter
        self.period_filter = self.filters.period_filter
        self.model = RecordTableModel([
            Column(_("Hạn"), lambda r: short_date(r.task.due_date)),
            Column(_("Nhiệm vụ"), self._title, tooltip=self._tooltip),
            Column(_("Giao cho"), lambda r: r.given_to(), tooltip=lambda r: ", ".join(r.villages + r.members)),
            Column(_("Trạng thái"), lambda r: r.status_on(self.services.today()).label, tooltip=self._tooltip),
            Column(_("Thôn xong"), self._villages_done, align_right=True),
        ], self)
        self.model.CHUNK = 200      # a screen shows ~25 rows; smaller chunks convert faster
        self.model.warn = lambda r: r.status_on(self.services.today()) is TaskStatus.OVERDUE
        self.model.muted = lambda r: r.status_on(self.services.today()) in (TaskStatus.DONE, TaskStatus.CANCELLED)
        self.table = record_table_view(self.model, sortable=False, row_numbers=True, stretch_last=False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 100), (2, 122), (3, 128), (4, 94)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setDefaultSectionSize(24)

        self.form = TaskForm()
        self.form.source_resolver = self._source_label
        self.progress = TaskProgressPanel()
        form_scroll = QScrollArea()
        self.form_scroll = form_scroll
        form_scroll.setWidgetResizable(True)
        form_scroll.setWidget(self.form)
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tabs = QTabWidget()
        self.tabs.addTab(form_scroll, _("Thông tin"))
        self.tabs.addTab(self.progress, _("Tiến độ, kết quả"))
        layout.addWidget(self.beside(self.tabs, (700, 440)), 1)

        self.wire(new=self.new_task, save=self.save, delete=self.delete_current, find=self.search, form=self.form)
        self.progress.add_requested.connect(self.add_progress)
        self.progress.done_requested.connect(self.mark_done)
        self.progress.delete_note_requested.connect(self.delete_note)
        self.refresh()

    # -- filters (gui/pages/tasks/task_filters.py) -------------------------------------------------
    def _fill_choice_filters(self) -> None:
        villages = self.services.villages.list()
        members = self.services.roster.current()
        self.filters.set_choices(villages, members)
        self.form.set_choices(villages, members)

    def query(self) -> TaskQuery:
        return self.filters.query(self.services.today())

    def apply_filters(self, **filters) -> None:
        """Show exactly what the caller asks for (the dashboard's figures jump here); other filters reset."""
        self.filters.apply(**filters)
        self.filter_changed()

    def _source_label(self, kind: str, ref: str) -> str | None:
        """A task born of a meeting names the meeting, not its id (when the meetings feature knows it)."""
        meetings = getattr(self.services, "meetings", None)
        if kind != "meeting" or meetings is None or len(ref) != 36:
            return None
        try:
            meeting = meetings.get(ref)
        except Exception:  # noqa: BLE001 — an unknown or deleted meeting: show the reference as typed
            return None
        day = short_date(meeting.meeting_date)
        subject = meeting.subject()
        return _("Kết luận {subject} ({day})").format(subject=subject, day=day) if day else subject

    # -- loading ----------------------------------------------------------------------------
    def _title(self, row: TaskRow) -> str:
        t = row.task
        if t.recurring and t.occurrence:
            p = Period.parse(t.occurrence)
            return _("{title} (tháng {m}/{y})").format(title=t.title, m=p.months[0], y=p.year)
        return t.title

    def _villages_done(self, row: TaskRow) -> str:
        t = row.task
        return f"{t.villages_done}/{t.village_count}" if t.village_count else ""

    def _tooltip(self, row: TaskRow) -> str:
        t = row.task
        lines = [t.title, _("Lĩnh vực: {category}").format(category=label_of(CATEGORIES, t.category))]
        if row.responsible:
            lines.append(_("Phụ trách: {name}").format(name=row.responsible))
        if t.village_count:
            lines.append(_("{done}/{total} thôn đã hoàn thành").format(done=t.villages_done, total=t.village_count))
        return "\n".join(lines)

    def _rows(self, tasks, query: TaskQuery, offset: int, limit: int) -> list[TaskRow]:
        """A page of the list read through `tasks` (the window's service, or the job runner's)."""
        listed = tasks.listed(query, offset, limit)
        given = tasks.assignments.of_tasks([item.task.id for item in listed])
        rows = []
        for item in listed:
            t = item.task
            villages = sorted((self._village_names.get(a.village_id, "?") for a in given.get(t.id, [])), key=vi_key)
            members = [self._member_names.get(m, "?") for m in t.member_ids]
            rows.append(TaskRow(t, item.share, villages, members, self._member_names.get(t.responsible_id or "", "")))
        return rows

    def _first_read(self, query: TaskQuery):
        chunk = self.model.CHUNK
        return lambda services: (self._rows(services.tasks, query, 0, chunk), services.tasks.count(query))

    def refresh(self, select_id: str | None = None) -> None:
        self.tasks.extend_recurring()
        self._village_names = self.tasks.village_names()
        self._member_names = self.tasks.member_names()
        self._fill_choice_filters()
        self.reload(select_id)

    def reload(self, select_id: str | None = None) -> None:
        """Re-query the list on the GUI thread (on show, after a save, a delete, an undo)."""
        self.list_read_now()
        query = self.query()
        self._show_list(query, self._first_read(query)(self.services), select_id)

    def filter_changed(self) -> None:
        query = self.query()
        self.read_list_later(self._first_read(query), lambda result: self._show_list(query, result))

    def _show_list(self, query: TaskQuery, result: tuple, select_id: str | None = None) -> None:
        """The first page and the count read. A task just saved stays in the form even if the filters hide it;
        after a filter change the selection stays if still listed, else the first row is shown."""
        first, total = result
        current = self.current_task()
        self.model.set_pager(lambda offset, limit: self._rows(self.tasks, query, offset, limit), first)
        self.count_label.setText(ngettext("{n} nhiệm vụ", "{n} nhiệm vụ", total).format(n=total))
        wanted = select_id or (current.id if current else None)
        if wanted and self.select(wanted):
            return
        if select_id:
            self._show(self.tasks.tasks.find(select_id))
        elif self.model.rowCount():
            self.table.selectRow(0)
            self._show(self.model.row_object(0).task)
        else:
            self._show(None)

    def select(self, task_id: str) -> bool:
        """Select a task among the rows already fetched (never fetches all 100 000 to look)."""
        for i, row in enumerate(self.model.rows()):
            if row.task.id == task_id:
                self.table.selectRow(i)
                self.table.scrollTo(self.model.index(i, 0))
                self._show(row.task)
                return True
        return False

    def current_task(self) -> Task | None:
        task = self.form.loaded()
        return task

    def show_record(self, row: TaskRow | None) -> None:
        self._show(row.task if row is not None else None)

    def _show(self, task: Task | None) -> None:
        today = self.services.today()
        if task is not None and task.deleted:
            task = None
        if task is None:
            self.form.load(None, [], today)
            self.progress.load(None, [], [], self._village_names, today)
            return
        fresh = self.tasks.get(task.id)
        self.form.load(fresh, self.tasks.village_ids(fresh.id), today)
        self.progress.load(fresh, self.tasks.tracking(fresh.id), self.tasks.progress(fresh.id),
                           self._village_names, today)
        self.tabs.setTabText(1, _("Tiến độ, kết quả ({n})").format(n=len(self.tasks.progress(fresh.id))))

    # -- actions ----------------------------------------------------------------------------
    def show_changes(self, select_id: str | None = None) -> None:
        self.reload(select_id)

    def _changed(self, select_id: str | None = None) -> None:
        self.reload(select_id)
        self.announce()

    def new_task(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.tabs.setTabText(1, _("Tiến độ, kết quả"))
        self.start_new(self.form.title)

    def save(self) -> None:
        try:
            status, done_on = self.form.wanted_status()
            if self.form.is_new():
                saved = self.tasks.create_task(**self.form.values(), village_ids=self.form.village_ids(),
                                               recurring_monthly=self.form.recurring.isChecked(),
                                               repeat_until=self.form.repeat_until.value())
            else:
                saved = self.tasks.save_task(self.form.task(), self.form.village_ids())
            if status != saved.status or (status == TaskStatus.DONE.value and done_on != saved.done_on):
                saved = self.tasks.set_status(saved.id, status, done_on=done_on)
        except RuleError as exc:
            self.form.show_error(exc)      # under the form, scrolled into view
            return
        self._changed(saved.id)
        self.form.status_line.ok(_("Đã lưu nhiệm vụ «{title}».").format(title=saved.title))

    def delete_current(self) -> None:
        task = self.current_task()
        if task is None:
            return
        notes = len(self.tasks.progress(task.id))
        text = _("Xóa nhiệm vụ «{title}»?").format(title=task.title)
        if notes:
            text += " " + _("Nhiệm vụ có {n} ghi chép tiến độ; chúng bị xóa theo.").format(n=notes)
        if not confirm(self, _("Xóa nhiệm vụ"), text + " " + _("Có thể hoàn tác bằng Ctrl+Z."), _("Xóa")):
            return
        self.tasks.delete(task.id)
        command = ServiceCommand(_("Xóa nhiệm vụ {title}").format(title=task.title),
                                 do=lambda: self.tasks.delete(task.id), undo=lambda: self.tasks.restore(task.id),
                                 after=lambda: self._changed(task.id))
        push_done(self.undo, command)
        self._changed()
        self.form.status_line.ok(_("Đã xóa nhiệm vụ «{title}». Nhấn Ctrl+Z để hoàn tác.").format(title=task.title))

    def progress_dialog(self) -> ProgressDialog | None:
        task = self.current_task()
        if task is None:
            return None
        villages = [(t.village_id, t.village_name) for t in self.tasks.tracking(task.id)]
        return ProgressDialog(task.title, villages, self.services.today(),
                              lambda values: self.tasks.add_progress(task.id, **values),
                              village_id=self.progress.selected_village() or "", parent=self)

    def add_progress(self) -> None:
        dialog = self.progress_dialog()
        if dialog is None or not dialog.exec():
            return
        task_id = self.current_task().id
        self._changed(task_id)
        self.tabs.setCurrentIndex(1)
        self.progress.status.ok(_("Đã ghi kết quả."))

    def mark_done(self) -> None:
        task = self.current_task()
        if task is None:
            return
        village = self.progress.selected_village()
        try:
            self.tasks.mark_done(task.id, village_id=village)
        except RuleError as exc:
            self.progress.status.error(str(exc))
            return
        self._changed(task.id)
        self.tabs.setCurrentIndex(1)
        name = self._village_names.get(village or "", "")
        self.progress.status.ok(_("{village} đã hoàn thành.").format(village=name) if village
                                else _("Nhiệm vụ đã hoàn thành."))

    def delete_note(self) -> None:
        note = self.progress.selected_note()
        task = self.current_task()
        if note is None or task is None:
            return
        if not confirm(self, _("Xóa kết quả"), _("Xóa ghi chép tiến độ này? Có thể hoàn tác bằng Ctrl+Z."), _("Xóa")):
            return
        self.tasks.delete_progress(note.id)
        command = ServiceCommand(_("Xóa kết quả"), do=lambda: self.tasks.delete_progress(note.id),
                                 undo=lambda: self.tasks.restore_progress(note.id),
                                 after=lambda: self._changed(task.id))
        push_done(self.undo, command)
        self._changed(task.id)
        self.tabs.setCurrentIndex(1)
        self.progress.status.ok(_("Đã xóa kết quả. Nhấn Ctrl+Z để hoàn tác."))

    def extra_screenshots(self) -> list[tuple[str, QWidget]]:
        self.tabs.setCurrentIndex(1)
        return [("progress", self.window())]


def _page(ctx: PageContext) -> QWidget:
    return TasksPage(ctx.services, ctx.undo, ctx.events)


from danvan_desktop.gui.widgets.confirm import confirm
