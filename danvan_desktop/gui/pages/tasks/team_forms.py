"""The two forms of the Tổ dân vận page: the team itself (founding decision, rules issued) and one team member."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QListWidget, QPlainTextEdit

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.members import BlocMember
from danvan_desktop.domain.teams import TEAM_POSTS, TeamMember, TeamRole, VillageTeam
from danvan_desktop.gui.widgets.checklist import checked_keys, fill_checklist
from danvan_desktop.gui.widgets.date_field import DateField
from danvan_desktop.gui.widgets.record_form import RecordForm


class TeamInfoForm(RecordForm):
    """The team's own record: only Lưu (a team comes and goes with its village)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._team: VillageTeam | None = None
        form = self.rows
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
        self.save_button = self.action_button(_("Lưu thông tin tổ"), self.save_requested)
        self.finish(self.save_button)

    def load(self, team: VillageTeam, bloc: list[BlocMember] = (), following: list[str] = ()) -> None:
        self._team = team
        fill_checklist(self.followers, [(member.id, member.full_name) for member in bloc], following)
        self.decision.setText(team.founding_decision)
        self.founded_on.set_value(team.founded_on)
        self.has_regulation.setChecked(team.has_regulation)
        self.has_programme.setChecked(team.has_programme)
        self.note.setPlainText(team.note)
        self.mark_loaded(team)

    def follower_ids(self) -> list[str]:
        return checked_keys(self.followers)

    def team(self) -> VillageTeam:
        assert self._team is not None
        return VillageTeam(**{**self._team.__dict__, "founding_decision": self.decision.text(),
                              "founded_on": self.founded_on.value(), "has_regulation": self.has_regulation.isChecked(),
                              "has_programme": self.has_programme.isChecked(), "note": self.note.toPlainText()})


class TeamMemberForm(RecordForm):
    def __init__(self, parent=None) -> None:
        super().__init__(parent, margins=0)
        self._member: TeamMember | None = None
        self._village_id = ""
        form = self.rows
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
        save, new, delete = self.standard_buttons(_("Thêm tổ viên"))
        self.finish(self.button_row(new, save, delete), stretch=False)
        self.enter_moves_on(self.full_name, last=self.phone)

    def load(self, member: TeamMember | None, village_id: str) -> None:
        self._member, self._village_id = member, village_id
        m = member or TeamMember(village_id=village_id)
        self.full_name.setText(m.full_name)
        self.role.setCurrentIndex(max(0, self.role.findData(m.team_role)))
        self.post.setEditText(m.post)
        self.phone.setText(m.phone)
        self.mark_loaded(member)

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
