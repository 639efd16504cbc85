"""Tình hình nhân dân: the situation log (filtered and sorted in SQL, paged), the note form, and hot spots on
the dashboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.formats import short_date
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.situation import Level, SituationNote, Topic
from danvan_desktop.gui.events import DataEvents
from danvan_desktop.gui.models.record_table_model import Column, RecordTableModel
from danvan_desktop.gui.pages.figures.situation_form import SituationForm
from danvan_desktop.gui.pages.list_page import ListPage
from danvan_desktop.gui.pages.spec import PageContext
from danvan_desktop.gui.theme import set_role, set_tone
from danvan_desktop.gui.widgets.record_table_view import record_table_view
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.figures.situation import ORDERS, NoteFilter


class SituationPage(ListPage):
    CHANGED = "situation_notes"

    def __init__(self, services: AppServices, undo: QUndoStack, events: DataEvents, parent=None) -> None:
        super().__init__(undo, events, parent)
        self.services = services
        self.service = services.situation
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.filter = self.search_box(_("Tìm theo nội dung, nguồn tin, người theo dõi… (Ctrl+F)"))
        self.village_filter = QComboBox()
        self.topic_filter = QComboBox()
        self.topic_filter.addItem(_("Mọi lĩnh vực"), None)
        for topic in Topic:
            self.topic_filter.addItem(topic.label, topic.value)
        self.level_filter = QComboBox()
        self.level_filter.addItem(_("Mọi mức độ"), None)
        for level in Level:
            self.level_filter.addItem(level.label, level.value)
        self.open_only = QCheckBox(_("Chỉ vụ việc chưa giải quyết"))
        for widget in (self.filter, self.village_filter, self.topic_filter, self.level_filter, self.open_only):
            bar.addWidget(widget, 2 if widget is self.filter else 0)
        layout.addLayout(bar)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)

        names = lambda: self._village_names
        self._village_names: dict[str, str] = {}
        self.model = RecordTableModel([
            Column(_("Ngày"), lambda n: short_date(n.noted_on), lambda n: n.noted_on),
            Column(_("Mức độ"), lambda n: Level(n.level).label,
                   lambda n: ["normal", "watch", "hot"].index(n.level)),
            Column(_("Nội dung"), lambda n: n.summary.splitlines()[0] if n.summary else "",
                   tooltip=lambda n: n.summary),
            Column(_("Thôn"), lambda n: names().get(n.village_id or "", _("Toàn xã"))),
            Column(_("Lĩnh vực"), lambda n: Topic(n.topic).label),
            Column(_("Giải quyết"), lambda n: short_date(n.resolved_on) if n.resolved else _("Chưa"),
                   lambda n: n.resolved_on.isoformat() if n.resolved_on else ""),
            Column(_("Theo dõi"), lambda n: n.follower),
        ], self)
        self.model.warn = lambda n: n.is_open_hot_spot
        self.model.muted = lambda n: n.resolved
        # no proxy: filtered and sorted in SQL (a proxy over 100 000 rows would map each of them on the GUI thread)
        self.table = record_table_view(self.model, row_numbers=True, stretch_last=False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)   # the text: wide, never the whole note
        self.table.setColumnWidth(2, 340)
        self.form = SituationForm()
        layout.addWidget(self.beside(self.form, (780, 380)), 1)

        # a filter typed or chosen, a header clicked: the first page and the count are read on the job runner
        # (100 000 notes), the list keeps its rows until they come (ListPage.read_list_later)
        self.filter.textChanged.connect(lambda _t: self.filter_changed())
        for combo in (self.village_filter, self.topic_filter, self.level_filter):
            combo.currentIndexChanged.connect(lambda _i: self.filter_changed())
        self.open_only.toggled.connect(lambda _c: self.filter_changed())
        self.wire(new=self.new_note, save=self.save, delete=self.delete_current, find=self.filter, form=self.form)
        self._counted: NoteFilter | None = None     # the filter the count on show is of
        self.model.sort_elsewhere = self._sort_elsewhere
        self.refresh()

    # -- loading ----------------------------------------------------------------------------
    def current_filter(self) -> NoteFilter:
        return NoteFilter(text=self.filter.text(), village_id=self.village_filter.currentData(),
                          topic=self.topic_filter.currentData(), level=self.level_filter.currentData(),
                          open_only=self.open_only.isChecked())

    def refresh(self) -> None:
        villages = [(v.id, v.label) for v in self.services.villages.list()]
        self._village_names = self.services.villages.names()
        self.form.set_villages(villages)
        current = self.village_filter.currentData()
        self.village_filter.blockSignals(True)
        self.village_filter.clear()
        self.village_filter.addItem(_("Mọi thôn"), None)
        for village_id, label in villages:
            self.village_filter.addItem(label, village_id)
        self.village_filter.setCurrentIndex(max(self.village_filter.findData(current), 0))
        self.village_filter.blockSignals(False)
        self.reload()

    def _first_read(self, flt: NoteFilter):
        """What the list shows first under `flt` in the header's order, read through `services` (either side)."""
        wanted, chunk = self._wanted(flt, *self.model.ordered_state()), self.model.CHUNK
        return lambda services: (services.situation.page(wanted, 0, chunk), services.situation.count(flt),
                                 services.situation.open_hot_spot_count())

    def reload(self, select_id: str | None = None) -> None:
        """The list read again on the GUI thread (after a save, a delete, an undo; on show)."""
        self.list_read_now()
        flt = self.current_filter()
        self._show_list(flt, self._first_read(flt)(self.services), select_id)

    def filter_changed(self) -> None:
        flt = self.current_filter()
        self.read_list_later(self._first_read(flt), lambda result: self._show_list(flt, result, keep=True))

    def _show_list(self, flt: NoteFilter, result: tuple, select_id: str | None = None, keep: bool = False) -> None:
        first, total, hot = result

        def ordered(column: int, descending: bool):
            # sorted in SQL: the first page in the header's order, every note in its place
            wanted = self._wanted(flt, column, descending)
            return lambda offset, limit: self.service.page(wanted, offset, limit)
        self.model.set_ordered_pager(ordered, first)
        self._show_count(flt, total, hot)
        if select_id and self.select(select_id) or keep and self._reselect_after_sort():
            return          # a filter changed: the note read stays selected when it is among the rows read
        self._shown = None
        self.form.load(None, self.services.today())

    def _show_count(self, flt: NoteFilter, total: int, hot: int) -> None:
        self._counted = flt
        self.count_label.setText(_("{n} ghi chép; {hot} điểm nóng chưa giải quyết").format(n=total, hot=hot))

    @staticmethod
    def _wanted(flt: NoteFilter, column: int, descending: bool) -> NoteFilter:
        return flt.ordered(ORDERS[column], descending) if 0 <= column < len(ORDERS) else flt

    def _sort_elsewhere(self, column: int, descending: bool) -> None:
        """A header click: every note's row id in the new order, then the first page by id, on the job runner
        (with the count, when a filter changed whose read this one supersedes)."""
        flt, chunk = self.current_filter(), self.model.CHUNK
        wanted, counted = self._wanted(flt, column, descending), flt == self._counted

        def load(services: AppServices) -> tuple:
            ids = services.situation.ordered_ids(wanted)
            count = None if counted else (services.situation.count(flt), services.situation.open_hot_spot_count())
            return ids, services.situation.by_ids(ids[:chunk]), count
        self.read_list_later(load, lambda result: self._sorted(flt, *result))

    def _sorted(self, flt: NoteFilter, ids: list[int], first: list, count: tuple | None) -> None:
        self.model.show_sorted(lambda offset, limit: self.service.by_ids(ids[offset:offset + limit]), first)
        if count is not None:
            self._show_count(flt, *count)

    def apply_filters(self, open_only: bool = False, level: str | None = None, **_ignored) -> None:
        """The dashboard's jump: e.g. open hot spots only; the list is read once, not once a filter."""
        for widget in (self.open_only, self.level_filter):
            widget.blockSignals(True)
        self.open_only.setChecked(open_only)
        self.level_filter.setCurrentIndex(max(self.level_filter.findData(level), 0))
        for widget in (self.open_only, self.level_filter):
            widget.blockSignals(False)
        self.filter_changed()

    def current_note(self) -> SituationNote | None:
        return self.current_record()

    def show_record(self, note: SituationNote | None) -> None:
        self.form.load(note, self.services.today())

    def show_changes(self, select_id: str | None = None) -> None:
        self.reload(select_id)          # the villages stay as they were: the list alone is read again

    # -- actions ----------------------------------------------------------------------------
    def new_note(self) -> None:
        self.start_new(self.form.summary)

    def save(self) -> None:
        self.save_record(lambda: self.service.save(self.form.note()),
                         lambda saved: _("Đã lưu ghi chép ngày {date}.").format(date=short_date(saved.noted_on)))

    def delete_current(self) -> None:
        note = self.current_note()
        if note is None:
            return
        self.delete_with_undo(
            note, title=_("Xóa ghi chép"),
            question=_("Xóa ghi chép tình hình ngày {day}? Có thể hoàn tác bằng Ctrl+Z.").format(
                day=note.noted_on.strftime("%d/%m/%Y")),
            undo_text=_("Xóa ghi chép tình hình"), done=_("Đã xóa ghi chép. Nhấn Ctrl+Z để hoàn tác."),
            delete=lambda: self.service.delete(note.id), restore=lambda: self.service.restore(note.id))


class HotSpotSection(QWidget):
    """Dashboard: hot spots until they are resolved; a click opens the filtered log."""

    def __init__(self, services: AppServices, navigate, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        layout = QVBoxLayout(self)
        self.title = QLabel()
        set_role(self.title, "section")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.open_button = QPushButton(_("Mở danh sách điểm nóng"))
        self.open_button.clicked.connect(lambda: navigate("situation", open_only=True, level="hot"))
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)

    def load(self, services: AppServices) -> tuple:
        # the card shows six; the title counts them all
        return (services.situation.open_hot_spots(limit=6), services.villages.names(),
                services.situation.open_hot_spot_count())

    def refresh(self) -> None:
        self.show_figures(self.load(self.services))

    def show_figures(self, data: tuple) -> None:
        spots, names, count = data
        self.title.setText(_("Điểm nóng chưa giải quyết: {n}").format(n=count))
        set_tone(self.title, "bad" if spots else "ok")
        lines = [_("• {date} — {place}: {text}").format(date=short_date(n.noted_on),
                                                        place=names.get(n.village_id or "", _("Toàn xã")),
                                                        text=n.summary.splitlines()[0]) for n in spots[:6]]
        self.body.setText("\n".join(lines) if lines else _("Không có điểm nóng nào đang theo dõi."))
        self.open_button.setVisible(bool(spots))


def _factory(ctx: PageContext) -> QWidget:
    return SituationPage(ctx.services, ctx.undo, ctx.events)
