"""Taking the minutes: agenda items, what each speaker said, the conclusions — keyboard only, saved as you type.

Ctrl+Enter adds the next item, Ctrl+PgDown/PgUp moves between items, Ctrl+L inserts a speaker
("Đồng chí …, <post>: "), Tab goes from the discussion to the conclusions. Edits are saved by
themselves a moment after the typing stops, and at once when the item or page changes.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.meetings import AgendaItem, AttendanceEntry, Conclusion
from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui.widgets.confirm import confirm
from danvan_desktop.gui.widgets.flow_layout import FlowLayout
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.services.meetings.service import MeetingService

AUTOSAVE_MS = 800


class MinutesEditor(QWidget):
    saved = Signal()
    give_task_requested = Signal(str)         # a conclusion id
    open_task_requested = Signal(str)         # a task id

    def __init__(self, service: MeetingService, parent=None) -> None:
        super().__init__(parent)
        self.service = service
        self.meeting_id = ""
        self.read_only = False
        self.items: list[AgendaItem] = []
        self.current: AgendaItem | None = None
        self.attendees: list[AttendanceEntry] = []
        self._dirty = False
        self._loading = False
        self.task_labels: dict[str, str] = {}   # task id → "Đang thực hiện 40%" (filled by the page)
        self.tasks_enabled = False              # set by the page when the task service is there
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.flush)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(_("Nội dung họp")))
        self.list = QListWidget()
        self.list.setWordWrap(True)
        left_layout.addWidget(self.list, 1)
        buttons = FlowLayout()      # wraps when the list is narrow, rather than cut the words
        self.add_button = QPushButton(_("Thêm"))
        self.add_button.setToolTip(_("Thêm nội dung tiếp theo (Ctrl+Enter)"))
        self.up_button = QPushButton("↑")
        self.down_button = QPushButton("↓")
        self.delete_button = QPushButton(_("Xóa"))
        self.up_button.setToolTip(_("Chuyển lên"))
        self.down_button.setToolTip(_("Chuyển xuống"))
        for b in (self.add_button, self.up_button, self.down_button, self.delete_button):
            buttons.addWidget(b)
        left_layout.addLayout(buttons)

        right = QWidget()
        form = QFormLayout(right)
        self.title = QLineEdit()
        self.title.setPlaceholderText(_("tên nội dung, ví dụ: Đánh giá công tác dân vận tháng 10"))
        self.presenter = QLineEdit()
        self.presenter.setPlaceholderText(_("người trình bày (không bắt buộc)"))
        self.discussion = QPlainTextEdit()
        self.discussion.setPlaceholderText(_("Diễn biến: mỗi ý kiến một dòng, ví dụ «Đồng chí Nguyễn Thị Hương: …». "
                                             "Ctrl+L chèn tên người phát biểu."))
        self.discussion.setTabChangesFocus(True)
        self.conclusions = QPlainTextEdit()
        self.conclusions.setPlaceholderText(_("Kết luận của chủ trì: mỗi kết luận một dòng."))
        self.conclusions.setTabChangesFocus(True)
        self.conclusions.setFixedHeight(110)
        self.tasks = QListWidget()
        self.tasks.setWordWrap(True)
        self.tasks.setFixedHeight(90)
        self.give_button = QPushButton(_("Giao thành nhiệm vụ (Ctrl+G)"))
        self.give_button.setEnabled(False)
        self.open_task_button = QPushButton(_("Mở ở trang Nhiệm vụ"))
        self.open_task_button.setEnabled(False)
        form.addRow(_("Nội dung"), self.title)
        form.addRow(_("Trình bày"), self.presenter)
        form.addRow(_("Diễn biến"), self.discussion)
        form.addRow(_("Kết luận"), self.conclusions)
        tasks_row = QVBoxLayout()
        tasks_row.addWidget(self.tasks)
        task_buttons = FlowLayout()
        task_buttons.addWidget(self.give_button)
        task_buttons.addWidget(self.open_task_button)
        tasks_row.addLayout(task_buttons)
        form.addRow(_("Giao việc"), tasks_row)
        self.status = FormStatus()
        form.addRow(self.status)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([230, 700])
        left.setMinimumWidth(160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.list.currentRowChanged.connect(self._on_row_changed)
        for line in (self.title, self.presenter):
            line.textEdited.connect(self._mark_dirty)
        for box in (self.discussion, self.conclusions):
            box.textChanged.connect(self._mark_dirty)
        self.title.returnPressed.connect(self.presenter.setFocus)
        self.presenter.returnPressed.connect(self.discussion.setFocus)
        self.add_button.clicked.connect(self.add_item)
        self.delete_button.clicked.connect(self.delete_item)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.give_button.clicked.connect(self._give_selected)
        self.open_task_button.clicked.connect(self._open_selected)
        self.tasks.currentRowChanged.connect(lambda _r: self._update_give_button())
        for keys, slot in ((QKeySequence("Ctrl+Return"), self.add_item), (QKeySequence("Ctrl+Enter"), self.add_item),
                           (QKeySequence("Ctrl+PgDown"), lambda: self.step(1)),
                           (QKeySequence("Ctrl+PgUp"), lambda: self.step(-1)),
                           (QKeySequence("Ctrl+L"), self.insert_speaker),
                           (QKeySequence("Ctrl+G"), self._give_selected)):
            shortcut = QShortcut(keys, self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- loading ----------------------------------------------------------------------------
    def load(self, meeting_id: str, read_only: bool, attendees: list[AttendanceEntry]) -> None:
        self.flush()
        self.meeting_id, self.read_only, self.attendees = meeting_id, read_only, attendees
        names = [e.member_name for e in attendees]
        completer = QCompleter(names, self.presenter)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.presenter.setCompleter(completer)
        for widget in (self.title, self.presenter):
            widget.setReadOnly(read_only)
        for box in (self.discussion, self.conclusions):
            box.setReadOnly(read_only)
        for button in (self.add_button, self.up_button, self.down_button, self.delete_button):
            button.setEnabled(not read_only)
        self.reload()

    def reload(self, select_id: str | None = None) -> None:
        keep = select_id or (self.current.id if self.current else None)
        self.items = self.service.items(self.meeting_id) if self.meeting_id else []
        self._loading = True
        self.list.clear()
        for item in self.items:
            self.list.addItem(QListWidgetItem(self._label(item)))
        self._loading = False
        row = next((i for i, it in enumerate(self.items) if it.id == keep), 0 if self.items else -1)
        self.current = None
        self.list.setCurrentRow(row)
        if row < 0:
            self._show(None)

    @staticmethod
    def _label(item: AgendaItem) -> str:
        return f"{item.position}. {item.title or _('(chưa đặt tên)')}"

    def _on_row_changed(self, row: int) -> None:
        if self._loading:
            return
        self.flush()
        self._show(self.items[row] if 0 <= row < len(self.items) else None)

    def _show(self, item: AgendaItem | None) -> None:
        self._loading = True
        self.current = item
        self.title.setText(item.title if item else "")
        self.title.setCursorPosition(0)
        self.presenter.setText(item.presenter if item else "")
        self.discussion.setPlainText(item.discussion if item else "")
        rows = self.service.conclusions_repo.of_item(item.id) if item else []
        self.conclusions.setPlainText("\n".join(c.text for c in rows))
        self._loading = False
        self._dirty = False
        self._show_tasks(rows)

    def _show_tasks(self, rows: list[Conclusion]) -> None:
        self.tasks.clear()
        for conclusion in rows:
            state = self.task_labels.get(conclusion.task_id, _("đã giao")) if conclusion.task_id else _("chưa giao")
            entry = QListWidgetItem(f"[{state}] {conclusion.position}. {conclusion.text}")
            entry.setData(Qt.ItemDataRole.UserRole, conclusion.id)
            entry.setData(Qt.ItemDataRole.UserRole + 1, conclusion.task_id)
            self.tasks.addItem(entry)
        if rows:
            self.tasks.setCurrentRow(next((i for i, c in enumerate(rows) if not c.task_id), 0))
        self._update_give_button()

    def _update_give_button(self) -> None:
        item = self.tasks.currentItem()
        task_id = item.data(Qt.ItemDataRole.UserRole + 1) if item is not None else ""
        self.give_button.setEnabled(self.can_give_tasks() and item is not None and not task_id)
        self.open_task_button.setEnabled(self.can_give_tasks() and bool(task_id))

    def _open_selected(self) -> None:
        item = self.tasks.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole + 1):
            self.open_task_requested.emit(item.data(Qt.ItemDataRole.UserRole + 1))

    def can_give_tasks(self) -> bool:
        return self.tasks_enabled

    # -- saving -----------------------------------------------------------------------------
    def _mark_dirty(self, *_args) -> None:
        if self._loading or self.read_only or self.current is None:
            return
        self._dirty = True
        self.timer.start()

    def flush(self) -> bool:
        """Save what was typed, if anything; True when nothing is left unsaved."""
        self.timer.stop()
        if not self._dirty or self.current is None or self.read_only:
            return True
        item = self.current
        item.title, item.presenter = self.title.text(), self.presenter.text()
        item.discussion = self.discussion.toPlainText()
        try:
            saved = self.service.save_item(item)
            rows = self.service.set_conclusions(item.id, self.conclusions.toPlainText())
        except RuleError as exc:
            self.status.error(str(exc))
            return False
        self._dirty = False
        self.current = saved
        index = next((i for i, it in enumerate(self.items) if it.id == saved.id), -1)
        if index >= 0:
            self.items[index] = saved
            self.list.item(index).setText(self._label(saved))
        self._show_tasks(rows)
        self.status.ok(_("Đã tự lưu lúc {time}.").format(time=dt.datetime.now().strftime("%H:%M:%S")))
        self.saved.emit()
        return True

    # -- actions ----------------------------------------------------------------------------
    def add_item(self) -> None:
        if self.read_only or not self.meeting_id:
            return
        if not self.flush():
            return
        after = self.current.position if self.current else None
        try:
            item = self.service.add_item(self.meeting_id, after_position=after)
        except RuleError as exc:
            self.status.error(str(exc))
            return
        self.reload(item.id)
        self.title.setFocus()

    def delete_item(self) -> None:
        if self.read_only or self.current is None:
            return
        filled = self.current.title.strip() or self.discussion.toPlainText().strip() or \
            self.conclusions.toPlainText().strip()          # an empty item goes without a question
        if filled and not confirm(self, _("Xóa nội dung họp"), _("Xóa nội dung «{title}» cùng diễn biến và kết luận "
                                                                 "của nó?").format(title=self.current.title), _("Xóa")):
            return
        self.timer.stop()
        self._dirty = False
        title = self.current.title
        try:
            self.service.delete_item(self.current.id)
        except RuleError as exc:
            self.status.error(str(exc))
            return
        self.current = None
        self.reload()
        self.status.ok(_("Đã xóa nội dung «{title}».").format(title=title or "…"))
        self.saved.emit()

    def move_item(self, delta: int) -> None:
        if self.read_only or self.current is None or not self.flush():
            return
        self.service.move_item(self.current.id, delta)
        self.reload(self.current.id)

    def step(self, delta: int) -> None:
        row = self.list.currentRow() + delta
        if 0 <= row < self.list.count():
            self.list.setCurrentRow(row)
            self.discussion.setFocus()

    def speaker_prefix(self, entry: AttendanceEntry) -> str:
        return _("Đồng chí {name}, {post}: ").format(name=entry.member_name, post=entry.member_post) \
            if entry.member_post else _("Đồng chí {name}: ").format(name=entry.member_name)

    def choose_speaker(self, present: list[AttendanceEntry]) -> AttendanceEntry | None:
        """A menu of those present at the cursor; arrows and Enter pick one."""
        menu = QMenu(self)
        for entry in present:
            action = menu.addAction(entry.member_name)
            action.setData(entry.id)
        chosen = menu.exec(self.discussion.mapToGlobal(self.discussion.cursorRect().bottomLeft()))
        if chosen is None:
            return None
        return next((e for e in present if e.id == chosen.data()), None)

    def insert_speaker(self) -> None:
        if self.read_only or self.current is None:
            return
        entry = self.choose_speaker([e for e in self.attendees if e.presence.attended])
        if entry is None:
            return
        cursor = self.discussion.textCursor()
        if cursor.positionInBlock() > 0:
            cursor.insertBlock()
        cursor.insertText(self.speaker_prefix(entry))
        self.discussion.setTextCursor(cursor)
        self.discussion.setFocus()

    def _give_selected(self) -> None:
        item = self.tasks.currentItem()
        if item is None or not self.can_give_tasks() or not self.flush():
            return
        if item.data(Qt.ItemDataRole.UserRole + 1):
            return
        self.give_task_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def refresh_tasks(self) -> None:
        if self.current is not None:
            self._show_tasks(self.service.conclusions_repo.of_item(self.current.id))
