"""The changes of one record: when, who, what was done, and each field's old and new value."""

from __future__ import annotations

from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
)

from danvan_desktop.domain.i18n import _
from danvan_desktop.gui.widgets.dialog_buttons import close_buttons
from danvan_desktop.gui.widgets.fit import fit_to_screen
from danvan_desktop.services.unit.change_log import Change


class ChangeLogDialog(QDialog):
    def __init__(self, title: str, changes: list[Change], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Nhật ký thay đổi"))
        fit_to_screen(self, 900, 520)
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setStyleSheet("font-weight:bold;")
        layout.addWidget(heading)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([_("Thời gian / Nội dung"), _("Người sửa / Trước"), _("Sau")])
        bold = QFont()
        bold.setBold(True)
        for change in reversed(changes):          # newest first: what the officer looks for
            when = QStandardItem(f"{change.when} — {change.action}")
            when.setFont(bold)
            row = [when, QStandardItem(change.actor), QStandardItem("")]
            for field in change.fields:
                when.appendRow([QStandardItem(field.field), QStandardItem(field.before), QStandardItem(field.after)])
            self.model.appendRow(row)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.expandAll()
        self.view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.header().setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        if not changes:
            layout.addWidget(QLabel(_("Chưa có thay đổi nào được ghi.")))
        buttons = close_buttons(self)
        layout.addWidget(buttons)

    def lines(self) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
        """(when — action, who, [(field, before, after)]) as shown, newest first."""
        result = []
        for r in range(self.model.rowCount()):
            top = self.model.item(r, 0)
            fields = [(top.child(i, 0).text(), top.child(i, 1).text(), top.child(i, 2).text())
                      for i in range(top.rowCount())]
            result.append((top.text(), self.model.item(r, 1).text(), fields))
        return result
