"""The small window that records one progress note: date, village, what was done, optional figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.tasks import FIGURES
from danvan_desktop.gui.widgets.dialog_buttons import action_buttons
from danvan_desktop.gui.widgets.form_status import FormStatus


class ProgressDialog(QDialog):
    """Calls `save(values)` on OK; a RuleError stays in the dialog, under the form, and nothing closes."""

    def __init__(self, task_title: str, villages: list[tuple[str, str]], today: dt.date,
                 save: Callable[[dict], object], village_id: str = "", parent=None) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(_("Ghi kết quả thực hiện"))
        layout = QVBoxLayout(self)
        heading = QLabel(task_title)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight:bold;")
        layout.addWidget(heading)
        form = QFormLayout()
        self.noted_on = QDateEdit()
        self.noted_on.setDisplayFormat("dd/MM/yyyy")
        self.noted_on.setCalendarPopup(True)
        self.noted_on.setDate(QDate(today.year, today.month, today.day))
        self.village = QComboBox()
        self.village.addItem(_("Cả nhiệm vụ (không riêng thôn nào)"), "")
        for vid, name in villages:
            self.village.addItem(name, vid)
        if village_id:
            self.village.setCurrentIndex(max(0, self.village.findData(village_id)))
        self.result = QPlainTextEdit()
        self.result.setPlaceholderText(_("Đã làm gì, kết quả ra sao…"))
        self.result.setMinimumHeight(80)
        form.addRow(_("Ngày"), self.noted_on)
        form.addRow(_("Thôn"), self.village)
        form.addRow(_("Kết quả"), self.result)
        layout.addLayout(form)
        box = QGroupBox(_("Số liệu (để 0 nếu không có)"))
        grid = QGridLayout(box)
        self.figures: dict[str, QSpinBox] = {}
        for i, (code, label) in enumerate(FIGURES):
            spin = QSpinBox()
            spin.setRange(0, 10_000_000)
            spin.setGroupSeparatorShown(True)
            self.figures[code] = spin
            grid.addWidget(QLabel(_(label)), i // 2, (i % 2) * 2)
            grid.addWidget(spin, i // 2, (i % 2) * 2 + 1)
        layout.addWidget(box)
        self.highlight = QCheckBox(_("Kết quả nổi bật (đưa vào báo cáo)"))
        layout.addWidget(self.highlight)
        self.status = FormStatus()
        layout.addWidget(self.status)
        layout.addWidget(action_buttons(self, _("Ghi kết quả"), self.try_accept))
        self.resize(560, 0)

    def values(self) -> dict:
        q = self.noted_on.date()
        return {"noted_on": dt.date(q.year(), q.month(), q.day()), "village_id": self.village.currentData() or "",
                    "result": self.result.toPlainText(), "highlight": self.highlight.isChecked(),
                    "figures": {code: spin.value() for code, spin in self.figures.items() if spin.value()}}

    def try_accept(self) -> bool:
        try:
            self._save(self.values())
        except RuleError as exc:
            self.status.error(str(exc))
            return False
        self.accept()
        return True
