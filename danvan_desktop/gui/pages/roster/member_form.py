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
    QPlainTextEdit,
    QToolButton,
)

from danvan_desktop.domain.formats import short_date
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.members import BlocMember, BlocRole
from danvan_desktop.domain.unit import Village
from danvan_desktop.gui.widgets.checklist import checked_keys, fill_checklist, set_checked
from danvan_desktop.gui.widgets.date_field import DateField
from danvan_desktop.gui.widgets.record_form import RecordForm


class MemberForm(RecordForm):
    end_term_requested = Signal()
    add_post_requested = Signal()
    log_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._member: BlocMember | None = None
        form = self.rows
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
        # two rows of buttons: one row of four would make the form too wide for the table beside it
        buttons = QGridLayout()
        save, new, delete = self.standard_buttons(_("Thêm mới"), new_tip=_("Thêm thành viên mới (Ctrl+N)"),
                                                  default=True)
        self.end_button = self.action_button(_("Kết thúc nhiệm kỳ…"), self.end_term_requested)
        self.log_button = self.action_button(_("Nhật ký…"), self.log_requested, _("Ai đã sửa gì, khi nào"))
        buttons.addWidget(save, 0, 0)
        buttons.addWidget(new, 0, 1)
        buttons.addWidget(delete, 0, 2)
        buttons.addWidget(self.end_button, 1, 0, 1, 2)
        buttons.addWidget(self.log_button, 1, 2)
        self.finish(buttons)
        self.add_post_button.clicked.connect(self.add_post_requested)
        self.enter_moves_on(self.full_name, self.start_decision, self.phone, last=self.trained_on)

    def set_choices(self, posts: list[tuple[str, str]], villages: list[Village]) -> None:
        current_post = self.post.currentData()
        self.post.clear()
        for code, name in posts:
            self.post.addItem(name, code)
        if current_post:
            self.post.setCurrentIndex(max(0, self.post.findData(current_post)))
        fill_checklist(self.villages, [(village.id, village.label) for village in villages])

    def load(self, member: BlocMember | None, today: dt.date) -> None:
        self._member = member
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
        set_checked(self.villages, m.village_ids)
        self.note.setPlainText(m.note)
        self.end_button.setEnabled(member is not None and member.end_date is None)
        self.log_button.setEnabled(member is not None)
        self.mark_loaded(member)

    def member(self) -> BlocMember:
        """The form's content as a record (the loaded one's id, or a new one)."""
        base = self._member
        villages = checked_keys(self.villages)
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
