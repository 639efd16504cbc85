"""One meeting: header and attendance, the minutes, and the biên bản's preview; finalise and correct.

Everything saves by itself (the header a moment after the last keystroke, each attendance mark at
once, the minutes as typed). A finalised minute opens read-only with a banner offering a new
version; older versions stay readable from the version list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.meetings import AttendanceEntry, Meeting
from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui.pages.meetings.attendance_grid import AttendanceGrid
from danvan_desktop.gui.pages.meetings.meeting_form import MeetingForm
from danvan_desktop.gui.pages.meetings.minutes_editor import MinutesEditor
from danvan_desktop.gui.theme import set_role
from danvan_desktop.gui.widgets.banner import Banner
from danvan_desktop.gui.widgets.confirm import confirm
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.gui.widgets.pdf_preview import PdfPreview
from danvan_desktop.gui.worker import run_job
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.documents.printing import document_pdf, save_docx

TAB_INFO, TAB_MINUTES, TAB_PREVIEW = range(3)
HEADER_AUTOSAVE_MS = 700


def version_label(meeting: Meeting) -> str:
    state = _("đã hoàn thành") if meeting.locked else _("đang soạn")
    if meeting.version == 1:
        return _("Bản gốc — {state}").format(state=state)
    return _("Bản sửa đổi lần {n} — {state}").format(n=meeting.version - 1, state=state)


class MeetingEditor(QWidget):
    changed = Signal(str)        # the meeting id whose row in the list must be redrawn
    version_created = Signal(str)

    def __init__(self, services: AppServices, navigate=None, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.navigate = navigate
        self.meetings = services.meetings
        self.meeting: Meeting | None = None
        self._header_dirty = False
        self._preview_stale = True
        self._rendering = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        set_role(self.heading, "title")
        self.versions = QComboBox()
        self.finalise_button = QPushButton(_("Hoàn thành biên bản"))
        self.new_version_button = QPushButton(_("Tạo bản sửa đổi"))
        top.addWidget(self.heading, 1)
        top.addWidget(self.versions)
        top.addWidget(self.finalise_button)
        top.addWidget(self.new_version_button)
        layout.addLayout(top)
        self.tasks_summary = QLabel()
        self.tasks_summary.setWordWrap(True)
        self.tasks_summary.setStyleSheet("color:#1f4e79;")
        layout.addWidget(self.tasks_summary)
        self.banner = Banner()
        layout.addWidget(self.banner)

        self.tabs = QTabWidget()
        info = QWidget()
        info_layout = QHBoxLayout(info)
        self.form = MeetingForm()
        self.form_status = FormStatus()
        form_box = QWidget()
        form_box_layout = QVBoxLayout(form_box)
        form_box_layout.setContentsMargins(0, 0, 0, 0)
        form_box_layout.addWidget(self.form)
        form_box_layout.addWidget(self.form_status)
        form_box_layout.addStretch(1)
        self.attendance = AttendanceGrid()
        splitter = QSplitter()
        splitter.addWidget(form_box)
        splitter.addWidget(self.attendance)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        info_layout.addWidget(splitter)
        self.minutes = MinutesEditor(self.meetings)
        self.preview = PdfPreview()
        self.preview.save_docx_handler = self._save_docx
        self.preview.layout_handler = self.adjust_layout
        self.tabs.addTab(info, _("1. Thông tin và điểm danh"))
        self.tabs.addTab(self.minutes, _("2. Diễn biến và kết luận"))
        self.tabs.addTab(self.preview, _("3. Biên bản (xem, in, lưu)"))
        layout.addWidget(self.tabs, 1)

        self.header_timer = QTimer(self)
        self.header_timer.setSingleShot(True)
        self.header_timer.setInterval(HEADER_AUTOSAVE_MS)
        self.header_timer.timeout.connect(self.save_header)
        self.form.edited.connect(self._on_header_edited)
        self.attendance.model.writer = self._write_attendance
        self.minutes.saved.connect(self._on_minutes_saved)
        self.minutes.tasks_enabled = True
        self.minutes.give_task_requested.connect(self.give_task)
        self.minutes.open_task_requested.connect(self._open_task)
        self.finalise_button.clicked.connect(self.finalise)
        self.new_version_button.clicked.connect(self.new_version)
        self.versions.activated.connect(self._on_version_chosen)
        self.banner.action_clicked.connect(self.new_version)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.setEnabled(False)

    # -- loading ----------------------------------------------------------------------------
    def load(self, meeting_id: str | None) -> None:
        self.flush()
        if not meeting_id:
            self.meeting = None
            self.heading.setText(_("Chọn một cuộc họp, hoặc tạo cuộc họp mới (Ctrl+N)."))
            self.banner.hide()
            self.preview.clear()
            self.setEnabled(False)
            return
        self.setEnabled(True)
        self.meeting = self.meetings.get(meeting_id)
        m = self.meeting
        day = m.meeting_date or self.services.today()
        self.form.set_members(self.services.roster.current(day), self.services.roster.post_names())
        self.form.load(m, m.locked)
        self._load_attendance()
        self._load_task_states()
        self.minutes.load(m.id, m.locked, self.attendance.model.entries)
        self._load_versions()
        self._refresh_state()
        self._preview_stale = True
        if self.tabs.currentIndex() == TAB_PREVIEW:
            self.render_preview()

    def _load_task_states(self) -> None:
        rows = self.services.meeting_tasks.progress(self.meeting.id)
        today = self.services.today()
        self.minutes.task_labels = {r.conclusion.task_id: r.state(today) for r in rows if r.conclusion.task_id}
        summary = self.services.meeting_tasks.summary(self.meeting.id)
        self.tasks_summary.setText(summary)
        self.tasks_summary.setVisible(bool(summary))

    def give_task(self, conclusion_id: str) -> None:
        """'Giao thành nhiệm vụ': one step, pre-filled from the conclusion; editable on the task page."""
        try:
            task = self.services.meeting_tasks.give_task(conclusion_id)
        except RuleError as exc:
            self.minutes.status.error(str(exc))
            return
        self._load_task_states()
        self.minutes.refresh_tasks()
        villages = self.services.tasks.village_ids(task.id)
        self.minutes.status.ok(_("Đã giao nhiệm vụ «{title}», hạn {due}, {n} thôn; sửa chi tiết ở trang Nhiệm vụ.")
                               .format(title=task.title, due=task.due_date.strftime("%d/%m/%Y"), n=len(villages)))
        self.changed.emit(self.meeting.id)

    def _open_task(self, task_id: str) -> None:
        if self.navigate is None:
            return
        task = self.services.tasks.tasks.find(task_id)
        if task is not None:
            self.navigate("tasks", text=task.title)

    def _load_attendance(self) -> None:
        m = self.meeting
        entries = self.meetings.attendance(m.id)
        day = m.meeting_date or self.services.today()
        current = {x.id for x in self.services.roster.current(day)}
        self.attendance.set_entries(entries, m.locked, {e.member_id for e in entries if e.member_id not in current})

    def _load_versions(self) -> None:
        self.versions.blockSignals(True)
        self.versions.clear()
        for version in self.meetings.versions(self.meeting.id):
            self.versions.addItem(version_label(version), version.id)
        self.versions.setCurrentIndex(max(self.versions.findData(self.meeting.id), 0))
        self.versions.setVisible(self.versions.count() > 1)
        self.versions.blockSignals(False)

    def _refresh_state(self) -> None:
        m = self.meeting
        self.heading.setText(m.display_name())
        newer = self.meetings.successor(m.id)
        self.finalise_button.setVisible(not m.locked)
        self.new_version_button.setVisible(m.locked and newer is None)
        if m.locked:
            text = _("Biên bản đã hoàn thành và được khóa (mã kiểm tra {code}).").format(code=m.content_hash[:12])
            if newer is not None:
                text = _("Đây là bản cũ; bản mới hơn là «{label}».").format(label=version_label(newer))
                self.banner.show_text(text, "info")
            else:
                self.banner.show_text(text + " " + _("Muốn sửa, hãy tạo bản sửa đổi; bản này vẫn được giữ."), "ok",
                                      action=_("Tạo bản sửa đổi"))
        else:
            self.banner.hide()

    # -- saving -----------------------------------------------------------------------------
    def flush(self) -> bool:
        ok = self.save_header() if self._header_dirty else True
        return self.minutes.flush() and ok

    def _on_header_edited(self) -> None:
        if self.meeting is None or self.meeting.locked:
            return
        self._header_dirty = True
        self.header_timer.start()

    def save_header(self) -> bool:
        self.header_timer.stop()
        if self.meeting is None or not self._header_dirty:
            return True
        edited = self.form.apply_to(self.meetings.get(self.meeting.id))
        try:
            saved = self.meetings.save(edited)
        except RuleError as exc:
            self.form_status.error(str(exc))       # what was typed stays in the form
            return False
        self._header_dirty = False
        date_changed = saved.meeting_date != self.meeting.meeting_date
        self.meeting = saved
        self.form_status.ok(_("Đã tự lưu."))
        self.heading.setText(saved.display_name())
        if date_changed:
            self._load_attendance()
        self._preview_stale = True
        self.changed.emit(saved.id)
        return True

    def _write_attendance(self, entry: AttendanceEntry, status: str, reason: str) -> AttendanceEntry | None:
        try:
            saved = self.meetings.set_attendance(entry.meeting_id, entry.member_id, status, reason)
        except RuleError as exc:
            self.form_status.error(str(exc))
            return None
        self.form_status.ok(_("Đã ghi điểm danh đồng chí {name}.").format(name=saved.member_name))
        self._preview_stale = True
        self.minutes.attendees = self.attendance.model.entries
        self.changed.emit(entry.meeting_id)
        return saved

    def _on_minutes_saved(self) -> None:
        self._preview_stale = True
        if self.meeting is not None:
            self.changed.emit(self.meeting.id)

    # -- finalise and versions --------------------------------------------------------------
    def finalise(self) -> bool:
        if self.meeting is None or not self.flush():
            return False
        if not confirm(self, _("Hoàn thành biên bản"),
                       _("Hoàn thành và khóa biên bản {name}? Sau khi khóa, nội dung không sửa được nữa; muốn sửa "
                         "phải tạo bản sửa đổi (bản này vẫn được giữ).").format(name=self.meeting.display_name()),
                       _("Hoàn thành và khóa"), destructive=False):
            return False
        try:
            self.meetings.finalise(self.meeting.id)
        except RuleError as exc:
            self.banner.show_messages(_("Chưa thể hoàn thành biên bản"), str(exc).split("\n"))
            return False
        self.load(self.meeting.id)
        self.changed.emit(self.meeting.id)
        return True

    def new_version(self) -> None:
        if self.meeting is None:
            return
        try:
            fresh = self.meetings.new_version(self.meeting.id)
        except RuleError as exc:
            self.banner.show_messages(_("Không tạo được bản sửa đổi"), [str(exc)])
            return
        self.version_created.emit(fresh.id)
        self.load(fresh.id)
        self.tabs.setCurrentIndex(TAB_MINUTES)

    def _on_version_chosen(self, index: int) -> None:
        meeting_id = self.versions.itemData(index)
        if meeting_id and self.meeting is not None and meeting_id != self.meeting.id:
            self.load(meeting_id)

    # -- preview ----------------------------------------------------------------------------
    def _on_tab_changed(self, index: int) -> None:
        if index == TAB_PREVIEW:
            self.flush()
            if self._preview_stale:
                self.render_preview()

    def render_preview(self) -> None:
        if self.meeting is None or self._rendering:
            return
        meeting_id, name = self.meeting.id, self._file_name()
        self._rendering = True
        self.preview.clear(_("Đang dựng biên bản…"))

        def job(services):                                           # read and rendered on the job runner
            yield 0, 1, _("Đang dựng biên bản…")
            return document_pdf(services.minutes.build(meeting_id))

        def done(data: bytes) -> None:
            self._rendering = False
            self._preview_stale = False
            self.preview.show_pdf(data, name)

        def failed(exc, details: str) -> None:
            self._rendering = False
            self.preview.status.error(_("Không dựng được biên bản: {error}").format(error=exc))

        run_job(self.services.jobs, self, _("Đang dựng biên bản"), job, done, failed)

    def _file_name(self) -> str:
        m = self.meeting
        day = m.meeting_date.strftime("%Y-%m-%d") if m.meeting_date else "chua-co-ngay"
        suffix = f"-sua-doi-{m.version - 1}" if m.version > 1 else ""
        return f"bien-ban-{day}{suffix}"

    def adjust_layout(self) -> None:
        from danvan_desktop.gui.widgets.layout_dialog import LayoutDialog
        dialog = LayoutDialog(self.services.documents, self)
        if dialog.exec():
            self._preview_stale = True
            self.render_preview()

    def _save_docx(self, path) -> None:
        save_docx(self.services.minutes.build(self.meeting.id), path)

    def focus_minutes(self) -> None:
        self.tabs.setCurrentIndex(TAB_MINUTES)
        self.minutes.discussion.setFocus(Qt.FocusReason.OtherFocusReason)
