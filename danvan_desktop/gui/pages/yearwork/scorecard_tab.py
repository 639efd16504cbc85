"""The scorecard tab: every target with the commune's value, its source and the verdict; typed targets
take a value and their evidence here. At the upper level: every commune's scorecard, sortable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.targets import TYPED
from danvan_desktop.gui.models.record_table_model import Column, RecordTableModel
from danvan_desktop.gui.theme import set_role, set_tone
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.gui.widgets.record_table_view import record_table_view
from danvan_desktop.gui.worker import run_job
from danvan_desktop.services.yearwork.scorecard import every_commune_of

GREEN, RED = "#1e6b35", "#b3261e"


class _VerdictModel(RecordTableModel):
    """Colours the verdict column: green when met, red when not."""

    verdict_column = -1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == self.verdict_column:
            met = self.row_object(index.row()).met
            if met is not None:
                return QBrush(QColor(GREEN if met else RED))
        return super().data(index, role)


class ScorecardTab(QWidget):
    def __init__(self, services, work, events, parent=None) -> None:
        super().__init__(parent)
        self.services, self.work, self.events = services, work, events
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(services.today().year)
        self.year.setPrefix(_("Năm "))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        set_role(self.summary, "summary")
        top.addWidget(self.year)
        top.addWidget(self.summary, 1)
        layout.addLayout(top)
        self.model = _VerdictModel([
            Column(_("Nhóm"), lambda s: _(s.target.group)),
            Column(_("Chỉ tiêu"), lambda s: _(s.target.name)),
            Column(_("Kết quả"), lambda s: s.value_text(), lambda s: s.value if s.value is not None else -1),
            Column(_("Mức"), lambda s: s.threshold_text()),
            Column(_("Nguồn"), lambda s: s.source_text()),
            Column(_("Đánh giá"), lambda s: s.verdict_text()),
            Column(_("Căn cứ"), lambda s: s.evidence),
        ], self)
        self.model.verdict_column = 5
        self.table = record_table_view(self.model)
        self.table.setSortingEnabled(False)            # the profile's order: party, bloc, government
        self.model.sort(-1)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(1, 360)
        self.table.setColumnWidth(6, 220)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        # typed targets: value and evidence
        self.typed = QWidget()
        form = QFormLayout(self.typed)
        self.typed_name = QLabel()
        self.typed_name.setWordWrap(True)
        self.typed_value = QCheckBox(_("Đã thực hiện"))
        self.typed_evidence = QLineEdit()
        self.typed_evidence.setPlaceholderText(_("Căn cứ: số, ngày văn bản (ví dụ Quyết định số 12-QĐ/ĐU ngày "
                                                 "15/01/2026)"))
        self.typed_save = QPushButton(_("Lưu chỉ tiêu nhập tay"))
        self.status = FormStatus()
        form.addRow(_("Chỉ tiêu"), self.typed_name)
        form.addRow("", self.typed_value)
        form.addRow(_("Căn cứ"), self.typed_evidence)
        form.addRow(self.typed_save, self.status)
        layout.addWidget(self.typed)
        self.typed.setEnabled(False)
        levels = QHBoxLayout()
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0, 1000)
        self.threshold.setDecimals(0)
        self.threshold_save = QPushButton(_("Lưu mức chỉ tiêu"))
        self.threshold_reset = QPushButton(_("Dùng bộ chỉ tiêu 862-KL/TU"))
        levels.addWidget(QLabel(_("Mức của chỉ tiêu đang chọn")))
        levels.addWidget(self.threshold)
        levels.addWidget(self.threshold_save)
        levels.addStretch(1)
        levels.addWidget(self.threshold_reset)
        layout.addLayout(levels)
        self.threshold.setEnabled(False)
        self.threshold_save.setEnabled(False)
        self.threshold_save.clicked.connect(self.save_threshold)
        self.threshold_reset.clicked.connect(self.reset_profile)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.typed_save.clicked.connect(self.save_typed)
        self.refresh()

    def refresh(self) -> None:
        scores = self.work.scorecard.scores(self.year.value())
        self.model.set_rows(scores)
        met = sum(1 for s in scores if s.met)
        judged = sum(1 for s in scores if s.met is not None)
        self.summary.setText(_("Đạt {met}/{judged} chỉ tiêu năm {year} — {profile}").format(
            met=met, judged=judged, year=self.year.value(), profile=_(self.work.scorecard.profile().name)))
        set_tone(self.summary, "ok" if met == judged else "bad")
        self.typed.setEnabled(False)
        self.threshold.setEnabled(False)
        self.threshold_save.setEnabled(False)
        self.typed_name.setText(_("Chọn một chỉ tiêu nhập tay trong bảng."))

    def _on_current(self, current, _previous) -> None:
        score = self.model.row_object(current.row()) if current.isValid() else None
        typed = score is not None and score.target.source == TYPED
        self.typed.setEnabled(typed)
        self.status.clear_status()
        levelled = score is not None and score.target.unit != "yes"
        self.threshold.setEnabled(levelled)
        self.threshold_save.setEnabled(levelled)
        if score is not None:
            self.current_code = score.target.code
            self.threshold.setValue(score.target.threshold)
        if not typed:
            self.typed_name.setText(_("Chỉ tiêu này đếm từ dữ liệu của chương trình.") if score else "")
            return
        self.current_code = score.target.code
        self.typed_name.setText(_(score.target.name))
        self.typed_value.setChecked(bool(score.value))
        self.typed_evidence.setText(score.evidence)

    def save_threshold(self) -> None:
        try:
            self.work.scorecard.set_threshold(self.current_code, self.threshold.value())
        except RuleError as exc:
            self.status.error(str(exc))
            return
        self.refresh()
        self.status.ok(_("Đã lưu mức chỉ tiêu (bộ chỉ tiêu của đơn vị)."))

    def reset_profile(self) -> None:
        self.work.scorecard.reset_profile()
        self.refresh()
        self.status.ok(_("Đã dùng lại bộ chỉ tiêu theo Kết luận 862-KL/TU."))

    def save_typed(self) -> None:
        try:
            self.work.scorecard.set_typed(self.year.value(), self.current_code,
                                          1.0 if self.typed_value.isChecked() else 0.0, self.typed_evidence.text())
        except RuleError as exc:
            self.status.error(str(exc))
            return
        self.refresh()
        self.status.ok(_("Đã lưu."))
        self.events.changed.emit("scorecard_entries")


class _HeaderTipModel(RecordTableModel):
    """Short column titles; the target's whole name as the header's tooltip."""

    tips: list[str] = []

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal \
                and section < len(self.tips) and self.tips[section]:
            return self.tips[section]
        return super().headerData(section, orientation, role)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() >= 2:
            met = self.row_object(index.row()).scores[index.column() - 2].met
            if met is not None:
                return QBrush(QColor(GREEN if met else RED))
        return super().data(index, role)


class CommunesScorecardTab(QWidget):
    """The upper level: one row per commune, one column per target, sortable by any of them."""

    def __init__(self, services, work, parent=None) -> None:
        super().__init__(parent)
        self.services, self.work = services, work
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(services.today().year)
        self.year.setPrefix(_("Năm "))
        top.addWidget(self.year)
        top.addWidget(QLabel(_("Kết quả thực hiện chỉ tiêu của các xã (theo dữ liệu đã nhận)")), 1)
        self.note = QLabel()
        top.addWidget(self.note)
        layout.addLayout(top)
        targets = [t for t in work.scorecard.profile().targets if t.enabled]
        self.full_names = ["", ""] + [_(t.name) for t in targets]
        columns = [Column(_("Xã"), lambda r: r.unit_name),
                   Column(_("Đạt"), lambda r: f"{r.met}/{r.judged}", lambda r: (r.met, -r.judged), align_right=True)]
        for index, target in enumerate(targets):
            title = _(target.short) if target.short else _(target.name)[:18] + "…"
            columns.append(Column(title,
                                  lambda r, i=index: r.scores[i].value_text(),
                                  lambda r, i=index: r.scores[i].value if r.scores[i].value is not None else -1,
                                  tooltip=lambda r, i=index: _(r.scores[i].target.name) + " — "
                                  + r.scores[i].verdict_text()))
        self.model = _HeaderTipModel(columns, self)
        self.model.tips = self.full_names
        self.table = record_table_view(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in range(2, len(columns)):
            self.table.setColumnWidth(column, 125)
        self.table.setColumnWidth(0, 150)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)     # the best first; any column sorts
        layout.addWidget(self.table, 1)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Computed on the job runner (200 communes take about a second)."""
        year = self.year.value()

        def job(services):
            yield 0, 0, _("Đang tính kết quả chỉ tiêu của các xã…")
            return every_commune_of(services.db, year, services.today)

        self.note.setText(_("Đang tính…"))
        run_job(self.services.jobs, self, _("Chỉ tiêu các xã"), job, self._loaded, self._failed)

    def _loaded(self, rows) -> None:
        self.model.set_rows(rows)
        self.note.setText(_("{n} xã").format(n=len(rows)))

    def _failed(self, exc, _details: str) -> None:
        self.note.setText(str(exc) if exc else _("Đã hủy."))
