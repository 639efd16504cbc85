"""Cài đặt báo cáo: layout, Party term start dates, signer, approver, recipients, due day, the DVK target,
and numbers already used on paper (so the register continues from them without a gap)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)

from danvan_desktop.domain.formats import parse_short_date, short_date
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.numbering import scope_for
from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui.widgets.dialog_buttons import Button, action_buttons
from danvan_desktop.gui.widgets.fit import fit_to_screen
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.documents.numbering import layout_family
from danvan_desktop.services.report import settings as report_settings


class ReportSettingsDialog(QDialog):
    def __init__(self, services: AppServices, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(_("Cài đặt báo cáo"))
        fit_to_screen(self, 620, 560)
        form = QFormLayout(self)
        defaults = services.reports.defaults()
        self.layout_choice = QComboBox()
        for code, profile in services.documents.profiles().items():
            self.layout_choice.addItem(profile.name or code, code)
        self.layout_choice.setCurrentIndex(max(self.layout_choice.findData(services.numbering.layout()), 0))
        self.terms = QLineEdit(", ".join(short_date(d) for d in services.numbering.term_starts()))
        self.terms.setPlaceholderText(_("Ngày bắt đầu các nhiệm kỳ cấp ủy, ví dụ 16/08/2025"))
        self.authority = QLineEdit(defaults.authority)
        self.post = QLineEdit(defaults.post)
        self.signer = QLineEdit(defaults.name)
        self.approver = QLineEdit(defaults.approver)
        self.approver.setPlaceholderText(_("Ngoài Trưởng khối, người được duyệt báo cáo (nếu có)"))
        self.place = QLineEdit(defaults.place)
        self.recipients = QPlainTextEdit("\n".join(defaults.recipients))
        self.due_day = QSpinBox()
        self.due_day.setRange(1, 28)
        self.due_day.setValue(defaults.due_day)
        self.target = QSpinBox()
        self.target.setRange(0, 50)
        self.target.setValue(services.dvk.target())
        external = QHBoxLayout()
        self.external_upto = QSpinBox()
        self.external_upto.setRange(1, 999)
        self.external_button = QPushButton(_("Ghi vào sổ"))
        external.addWidget(self.external_upto)
        external.addWidget(self.external_button)
        form.addRow(_("Thể thức văn bản"), self.layout_choice)
        form.addRow(_("Nhiệm kỳ cấp ủy bắt đầu"), self.terms)
        form.addRow(_("Thẩm quyền ký"), self.authority)
        form.addRow(_("Chức vụ người ký"), self.post)
        form.addRow(_("Người ký mặc định"), self.signer)
        form.addRow(_("Người được duyệt"), self.approver)
        form.addRow(_("Địa danh ghi ngày"), self.place)
        form.addRow(_("Nơi nhận (mỗi dòng một nơi)"), self.recipients)
        form.addRow(_("Hạn báo cáo tháng (ngày)"), self.due_day)
        form.addRow(_("Chỉ tiêu mô hình “Dân vận khéo” mới/năm"), self.target)
        form.addRow(_("Báo cáo đã đánh số ngoài chương trình đến số"), external)
        self.status = FormStatus()
        form.addRow(self.status)
        form.addRow(action_buttons(self, _("Lưu"), self.save, kind=Button.Save))
        self.external_button.clicked.connect(self.record_external)

    def _term_dates(self):
        dates = []
        for part in self.terms.text().replace(";", ",").split(","):
            if part.strip():
                try:
                    dates.append(parse_short_date(part))
                except ValueError as exc:
                    raise RuleError(str(exc), "terms") from exc
        return dates

    def save(self) -> None:
        services = self.services
        try:
            terms = self._term_dates()
            services.reports.save_settings(
                layout_code=self.layout_choice.currentData(), term_starts=terms,
                defaults=report_settings.ReportDefaults(
                    authority=self.authority.text(), post=self.post.text(), name=self.signer.text(),
                    recipients=self.recipients.toPlainText().splitlines(), approver=self.approver.text(),
                    due_day=self.due_day.value(), place=self.place.text()),
                dvk_target=self.target.value())
        except RuleError as exc:
            self.status.error(str(exc))
            return
        self.accept()

    def record_external(self) -> None:
        services = self.services
        try:
            # the scope as this dialog has it (terms typed but not saved yet count)
            scope = scope_for(layout_family(self.layout_choice.currentData()), services.today(),
                              self._term_dates())
            added = services.numbering.record_external("BC", scope, self.external_upto.value(),
                                                       _("văn bản lập ngoài chương trình"))
        except RuleError as exc:
            self.status.error(str(exc))
            return
        self.status.ok(_("Đã ghi {n} số vào sổ; số báo cáo tiếp theo là {next:02d}.").format(
            n=len(added), next=services.numbering.next_number("BC", scope)))
