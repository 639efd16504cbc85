"""Các lô đã trao đổi: batches exported (Đã xuất → Đã nhận) and imported; conflicts kept for review."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.formats import number, short_date
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui import file_dialogs
from danvan_desktop.gui.models.record_table_model import Column
from danvan_desktop.gui.pages.handover.common import PagedRows, RecordTable
from danvan_desktop.gui.widgets.fit import wrapping_label
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.handover.batches import RECEIVED_PAGE, created_day, short_period, table_label


def _day(iso: str | None) -> str:
    return short_date(created_day(iso)) if iso else ""


def _recipient(batch) -> str:
    return _("Cấp trên") if batch.recipient == "upper" else _("Máy khác của đơn vị")


def _summary(counts: dict) -> str:
    return _("{new} mới, {changed} cập nhật, {conflict} xung đột, {refused} từ chối").format(
        new=counts.get("new", 0), changed=counts.get("changed", 0), conflict=counts.get("conflict", 0),
        refused=counts.get("refused", 0))


class BatchesTab(QWidget):
    def __init__(self, services: AppServices, print_receipt, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        layout = QVBoxLayout(self)
        layout.addWidget(wrapping_label(QLabel(_("<b>Đã xuất</b> — một lô chuyển sang «Đã nhận» khi biên nhận "
                                                 "của nơi nhận được nhập vào máy này."))))
        self.out = RecordTable([
            Column(_("Lô số"), lambda b: b.sequence, align_right=True),
            Column(_("Ngày xuất"), lambda b: _day(b.created_at), lambda b: b.created_at),
            Column(_("Nơi nhận"), _recipient),
            Column(_("Kỳ"), lambda b: short_period(b.period) if b.period else ", ".join(b.periods)),
            Column(_("Số bản ghi"), lambda b: number(b.total), lambda b: b.total, align_right=True),
            Column(_("Tệp"), lambda b: b.file_name),
            Column(_("Tình trạng"), lambda b: _("Đã nhận {day}").format(day=_day(b.acknowledged_at))
                   if b.acknowledged_at else _("Đã xuất — chờ biên nhận")),
        ])
        self.out.model_.muted = lambda b: bool(b.acknowledged_at)
        self.out.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        buttons = QHBoxLayout()
        receipt = QPushButton(_("In biên nhận của lô…"))
        receipt.clicked.connect(lambda: self.out.current() and print_receipt(self.out.current().batch_id))
        buttons.addWidget(receipt)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(_("Nhắc khi chưa có biên nhận sau")))
        self.ack_days = QSpinBox()
        self.ack_days.setRange(1, 90)
        self.ack_days.setSuffix(_(" ngày"))
        self.ack_days.valueChanged.connect(self._ack_days_changed)
        buttons.addWidget(self.ack_days)
        top = QWidget()
        box = QVBoxLayout(top)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.out)
        box.addLayout(buttons)
        self.incoming = RecordTable([
            Column(_("Tệp"), lambda b: b.file_name),
            Column(_("Đơn vị gửi"), lambda b: b.sender_unit_name),
            Column(_("Lô số"), lambda b: b.sequence if b.kind == "batch" else _("biên nhận"), align_right=True),
            Column(_("Ngày xuất"), lambda b: _day(b.created_at), lambda b: b.created_at),
            Column(_("Ngày nhập"), lambda b: _day(b.imported_at), lambda b: b.imported_at),
            Column(_("Kỳ"), lambda b: short_period(b.period) if b.period else ", ".join(b.periods)),
            Column(_("Kết quả"), lambda b: _summary(b.summary) if b.kind == "batch" else ""),
        ])
        self.incoming.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.received = PagedRows(self.incoming, services.exchange.batches.received, RECEIVED_PAGE)
        write = QPushButton(_("Ghi biên nhận cho lô đã nhập…"))
        write.clicked.connect(self.write_receipt)
        bottom = QWidget()
        box = QVBoxLayout(bottom)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(_("<b>Đã nhận</b>")))
        box.addWidget(self.incoming)
        row = QHBoxLayout()
        row.addWidget(write)
        row.addWidget(self.received.more)
        row.addStretch(1)
        box.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout.addWidget(splitter, 1)
        self.status = FormStatus()
        layout.addWidget(self.status)

    def _ack_days_changed(self, days: int) -> None:
        try:
            self.services.exchange.batches.set_ack_warn_days(days)
        except RuleError as exc:
            self.status.error(str(exc))

    def refresh(self) -> None:
        self.ack_days.blockSignals(True)
        self.ack_days.setValue(self.services.exchange.batches.ack_warn_days())
        self.ack_days.blockSignals(False)
        log = self.services.exchange.log
        self.out.set_rows(log.batches_out())
        self.received.reload()

    def write_receipt(self) -> None:
        batch = self.incoming.current()
        if batch is None or batch.kind != "batch":
            self.status.error(_("Hãy chọn một lô dữ liệu đã nhập."))
            return
        folder = file_dialogs.folder(self, _("Ghi biên nhận vào thư mục (thường là USB)"))
        if not folder:
            return
        try:
            path = self.services.exchange.receipts.write_receipt(batch.batch_id, folder)
        except (RuleError, OSError) as exc:
            self.status.error(str(exc))
            return
        self.status.ok(_("Đã ghi biên nhận {path}.").format(path=path))


class ConflictsTab(QWidget):
    resolved = Signal()

    def __init__(self, services: AppServices, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        layout = QVBoxLayout(self)
        intro = QLabel(_("Những bản ghi được sửa ở cả hai máy kể từ lần trao đổi trước. Chương trình đang dùng bản "
                         "sửa sau cùng; hãy xem và chọn giữ bản đó hay dùng bản kia."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = RecordTable([
            Column(_("Loại dữ liệu"), lambda c: table_label(c.table_name)),
            Column(_("Trường"), lambda c: ", ".join(c.fields)),
            Column(_("Bản đang dùng"), lambda c: "; ".join(str(c.kept_version.get(f, "")) for f in c.fields)),
            Column(_("Bản kia"), lambda c: "; ".join(str(c.other_version.get(f, "")) for f in c.fields)),
            Column(_("Phát hiện"), lambda c: _day(c.detected_at), lambda c: c.detected_at),
        ])
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        keep = QPushButton(_("Giữ bản đang dùng"))
        other = QPushButton(_("Dùng bản kia"))
        keep.clicked.connect(lambda: self.resolve(False))
        other.clicked.connect(lambda: self.resolve(True))
        row.addWidget(keep)
        row.addWidget(other)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = FormStatus()
        layout.addWidget(self.status)

    def refresh(self) -> None:
        self.table.set_rows(self.services.exchange.batches.conflicts())

    def count(self) -> int:
        """Conflicts waiting (read again: the tab's table is filled only while it is shown)."""
        return len(self.services.exchange.batches.conflicts())

    def resolve(self, use_other: bool) -> None:
        conflict = self.table.current()
        if conflict is None:
            self.status.error(_("Hãy chọn một xung đột."))
            return
        try:
            self.services.exchange.batches.resolve(conflict.seq, use_other=use_other)
        except RuleError as exc:
            self.status.error(str(exc))
            return
        self.status.ok(_("Đã xử lý xung đột."))
        self.refresh()
        self.resolved.emit()
