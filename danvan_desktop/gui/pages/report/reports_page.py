"""Báo cáo: the reports list, “Tạo dự thảo”, the editor, numbering, approval, hand-over, corrections,
preview/print/save as PDF or DOCX, and a twelve-month chart of a chosen figure."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import Period, PeriodKind
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.report import KIND_LABELS, Report
from danvan_desktop.domain.text import clean_multiline
from danvan_desktop.gui import file_dialogs
from danvan_desktop.gui.events import DataEvents
from danvan_desktop.gui.models.record_table_model import Column, RecordTableModel
from danvan_desktop.gui.pages.report.report_editor import ReportEditor
from danvan_desktop.gui.pages.report.report_widgets import figure_chart
from danvan_desktop.gui.pages.spec import PageContext
from danvan_desktop.gui.theme import icon, set_role, set_tone, themed
from danvan_desktop.gui.widgets.confirm import confirm
from danvan_desktop.gui.widgets.fit import compact_combo, fit_to_screen
from danvan_desktop.gui.widgets.flow_layout import FlowLayout
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.gui.widgets.period_words import PeriodWords
from danvan_desktop.gui.widgets.trend_chart import TrendChart
from danvan_desktop.services.app import AppServices


class ReportsPage(QWidget):
    def __init__(self, services: AppServices, events: DataEvents, parent=None) -> None:
        super().__init__(parent)
        self.drafting = False        # a draft is being made on the job runner
        self.services, self.events = services, events
        self.service = services.reports
        self._report: Report | None = None
        layout = QHBoxLayout(self)
        splitter = QSplitter()
        layout.addWidget(splitter)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        create = FlowLayout()
        self.kind = QComboBox()
        for kind in PeriodKind:
            self.kind.addItem(_(KIND_LABELS[kind]), kind.value)
        compact_combo(self.kind, 10)
        self.period = QLineEdit()
        self.period.setPlaceholderText(_("2026-10, 2026-Q3, 2026-H1, 2026-9M, 2026"))
        self.period.setMinimumWidth(80)
        self.create_button = QPushButton(_("Tạo dự thảo"))
        create.addWidget(self.kind)
        create.addWidget(PeriodWords(self.period))      # the code with its words: 'tháng 11 năm 2026'
        create.addWidget(self.create_button)
        left_layout.addLayout(create)
        self.model = RecordTableModel([
            Column(_("Kỳ"), lambda r: r.period_value.label(), lambda r: (r.period, r.version)),
            Column(_("Bản"), lambda r: r.version),
            Column(_("Số"), lambda r: f"{r.number:02d}" if r.number else "", lambda r: r.number or 0),
            Column(_("Trạng thái"), lambda r: r.status_label),
        ], self)
        self.model.muted = lambda r: r.status == "handed_over"
        self.model.warn = lambda r: r.status == "draft"
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        left_layout.addWidget(self.table, 1)
        chart_row = FlowLayout()
        chart_row.addWidget(QLabel(_("Biểu đồ 12 tháng:")))
        self.chart_figure = compact_combo(QComboBox(), 12)
        chart_row.addWidget(self.chart_figure)
        left_layout.addLayout(chart_row)
        self.chart = TrendChart()
        left_layout.addWidget(self.chart)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        self.title = QLabel()
        self.title.setWordWrap(True)
        set_role(self.title, "title")
        right_layout.addWidget(self.title)
        self.figure_problems = QLabel()      # the period's figures that break a rule, shown before approval
        self.figure_problems.setWordWrap(True)
        set_tone(self.figure_problems, "bad")
        self.figure_problems.hide()
        right_layout.addWidget(self.figure_problems)
        # Two tool bars: what any report allows, and the approval workflow. A tool bar too long for the
        # window shows its last entries under a » button instead of widening the page.
        actions, workflow = QToolBar(), QToolBar()
        for bar in (actions, workflow):
            bar.setObjectName("actions")
            themed(bar)
            bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            bar.setMovable(False)
        self.save_button = QAction(icon("actions/save"), _("Lưu (Ctrl+S)"), self)
        self.redraft_button = QAction(icon("actions/redraft"), _("Tạo lại dự thảo"), self)
        self.approver = QComboBox()
        compact_combo(self.approver, 14)
        self.approve_button = QAction(icon("actions/approve"), _("Duyệt và khóa"), self)
        self.handover_button = QAction(icon("actions/handover"), _("Đã gửi"), self)
        self.correct_button = QAction(icon("actions/correct"), _("Lập bản thay thế"), self)
        self.preview_button = QAction(icon("actions/preview"), _("Xem trước / In"), self)
        self.pdf_button = QAction(icon("actions/pdf"), _("Lưu PDF…"), self)
        self.docx_button = QAction(icon("actions/docx"), _("Lưu DOCX…"), self)
        self.delete_button = QAction(icon("actions/delete"), _("Xóa dự thảo"), self)
        self.settings_button = QAction(icon("actions/report-settings"), _("Cài đặt báo cáo…"), self)
        for a in (self.save_button, self.redraft_button, self.preview_button, self.pdf_button, self.docx_button,
                  self.settings_button):
            actions.addAction(a)
        workflow.addWidget(QLabel(_("Người duyệt:")))
        workflow.addWidget(self.approver)
        for a in (self.approve_button, self.handover_button, self.correct_button, self.delete_button):
            workflow.addAction(a)
        right_layout.addWidget(actions)
        right_layout.addWidget(workflow)
        self.status = FormStatus()
        right_layout.addWidget(self.status)
        self.editor = ReportEditor()
        right_layout.addWidget(self.editor, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([430, 900])

        self.create_button.clicked.connect(self.create_draft)
        self.kind.currentIndexChanged.connect(lambda _i: self._suggest_period())
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.chart_figure.currentIndexChanged.connect(lambda _i: self._draw_chart())
        self.save_button.triggered.connect(self.save)
        self.redraft_button.triggered.connect(self.redraft)
        self.approve_button.triggered.connect(self.approve)
        self.handover_button.triggered.connect(self.hand_over)
        self.correct_button.triggered.connect(self.correct)
        self.preview_button.triggered.connect(self.preview)
        self.pdf_button.triggered.connect(lambda: self.export("pdf"))
        self.docx_button.triggered.connect(lambda: self.export("docx"))
        self.delete_button.triggered.connect(self.delete)
        self.settings_button.triggered.connect(self.open_settings)
        self.editor.take_number.clicked.connect(lambda: self.number(None))
        self.editor.set_number.clicked.connect(lambda: self.number(self.editor.wanted.value()))
        for editor in self.editor.editors.values():
            editor.accept_requested.connect(self.accept_pending)
            editor.dismiss_requested.connect(self.dismiss_pending)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self._suggest_period()
        self.refresh()

    # -- loading ----------------------------------------------------------------------------
    def _suggest_period(self) -> None:
        kind = PeriodKind(self.kind.currentData())
        self.period.setText(Period.containing(self.services.today(), kind).code)

    def _unsaved(self) -> bool:
        """True when the editor holds text the database does not (typed, not yet saved)."""
        report = self._report
        if report is None or report.is_locked or not self.editor.isEnabled():
            return False
        stored = {s.key: s.text for s in self.service.sections(report.id)}
        return any(clean_multiline(text) != stored.get(key, "") for key, text in self.editor.section_texts().items())

    def hideEvent(self, event) -> None:
        if self._unsaved():
            self.save()
        super().hideEvent(event)

    def refresh(self, select_id: str | None = None) -> None:
        """Reload from the database; text typed and not yet saved is saved first, never thrown away."""
        if self._unsaved():
            try:
                self._write()
            except RuleError as exc:
                self.status.error(str(exc))
                return
        self._reload(select_id)

    def _reload(self, select_id: str | None = None) -> None:
        keep = select_id or (self._report.id if self._report else None)
        self.model.set_rows(self.service.list())
        current_code = self.chart_figure.currentData()
        self.chart_figure.blockSignals(True)
        self.chart_figure.clear()
        for figure in self.services.figures.catalogue():
            self.chart_figure.addItem(self.services.figures.name(figure), figure.code)
        self.chart_figure.setCurrentIndex(max(self.chart_figure.findData(current_code or "don_nhan"), 0))
        self.chart_figure.blockSignals(False)
        self._draw_chart()
        self.approver.clear()
        self.approver.addItems(self.service.approvers())
        row = self.model.find_row(lambda r: r.id == keep) if keep else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            # the editor is about to be loaded from the database: no "keep what was typed" on this move
            self.table.selectionModel().blockSignals(True)
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.selectionModel().blockSignals(False)
            self.table.viewport().update()
            self.show_report(self.model.row_object(row).id)
        else:
            self.show_report(None)

    def _draw_chart(self) -> None:
        code = self.chart_figure.currentData()
        if code:
            figure_chart(self.chart, self.services.figures, code, Period.containing(self.services.today()))

    def _on_current_changed(self, current, previous) -> None:
        if not current.isValid():
            return
        if self._unsaved():
            try:
                self._write()     # moving to another report keeps what was typed in this one
            except RuleError as exc:
                self.status.error(str(exc))
                self.table.selectionModel().blockSignals(True)
                self.table.setCurrentIndex(previous)
                self.table.selectionModel().blockSignals(False)
                return
        self.show_report(self.model.row_object(current.row()).id)

    def show_report(self, report_id: str | None) -> None:
        self._report = self.service.get(report_id) if report_id else None
        report = self._report
        sections = self.service.sections(report.id) if report else []
        self.editor.load(report, sections, self.service.printed_number(report) if report else "")
        draft = report is not None and not report.is_locked
        self.title.setText(_("{title} — bản {version} — {status}").format(
            title=report.title_line(), version=report.version, status=report.status_label) if report else
            _("Chưa có báo cáo. Chọn kỳ và bấm «Tạo dự thảo»."))
        for button in (self.save_button, self.redraft_button, self.approve_button, self.approver,
                       self.delete_button):
            button.setEnabled(draft)
        problems = self.service.figure_problems(report.id) if draft else []
        self.figure_problems.setText(_("Số liệu của kỳ chưa nhất quán; sửa ở trang Số liệu trước khi duyệt:") + "\n" +
                                     "\n".join(f"- {b.message}" for b in problems) if problems else "")
        self.figure_problems.setVisible(bool(problems))
        self.handover_button.setEnabled(report is not None and report.status == "approved")
        self.correct_button.setEnabled(report is not None and report.is_locked)
        for button in (self.preview_button, self.pdf_button, self.docx_button):
            button.setEnabled(report is not None)

    # -- actions ----------------------------------------------------------------------------
    def _run(self, action, ok_text: str | None = None) -> bool:
        try:
            action()
        except RuleError as exc:
            self.status.error(str(exc))
            return False
        if ok_text:
            self.status.ok(ok_text)
        self.events.changed.emit("reports")
        return True

    def create_draft(self) -> None:
        """Draft the period's report on the job runner (a year's draft reads every month's records)."""
        if self._unsaved() and not self._run(self._write):
            return
        period, kind = self.period.text(), self.kind.currentData()

        def job(services):
            yield 0, 1, _("Đang lập dự thảo từ số liệu của kỳ…")
            return services.reports.create_draft(period, kind).id

        def done(report_id: str) -> None:
            self._reload(report_id)
            self.status.ok(_("Đã tạo dự thảo từ số liệu của kỳ; hãy đọc và sửa từng mục."))
            self.events.changed.emit("reports")
        self._draft_job(job, done)

    def _draft_job(self, job, done) -> None:
        """Drafting runs off the GUI thread; its buttons wait until it ends (`drafting` says it runs)."""
        from danvan_desktop.gui.worker import run_job
        self.drafting = True
        self.create_button.setEnabled(False)
        self.redraft_button.setEnabled(False)

        def ended() -> None:
            self.drafting = False
            self.create_button.setEnabled(True)
            self.redraft_button.setEnabled(self._report is not None and not self._report.is_locked)

        def finished(result) -> None:
            ended()
            done(result)

        def failed(exc, _details: str) -> None:
            ended()
            self.status.error(str(exc) if exc else _("Đã hủy."))
        run_job(self.services.jobs, self, _("Đang lập dự thảo báo cáo"), job, on_done=finished, on_error=failed)

    def _write(self) -> None:
        self.service.save_edits(self._report.id, self.editor.header_values(), self.editor.section_texts())

    def save(self) -> None:
        if self._report is None or self._report.is_locked:
            return
        report_id = self._report.id
        self._run(lambda: (self._write(), self._reload(report_id)), _("Đã lưu báo cáo."))

    def redraft(self) -> None:
        if self._report is None:
            return
        self.save()
        report_id = self._report.id

        def job(services):
            yield 0, 1, _("Đang lập dự thảo từ số liệu của kỳ…")
            return services.reports.redraft(report_id)

        def done(waiting: list[str]) -> None:
            self._reload(report_id)
            self.status.ok(_("Đã tạo lại dự thảo. {n} mục bạn đã sửa được giữ nguyên; bản mới hiện bên cạnh (dấu •).")
                           .format(n=len(waiting)) if waiting else _("Đã tạo lại dự thảo từ số liệu mới nhất."))
            self.events.changed.emit("reports")
        self._draft_job(job, done)

    def accept_pending(self, key: str) -> None:
        report_id = self._report.id
        self._run(lambda: (self._write(), self.service.accept_pending(report_id, key), self._reload(report_id)),
                  _("Đã dùng bản dự thảo mới cho mục này."))

    def dismiss_pending(self, key: str) -> None:
        report_id = self._report.id
        self._run(lambda: (self._write(), self.service.dismiss_pending(report_id, key), self._reload(report_id)),
                  _("Đã giữ nội dung bạn sửa."))

    def number(self, wanted: int | None) -> None:
        if self._report is None:
            return
        self.save()
        report_id = self._report.id
        self._run(lambda: (self.service.take_number(report_id, wanted), self._reload(report_id)),
                  _("Đã cấp số cho báo cáo."))

    def approve(self) -> None:
        if self._report is None:
            return
        self.save()
        if self.status.is_error():
            return
        if not confirm(self, _("Duyệt và khóa báo cáo"),
                       _("Duyệt và khóa {title}, người duyệt {name}? Sau khi khóa, báo cáo không sửa được nữa; "
                         "muốn sửa phải lập bản thay thế.").format(title=self._report.title_line(),
                                                                   name=self.approver.currentText()),
                       _("Duyệt và khóa"), destructive=False):
            return
        report_id = self._report.id
        self._run(lambda: (self.service.approve(report_id, self.approver.currentText()), self._reload(report_id)),
                  _("Đã duyệt và khóa báo cáo; bản PDF đã duyệt được lưu kèm."))

    def hand_over(self) -> None:
        if self._report is None:
            return
        to, ok = QInputDialog.getText(self, _("Đã gửi báo cáo"), _("Gửi tới:"), text=_("Ban Thường vụ Đảng ủy xã"))
        if ok:
            report_id = self._report.id
            self._run(lambda: (self.service.hand_over(report_id, to), self._reload(report_id)),
                      _("Đã ghi nhận gửi báo cáo."))

    def correct(self) -> None:
        if self._report is None:
            return
        old_id = self._report.id
        self._run(lambda: self._reload(self.service.new_version(old_id).id),
                  _("Đã lập bản thay thế (dự thảo, sẽ có số mới)."))

    def delete(self) -> None:
        if self._report is None:
            return
        if not confirm(self, _("Xóa dự thảo"), _("Xóa dự thảo {title}? Nội dung đã soạn bị xóa; số của nó (nếu có) "
                                                  "được trả lại sổ.").format(title=self._report.title_line()),
                       _("Xóa dự thảo")):
            return
        report_id = self._report.id
        self._report = None
        self._run(lambda: (self.service.delete(report_id), self._reload()),
                  _("Đã xóa dự thảo; số của nó được trả lại sổ."))

    def preview(self) -> None:
        """The report is read and rendered on the job runner (an approved one's kept PDF is read there too)."""
        if self._report is None:
            return
        self.save()
        report = self._report
        title, name = report.title_line(), self.service.file_name(report)
        docx = lambda path, rid=report.id: self.service.write_docx(rid, path)
        from danvan_desktop.gui.worker import run_job
        from danvan_desktop.services.documents.printing import document_pdf

        def job(services):
            yield 0, 1, _("Đang dựng báo cáo…")
            if report.is_locked:
                return services.reports.approved_pdf(report.id)
            return document_pdf(services.reports.document(report.id))
        run_job(self.services.jobs, self, _("Đang dựng báo cáo"), job,
                on_done=lambda data: self._show_preview(title, data, name, docx),
                on_error=lambda exc, _details: self.status.error(str(exc) if exc else _("Đã hủy.")))

    def _show_preview(self, title: str, data: bytes, name: str, docx) -> None:
        from danvan_desktop.gui.pages.report.report_preview import PdfPreviewDialog
        self.preview_dialog = PdfPreviewDialog(title, data, self, suggested_name=name, save_docx=docx)
        self.preview_dialog.exec()

    def export(self, kind: str) -> None:
        if self._report is None:
            return
        self.save()
        name = self.service.file_name(self._report) + "." + kind
        path, _filter = file_dialogs.save_file(self, _("Lưu báo cáo"), name,
                                                    "PDF (*.pdf)" if kind == "pdf" else "Word (*.docx)")
        if not path:
            return
        report_id = self._report.id
        from danvan_desktop.gui.worker import run_job

        def job(services):            # read and rendered on the job runner
            yield 0, 1, _("Đang dựng báo cáo…")
            write = services.reports.write_pdf if kind == "pdf" else services.reports.write_docx
            write(report_id, path)

        def written(_result) -> None:
            self.status.ok(_("Đã lưu {path}.").format(path=path))
            self.events.changed.emit("reports")      # an approved report's PDF may have been kept just now
        run_job(self.services.jobs, self, _("Đang dựng báo cáo"), job, on_done=written,
                on_error=lambda exc, _details: self.status.error(str(exc) if exc else _("Đã hủy.")))

    def settings_dialog(self):
        from danvan_desktop.gui.pages.report.report_settings_dialog import ReportSettingsDialog
        return ReportSettingsDialog(self.services, self)

    def open_settings(self) -> None:
        if self.settings_dialog().exec():
            self.refresh()
            self.status.ok(_("Đã lưu cài đặt báo cáo; áp dụng cho các dự thảo lập sau."))

    def extra_screenshots(self) -> list:
        dialog = self.settings_dialog()
        fit_to_screen(dialog, 620, 560)
        return [("settings", dialog)]

    def apply_filters(self, period: str | None = None, **_ignored) -> None:
        if period:
            found = self.service.current_for(period)
            if found:
                self.refresh(found.id)


def _factory(ctx: PageContext) -> QWidget:
    return ReportsPage(ctx.services, ctx.events)
