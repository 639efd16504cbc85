"""Họp & biên bản: the list of meetings beside the meeting being edited; the dashboard's briefing card.

The list is paged, filtered and sorted in SQL (as the task list is): its first page and the count are read
when it opens, the rest as the user scrolls; a header click reads the first page again in that order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from danvan_desktop.domain.i18n import _, ngettext
from danvan_desktop.domain.meetings import Meeting, MeetingKind
from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui.models.filter_proxy import FoldedFilterProxy
from danvan_desktop.gui.models.record_table_model import Column, RecordTableModel
from danvan_desktop.gui.pages.list_page import ListPage
from danvan_desktop.gui.widgets.record_table_view import record_table_view


def short_state(meeting: Meeting) -> str:
    if not meeting.locked:
        return _("Đang soạn")
    return _("Đã khóa") if meeting.version == 1 else _("Sửa lần {n}, đã khóa").format(n=meeting.version - 1)
from danvan_desktop.gui.pages.spec import PageContext
from danvan_desktop.gui.theme import set_role
from danvan_desktop.gui.widgets.card import Card
from danvan_desktop.gui.widgets.confirm import confirm
from danvan_desktop.gui.widgets.fit import compact_combo
from danvan_desktop.gui.widgets.flow_layout import FlowLayout
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.meetings.listing import ORDERS


class MeetingsPage(ListPage):
    """A list page whose right side is the meeting's editor (it saves as it goes; Ctrl+S saves now)."""
    CHANGED = "meetings"

    def __init__(self, services: AppServices, events=None, navigate=None, undo=None, parent=None) -> None:
        super().__init__(undo, events, parent)
        # the editor (and the PDF preview and printing behind it) comes with the page, not with the dashboard's section
        from danvan_desktop.gui.pages.meetings.meeting_editor import MeetingEditor, version_label
        self.services = services
        self._counts: dict[str, str] = {}
        layout = QVBoxLayout(self)
        top = FlowLayout()          # wraps onto a second line when the window is narrow
        self.filter = self.search_box(_("Tìm theo kỳ, chủ đề, địa điểm, người chủ trì… (Ctrl+F)"))
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(_("Mọi loại cuộc họp"), "")
        self.new_kind = QComboBox()
        for kind in MeetingKind:
            self.kind_filter.addItem(kind.label, kind.value)
            self.new_kind.addItem(kind.label, kind.value)
        self.new_button = QPushButton(_("Cuộc họp mới (Ctrl+N)"))
        self.filter.setMinimumWidth(self.filter.fontMetrics().averageCharWidth() * 24)
        compact_combo(self.kind_filter, 14)
        compact_combo(self.new_kind, 14)
        for widget in (self.filter, self.kind_filter, self.new_kind, self.new_button):
            top.addWidget(widget)
        layout.addLayout(top)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        self.status = FormStatus()
        layout.addWidget(self.status)

        self.model = RecordTableModel([      # sorted in SQL: ORDERS, one a column
            Column(_("Ngày họp"), lambda m: m.meeting_date.strftime("%d/%m/%Y") if m.meeting_date else ""),
            Column(_("Cuộc họp"), lambda m: m.short_name(), tooltip=lambda m: m.display_name()),
            Column(_("Có mặt"), lambda m: self._counts.get(m.id, "")),
            Column(_("Biên bản"), lambda m: short_state(m), tooltip=lambda m: version_label(m)),
        ], self)
        self.model.muted = lambda m: m.locked
        self.model.search_text = lambda m: f"{m.display_name()} {m.place} {m.chair_name} {m.title} {m.period}"
        self.proxy = FoldedFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = record_table_view(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.editor = MeetingEditor(services, navigate)
        layout.addWidget(self.beside(self.editor, stretch=(2, 5)), 1)

        # a filter typed or chosen, a header clicked: the first page and the count are read on the job runner,
        # the list keeps its rows until they come (ListPage.read_list_later)
        self.filter.textChanged.connect(lambda _t: self.filter_changed())
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.filter_changed())
        self.new_button.clicked.connect(self.new_meeting)
        self.wire(new=self.new_meeting, save=self.editor.flush, delete=self.delete_current, find=self.filter)
        self.editor.changed.connect(self._on_meeting_changed)
        self.editor.version_created.connect(lambda meeting_id: self.reload(meeting_id))
        self._counted: tuple | None = None      # the (text, kind) the count on show is of
        self.model.sort_elsewhere = self._sort_elsewhere
        self.reload()

    # -- list -------------------------------------------------------------------------------
    def _first_read(self, wanted: tuple):
        """The first page of `wanted` (text, kind, order, descending), its attendance and the count, read
        through `services` (on the job runner or here)."""
        query, kind, order, descending = wanted
        chunk = self.model.CHUNK

        def load(services: AppServices) -> tuple:
            rows = services.meetings.page(query, kind, 0, chunk, order, descending)
            return rows, services.meetings.attendance_counts([m.id for m in rows]), services.meetings.count(query, kind)
        return load

    def reload(self, select_id: str | None = None) -> None:
        """The list read again on the GUI thread (on show, after a new meeting, a delete, an undo)."""
        self.list_read_now()
        wanted = self._wanted(*self.model.ordered_state())
        self._show_list(wanted, self._first_read(wanted)(self.services), select_id)

    def filter_changed(self) -> None:
        wanted = self._wanted(*self.model.ordered_state())
        self.read_list_later(self._first_read(wanted), lambda result: self._show_list(wanted, result))

    def _show_list(self, wanted: tuple, result: tuple, select_id: str | None = None) -> None:
        first, counts, total = result
        current = self.current_meeting()
        keep = select_id or (current.id if current else None)
        query, kind = wanted[:2]
        meetings = self.services.meetings
        self._counts = {}
        self._add_counts(first, counts)

        def ordered(column: int, descending: bool):
            order = self._wanted(column, descending)[2]
            return lambda offset, limit: self._counted_rows(meetings.page(query, kind, offset, limit, order, descending))
        self.model.set_ordered_pager(ordered, first)
        self._show_count(wanted, total)
        self.table.resizeColumnsToContents()
        # The list keeps room for most of its columns (the editor needs ~900 pixels of a 1366 screen).
        width = sum(self.table.columnWidth(c) for c in range(self.model.columnCount())) + 22
        self.table.setMinimumWidth(min(max(width, 200), 260))
        # a meeting asked for is looked for down the list; the one that was shown, among the rows read only
        # (after a filter it may be gone: reading every page to be sure would read them all)
        if select_id and self.select(select_id) or keep and self._loaded_row(keep) >= 0 and self.select(keep):
            return
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        else:
            self.editor.load(None)

    def _show_count(self, wanted: tuple, total: int) -> None:
        self._counted = wanted[:2]
        self.count_label.setText(ngettext("{n} cuộc họp", "{n} cuộc họp", total).format(n=total))

    def _add_counts(self, rows: list[Meeting], counts: dict[str, tuple[int, int]]) -> None:
        self._counts.update({m.id: "{}/{}".format(*counts.get(m.id, (0, 0))) for m in rows})

    def _counted_rows(self, rows: list[Meeting]) -> list[Meeting]:
        """`rows`, their attendance counted first (one grouped query a page)."""
        self._add_counts(rows, self.services.meetings.attendance_counts([m.id for m in rows]))
        return rows

    def _wanted(self, column: int, descending: bool) -> tuple:
        order = ORDERS[column] if 0 <= column < len(ORDERS) else "date"
        return self.filter.text(), self.kind_filter.currentData() or None, order, descending

    def _sort_elsewhere(self, column: int, descending: bool) -> None:
        """A header click: every meeting's row id in the new order, then the first page by id, on the job
        runner (with the count, when a filter changed whose read this one supersedes)."""
        wanted, chunk = self._wanted(column, descending), self.model.CHUNK
        counted = wanted[:2] == self._counted

        def load(services: AppServices) -> tuple:
            ids = services.meetings.ordered_ids(*wanted)
            first = services.meetings.by_ids(ids[:chunk])
            total = None if counted else services.meetings.count(*wanted[:2])
            return ids, first, services.meetings.attendance_counts([m.id for m in first]), total
        self.read_list_later(load, lambda result: self._sorted(wanted, *result))

    def _sorted(self, wanted: tuple, ids: list[int], first: list[Meeting], counts: dict, total: int | None) -> None:
        meetings = self.services.meetings
        self._add_counts(first, counts)
        self.model.show_sorted(lambda offset, limit: self._counted_rows(meetings.by_ids(ids[offset:offset + limit])),
                               first)
        if total is not None:
            self._show_count(wanted, total)

    def _loaded_row(self, meeting_id: str) -> int:
        return next((i for i, m in enumerate(self.model.rows()) if m.id == meeting_id), -1)

    def _count(self, meeting_id: str) -> str:
        return "{}/{}".format(*self.services.meetings.attendance_counts([meeting_id]).get(meeting_id, (0, 0)))

    def refresh(self) -> None:
        """Called when the page is shown: nothing typed is lost (the editor saves first)."""
        self.editor.flush()
        self.reload()

    def current_meeting(self) -> Meeting | None:
        return self.current_record()

    def show_record(self, meeting: Meeting | None) -> None:
        if meeting is None or self.editor.meeting is None or meeting.id != self.editor.meeting.id:
            self.editor.load(meeting.id if meeting else None)

    def _on_meeting_changed(self, meeting_id: str) -> None:
        row = self._loaded_row(meeting_id)    # a meeting further down is read when the list gets there
        if row >= 0:
            fresh = self.services.meetings.get(meeting_id)
            self._counts[meeting_id] = self._count(meeting_id)
            self.model.replace_row(row, fresh)
        if self.events is not None:
            self.events.changed.emit("meetings")
            self.events.changed.emit("tasks")

    # -- actions ----------------------------------------------------------------------------
    def new_meeting(self) -> None:
        self.editor.flush()
        try:
            meeting = self.services.meetings.create(self.new_kind.currentData(), self.services.today())
        except RuleError as exc:
            self.status.error(str(exc))
            return
        self.kind_filter.setCurrentIndex(0)
        self.reload(meeting.id)
        self.status.ok(_("Đã tạo {name}. Điểm danh rồi ghi diễn biến ở thẻ thứ hai.").format(
            name=meeting.display_name()))
        self.editor.form.place.setFocus()
        self.announce()

    def delete_current(self) -> None:
        """Delete a draft meeting (Del in the list); Ctrl+Z brings it back. A finalised minute is kept."""
        meeting = self.current_meeting()
        if meeting is None:
            return
        if not meeting.locked and not confirm(
                self, _("Xóa cuộc họp"), _("Xóa {name} cùng điểm danh, diễn biến và kết luận đã ghi? Có thể hoàn tác "
                                          "bằng Ctrl+Z.").format(name=meeting.display_name()), _("Xóa")):
            return
        try:
            self.services.meetings.delete(meeting.id)
        except RuleError as exc:
            self.status.error(str(exc))
            return
        if self.undo is not None:
            from danvan_desktop.gui.undo import ServiceCommand, push_done
            command = ServiceCommand(_("Xóa {name}").format(name=meeting.display_name()),
                                     do=lambda: self.services.meetings.delete(meeting.id),
                                     undo=lambda: self.services.meetings.restore(meeting.id),
                                     after=lambda: self.reload(meeting.id))
            push_done(self.undo, command)
        self.editor.meeting = None
        self.reload()
        self.status.ok(_("Đã xóa {name}. Nhấn Ctrl+Z để hoàn tác.").format(name=meeting.display_name()))
        self.announce()

    def apply_filters(self, period: str | None = None, meeting_id: str | None = None, **_filters) -> None:
        if meeting_id:
            self.select(meeting_id)
        elif period:
            self.filter.setText(period)

    def extra_screenshots(self):
        """Each shot is a step run just before its grab: the minutes tab, then the rendered biên bản
        (the list was once built first, so both shots showed the preview tab, the first one still blank)."""
        if self.editor.meeting is None:
            return []

        def minutes():
            self.editor.tabs.setCurrentIndex(1)
            return self

        def preview():
            from danvan_desktop.gui.widgets.settle import settle
            from danvan_desktop.services.documents.printing import document_pdf
            self.editor.preview.show_pdf(document_pdf(self.services.minutes.build(self.editor.meeting.id)))
            self.editor._preview_stale = False
            self.editor.tabs.setCurrentIndex(2)
            settle(1.0)             # QPdfView paints its pages on a worker thread, a moment after showing
            return self

        return [("minutes", minutes), ("preview", preview)]


class BriefingSection(QWidget):
    """The dashboard's line on briefings: 'Tháng 10/2026: chưa họp giao ban' and the last meeting."""

    def __init__(self, services: AppServices, navigate, parent=None) -> None:
        super().__init__(parent)
        from danvan_desktop.gui.widgets.banner import Banner
        self.services = services
        layout = QGridLayout(self)
        heading = QLabel(_("Họp giao ban"))
        set_role(heading, "subheading")
        self.banner = Banner()
        self.banner.action_clicked.connect(lambda: navigate("meetings"))
        self.last = Card(_("cuộc họp gần nhất"), lambda: navigate("meetings"))
        self.drafts = Card(_("biên bản chưa hoàn thành"), lambda: navigate("meetings"))
        layout.addWidget(heading, 0, 0, 1, 2)
        layout.addWidget(self.banner, 1, 0, 1, 2)
        layout.addWidget(self.last, 2, 0)
        layout.addWidget(self.drafts, 2, 1)

    def load(self, services: AppServices) -> tuple:
        from danvan_desktop.services.meetings.checks import missed_briefing_message
        missing = [missed_briefing_message(p) for p in services.meetings.missing_briefings()]
        latest = services.meetings.latest()
        drafts = services.meetings.meetings.count(
            "content_hash IS NULL AND meeting_date <= ?", (services.today().isoformat(),))
        return missing, latest.meeting_date if latest else None, drafts

    def refresh(self) -> None:
        self.show_figures(self.load(self.services))

    def show_figures(self, data: tuple) -> None:
        missing, latest, drafts = data
        self.banner.show_messages(_("Chưa họp giao ban"), missing)
        self.last.set_value(latest.strftime("%d/%m/%Y") if latest else "—")
        self.drafts.set_value(drafts, warn=drafts > 0)


def _page(ctx: PageContext) -> QWidget:
    return MeetingsPage(ctx.services, ctx.events, ctx.navigate, ctx.undo)
