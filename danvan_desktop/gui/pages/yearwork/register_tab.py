"""The register of documents tab: incoming directives (typed) and what the bloc issued (from its own
reports, minutes and plans), searchable without accents; a directive can be given as a task."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.formats import short_date
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.yearwork import Direction, RegisteredDocument
from danvan_desktop.gui.models.record_table_model import Column, RecordTableModel
from danvan_desktop.gui.pages.list_page import ListPage
from danvan_desktop.gui.widgets.date_field import DateField
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.gui.widgets.record_table_view import record_table_view


class RegisterTab(ListPage):
    """A list page without keys of its own (a tab of the year's work); the search runs in the service."""
    CHANGED = "document_register"

    def __init__(self, services, work, events, parent=None) -> None:
        super().__init__(None, events, parent)
        self.services, self.work = services, work
        self.current: RegisteredDocument | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = self.search_box(_("Tìm theo số, cơ quan ban hành, trích yếu (gõ không dấu cũng được)"))
        self.direction = QComboBox()
        self.direction.addItem(_("Tất cả"), None)
        for d in Direction:
            self.direction.addItem(d.label, d.value)
        top.addWidget(self.search, 1)
        top.addWidget(self.direction)
        layout.addLayout(top)
        self.model = RecordTableModel([
            Column(_("Đến/đi"), lambda r: Direction(r.direction).label),
            Column(_("Ngày"), lambda r: short_date(r.doc_date), lambda r: r.doc_date),
            Column(_("Số, ký hiệu"), lambda r: r.number),
            Column(_("Loại"), lambda r: r.kind),
            Column(_("Cơ quan ban hành"), lambda r: r.issuer),
            Column(_("Trích yếu"), lambda r: r.subject),
        ], self)
        self.table = record_table_view(self.model)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        box = QWidget()
        form = QFormLayout(box)
        self.number = QLineEdit()
        self.kind = QComboBox()
        self.kind.setEditable(True)
        for word in (_("Kết luận"), _("Chỉ thị"), _("Nghị quyết"), _("Kế hoạch"), _("Hướng dẫn"), _("Công văn"),
                     _("Quyết định"), _("Thông báo")):
            self.kind.addItem(word)
        self.doc_date = DateField(optional=False)
        self.received_on = DateField()
        self.issuer = QLineEdit()
        self.subject = QLineEdit()
        self.file_path = QLineEdit()
        form.addRow(_("Số, ký hiệu"), self.number)
        form.addRow(_("Loại văn bản"), self.kind)
        form.addRow(_("Ngày ban hành"), self.doc_date)
        form.addRow(_("Ngày nhận"), self.received_on)
        form.addRow(_("Cơ quan ban hành"), self.issuer)
        form.addRow(_("Trích yếu"), self.subject)
        form.addRow(_("Tệp đính kèm"), self.file_path)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(_("Lưu văn bản đến"))
        self.new_button = QPushButton(_("Thêm văn bản đến"))
        self.task_button = QPushButton(_("Giao thành nhiệm vụ"))
        for b in (self.save_button, self.new_button, self.task_button):
            buttons.addWidget(b)
        form.addRow(buttons)
        self.status = FormStatus()
        form.addRow(self.status)
        box.setMaximumWidth(440)
        layout.addWidget(self.beside(box), 1)
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.direction.currentIndexChanged.connect(lambda _i: self.refresh())
        self.save_button.clicked.connect(self.save)
        self.new_button.clicked.connect(lambda: self.load(None))
        self.task_button.clicked.connect(self.give_task)
        self.wire(new=None, keys=False)
        self.refresh()

    def show_record(self, line) -> None:
        self.load(line.record if line is not None else None)

    def refresh(self) -> None:
        self.model.set_rows(self.work.register.lines(self.direction.currentData(), self.search.text()))
        self.load(None)

    def load(self, doc: RegisteredDocument | None) -> None:
        self.current = doc
        d = doc or RegisteredDocument(doc_date=self.services.today())
        self.number.setText(d.number)
        self.kind.setCurrentText(d.kind)
        self.doc_date.set_value(d.doc_date)
        self.received_on.set_value(d.received_on)
        self.issuer.setText(d.issuer)
        self.subject.setText(d.subject)
        self.file_path.setText(d.file_path)
        self.task_button.setEnabled(doc is not None and doc.direction == Direction.INCOMING.value)
        self.status.clear_status()

    def save(self) -> None:
        d = self.current or RegisteredDocument()
        d.number, d.kind, d.issuer = self.number.text(), self.kind.currentText(), self.issuer.text()
        d.doc_date, d.received_on = self.doc_date.value(), self.received_on.value()
        d.subject, d.file_path = self.subject.text(), self.file_path.text()
        try:
            self.work.register.save(d)
        except RuleError as exc:
            self.status.error(str(exc))
            return
        self.refresh()
        self.status.ok(_("Đã lưu văn bản số {number}.").format(number=d.number))
        self.announce()

    def give_task(self) -> None:
        if self.current is None:
            return
        today = self.services.today()
        head = next((m for m in self.services.roster.current(today) if m.bloc_role == "head"), None)
        try:
            task = self.work.register.tasks_from(self.current.id, self.services.tasks,
                                                 member_ids=[head.id] if head else [],
                                                 responsible_id=head.id if head else None,
                                                 start_date=today, due_date=today + dt.timedelta(days=30))
        except RuleError as exc:
            self.status.error(str(exc))
            return
        self.status.ok(_("Đã giao nhiệm vụ «{title}»; sửa người thực hiện và hạn ở trang Nhiệm vụ.").format(
            title=task.title))
        self.events.changed.emit("tasks")
