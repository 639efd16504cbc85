"""Xuất dữ liệu: choose what and where, write the .dvx off the GUI thread, then print its receipt."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import Period, PeriodKind
from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui import file_dialogs
from danvan_desktop.gui.pages.handover.common import open_file, removable_drives
from danvan_desktop.gui.theme import set_role
from danvan_desktop.gui.widgets.fit import WrapCheckBox
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.gui.worker import run_job
from danvan_desktop.services import handover as fmt
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.documents import printing
from danvan_desktop.services.errors import ExchangeError


class ExportTab(QWidget):
    exported = Signal(str)    # batch id

    def __init__(self, services: AppServices, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.exchange = services.exchange
        self.last_batch: str | None = None
        layout = QVBoxLayout(self)

        what = QGroupBox(_("Nội dung bàn giao"))
        form = QFormLayout(what)
        self.recipient = QComboBox()
        form.addRow(_("Nơi nhận:"), self.recipient)
        self.everything = QRadioButton(_("Toàn bộ dữ liệu"))
        self.since_last = QRadioButton()
        group = QButtonGroup(self)
        group.addButton(self.everything)
        group.addButton(self.since_last)
        form.addRow(_("Gồm:"), self.everything)
        form.addRow("", self.since_last)
        self.period = QComboBox()
        form.addRow(_("Kỳ báo cáo:"), self.period)
        self.private = WrapCheckBox(_("Kèm ghi chú riêng tư và thông tin cá nhân của người gửi đơn (chỉ khi thật cần)"))
        form.addRow("", self.private)
        personal_row = QHBoxLayout()
        self.leave_out_personal = WrapCheckBox(_("Không xuất các bản ghi có tên người hoặc số điện thoại trong phần ghi chú"))
        self.personal_button = QPushButton(_("Xem các bản ghi này…"))
        self.personal_button.clicked.connect(self.check_personal)
        personal_row.addWidget(self.leave_out_personal)
        personal_row.addWidget(self.personal_button)
        personal_row.addStretch(1)
        form.addRow("", personal_row)
        self.personal_list = QLabel()
        self.personal_list.setWordWrap(True)
        self.personal_list.setStyleSheet("color:#8a4b00;")
        self.personal_list.hide()
        form.addRow("", self.personal_list)
        layout.addWidget(what)

        where = QGroupBox(_("Lưu vào"))
        form = QFormLayout(where)
        row = QHBoxLayout()
        self.drive = QComboBox()
        self.drive.setMinimumWidth(320)
        browse = QPushButton(_("Chọn thư mục…"))
        browse.clicked.connect(self._browse)
        refresh = QPushButton(_("Tìm lại USB"))
        refresh.clicked.connect(self._fill_drives)
        row.addWidget(self.drive, 1)
        row.addWidget(refresh)
        row.addWidget(browse)
        form.addRow(_("Ổ đĩa / thư mục:"), row)
        self.file_name = QLineEdit()
        form.addRow(_("Tên tệp:"), self.file_name)
        layout.addWidget(where)

        buttons = QHBoxLayout()
        self.export_button = QPushButton(_("Xuất dữ liệu"))
        self.export_button.setDefault(True)
        self.export_button.setStyleSheet("font-weight:bold; padding:6px 18px;")
        self.export_button.clicked.connect(self.export)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.status = FormStatus()
        layout.addWidget(self.status)

        self.result = QFrame()
        self.result.setStyleSheet("QFrame#result { background:#e9f6ec; border:1px solid #69b37a; border-radius:4px; }")
        self.result.setObjectName("result")
        box = QVBoxLayout(self.result)
        self.result_text = QLabel()
        self.result_text.setWordWrap(True)
        self.fingerprint = QLabel()
        set_role(self.fingerprint, "fingerprint")
        print_button = QPushButton(_("In biên nhận (PDF)…"))
        print_button.clicked.connect(self.print_receipt)
        box.addWidget(self.result_text)
        box.addWidget(QLabel(_("Mã nhận dạng khóa (đọc cho cấp trên qua điện thoại khi nộp lần đầu):")))
        box.addWidget(self.fingerprint)
        box.addWidget(print_button)
        self.result.hide()
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.since_last.setChecked(True)
        self.recipient.currentIndexChanged.connect(lambda _i: self._update_counts())

    # -- filling ----------------------------------------------------------------------------
    def refresh(self) -> None:
        unit = self.services.setup.unit()
        current = self.recipient.currentData()
        self.recipient.blockSignals(True)
        self.recipient.clear()
        self.recipient.addItem(_("Cấp trên — {name}").format(name=unit.upper_unit_name or _("chưa đặt tên")),
                               fmt.RECIPIENT_UPPER)
        for key in self.exchange.log.trusted_keys():
            if key.unit_code == unit.code:
                self.recipient.addItem(_("Máy khác của đơn vị (khóa {fp})").format(fp=key.fingerprint[:9]),
                                       key.installation_id)
        if current is not None and self.recipient.findData(current) >= 0:
            self.recipient.setCurrentIndex(self.recipient.findData(current))
        self.recipient.blockSignals(False)
        today = self.services.today()
        current_period = self.period.currentData()
        self.period.clear()
        period = Period.containing(today)
        for _i in range(4):
            self.period.addItem(period.label().capitalize(), period.code)
            period = period.previous()
        quarter = Period.containing(today, PeriodKind.QUARTER)
        for candidate in (quarter, quarter.previous(), Period.containing(today, PeriodKind.HALF),
                          Period.containing(today, PeriodKind.YEAR)):
            self.period.addItem(candidate.label().capitalize(), candidate.code)
        if current_period and self.period.findData(current_period) >= 0:
            self.period.setCurrentIndex(self.period.findData(current_period))
        if self.drive.count() == 0:
            self._fill_drives()
        self._update_counts()

    def _update_counts(self) -> None:
        recipient = self.recipient.currentData() or fmt.RECIPIENT_UPPER
        last = self.exchange.log.last_out(recipient)
        if last is None:
            self.since_last.setText(_("Những gì thay đổi từ lần bàn giao trước (chưa bàn giao lần nào: toàn bộ)"))
        else:
            pending = self.exchange.exporter.pending_since_last(recipient)
            self.since_last.setText(_("Những gì thay đổi từ lần bàn giao trước (lô số {seq}): {n} bản ghi").format(
                seq=last.sequence, n=pending))
        self.file_name.setText(self.exchange.exporter.suggested_name(recipient))

    def _fill_drives(self) -> None:
        self.drive.clear()
        for label, folder in removable_drives():
            self.drive.addItem(label, str(folder))
        if self.drive.count() == 0:
            self.drive.addItem(_("Không thấy USB — lưu vào thư mục Tài liệu"), str(Path.home()))

    def _browse(self) -> None:
        folder = file_dialogs.folder(self, _("Chọn thư mục lưu tệp"), self.drive.currentData() or None)
        if folder:
            self.drive.insertItem(0, folder, folder)
            self.drive.setCurrentIndex(0)

    def check_personal(self) -> None:
        """List (off the GUI thread) the records this export would carry that name people or phone numbers."""
        options = {"recipient": self.recipient.currentData() or fmt.RECIPIENT_UPPER,
                   "since_last": self.since_last.isChecked(), "include_private": self.private.isChecked()}

        def job(services):
            yield 0, 1, _("Đang tìm thông tin cá nhân…")
            return services.exchange.exporter.personal_preview(**options)

        run_job(self.services.jobs, self, _("Đang kiểm tra"), job, self._show_personal, self._failed)

    def _show_personal(self, hits) -> None:
        self.personal_hits = hits
        if not hits:
            self.personal_list.setText(_("Không thấy tên người hay số điện thoại trong phần ghi chú của dữ liệu sẽ xuất."))
        else:
            from danvan_desktop.services.handover.batches import table_label
            lines = [f"• {table_label(h.table)} — {h.kinds_text}: {h.excerpt}" for h in hits[:12]]
            if len(hits) > 12:
                lines.append(_("… và {n} bản ghi khác").format(n=len(hits) - 12))
            self.personal_list.setText(_("{n} bản ghi có thông tin cá nhân:").format(n=len(hits)) + "\n"
                                       + "\n".join(lines))
        self.personal_list.show()

    def target(self) -> Path:
        name = self.file_name.text().strip() or self.exchange.exporter.suggested_name()
        return Path(self.drive.currentData() or Path.home()) / name

    # -- exporting ----------------------------------------------------------------------------
    def export(self) -> None:
        self.status.clear_status()
        target = self.target()
        options = {"recipient": self.recipient.currentData() or fmt.RECIPIENT_UPPER,
                       "since_last": self.since_last.isChecked(), "include_private": self.private.isChecked(),
                       "period": self.period.currentData(), "leave_out_personal": self.leave_out_personal.isChecked()}

        def job(services):
            yield 0, 2, _("Đang ghi {name}…").format(name=target.name)
            result = services.exchange.exporter.export(target, **options)
            yield 2, 2, _("Đã kiểm tra lại tệp")
            return result

        self.export_button.setEnabled(False)
        run_job(self.services.jobs, self, _("Đang xuất dữ liệu"), job, self._done, self._failed)

    def _done(self, result) -> None:
        self.export_button.setEnabled(True)
        self.last_batch = result.manifest.batch_id
        self.status.ok(_("Đã ghi và kiểm tra lại tệp {path}.").format(path=result.path))
        self.result_text.setText(_("Lô số {seq}: {n} bản ghi, kỳ {periods}. Tệp đã được đọc lại và kiểm tra đủ mã "
                                   "SHA-256 và chữ ký.").format(seq=result.manifest.sequence, n=result.total,
                                                              periods=Period.parse(result.manifest.period).label()))
        self.fingerprint.setText(result.fingerprint)
        self.result.show()
        self.exported.emit(result.manifest.batch_id)
        self._update_counts()

    def _failed(self, exc, details: str) -> None:
        self.export_button.setEnabled(True)
        if exc is None:
            self.status.error(_("Đã hủy; không có tệp nào được ghi."))
        elif isinstance(exc, (ExchangeError, RuleError, OSError)):
            self.status.error(str(exc))
        else:
            self.status.error(_("Không xuất được dữ liệu: {error}").format(error=exc))

    def print_receipt(self, batch_id: str | None = None) -> Path | None:
        batch_id = batch_id or self.last_batch
        if not batch_id:
            return None
        try:
            document = self.exchange.batches.receipt_document(batch_id)
            target = Path(tempfile.gettempdir()) / f"bien-nhan-{batch_id[:8]}.pdf"
            printing.save_pdf_bytes(printing.document_pdf(document), target)
        except ImportError:
            self.status.error(_("Bản này chưa có bộ dựng PDF."))
            return None
        except (RuleError, OSError) as exc:
            self.status.error(str(exc))
            return None
        open_file(target)
        return target
