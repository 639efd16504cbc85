"""The form beside the villages: a village's name and kind, who follows it, and what merged into it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.unit import VILLAGE_KINDS, Village
from danvan_desktop.gui.widgets.record_form import RecordForm

DEFAULT_KIND = Village.kind     # "thôn": the kind a village is stored with unless another is chosen (domain)


class VillageForm(RecordForm):
    merge_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._village: Village | None = None
        self.name = QLineEdit()
        self.kind = QComboBox()
        self.kind.setEditable(True)
        for kind in VILLAGE_KINDS:
            self.kind.addItem(_(kind), kind)
        self.rows.addRow(_("Tên thôn"), self.name)
        self.rows.addRow(_("Loại"), self.kind)
        save, new, delete = self.standard_buttons(_("Thêm mới"), tips=False)
        self.finish(self.button_row(new, save, delete), stretch=False)
        self.merge_button = self.action_button(
            _("Sáp nhập vào thôn khác…"), self.merge_requested,
            _("Thôn này đã sáp nhập vào thôn khác: thôn được giữ lại để tra cứu, "
              "thành viên khối phụ trách chuyển sang thôn mới."))
        self.outer.addWidget(self.merge_button)
        self.followers = QLabel()
        self.followers.setWordWrap(True)
        self.outer.addWidget(self.followers)
        self.merged_note = QLabel()
        self.merged_note.setWordWrap(True)
        self.merged_note.setStyleSheet("color:#555555;")
        self.outer.addWidget(self.merged_note)
        self.outer.addStretch(1)
        self.enter_moves_on(last=self.name)

    def load(self, village: Village | None, followers: list[str], merged: list[str], can_merge: bool) -> None:
        self._village = village
        self.name.setText(village.name if village else "")
        kind = village.kind if village else DEFAULT_KIND
        index = self.kind.findData(kind)
        if index >= 0:
            self.kind.setCurrentIndex(index)
        else:
            self.kind.setEditText(kind)
        self.merge_button.setEnabled(village is not None and can_merge)
        self.followers.setText(_("Thành viên khối phụ trách: {names}").format(names=", ".join(followers))
                               if followers else (_("Chưa có thành viên khối nào phụ trách thôn này.") if village
                                                  else ""))
        self.merged_note.setText(_("Đã sáp nhập vào thôn này: {names}").format(names=", ".join(merged))
                                 if merged else "")
        self.mark_loaded(village)

    def village(self) -> Village:
        # a kind from the list is stored untranslated; one the officer typed is stored as typed
        listed = self.kind.currentData()
        kind = listed if listed and self.kind.currentText() == _(listed) else self.kind.currentText()
        if self._village is None:
            return Village(name=self.name.text(), kind=kind or DEFAULT_KIND)
        return Village(**{**self._village.__dict__, "name": self.name.text(), "kind": kind or DEFAULT_KIND})
