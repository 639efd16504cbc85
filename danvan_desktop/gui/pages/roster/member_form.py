"""The form beside the roster table: one term of one bloc member."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.formats import short_date
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.members import BlocMember, BlocRole
from danvan_desktop.domain.unit import Village
from danvan_desktop.gui.widgets.date_field import DateField
from danvan_desktop.gui.widgets.form_status import FormStatus


class MemberForm(QWidget):
    save_requested = Signal()
    new_requested = Signal()
    end_term_requested = Signal()
    delete_requested = Signal()
    add_post_requested = Signal()
    log_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._member: BlocMember | None = None
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(_("Ví dụ: Nguyễn Thị Hương"))
        self.post = QComboBox()
        # a small "+" beside the list keeps the form narrow enough for the table at 1366×768
        self.add_post_button = QToolButton()
        self.add_post_button.setText("+")
        self.add_post_button.setToolTip(_("Thêm chức danh mới vào danh sách"))
        self.add_post_button.setAccessibleName(_("Thêm chức danh…"))
        self.post.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.post.setMinimumContentsLength(8)
        self.post.currentTextChanged.connect(self.post.setToolTip)   # the full post when the box is narrow
        post_row = QHBoxLayout()
        post_row.addWidget(self.post, 1)
        post_row.addWidget(self.add_post_button)
        self.role = QComboBox()
        for role in BlocRole:
            self.role.addItem(role.label, role.value)
        self.start_date = DateField(optional=False)
        self.start_decision = QLineEdit()
        self.start_decision.setPlaceholderText(_("Quyết định kiện toàn, ví dụ số 126-QĐ/ĐU"))
        self.end_info = QLineEdit()
        self.end_info.setReadOnly(True)
        self.end_info.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.end_info.setPlaceholderText(_("đương nhiệm"))
        self.phone = QLineEdit()
        self.trained_on = DateField(optional=True)
        self.trained_on.setToolTip(_("Ngày được tập huấn công tác dân vận; bỏ chọn nếu chưa tập huấn"))
        self.villages = QListWidget()
        self.villages.setMaximumHeight(140)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)   # Tab moves on, as in every other field
        self.note.setMaximumHeight(60)
        form.addRow(_("Họ và tên"), self.full_name)
        form.addRow(_("Chức danh"), post_row)
        form.addRow(_("Vai trò"), self.role)
        form.addRow(_("Ngày bắt đầu"), self.start_date)
        form.addRow(_("Quyết định"), self.start_decision)
        form.addRow(_("Kết thúc"), self.end_info)
        form.addRow(_("Điện thoại"), self.phone)
        form.addRow(_("Tập huấn"), self.trained_on)
        form.addRow(_("Thôn phụ trách"), self.villages)
        form.addRow(_("Ghi chú"), self.note)
        outer.addLayout(form)
        self.status = FormStatus()
        outer.addWidget(self.status)
        # two rows of buttons: one row of four would make the form too wide for the table beside it
        buttons = QGridLayout()
        self.new_button = QPushButton(_("Thêm mới"))
        self.save_button = QPushButton(_("Lưu"))
        self.save_button.setDefault(True)
        self.end_button = QPushButton(_("Kết thúc nhiệm kỳ…"))
        self.delete_button = QPushButton(_("Xóa"))
        buttons.addWidget(self.save_button, 0, 0)
        buttons.addWidget(self.new_button, 0, 1)
        buttons.addWidget(self.delete_button, 0, 2)
        self.log_button = QPushButton(_("Nhật ký…"))
        self.log_button.setToolTip(_("Ai đã sửa gì, khi nào"))
        buttons.addWidget(self.end_button, 1, 0, 1, 2)
        buttons.addWidget(self.log_button, 1, 2)
        outer.addLayout(buttons)
        outer.addStretch(1)
        self.save_button.clicked.connect(self.save_requested)
        self.new_button.clicked.connect(self.new_requested)
        self.end_button.clicked.connect(self.end_term_requested)
        self.delete_button.clicked.connect(self.delete_requested)
        self.add_post_button.clicked.connect(self.add_post_requested)
        self.log_button.clicked.connect(self.log_requested)
        # Enter moves on to the next field, as officers used to paper forms expect; Ctrl+S saves
        for edit in (self.full_name, self.start_decision, self.phone):
            edit.returnPressed.connect(self.focusNextChild)
        self.trained_on.on_enter = self.save_requested.emit      # the last typed field saves
        self.save_button.setToolTip(_("Lưu (Ctrl+S)"))
        self.new_button.setToolTip(_("Thêm thành viên mới (Ctrl+N)"))
        self.delete_button.setToolTip(_("Xóa (Delete); có thể hoàn tác bằng Ctrl+Z"))

    def set_choices(self, posts: list[tuple[str, str]], villages: list[Village]) -> None:
        current_post = self.post.currentData()
        self.post.clear()
        for code, name in posts:
            self.post.addItem(name, code)
        if current_post:
            self.post.setCurrentIndex(max(0, self.post.findData(current_post)))
        self.villages.clear()
        for village in villages:
            item = QListWidgetItem(village.label)
            item.setData(Qt.ItemDataRole.UserRole, village.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.villages.addItem(item)

    def load(self, member: BlocMember | None, today: dt.date) -> None:
        self._member = member
        self.status.clear_status()
        m = member or BlocMember(start_date=today)
        self.full_name.setText(m.full_name)
        self.post.setCurrentIndex(max(0, self.post.findData(m.post_code)) if m.post_code else 0)
        self.role.setCurrentIndex(max(0, self.role.findData(m.bloc_role)))
        self.start_date.set_value(m.start_date or today)
        self.start_decision.setText(m.start_decision)
        self.start_decision.setCursorPosition(0)
        ended = ""
        if m.end_date:
            ended = _("{date} — {decision}").format(date=short_date(m.end_date), decision=m.end_decision)
        self.end_info.setText(ended)
        self.end_info.setCursorPosition(0)      # show the date, the start of the line
        self.end_info.setToolTip(ended)
        self.phone.setText(m.phone)
        self.trained_on.set_value(m.trained_on)
        for i in range(self.villages.count()):
            item = self.villages.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in m.village_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.note.setPlainText(m.note)
        self.end_button.setEnabled(member is not None and member.end_date is None)
        self.delete_button.setEnabled(member is not None)
        self.log_button.setEnabled(member is not None)

    def member(self) -> BlocMember:
        """The form's content as a record (the loaded one's id, or a new one)."""
        base = self._member
        villages = [self.villages.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.villages.count())
                    if self.villages.item(i).checkState() == Qt.CheckState.Checked]
        values = dict(full_name=self.full_name.text(), post_code=self.post.currentData() or "",
                      bloc_role=self.role.currentData(), start_date=self.start_date.value(),
                      start_decision=self.start_decision.text(), phone=self.phone.text(),
                      trained_on=self.trained_on.value(), village_ids=villages, note=self.note.toPlainText())
        if base is None:
            return BlocMember(**values)
        member = BlocMember(**{**base.__dict__, **values})
        return member

    def is_new(self) -> bool:
        return self._member is None
