"""Edit a composition rule profile: member counts, head and deputy posts, posts required once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QListWidget, QListWidgetItem, QSpinBox, QWidget

from danvan_desktop.domain.composition import Rules
from danvan_desktop.domain.i18n import _


class ProfileEditor(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QFormLayout(self)
        self.min_members = QSpinBox()
        self.max_members = QSpinBox()
        for box in (self.min_members, self.max_members):
            box.setRange(1, 50)
        self.deputies_max = QSpinBox()
        self.deputies_max.setRange(1, 5)
        self.deputies_max.setMaximumWidth(160)
        self.head_post = QComboBox()
        self.deputy_post = QComboBox()
        self.required = QListWidget()
        self.required.setMaximumHeight(120)
        self.max_per_post = QSpinBox()
        self.max_per_post.setRange(0, 10)
        self.max_per_post.setSpecialValueText(_("không giới hạn"))
        for box in (self.min_members, self.max_members, self.max_per_post):
            box.setMaximumWidth(160)      # a number needs no full-width box
        self.required.setMinimumHeight(110)
        layout.addRow(_("Số thành viên tối thiểu"), self.min_members)
        layout.addRow(_("Số thành viên tối đa"), self.max_members)
        layout.addRow(_("Trưởng khối phải là"), self.head_post)
        layout.addRow(_("Phó trưởng khối phải là"), self.deputy_post)
        layout.addRow(_("Số Phó trưởng khối tối đa"), self.deputies_max)
        layout.addRow(_("Chức danh bắt buộc (đúng 1 người)"), self.required)
        layout.addRow(_("Tối đa mỗi chức danh"), self.max_per_post)

    def set_posts(self, posts: list[tuple[str, str]]) -> None:
        for combo in (self.head_post, self.deputy_post):
            combo.clear()
            combo.addItem(_("(bất kỳ chức danh nào)"), "")
            for code, name in posts:
                combo.addItem(name, code)
        self.required.clear()
        for code, name in posts:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.required.addItem(item)

    def load(self, rules: Rules) -> None:
        self.min_members.setValue(rules.min_members)
        self.max_members.setValue(rules.max_members)
        self.head_post.setCurrentIndex(max(0, self.head_post.findData(rules.head_posts[0] if rules.head_posts else "")))
        self.deputy_post.setCurrentIndex(
            max(0, self.deputy_post.findData(rules.deputy_posts[0] if rules.deputy_posts else "")))
        for i in range(self.required.count()):
            item = self.required.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in rules.required_posts
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.max_per_post.setValue(rules.max_per_post)
        self.deputies_max.setValue(max(1, rules.deputies_max))
        self._base = rules

    def rules(self) -> Rules:
        base = getattr(self, "_base", Rules())
        head, deputy = self.head_post.currentData(), self.deputy_post.currentData()
        required = {self.required.item(i).data(Qt.ItemDataRole.UserRole): 1 for i in range(self.required.count())
                    if self.required.item(i).checkState() == Qt.CheckState.Checked}
        return Rules(min_members=self.min_members.value(), max_members=self.max_members.value(),
                     heads=base.heads, deputies_min=min(base.deputies_min, self.deputies_max.value()),
                     deputies_max=self.deputies_max.value(),
                     head_posts=[head] if head else [], deputy_posts=[deputy] if deputy else [],
                     required_posts=required, allowed_posts=list(base.allowed_posts),
                     max_per_post=self.max_per_post.value(), multi_posts=list(base.multi_posts))
