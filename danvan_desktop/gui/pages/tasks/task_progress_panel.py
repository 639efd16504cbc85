"""The task's progress: each village's share (status, date done) and the dated notes with their figures."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.formats import number, short_date
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.tasks import FIGURES, ProgressNote, TaskStatus, label_of
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.gui.models.record_table_model import Column, RecordTableModel
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.gui.widgets.record_table_view import record_table_view
from danvan_desktop.services.tasks.service import VillageTracking


def figures_text(figures: dict[str, float]) -> str:
    return "; ".join(f"{label_of(FIGURES, code)}: {number(figures[code])}" for code, _l in FIGURES if code in figures)


class TaskProgressPanel(QWidget):
    add_requested = Signal()
    done_requested = Signal()
    delete_note_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._names: dict[str, str] = {}
        self._today = vietnam_today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tracking_model = RecordTableModel([
            Column(_("Thôn"), lambda t: t.village_name),
            Column(_("Trạng thái"), lambda t: t.status.label),
            Column(_("Ngày xong"), lambda t: short_date(t.done_on)),
            Column(_("Kết quả"), lambda t: len(t.notes), align_right=True),
        ], self)
        self.tracking_model.warn = lambda t: t.status is TaskStatus.OVERDUE
        self.tracking_model.muted = lambda t: t.status in (TaskStatus.DONE, TaskStatus.CANCELLED)
        self.tracking = record_table_view(self.tracking_model, sortable=False)
        self.tracking.setMaximumHeight(170)
        layout.addWidget(self.tracking)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("Ghi kết quả…"))
        self.done_button = QPushButton(_("Đánh dấu hoàn thành"))
        self.delete_button = QPushButton(_("Xóa kết quả"))
        for b in (self.add_button, self.done_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.notes_model = RecordTableModel([
            Column(_("Ngày, thôn"), lambda n: short_date(n.noted_on) + "\n" + (
                self._names.get(n.village_id, _("Cả nhiệm vụ")) if n.village_id else _("Cả nhiệm vụ"))),
            Column(_("Kết quả"), lambda n: ("★ " if n.highlight else "") + n.result
                   + (("\n" + figures_text(n.figures)) if n.figures else "")),
        ], self)
        self.notes = record_table_view(self.notes_model, sortable=False)
        self.notes.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.notes, 1)
        self.status = FormStatus()
        layout.addWidget(self.status)
        self.add_button.clicked.connect(self.add_requested)
        self.done_button.clicked.connect(self.done_requested)
        self.delete_button.clicked.connect(self.delete_note_requested)
        self.tracking.selectionModel().currentRowChanged.connect(lambda _c, _p: self._sync_buttons())
        self.notes.selectionModel().currentRowChanged.connect(lambda _c, _p: self._sync_buttons())
        self.load(None, [], [], {}, vietnam_today())

    def load(self, task, tracking: list[VillageTracking], notes: list[ProgressNote], names: dict[str, str],
             today: dt.date) -> None:
        self._names, self._today, self._task = names, today, task
        self.tracking_model.set_rows(tracking)
        self.notes_model.set_rows(notes)
        self.tracking.setVisible(bool(tracking))
        if task is None:
            self.summary.setText(_("Chọn một nhiệm vụ trong danh sách để xem và ghi kết quả."))
        elif tracking:
            done = sum(1 for t in tracking if t.status is TaskStatus.DONE)
            late = sum(1 for t in tracking if t.status is TaskStatus.OVERDUE)
            text = _("{done}/{total} thôn đã hoàn thành.").format(done=done, total=len(tracking))
            if late:
                text += " " + _("{n} thôn quá hạn.").format(n=late)
            self.summary.setText(text)
        else:
            self.summary.setText(_("Nhiệm vụ giao cho thành viên khối: {status}.").format(
                status=task.status_on(today).label))
        self.status.clear_status()
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        has_task = getattr(self, "_task", None) is not None
        self.add_button.setEnabled(has_task)
        self.done_button.setEnabled(has_task)
        self.delete_button.setEnabled(has_task and self.notes.currentIndex().isValid())
        village = self.selected_village()
        self.done_button.setText(_("Thôn này hoàn thành") if village else _("Đánh dấu hoàn thành"))

    def selected_village(self) -> str | None:
        index = self.tracking.currentIndex()
        if not index.isValid() or self.tracking.isHidden():
            return None
        return self.tracking_model.row_object(index.row()).village_id

    def selected_note(self) -> ProgressNote | None:
        index = self.notes.currentIndex()
        return self.notes_model.row_object(index.row()) if index.isValid() else None
