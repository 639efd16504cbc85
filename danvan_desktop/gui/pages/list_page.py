"""The controller the list pages share: a table with its filter, the record's form beside it, the keys,
the selection a save leaves, and a delete that asks first and can be undone.

A page builds its own model, proxy (or none, for a list paged in SQL), table and form (a RecordForm, or
an editor), then calls `beside` and `wire`. It supplies:
- `show_record(record)`: load one row's record (or None: a new one) into the form;
- `refresh(select_id=None)`: read the list again and select `select_id` (or load a blank form);
  a page whose "read again" is lighter overrides `show_changes` instead;
- `CHANGED`: the table told to the other pages after a change (DataEvents.changed);
- its actions, written with `save_record` and `delete_with_undo` where they are the plain kind.
Keys: Ctrl+F the filter, Ctrl+S save, Ctrl+N new (on the page), Delete (on the table only).

A list paged in SQL over 100 000 rows reads a filter's (or a header's) first page and count off the GUI
thread: `read_list_later(load, show)` runs `load(services)` on the job runner (gui/background_reader.py)
and hands its result to `show` on the GUI thread; the list keeps its old rows until then. Only the latest
read is shown: one asked later, or a read of the list on the GUI thread (`list_read_now`, after a save),
supersedes any still under way. `busy` is true until the latest is on show.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QLineEdit, QSplitter, QWidget

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui.events import DataEvents
from danvan_desktop.gui.undo import ServiceCommand, push_done
from danvan_desktop.gui.widgets.confirm import confirm


class ListPage(QWidget):
    CHANGED = ""

    def __init__(self, undo: QUndoStack | None, events: DataEvents | None, parent=None) -> None:
        super().__init__(parent)
        self.undo, self.events = undo, events
        self.proxy = None       # a page filtering in Qt sets its FoldedFilterProxy here
        self.list_reader = None      # made on the first read off the GUI thread (read_list_later)
        self._list_reads = 0    # the ticket of the latest read of the list asked for

    # -- building --------------------------------------------------------------------------------
    @staticmethod
    def search_box(placeholder: str) -> QLineEdit:
        box = QLineEdit()
        box.setPlaceholderText(placeholder)
        box.setClearButtonEnabled(True)
        return box

    def beside(self, form: QWidget, sizes: tuple[int, int] | None = None, stretch: tuple[int, int] = (3, 2),
               collapsible: bool = True) -> QSplitter:
        """The table on the left, `form` on the right; the page adds the splitter to its layout."""
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(form)
        splitter.setStretchFactor(0, stretch[0])
        splitter.setStretchFactor(1, stretch[1])
        if not collapsible:
            splitter.setChildrenCollapsible(False)
        if sizes:
            splitter.setSizes(list(sizes))
        return splitter

    def wire(self, *, new: Callable[[], Any] | None, save: Callable[[], Any] | None = None,
             delete: Callable[[], Any] | None = None, find: QWidget | None = None, form: QWidget | None = None,
             keys: bool = True) -> None:
        """The row shown follows the table's current row; `form`'s three requests run save, new and delete;
        with `keys`, Ctrl+F focuses `find`, Ctrl+S saves, Ctrl+N starts a new record, Delete (in the table) deletes."""
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        if hasattr(self.model, "resorted"):
            self.model.resorted.connect(self._reselect_after_sort)
        if form is not None:
            for signal, slot in ((form.save_requested, save), (form.new_requested, new),
                                 (form.delete_requested, delete)):
                if slot is not None:
                    signal.connect(slot)
        if not keys:
            return
        if find is not None:
            QShortcut(QKeySequence.StandardKey.Find, self, find.setFocus)
        if save is not None:
            QShortcut(QKeySequence.StandardKey.Save, self, save)
        if new is not None:
            QShortcut(QKeySequence.StandardKey.New, self, new)
        if delete is not None:
            shortcut = QShortcut(QKeySequence.StandardKey.Delete, self.table, delete)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    # -- reading ---------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A read of the list is under way off the GUI thread (the rows on show are still the old ones)."""
        return self.list_reader is not None and self.list_reader.busy

    def read_list_later(self, load: Callable[[Any], Any], show: Callable[[Any], None]) -> None:
        """`load(services)` on the job runner, then `show(result)` here, unless a later read superseded it."""
        if self.list_reader is None:
            from danvan_desktop.gui.background_reader import BackgroundReader
            self.list_reader = BackgroundReader(self.services, self)
            self.list_reader.loaded.connect(self._list_read)
        self._list_reads += 1
        ticket = self._list_reads
        self.list_reader.request(lambda services: (ticket, show, load(services)))

    def list_read_now(self) -> None:
        """The list is read on the GUI thread now: what a read under way brings back is out of date."""
        self._list_reads += 1

    def _list_read(self, result: tuple) -> None:
        ticket, show, value = result
        if ticket == self._list_reads:
            show(value)

    def row_at(self, index: QModelIndex) -> Any:
        if not index.isValid():
            return None
        return (self.proxy if self.proxy is not None else self.model).row_object(index.row())

    def current_record(self) -> Any:
        return self.row_at(self.table.currentIndex())

    def select(self, record_id: str, key: Callable[[Any], str] = lambda r: r.id) -> bool:
        """Make the row of `record_id` current and scroll to it; False when the filters hide it."""
        row = self.model.find_row(lambda r: key(r) == record_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        if self.proxy is not None:
            index = self.proxy.mapFromSource(index)
            if not index.isValid():
                return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def show_record(self, record: Any) -> None:
        raise NotImplementedError

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._shown = self.row_at(current)
        self.show_record(self._shown)

    def _reselect_after_sort(self) -> bool:
        """A list sorted in SQL was read again from its first page (a new order or a new filter): the record in
        the form stays selected when it is among the rows read (none is fetched to find it); the form is not
        loaded again (nothing typed is lost), as when a list sorted on the screen keeps its selection."""
        shown = getattr(self, "_shown", None)
        if shown is None:
            return False
        wanted = getattr(shown, "id", None)
        for row, obj in enumerate(self.model.rows()):
            if obj is shown or (wanted is not None and getattr(obj, "id", None) == wanted):
                index = self.model.index(row, 0)
                if self.proxy is not None:
                    index = self.proxy.mapFromSource(index)
                selection = self.table.selectionModel()
                blocked = selection.blockSignals(True)
                self.table.setCurrentIndex(index)
                self.table.selectRow(index.row())
                selection.blockSignals(blocked)
                self._shown = obj
                self.table.viewport().update()
                return True
        return False

    # -- writing ---------------------------------------------------------------------------------
    def start_new(self, focus: QWidget) -> None:
        """A blank form, no row selected and none current (Delete then touches no row), the cursor in
        the form's first field."""
        self.table.clearSelection()
        self.table.setCurrentIndex(self.table.model().index(-1, -1))
        self.show_record(None)
        focus.setFocus()

    def show_changes(self, select_id: str | None = None) -> None:
        self.refresh(select_id)

    def announce(self) -> None:
        if self.events is not None:
            self.events.changed.emit(self.CHANGED)

    def after_undo(self) -> None:
        self.show_changes()
        self.announce()

    def save_record(self, save: Callable[[], Any], done: Callable[[Any], str]) -> Any:
        """Run `save` (it reads the form and calls the service); a RuleError is said under the form and
        nothing else happens. Saved: the list is read again with the saved row selected, `done(saved)` said."""
        try:
            saved = save()
        except RuleError as exc:
            self.form.show_error(exc)
            return None
        self.show_changes(saved.id)
        self.form.show_done(done(saved))
        self.announce()
        return saved

    def delete_with_undo(self, record: Any, *, title: str, question: str, undo_text: str, done: str,
                         delete: Callable[[], Any], restore: Callable[[], Any]) -> bool:
        """Ask (`question`, the button "Xóa"), delete, and put the inverse on the undo stack (Ctrl+Z)."""
        if record is None or not confirm(self, title, question, _("Xóa")):
            return False
        delete()
        push_done(self.undo, ServiceCommand(undo_text, do=delete, undo=restore, after=self.after_undo))
        self.show_changes()
        self.form.show_done(done)
        self.announce()
        return True
