"""Paste a list of village names (one a line, or from an Excel column)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QPlainTextEdit, QVBoxLayout

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.text import split_names
from danvan_desktop.domain.unit import VILLAGE_KINDS
from danvan_desktop.gui.widgets.dialog_buttons import action_buttons


class PasteNamesDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Dán danh sách thôn"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Mỗi dòng một tên (có thể dán từ Excel hoặc Word):")))
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)   # Tab moves on, as in every other field
        layout.addWidget(self.editor)
        self.kind_box = QComboBox()
        for kind in VILLAGE_KINDS:
            self.kind_box.addItem(_(kind), kind)
        layout.addWidget(self.kind_box)
        self.count = QLabel()
        layout.addWidget(self.count)
        layout.addWidget(action_buttons(self, _("Thêm")))
        self.editor.textChanged.connect(
            lambda: self.count.setText(_("{n} tên").format(n=len(split_names(self.editor.toPlainText())))))

    def text(self) -> str:
        return self.editor.toPlainText()

    def kind(self) -> str:
        return self.kind_box.currentData()
