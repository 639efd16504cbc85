"""Who held which post: every post of the list with its holders, newest term first, ended terms greyed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
)

from danvan_desktop.domain.formats import short_date
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.members import BlocMember, BlocRole
from danvan_desktop.gui.widgets.dialog_buttons import close_buttons
from danvan_desktop.gui.widgets.fit import fit_to_screen
from danvan_desktop.services.roster.service import RosterService

TERM_ROLE = Qt.ItemDataRole.UserRole + 1


class PostHistoryDialog(QDialog):
    def __init__(self, roster: RosterService, parent=None) -> None:
        super().__init__(parent)
        self.roster = roster
        self.setWindowTitle(_("Lịch sử chức danh trong khối"))
        fit_to_screen(self, 1100, 600)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Mỗi chức danh và những đồng chí đã giữ, nhiệm kỳ gần nhất ở trên. "
                                  "Nhiệm kỳ đã kết thúc in màu xám.")))
        self.show_empty = QCheckBox(_("Hiện cả chức danh chưa có ai giữ"))
        layout.addWidget(self.show_empty)
        self.model = QStandardItemModel(self)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setUniformRowHeights(True)
        layout.addWidget(self.view, 1)
        buttons = close_buttons(self)
        layout.addWidget(buttons)
        self.show_empty.toggled.connect(lambda _c: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        today = self.roster.today()
        names = self.roster.post_names()
        self.model.clear()
        self.model.setHorizontalHeaderLabels([_("Chức danh / Họ và tên"), _("Vai trò"), _("Từ ngày"),
                                              _("Quyết định bắt đầu"), _("Đến ngày"), _("Quyết định thôi")])
        bold = QFont()
        bold.setBold(True)
        grey = QBrush(QColor("#777777"))
        for code, terms in self.roster.post_holders().items():
            if not terms and not self.show_empty.isChecked():
                continue
            post = QStandardItem(names.get(code, code))
            post.setFont(bold)
            filler = [QStandardItem("") for _i in range(5)]
            if not terms:
                filler[0].setText(_("(chưa có ai)"))
            elif not any(t.is_current(today) for t in terms):
                filler[0].setText(_("đang trống"))      # held before, nobody now: what to fill first
                filler[0].setForeground(QBrush(QColor("#b3261e")))
            self.model.appendRow([post, *filler])
            for term in terms:
                cells = self._term_cells(term)
                if not term.is_current(today):
                    for cell in cells:
                        cell.setForeground(grey)
                post.appendRow(cells)
        self.view.expandAll()
        header = self.view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    @staticmethod
    def _term_cells(term: BlocMember) -> list[QStandardItem]:
        cells = [QStandardItem(term.full_name), QStandardItem(BlocRole(term.bloc_role).label),
                 QStandardItem(short_date(term.start_date)), QStandardItem(term.start_decision),
                 QStandardItem(short_date(term.end_date) if term.end_date else _("đương nhiệm")),
                 QStandardItem(term.end_decision)]
        cells[0].setData(term.id, TERM_ROLE)
        return cells

    def rows(self) -> list[tuple[str, list[str]]]:
        """(post, [holders' names]) as shown — what a user reads off the dialog."""
        result = []
        for r in range(self.model.rowCount()):
            post = self.model.item(r, 0)
            result.append((post.text(), [post.child(i, 0).text() for i in range(post.rowCount())]))
        return result
