"""The form of one “Dân vận khéo” model: name, field, owner, year, recognition and results."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

from danvan_desktop.domain.dvk import DvkField, DvkModel, OwnerKind, Recognition
from danvan_desktop.domain.i18n import _
from danvan_desktop.gui.widgets.date_field import DateField
from danvan_desktop.gui.widgets.record_form import RecordForm


class DvkForm(RecordForm):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._model: DvkModel | None = None
        self._owners: dict[str, list[tuple[str, str]]] = {}
        form = self.rows
        self.name = QLineEdit()
        self.field = QComboBox()
        for f in DvkField:
            self.field.addItem(f.label, f.value)
        self.owner_kind = QComboBox()
        for o in OwnerKind:
            self.owner_kind.addItem(o.label, o.value)
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.registered_on = DateField()
        self.recognition = QComboBox()
        for r in Recognition:
            self.recognition.addItem(r.label, r.value)
        self.recognised_on = DateField()
        self.results = QPlainTextEdit()
        self.results.setTabChangesFocus(True)
        self.results.setPlaceholderText(_("Kết quả, hiệu quả của mô hình"))
        form.addRow(_("Tên mô hình"), self.name)
        form.addRow(_("Lĩnh vực"), self.field)
        form.addRow(_("Chủ thể"), self.owner_kind)
        form.addRow(_("Thôn / tổ chức / cá nhân"), self.owner)
        form.addRow(_("Năm xây dựng"), self.year)
        form.addRow(_("Ngày đăng ký"), self.registered_on)
        form.addRow(_("Công nhận"), self.recognition)
        form.addRow(_("Ngày công nhận"), self.recognised_on)
        form.addRow(_("Kết quả"), self.results)
        buttons = self.standard_buttons(_("Mô hình mới (Ctrl+N)"), save_text=_("Lưu (Ctrl+S)"), tips=False)
        self.finish(self.button_row(*buttons), status_first=False)
        self.owner_kind.currentIndexChanged.connect(lambda _i: self._fill_owners())

    def set_owners(self, villages: list[tuple[str, str]], members: list[tuple[str, str]],
                   organisations: list[str]) -> None:
        self._owners = {OwnerKind.VILLAGE.value: villages, OwnerKind.MEMBER.value: members,
                        OwnerKind.ORGANISATION.value: [("", name) for name in organisations]}
        self._fill_owners()

    def _fill_owners(self) -> None:
        text = self.owner.currentText()
        self.owner.clear()
        for owner_id, label in self._owners.get(self.owner_kind.currentData(), []):
            self.owner.addItem(label, owner_id or None)
        self.owner.setEditText(text if self.owner.findText(text) >= 0 else self.owner.currentText())

    def load(self, model: DvkModel | None, today: dt.date) -> None:
        self._model = model
        model = model or DvkModel(year=today.year, registered_on=today)
        self.name.setText(model.name)
        self.field.setCurrentIndex(max(self.field.findData(model.field), 0))
        self.owner_kind.setCurrentIndex(max(self.owner_kind.findData(model.owner_kind), 0))
        self._fill_owners()
        self.owner.setEditText(model.owner_name)
        self.year.setValue(model.year or today.year)
        self.registered_on.set_value(model.registered_on)
        self.recognition.setCurrentIndex(max(self.recognition.findData(model.recognition), 0))
        self.recognised_on.set_value(model.recognised_on)
        self.results.setPlainText(model.results)
        self.mark_loaded(self._model)

    def model(self) -> DvkModel:
        values = dict((self._model or DvkModel()).__dict__)
        index = self.owner.findText(self.owner.currentText())
        values.update(name=self.name.text(), field=self.field.currentData(), owner_kind=self.owner_kind.currentData(),
                      owner_id=self.owner.itemData(index) if index >= 0 else None,
                      owner_name=self.owner.currentText(), year=self.year.value(),
                      registered_on=self.registered_on.value(), recognition=self.recognition.currentData(),
                      recognised_on=self.recognised_on.value(), results=self.results.toPlainText())
        return DvkModel(**values)
