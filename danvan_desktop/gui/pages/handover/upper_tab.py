"""Cấp trên: which communes handed over for a period (on time, late, missing), the consolidated report,
and the communes' approved documents as received."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.formats import short_date
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.text import fold
from danvan_desktop.gui import file_dialogs
from danvan_desktop.gui.models.record_table_model import Column, RecordTableModel
from danvan_desktop.gui.pages.handover.batches_tab import _day
from danvan_desktop.gui.pages.handover.common import PagedRows, RecordTable, open_file, period_choices
from danvan_desktop.gui.pages.handover.consolidated_tab import with_parts, write_file
from danvan_desktop.gui.theme import set_role
from danvan_desktop.gui.widgets.flow_layout import FlowLayout
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.upper.completeness import summary_line
from danvan_desktop.services.upper.service import DOCUMENTS_PAGE, EARLY, LATE, MISSING, NOT_DUE, ON_TIME

STATUS_COLORS = {EARLY: "#1f4e79", ON_TIME: "#1e6b35", LATE: "#a15c00", MISSING: "#b3261e", NOT_DUE: "#555555"}
STATUS_COLUMN = 2


class CompletenessModel(RecordTableModel):
    """The status column in its colour: green on time, amber late, red missing, grey not yet due."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.column() == STATUS_COLUMN:
            row = self.row_object(index.row())
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(STATUS_COLORS[row.status]))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(row.status != NOT_DUE)
                return font
        return super().data(index, role)


def _group(*widgets: QWidget) -> QWidget:
    """Widgets that read as one phrase, kept on one line when the row around them wraps."""
    group = QWidget()
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    return group


class CompletenessTab(QWidget):
    def __init__(self, services: AppServices, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.upper = services.exchange.upper
        layout = QVBoxLayout(self)
        top = FlowLayout()          # wraps in a narrow window (English, a large text) rather than widen the page
        self.period = QComboBox()
        self.period.setMinimumWidth(200)
        top.addWidget(_group(QLabel(_("Kỳ:")), self.period))
        self.window_start = QSpinBox()
        self.window_start.setRange(1, 28)
        self.window_start.setToolTip(_("1: theo tháng dương lịch; 15: kỳ tháng từ ngày 15 tháng trước đến ngày 14"))
        self.due_day = QSpinBox()
        self.due_day.setRange(1, 28)
        top.addWidget(_group(QLabel(_("Kỳ tháng bắt đầu từ ngày")), self.window_start, QLabel(_("; hạn nộp: ngày")),
                             self.due_day, QLabel(_("sau khi hết kỳ"))))
        self.report_button = QPushButton(_("Báo cáo tổng hợp (PDF)…"))
        self.report_button.setStyleSheet("font-weight:bold; padding:6px 14px;")
        # clicked(bool) would hand its `checked` False in as the target path: the slot takes no argument
        self.report_button.clicked.connect(lambda _checked=False: self.consolidated_report())
        top.addWidget(self.report_button)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setWordWrap(True)   # a long line must not widen the page past a 1366-pixel screen
        set_role(self.summary, "summary")
        layout.addWidget(self.summary)
        self.table = RecordTable([
            Column(_("Đơn vị"), lambda r: r.unit_name, lambda r: fold(r.unit_name)),
            Column(_("Mã"), lambda r: r.unit_code),
            Column(_("Tình trạng"), lambda r: r.status_text,
                   lambda r: [EARLY, ON_TIME, NOT_DUE, LATE, MISSING].index(r.status)),
            Column(_("Ngày nộp"), lambda r: short_date(r.handed_at), lambda r: r.handed_at or ""),
            Column(_("Hạn nộp"), lambda r: short_date(r.due), lambda r: r.due),
            Column(_("Số tháng đã nộp"), lambda r: r.months_text, lambda r: len(r.delivered), align_right=True),
        ], model_type=CompletenessModel, stretch=0)
        self.table.model_.warn = lambda r: r.status == MISSING
        self.table.model_.muted = lambda r: r.status == NOT_DUE
        layout.addWidget(self.table, 2)
        layout.addWidget(QLabel(_("<b>Văn bản đã duyệt nhận từ các xã</b> (chỉ xem)")))
        self.documents = RecordTable([
            Column(_("Đơn vị"), lambda d: d["unit_name"], lambda d: fold(d["unit_name"])),
            Column(_("Văn bản"), lambda d: d["title"]),
            Column(_("Ngày nhận"), lambda d: _day(d["received_at"]), lambda d: d["received_at"]),
        ], stretch=1)
        self.documents.doubleClicked.connect(lambda _i: self.open_document())
        self.received = PagedRows(self.documents, self.upper.documents, DOCUMENTS_PAGE)   # newest first
        layout.addWidget(self.documents, 1)
        row = QHBoxLayout()
        view = QPushButton(_("Xem văn bản"))
        view.clicked.connect(self.open_document)
        row.addWidget(view)
        row.addWidget(self.received.more)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = FormStatus()
        layout.addWidget(self.status)
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.due_day.valueChanged.connect(self._due_rule_changed)
        self.window_start.valueChanged.connect(self._due_rule_changed)

    def refresh(self) -> None:
        current = self.period.currentData()
        self.period.blockSignals(True)
        self.period.clear()
        for label, code in period_choices(self.upper, self.services.today()):
            self.period.addItem(label, code)
        if not current:
            current = self.upper.reporting_period().code
        if current and self.period.findData(current) >= 0:
            self.period.setCurrentIndex(self.period.findData(current))
        self.period.blockSignals(False)
        rule = self.upper.due_rule()
        for box, value in ((self.due_day, rule.due_day), (self.window_start, rule.window_start)):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        self.reload()

    def apply_filters(self, period: str | None = None, **_filters) -> None:
        if period and self.period.findData(period) >= 0:
            self.period.setCurrentIndex(self.period.findData(period))

    def selected_period(self) -> Period:
        return Period.parse(self.period.currentData() or Period.containing(self.services.today()).code)

    def reload(self) -> None:
        period = self.selected_period()
        rows = self.upper.completeness(period)
        self.table.set_rows(rows)
        self.summary.setText(summary_line(period, rows, self.upper.due_date(period)))
        self.received.reload()

    def _due_rule_changed(self, _value: int = 0) -> None:
        try:
            self.upper.set_due_rule(self.due_day.value(), self.window_start.value())
        except RuleError as exc:
            self.status.error(str(exc))
            return
        self.reload()

    def consolidated_report(self, target: Path | None = None) -> None:
        """The period's consolidated report as PDF (drafted from the records first if it has none); the reading
        and the rendering run on the job runner."""
        period = self.selected_period()
        if target is None:
            name, _f = file_dialogs.save_file(self, _("Lưu báo cáo tổng hợp"),
                                              f"bao-cao-tong-hop-{period.code}.pdf", _("Tệp PDF (*.pdf)"))
            if not name:
                return
            target = Path(name)
        reports = self.upper.reports

        def written(path: Path) -> None:
            self.status.ok(_("Đã ghi báo cáo tổng hợp {path}.").format(path=path))
            open_file(path)

        def drafted(parts) -> None:
            try:
                report = reports.draft_from(period.code, parts) if parts else reports.get_or_draft(period.code)
            except RuleError as exc:
                self.status.error(str(exc))
                return
            write_file(self, reports, report.id, "pdf", target, written, self.status.error)

        if reports.current_for(period.code) is not None:
            drafted(None)
        else:
            with_parts(self, self.services, period.code, drafted, self.status.error)

    def open_document(self) -> None:
        document = self.documents.current()
        if document is None:
            self.status.error(_("Hãy chọn một văn bản."))
            return
        path = Path(document["stored_path"])
        if not path.exists():
            self.status.error(_("Không còn tệp {path}.").format(path=path))
            return
        open_file(path)
