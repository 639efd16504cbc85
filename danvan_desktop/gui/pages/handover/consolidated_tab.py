"""Cấp trên — Báo cáo tổng hợp: the upper body's consolidated report of a period, drafted from the communes'
records, edited section by section, numbered from the body's own register, approved (locked), corrected by a
new version, and written to PDF or DOCX through the same renderer as every other document."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from danvan_desktop.domain import consolidated as spec
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui.pages.handover.common import period_choices
from danvan_desktop.gui.pages.report.report_editor import ReportEditor
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.gui.worker import run_job
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.documents import printing
from danvan_desktop.services.upper.report import draft_parts


def with_parts(widget, services: AppServices, code: str, then, on_error) -> None:
    """Read the communes' records for a draft on the job runner (a province's year takes most of a second),
    then `then(parts)` on the GUI thread (`then(None)`: draft in place, for a database in memory)."""
    path, today = services.db.path, services.today()
    if path is None or str(path) == ":memory:":
        then(None)
        return

    def job(runner_services):
        yield 0, 0, _("Đang đọc số liệu của các xã…")
        return draft_parts(runner_services.db, today, code)
    widget.job = run_job(services.jobs, widget, _("Đang lập dự thảo báo cáo tổng hợp"), job, on_done=then,
                         on_error=lambda exc, _details: on_error(str(exc) if exc else _("Đã hủy.")))


def write_file(widget, service, report_id: str, kind: str, target, then, on_error) -> None:
    """Read and render on the job runner (a year's report takes over a second); an approved report's PDF is
    the one kept at approval. `service` names the report's service; the job uses the runner's own."""
    def job(services):
        yield 0, 0, _("Đang dựng văn bản…")
        reports = services.exchange.upper.reports
        if kind == "pdf" and reports.get(report_id).is_locked:
            reports.write_pdf(report_id, target)
        elif kind == "pdf":
            printing.save_pdf_bytes(printing.document_pdf(reports.document(report_id)), target)
        else:
            printing.save_docx(reports.document(report_id), target)
        return Path(target)
    widget.job = run_job(widget.services.jobs, widget, _("Đang ghi báo cáo tổng hợp"), job, on_done=then,
                         on_error=lambda exc, _details: on_error(str(exc) if exc else _("Đã hủy.")))


class ConsolidatedTab(QWidget):
    def __init__(self, services: AppServices, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.upper = services.exchange.upper
        self.service = self.upper.reports
        self._period_choices = period_choices
        self._report = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Kỳ:")))
        self.period = QComboBox()
        self.period.setMinimumWidth(200)
        top.addWidget(self.period)
        self.open_button = QPushButton(_("Mở / lập dự thảo"))
        self.redraft_button = QPushButton(_("Lập lại dự thảo từ số liệu"))
        top.addWidget(self.open_button)
        top.addWidget(self.redraft_button)
        top.addStretch(1)
        self.state = QLabel()
        self.state.setStyleSheet("font-weight:bold;")
        top.addWidget(self.state)
        layout.addLayout(top)
        self.editor = ReportEditor(sections=spec.SECTIONS, part_titles=spec.PART_TITLES,
                                   short_titles=spec.SHORT_TITLES)
        self.editor.include_table.setText(_("Kèm bảng số liệu tổng hợp"))
        layout.addWidget(self.editor, 1)
        actions = QHBoxLayout()
        self.save_button = QPushButton(_("Lưu"))
        self.approver = QComboBox()
        self.approve_button = QPushButton(_("Duyệt (khóa)"))
        self.correct_button = QPushButton(_("Lập bản thay thế"))
        self.pdf_button = QPushButton(_("Ghi PDF…"))
        self.docx_button = QPushButton(_("Ghi DOCX…"))
        for widget in (self.save_button, QLabel(_("Người duyệt:")), self.approver, self.approve_button,
                       self.correct_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.docx_button)
        layout.addLayout(actions)
        self.status = FormStatus()
        layout.addWidget(self.status)
        # clicked(bool) would hand `checked` to a slot with an optional argument: every slot takes none
        self.open_button.clicked.connect(lambda _c=False: self.open_period())
        self.redraft_button.clicked.connect(lambda _c=False: self.redraft())
        self.save_button.clicked.connect(lambda _c=False: self.save())
        self.approve_button.clicked.connect(lambda _c=False: self.approve())
        self.correct_button.clicked.connect(lambda _c=False: self.correct())
        self.pdf_button.clicked.connect(lambda _c=False: self.export("pdf"))
        self.docx_button.clicked.connect(lambda _c=False: self.export("docx"))
        self.editor.take_number.clicked.connect(lambda _c=False: self.number(None))
        self.editor.set_number.clicked.connect(lambda _c=False: self.number(self.editor.wanted.value()))
        for section in self.editor.editors.values():
            section.accept_requested.connect(lambda key: self._act(
                lambda: self.service.accept_pending(self._report.id, key)))
            section.dismiss_requested.connect(lambda key: self._act(
                lambda: self.service.dismiss_pending(self._report.id, key)))
        self.period.currentIndexChanged.connect(lambda _i: self.show_period())

    # -- loading -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.period.currentData()
        self.period.blockSignals(True)
        self.period.clear()
        for label, code in self._period_choices(self.upper, self.services.today()):
            self.period.addItem(label, code)
        index = self.period.findData(current or self.upper.reporting_period().code)
        self.period.setCurrentIndex(max(index, 0))
        self.period.blockSignals(False)
        self.approver.clear()
        self.approver.addItems(self.service.approvers())
        self.show_period()

    def apply_filters(self, period: str | None = None, **_filters) -> None:
        if period and self.period.findData(period) >= 0:
            self.period.setCurrentIndex(self.period.findData(period))

    def show_period(self) -> None:
        code = self.period.currentData()
        self._show(self.service.current_for(code) if code else None)

    def _show(self, report) -> None:
        self._report = report
        sections = self.service.sections(report.id) if report else []
        self.editor.load(report, sections, self.service.printed_number(report) if report else "")
        if report is None:
            self.state.setText(_("Chưa có báo cáo tổng hợp của kỳ này"))
        else:
            self.state.setText(_("Bản {version} — {status}").format(version=report.version,
                                                                   status=report.status_label))
        locked = bool(report and report.is_locked)
        for button in (self.save_button, self.approve_button, self.redraft_button):
            button.setEnabled(report is not None and not locked)
        self.correct_button.setEnabled(locked)
        for button in (self.pdf_button, self.docx_button):
            button.setEnabled(report is not None)

    # -- actions -----------------------------------------------------------------------------------
    def _act(self, action, ok_text: str | None = None) -> bool:
        try:
            if self._report is not None and not self._report.is_locked:
                self._write()
            result = action()
        except (RuleError, OSError) as exc:
            self.status.error(str(exc))
            return False
        report_id = getattr(result, "id", None) or (self._report.id if self._report else None)
        self._show(self.service.get(report_id) if report_id else None)
        if ok_text:
            self.status.ok(ok_text)
        return True

    def _write(self) -> None:
        self.service.save_edits(self._report.id, self.editor.header_values(), self.editor.section_texts())

    def _with_parts(self, code: str, then) -> None:
        with_parts(self, self.services, code, then, self.status.error)

    def open_period(self) -> None:
        code = self.period.currentData()
        existing = self.service.current_for(code)
        done = _("Đã mở báo cáo tổng hợp; mục nào chưa có thì đã lập dự thảo từ số liệu các xã.")
        if existing is not None:
            self._act(lambda: existing, done)
            return
        self._with_parts(code, lambda parts: self._act(
            lambda: self.service.draft_from(code, parts) if parts else self.service.get_or_draft(code), done))

    def save(self) -> None:
        if self._report is not None:
            self._act(lambda: self._report, _("Đã lưu báo cáo tổng hợp."))

    def redraft(self) -> None:
        if self._report is None or self._report.is_locked:
            return
        report_id = self._report.id
        done = _("Đã lập lại dự thảo từ số liệu mới nhất; mục bạn đã sửa được giữ, bản mới hiện bên cạnh.")
        self._with_parts(self._report.period, lambda parts: self._act(
            lambda: (self.service.redraft_from(report_id, parts) if parts else self.service.redraft(report_id))
            and None, done))

    def number(self, wanted: int | None) -> None:
        if self._report is not None:
            self._act(lambda: self.service.take_number(self._report.id, wanted), _("Đã lấy số."))

    def approve(self) -> None:
        """Approve and lock; the PDF kept with it is rendered on the job runner (a year's takes over a second)."""
        if self._report is None:
            return
        name, report_id = self.approver.currentText(), self._report.id
        if not self._act(lambda: self.service.approve(report_id, name, keep_pdf=False),
                         _("Đã duyệt và khóa báo cáo tổng hợp.")):
            return

        def job(services):
            yield 0, 0, _("Đang dựng văn bản…")
            services.exchange.upper.reports.approved_pdf(report_id)     # rendered, then kept with the report
        self.job = run_job(self.services.jobs, self, _("Đang lưu bản PDF đã duyệt"), job, on_done=lambda _r: None,
                           on_error=lambda exc, _details: self.status.error(str(exc) if exc else _("Đã hủy.")))

    def correct(self) -> None:
        if self._report is not None:
            self._act(lambda: self.service.new_version(self._report.id),
                      _("Đã lập bản thay thế (dự thảo); hãy sửa, lấy số mới và duyệt."))

    def export(self, kind: str, target: str | None = None) -> None:
        if self._report is None:
            return
        if target is None:
            target, _filter = QFileDialog.getSaveFileName(
                self, _("Lưu báo cáo tổng hợp"), self.service.file_name(self._report) + "." + kind,
                _("Tệp PDF (*.pdf)") if kind == "pdf" else _("Tệp Word (*.docx)"))
            if not target:
                return
        if not self._act(lambda: self._report):      # what is typed is saved first
            return
        write_file(self, self.service, self._report.id, kind, target,
                   lambda path: self.status.ok(_("Đã ghi {path}.").format(path=path)), self.status.error)
