"""The two forms of the Tổ dân vận page: the team itself (founding decision, rules issued) and one team member."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.members import BlocMember
from danvan_desktop.domain.teams import TEAM_POSTS, TeamMember, TeamRole, VillageTeam
from danvan_desktop.gui.widgets.date_field import DateField
from danvan_desktop.gui.widgets.form_status import FormStatus


class TeamInfoForm(QWidget):
    save_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._team: VillageTeam | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.decision = QLineEdit()
        self.decision.setPlaceholderText(_("Ví dụ: Quyết định số 15-QĐ/ĐU"))
        self.founded_on = DateField(optional=True)
        self.has_regulation = QCheckBox(_("Đã ban hành quy chế hoạt động"))
        self.has_programme = QCheckBox(_("Đã có chương trình hoạt động"))
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(80)
        self.note.setTabChangesFocus(True)
        self.followers = QListWidget()
        self.followers.setMaximumHeight(150)
        self.followers.setToolTip(_("Thành viên Khối dân vận được phân công theo dõi thôn này"))
        form.addRow(_("Quyết định thành lập"), self.decision)
        form.addRow(_("Ngày thành lập"), self.founded_on)
        form.addRow("", self.has_regulation)
        form.addRow("", self.has_programme)
        form.addRow(_("Ghi chú"), self.note)
        form.addRow(_("Khối phụ trách"), self.followers)
        layout.addLayout(form)
        self.status = FormStatus()
        layout.addWidget(self.status)
        self.save_button = QPushButton(_("Lưu thông tin tổ"))
        layout.addWidget(self.save_button)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save_requested)

    def load(self, team: VillageTeam, bloc: list[BlocMember] = (), following: list[str] = ()) -> None:
        self._team = team
        self.followers.clear()
        for member in bloc:
            item = QListWidgetItem(member.full_name)
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if member.id in following else Qt.CheckState.Unchecked)
            self.followers.addItem(item)
        self.status.clear_status()
        self.decision.setText(team.founding_decision)
        self.founded_on.set_value(team.founded_on)
        self.has_regulation.setChecked(team.has_regulation)
        self.has_programme.setChecked(team.has_programme)
        self.note.setPlainText(team.note)

    def follower_ids(self) -> list[str]:
        return [self.followers.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.followers.count())
                if self.followers.item(i).checkState() == Qt.CheckState.Checked]

    def team(self) -> VillageTeam:
        assert self._team is not None
        return VillageTeam(**{**self._team.__dict__, "founding_decision": self.decision.text(),
                              "founded_on": self.founded_on.value(), "has_regulation": self.has_regulation.isChecked(),
                              "has_programme": self.has_programme.isChecked(), "note": self.note.toPlainText()})


class TeamMemberForm(QWidget):
    save_requested = Signal()
    new_requested = Signal()
    delete_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._member: TeamMember | None = None
        self._village_id = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(_("Ví dụ: Nguyễn Văn Hải"))
        self.role = QComboBox()
        for role in TeamRole:
            self.role.addItem(role.label, role.value)
        self.post = QComboBox()
        self.post.setEditable(True)
        for post in TEAM_POSTS:
            self.post.addItem(_(post))
        self.phone = QLineEdit()
        form.addRow(_("Họ và tên"), self.full_name)
        form.addRow(_("Vai trò trong tổ"), self.role)
        form.addRow(_("Chức vụ ở thôn"), self.post)
        form.addRow(_("Điện thoại"), self.phone)
        layout.addLayout(form)
        self.status = FormStatus()
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(_("Thêm tổ viên"))
        self.save_button = QPushButton(_("Lưu"))
        self.delete_button = QPushButton(_("Xóa"))
        for b in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save_requested)
        self.new_button.clicked.connect(self.new_requested)
        self.delete_button.clicked.connect(self.delete_requested)
        # Enter moves on; on the last field it saves (Ctrl+S saves from anywhere)
        self.full_name.returnPressed.connect(self.focusNextChild)
        self.phone.returnPressed.connect(self.save_requested)
        self.save_button.setToolTip(_("Lưu (Ctrl+S)"))
        self.delete_button.setToolTip(_("Xóa (Delete); có thể hoàn tác bằng Ctrl+Z"))

    def load(self, member: TeamMember | None, village_id: str) -> None:
        self._member, self._village_id = member, village_id
        m = member or TeamMember(village_id=village_id)
        self.full_name.setText(m.full_name)
        self.role.setCurrentIndex(max(0, self.role.findData(m.team_role)))
        self.post.setEditText(m.post)
        self.phone.setText(m.phone)
        self.delete_button.setEnabled(member is not None)

    def is_new(self) -> bool:
        return self._member is None

    def member(self) -> TeamMember:
        values = {"full_name": self.full_name.text(), "team_role": self.role.currentData(),
                  "post": self.post.currentText(), "phone": self.phone.text(), "village_id": self._village_id}
        if self._member is None:
            return TeamMember(**values)
        return TeamMember(**{**self._member.__dict__, **values})


def founded_text(team: VillageTeam) -> str:
    if not team.founding_decision and not team.founded_on:
        return ""
    day = team.founded_on.strftime("%d/%m/%Y") if isinstance(team.founded_on, dt.date) else ""
    return ", ".join(p for p in (team.founding_decision, day) if p)
