"""Cấp trên — Báo cáo tổng hợp: the upper body's consolidated report of a period, drafted from the communes'
records, edited section by section, numbered from the body's own register, approved (locked), corrected by a
new version, and written to PDF or DOCX through the same renderer as every other document."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from danvan_desktop.domain import consolidated as spec
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui.pages.report.report_editor import ReportEditor
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.services.app import AppServices


class ConsolidatedTab(QWidget):
    def __init__(self, services: AppServices, parent=None) -> None:
        super().__init__(parent)
        from danvan_desktop.gui.pages.handover.upper_tab import period_choices
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
        report_id = self._report.id
        with self.services.db.transaction():
            self.service.update_header(report_id, **self.editor.header_values())
            for key, text in self.editor.section_texts().items():
                self.service.save_section(report_id, key, text)

    def open_period(self) -> None:
        code = self.period.currentData()
        self._act(lambda: self.service.get_or_draft(code),
                  _("Đã mở báo cáo tổng hợp; mục nào chưa có thì đã lập dự thảo từ số liệu các xã."))

    def save(self) -> None:
        if self._report is not None:
            self._act(lambda: self._report, _("Đã lưu báo cáo tổng hợp."))

    def redraft(self) -> None:
        if self._report is not None:
            self._act(lambda: self.service.redraft(self._report.id) and None,
                      _("Đã lập lại dự thảo từ số liệu mới nhất; mục bạn đã sửa được giữ, bản mới hiện bên cạnh."))

    def number(self, wanted: int | None) -> None:
        if self._report is not None:
            self._act(lambda: self.service.take_number(self._report.id, wanted), _("Đã lấy số."))

    def approve(self) -> None:
        if self._report is not None:
            name = self.approver.currentText()
            self._act(lambda: self.service.approve(self._report.id, name),
                      _("Đã duyệt và khóa báo cáo tổng hợp."))

    def correct(self) -> None:
        if self._report is not None:
            self._act(lambda: self.service.new_version(self._report.id),
                      _("Đã lập bản thay thế (dự thảo); hãy sửa, lấy số mới và duyệt."))

    def export(self, kind: str, target: str | None = None) -> Path | None:
        if self._report is None:
            return None
        if target is None:
            target, _filter = QFileDialog.getSaveFileName(
                self, _("Lưu báo cáo tổng hợp"), self.service.file_name(self._report) + "." + kind,
                _("Tệp PDF (*.pdf)") if kind == "pdf" else _("Tệp Word (*.docx)"))
            if not target:
                return None
        write = self.service.write_pdf if kind == "pdf" else self.service.write_docx
        report_id = self._report.id
        if self._act(lambda: write(report_id, target), _("Đã ghi {path}.").format(path=target)):
            return Path(target)
        return None
