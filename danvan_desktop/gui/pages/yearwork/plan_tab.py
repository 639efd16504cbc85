"""The annual plan tab: the year's items with their progress, the item form, approval and printing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.tasks import TaskStatus
from danvan_desktop.domain.yearwork import field_label, months_text, party_short_date
from danvan_desktop.gui.models.record_table_model import Column, RecordTableModel
from danvan_desktop.gui.pages.list_page import ListPage
from danvan_desktop.gui.pages.yearwork.plan_item_form import PlanItemForm
from danvan_desktop.gui.widgets.date_field import DateField
from danvan_desktop.gui.widgets.dialog_buttons import action_buttons
from danvan_desktop.gui.widgets.record_table_view import record_table_view


class ApprovalDialog(QDialog):
    def __init__(self, today, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Ghi phê duyệt của Đảng ủy"))
        form = QFormLayout(self)
        self.decision = QLineEdit()
        self.decision.setPlaceholderText(_("Quyết định số 25-QĐ/ĐU"))
        self.day = DateField(optional=False)
        self.day.set_value(today)
        form.addRow(_("Số quyết định"), self.decision)
        form.addRow(_("Ngày phê duyệt"), self.day)
        form.addRow(action_buttons(self, _("Ghi phê duyệt")))


class PlanTab(ListPage):
    """A list page without keys of its own (it is one tab of the year's work; the buttons say what to do)."""
    CHANGED = "annual_plans"

    def __init__(self, services, work, events, parent=None) -> None:
        super().__init__(None, events, parent)
        self.services, self.work = services, work
        self.plan = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(services.today().year)
        self.year.setPrefix(_("Năm "))
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.create_button = QPushButton(_("Lập kế hoạch năm"))
        self.approve_button = QPushButton(_("Ghi phê duyệt…"))
        self.pdf_button = QPushButton(_("Xuất PDF…"))
        self.due_button = QPushButton(_("Giao việc đến tháng"))
        top.addWidget(self.year)
        top.addStretch(1)
        for button in (self.create_button, self.approve_button, self.due_button, self.pdf_button):
            top.addWidget(button)
        layout.addLayout(top)
        layout.addWidget(self.state)
        self.model = RecordTableModel([
            Column(_("TT"), lambda r: r[0], align_right=True),
            Column(_("Nội dung công việc"), lambda r: r[1].item.content),
            Column(_("Tình hình"), lambda r: r[1].state.label),
            Column(_("Người phụ trách"), lambda r: self._owners.get(r[1].item.owner_id, "")),
            Column(_("Thời gian"), lambda r: months_text(r[1].item.months), lambda r: r[1].item.months),
            Column(_("Lĩnh vực"), lambda r: field_label(r[1].item.field)),
        ], self)
        self.model.warn = lambda r: r[1].state is TaskStatus.OVERDUE
        self.model.muted = lambda r: r[1].state is TaskStatus.DONE
        self.table = record_table_view(self.model)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(1, 300)
        self.form = PlanItemForm()
        self.form.setMaximumWidth(470)
        layout.addWidget(self.beside(self.form, (700, 420)), 1)
        self._owners: dict[str, str] = {}
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.create_button.clicked.connect(self.create_plan)
        self.approve_button.clicked.connect(self.ask_approval)
        self.pdf_button.clicked.connect(self.ask_pdf)
        self.due_button.clicked.connect(self.bring_due)
        self.wire(new=self.new_item, save=self.save_item, delete=self.delete_item, form=self.form, keys=False)
        self.form.done_requested.connect(self.record_done)
        self.refresh()

    # -- reading ----------------------------------------------------------------------------
    def refresh(self, select_id: str | None = None) -> None:
        today = self.services.today()
        members = self.services.roster.current(today)
        self._owners = {m.id: m.full_name for m in self.services.roster.all_terms()}
        self.form.set_choices([(m.id, m.full_name) for m in members],
                              [(v.id, v.name) for v in self.services.villages.list()])
        self.plan = self.work.plans.plan(self.year.value())
        rows = list(enumerate(self.work.plans.progress(self.plan.id), start=1)) if self.plan else []
        self.model.set_rows(rows)
        self._show_state(len(rows))
        if select_id and self.select(select_id, key=lambda r: r[1].item.id):
            return
        self.show_record(None)

    def _locked(self) -> bool:
        return self.plan is None or self.plan.locked

    def _show_state(self, n: int) -> None:
        plan = self.plan
        self.create_button.setEnabled(plan is None)
        self.approve_button.setEnabled(plan is not None and not plan.locked)
        self.pdf_button.setEnabled(plan is not None)
        self.due_button.setEnabled(plan is not None and plan.locked)
        if plan is None:
            self.state.setText(_("Chưa có kế hoạch năm {year}.").format(year=self.year.value()))
            return
        done, total = self.work.plans.completion(plan.year)
        if plan.locked:
            self.state.setText(_("Đã được Đảng ủy phê duyệt: {decision} ngày {date}. Hoàn thành {done}/{total} "
                                 "nội dung.").format(decision=plan.approval_decision,
                                                     date=party_short_date(plan.approved_on), done=done, total=total))
            self.state.setStyleSheet("color:#1e6b35; font-weight:bold;")
        else:
            self.state.setText(_("Dự thảo: {n} nội dung, chưa trình Đảng ủy phê duyệt.").format(n=n))
            self.state.setStyleSheet("color:#8a5a00; font-weight:bold;")

    def show_record(self, row) -> None:
        self.form.load(row[1].item if row else None, self.plan.id if self.plan else "", self._locked())

    # -- writing ----------------------------------------------------------------------------
    def _run(self, action, message: str, select_id: str | None = None) -> bool:
        try:
            result = action()
        except RuleError as exc:
            self.form.show_error(exc)
            return False
        self.refresh(select_id or getattr(result, "id", None))
        self.form.show_done(message)
        self.announce()
        return True

    def create_plan(self) -> None:
        year = self.year.value()
        self._run(lambda: self.work.plans.create(year, copy_from=year - 1),
                  _("Đã lập dự thảo kế hoạch năm {year}.").format(year=year))

    def save_item(self) -> None:
        self._run(lambda: self.work.plans.save_item(self.form.item()), _("Đã lưu nội dung kế hoạch."))

    def new_item(self) -> None:
        self.start_new(self.form.content)

    def delete_item(self) -> None:
        item = self.form.item()
        self._run(lambda: self.work.plans.delete_item(item.id), _("Đã xóa nội dung kế hoạch."))

    def record_done(self) -> None:
        item = self.form.item()
        day, result = self.form.execution()
        if day is None:
            self.form.status.error(_("Hãy nhập ngày hoàn thành."))
            return
        self._run(lambda: self.work.plans.record_done(item.id, day, result), _("Đã ghi kết quả thực hiện."),
                  item.id)

    def approve(self, decision: str, day) -> bool:
        return self._run(lambda: self.work.plans.approve(self.plan.id, decision, day),
                         _("Đã ghi phê duyệt; kế hoạch đã khóa."))

    def ask_approval(self) -> None:
        dialog = ApprovalDialog(self.services.today(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.approve(dialog.decision.text(), dialog.day.value())

    def bring_due(self) -> None:
        made = []
        if self._run(lambda: made.extend(self.work.plans.bring_due()), ""):
            self.form.status.ok(_("Đã giao {n} nhiệm vụ đến tháng.").format(n=len(made)))
            self.events.changed.emit("tasks")

    def export_pdf(self, path: Path) -> Path:
        return self.work.plan_document.write(self.plan, pdf=Path(path))[0]

    def ask_pdf(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, _("Xuất kế hoạch ra PDF"),
                                                    f"ke-hoach-{self.year.value()}.pdf", "PDF (*.pdf)")
        if name:
            try:
                self.form.status.ok(_("Đã ghi {path}").format(path=self.export_pdf(Path(name))))
            except (RuleError, OSError) as exc:
                self.form.status.error(str(exc))
