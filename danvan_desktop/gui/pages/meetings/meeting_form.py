"""The meeting's header fields: kind, period, date and times, place, chair, secretary, guests, number."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.meetings import BRIEFING_PERIOD, Meeting, MeetingKind
from danvan_desktop.domain.members import BlocMember
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.text import clean, fold
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.gui.widgets.fit import compact_combo
from danvan_desktop.gui.widgets.period_words import PeriodWords


def _split_person(text: str) -> tuple[str, str]:
    """'Nguyễn Văn A, Bí thư Đảng ủy' → ('Nguyễn Văn A', 'Bí thư Đảng ủy')."""
    for separator in (",", " - ", " – ", ":"):
        if separator in text:
            name, post = text.split(separator, 1)
            return clean(name), clean(post)
    return clean(text), ""


class PersonPicker(QComboBox):
    """A bloc member from the list, or a name typed in full (e.g. the Party committee's secretary)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setPlaceholderText(_("chọn thành viên hoặc gõ «Họ tên, chức vụ»"))

    def set_members(self, members: list[tuple[str, str]]) -> None:
        self.blockSignals(True)
        self.clear()
        self.addItem("", "")
        for member_id, label in members:
            self.addItem(label, member_id)
        self.blockSignals(False)

    def set_person(self, member_id: str, name: str, post: str) -> None:
        self.blockSignals(True)
        index = self.findData(member_id) if member_id else -1
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(0)
            self.setEditText(f"{name}, {post}" if name and post else name)
        self.lineEdit().setCursorPosition(0)
        self.blockSignals(False)

    def person(self) -> tuple[str, str, str]:
        """(member_id, name, post); a typed name that matches a member counts as that member."""
        text = clean(self.currentText())
        index = self.findText(text)
        if index > 0:
            return self.itemData(index), "", ""
        name, post = _split_person(text)
        for i in range(1, self.count()):
            if fold(self.itemText(i)).startswith(fold(name)) and name and fold(name) == fold(
                    self.itemText(i).split(" (")[0]):
                return self.itemData(i), "", ""
        return "", name, post


class MeetingForm(QWidget):
    edited = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._loading = False
        self._auto_period = ""
        form = QFormLayout(self)
        self.kind = QComboBox()
        for kind in MeetingKind:
            self.kind.addItem(kind.label, kind.value)
        self.period = QLineEdit()
        self.period.setPlaceholderText(_("ví dụ 2026-10, 2026-Q4, 2026"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(_("chủ đề (họp chuyên đề, đột xuất) — không bắt buộc"))
        self.date = QDateEdit()
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setCalendarPopup(True)
        self.start = QLineEdit()
        self.start.setPlaceholderText("08:00")
        self.end = QLineEdit()
        self.end.setPlaceholderText(_("giờ kết thúc, ví dụ 10:30"))
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(self.end)
        self.place = QLineEdit()
        self.place.setPlaceholderText(_("ví dụ Hội trường Đảng ủy xã"))
        self.chair = PersonPicker()
        self.secretary = PersonPicker()
        self.guests = QPlainTextEdit()
        self.guests.setPlaceholderText(_("mỗi dòng một người: Họ tên, chức vụ"))
        self.guests.setFixedHeight(60)
        self.guests.setTabChangesFocus(True)
        self.documents = QLineEdit()
        self.number = QSpinBox()
        self.number.setRange(0, 9999)
        self.number.setSpecialValueText(_("tự cấp khi hoàn thành"))
        for combo in (self.kind, self.chair, self.secretary):
            compact_combo(combo, 14)
        self.number.setMinimumWidth(self.number.fontMetrics().averageCharWidth() * 10)
        self.number.setToolTip(_("tự cấp khi hoàn thành"))
        form.addRow(_("Loại cuộc họp"), self.kind)
        form.addRow(_("Kỳ"), PeriodWords(self.period))     # '2026-11' → 'tháng 11 năm 2026' under it
        form.addRow(_("Chủ đề"), self.title)
        form.addRow(_("Ngày họp"), self.date)
        form.addRow(_("Giờ bắt đầu / kết thúc"), times)
        form.addRow(_("Địa điểm"), self.place)
        form.addRow(_("Chủ trì"), self.chair)
        form.addRow(_("Thư ký (ghi biên bản)"), self.secretary)
        form.addRow(_("Khách mời"), self.guests)
        form.addRow(_("Tài liệu sử dụng"), self.documents)
        form.addRow(_("Số biên bản"), self.number)
        for line in (self.period, self.title, self.start, self.end, self.place, self.documents):
            line.textEdited.connect(self._on_edit)
            line.returnPressed.connect(self.focusNextChild)      # Enter moves on, as on every form
        self.kind.currentIndexChanged.connect(self._on_kind_or_date)
        self.date.dateChanged.connect(self._on_kind_or_date)
        self.guests.textChanged.connect(self._on_edit)
        self.number.valueChanged.connect(self._on_edit)
        for picker in (self.chair, self.secretary):
            picker.currentIndexChanged.connect(self._on_edit)
            picker.lineEdit().textEdited.connect(self._on_edit)

    def _on_edit(self, *_args) -> None:
        if not self._loading:
            self.edited.emit()

    def _on_kind_or_date(self, *_args) -> None:
        if self._loading:
            return
        kind = MeetingKind(self.kind.currentData())
        if kind in BRIEFING_PERIOD and (not self.period.text().strip() or self.period.text() == self._auto_period):
            self._auto_period = Period.containing(self.date_value(), BRIEFING_PERIOD[kind]).code
            self.period.setText(self._auto_period)
        self.edited.emit()

    def date_value(self) -> dt.date:
        q = self.date.date()
        return dt.date(q.year(), q.month(), q.day())

    def set_members(self, members: list[BlocMember], post_names: dict[str, str]) -> None:
        choices = [(m.id, f"{m.full_name} ({post_names.get(m.post_code, m.post_code)})") for m in members]
        self.chair.set_members(choices)
        self.secretary.set_members(choices)

    def load(self, meeting: Meeting, read_only: bool) -> None:
        self._loading = True
        try:
            self.kind.setCurrentIndex(max(self.kind.findData(meeting.kind), 0))
            self.period.setText(meeting.period)
            self._auto_period = meeting.period
            self.title.setText(meeting.title)
            day = meeting.meeting_date or vietnam_today()
            self.date.setDate(QDate(day.year, day.month, day.day))
            self.start.setText(meeting.start_time)
            self.end.setText(meeting.end_time)
            self.place.setText(meeting.place)
            self.chair.set_person(meeting.chair_id, meeting.chair_name, meeting.chair_post)
            self.secretary.set_person(meeting.secretary_id, meeting.secretary_name, meeting.secretary_post)
            self.guests.setPlainText("\n".join(f"{g.name}, {g.post}" if g.post else g.name
                                               for g in meeting.guest_list()))
            self.documents.setText(meeting.documents)
            self.number.setValue(meeting.number or 0)
            for widget in (self.kind, self.date, self.chair, self.secretary, self.number):
                widget.setEnabled(not read_only)
            for line in (self.period, self.title, self.start, self.end, self.place, self.documents):
                line.setReadOnly(read_only)
            self.guests.setReadOnly(read_only)
        finally:
            self._loading = False

    def apply_to(self, meeting: Meeting) -> Meeting:
        meeting.kind = self.kind.currentData()
        meeting.period = self.period.text().strip()
        meeting.title = self.title.text()
        meeting.meeting_date = self.date_value()
        meeting.start_time, meeting.end_time = self.start.text(), self.end.text()
        meeting.place = self.place.text()
        for role, picker in (("chair", self.chair), ("secretary", self.secretary)):
            member_id, name, post = picker.person()
            setattr(meeting, f"{role}_id", member_id)
            if not member_id:
                setattr(meeting, f"{role}_name", name)
                setattr(meeting, f"{role}_post", post)
        guests = []
        for line in self.guests.toPlainText().splitlines():
            name, post = _split_person(line)
            if name:
                guests.append({"name": name, "post": post})
        meeting.guests = guests
        meeting.documents = self.documents.text()
        meeting.number = self.number.value() or None
        return meeting
