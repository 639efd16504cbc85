"""Adjust a layout profile (margins, body text, spacing) and save it as a new profile of the unit's own."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
)

from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui.widgets.dialog_buttons import Button, action_buttons
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.services.documents.settings import DocumentSettings

FIELDS = (
    ("page.top_mm", N_("Lề trên (mm)"), 5, 60, 1),
    ("page.bottom_mm", N_("Lề dưới (mm)"), 5, 60, 1),
    ("page.left_mm", N_("Lề trái (mm)"), 5, 60, 1),
    ("page.right_mm", N_("Lề phải (mm)"), 5, 60, 1),
    ("body.style.size", N_("Cỡ chữ nội dung (pt)"), 10, 16, 0.5),
    ("body.first_line_indent_mm", N_("Thụt đầu dòng (mm)"), 0, 30, 0.5),
    ("body.leading_pt", N_("Khoảng cách dòng (pt)"), 12, 30, 0.5),
    ("body.space_after_pt", N_("Cách đoạn (pt)"), 0, 24, 1),
    ("signature.space_for_signature_mm", N_("Chỗ ký (mm)"), 10, 50, 1),
)


class LayoutDialog(QDialog):
    def __init__(self, documents: DocumentSettings, parent=None) -> None:
        super().__init__(parent)
        self.documents = documents
        self.saved_code = ""
        self.setWindowTitle(_("Mẫu trình bày văn bản"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.base = QComboBox()
        for code, profile in documents.profiles().items():
            self.base.addItem(profile.name or code, code)
        self.base.setCurrentIndex(max(self.base.findData(documents.layout_code()), 0))
        self.code = QLineEdit()
        self.code.setPlaceholderText(_("mã mới, ví dụ XA-2026"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(_("tên mẫu, ví dụ Mẫu của xã (lề trái 35 mm)"))
        form.addRow(_("Dựa trên mẫu"), self.base)
        form.addRow(_("Mã mẫu mới"), self.code)
        form.addRow(_("Tên mẫu mới"), self.name)
        self.spins: dict[str, QDoubleSpinBox] = {}
        for path, label, low, high, step in FIELDS:
            spin = QDoubleSpinBox()
            spin.setRange(low, high)
            spin.setSingleStep(step)
            spin.setDecimals(1)
            self.spins[path] = spin
            form.addRow(_(label), spin)
        self.activate = QCheckBox(_("Dùng mẫu này cho mọi văn bản in ra"))
        self.activate.setChecked(True)
        form.addRow(self.activate)
        layout.addLayout(form)
        self.status = FormStatus()
        layout.addWidget(self.status)
        layout.addWidget(action_buttons(self, _("Lưu"), self.save, kind=Button.Save))
        self.base.currentIndexChanged.connect(lambda _i: self._load_values())
        self._load_values()

    def _load_values(self) -> None:
        profile = self.documents.profile(self.base.currentData())
        for path, spin in self.spins.items():
            spin.setValue(self.documents.value(profile, path))

    def save(self) -> None:
        try:
            profile = self.documents.save_copy(self.base.currentData(), self.code.text(), self.name.text(),
                                               {path: spin.value() for path, spin in self.spins.items()},
                                               activate=self.activate.isChecked())
        except RuleError as exc:
            self.status.error(str(exc))
            return
        self.saved_code = profile.code
        self.accept()
