"""The meeting page driven as a secretary would: attendance by keys, minutes typed, finalise, correct, print."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import type_text
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLineEdit

from danvan_desktop.domain.members import BlocMember, BlocRole
from danvan_desktop.gui.pages.meetings.attendance_grid import COL_REASON, COL_STATUS
from danvan_desktop.gui.pages.meetings.meeting_editor import TAB_MINUTES, TAB_PREVIEW
from danvan_desktop.gui.pages.meetings.meetings_page import MeetingsPage
from danvan_desktop.gui.widgets.pdf_preview import PdfPreview


@pytest.fixture(autouse=True)
def _shipped_font(monkeypatch):
    monkeypatch.setenv("DANVAN_DOC_FONT", "shipped")


@pytest.fixture
def page(qtbot, services):
    for name, post, role in [("Lê Văn Thắng", "pbt_tt", BlocRole.HEAD), ("Nguyễn Thị Hương", "ct_mttq", BlocRole.DEPUTY),
                             ("Lê Đình Toàn", "ct_nd", BlocRole.MEMBER), ("Mai Thị Thu Trang", "cb_ct", BlocRole.MEMBER)]:
        services.roster.save(BlocMember(full_name=name, post_code=post, bloc_role=role.value,
                                        start_date=dt.date(2026, 1, 1)))
    widget = MeetingsPage(services)
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.show()
    return widget


def _row_of(grid, name: str) -> int:
    return next(i for i, e in enumerate(grid.model.entries) if e.member_name == name)


def test_take_minutes_finalise_and_correct(qtbot, page, services):
    page.new_meeting()
    editor = page.editor
    meeting_id = editor.meeting.id
    assert editor.attendance.summary.text() == "Có mặt 4/4 đồng chí"

    # Attendance from the keyboard: V marks "vắng có lý do" and moves to the reason.
    grid = editor.attendance
    grid.view.setFocus()
    grid.view.setCurrentIndex(grid.model.index(_row_of(grid, "Lê Đình Toàn"), COL_STATUS))
    qtbot.keyClick(grid.view, Qt.Key.Key_V)
    assert grid.view.currentIndex().column() == COL_REASON
    grid.view.edit(grid.view.currentIndex())
    reason_editor = grid.view.findChild(QLineEdit)
    type_text(qtbot, reason_editor, "đi công tác")
    qtbot.keyClick(reason_editor, Qt.Key.Key_Return)          # Qt commits the edit on the next loop turn

    def toan():
        return next(e for e in services.meetings.attendance(meeting_id) if e.member_name == "Lê Đình Toàn")
    qtbot.waitUntil(lambda: toan().reason == "đi công tác", timeout=3000)
    assert toan().status == "excused"
    assert editor.attendance.summary.text() == "Có mặt 3/4 đồng chí"

    # Header: place and closing time, saved by themselves.
    type_text(qtbot, editor.form.place, "Hội trường Đảng ủy xã")
    editor.form.end.setFocus()
    type_text(qtbot, editor.form.end, "10h30")
    qtbot.waitUntil(lambda: services.meetings.get(meeting_id).end_time == "10:30", timeout=3000)
    assert services.meetings.get(meeting_id).place == "Hội trường Đảng ủy xã"

    # The minutes: typed, autosaved without any dialog; Ctrl+Enter adds the next item.
    editor.tabs.setCurrentIndex(TAB_MINUTES)
    minutes = editor.minutes
    type_text(qtbot, minutes.title, "Đánh giá công tác dân vận tháng 11")
    minutes.discussion.setFocus()
    type_text(qtbot, minutes.discussion, "Đồng chí Nguyễn Thị Hương: tình hình Nhân dân ổn định")
    minutes.conclusions.setFocus()
    type_text(qtbot, minutes.conclusions, "Các đoàn thể nắm chắc tình hình Nhân dân")
    qtbot.waitUntil(lambda: services.meetings.conclusions(meeting_id) != [], timeout=3000)
    item = services.meetings.items(meeting_id)[0]
    assert item.title == "Đánh giá công tác dân vận tháng 11"
    assert item.discussion == "Đồng chí Nguyễn Thị Hương: tình hình Nhân dân ổn định"
    # "Giao thành nhiệm vụ": one keystroke on the chosen conclusion, pre-filled, linked, progress shown.
    assert minutes.tasks.count() == 1 and "chưa giao" in minutes.tasks.item(0).text()
    minutes.tasks.setFocus()
    qtbot.keyClick(minutes.tasks, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    tasks = services.tasks.tasks_from_source("meeting", meeting_id)
    assert [t.title for t in tasks] == ["Các đoàn thể nắm chắc tình hình Nhân dân"]
    assert "Chưa bắt đầu" in minutes.tasks.item(0).text() and not minutes.give_button.isEnabled()
    assert editor.tasks_summary.text().startswith("Nhiệm vụ từ cuộc họp: 0/1 hoàn thành")
    qtbot.keyClick(minutes.discussion, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert minutes.list.count() == 2 and minutes.title.hasFocus()
    minutes.delete_item()                      # an empty item would stop the finalising
    assert minutes.list.count() == 1

    # Finalise: locked, read-only, a banner offers a correction.
    assert editor.finalise(), editor.banner.messages()
    locked = services.meetings.get(meeting_id)
    assert locked.content_hash and locked.number == 1
    assert minutes.discussion.isReadOnly() and grid.model.read_only
    assert editor.new_version_button.isVisible() and not editor.finalise_button.isVisible()
    grid.view.setCurrentIndex(grid.model.index(0, COL_STATUS))
    qtbot.keyClick(grid.view, Qt.Key.Key_K)               # ignored on a locked minute
    assert services.meetings.attendance(meeting_id)[0].status == "present"

    # A correction is a new version; the locked one stays as it was.
    editor.banner.button.click()
    fresh = editor.meeting
    assert fresh.version == 2 and fresh.id != meeting_id and not minutes.discussion.isReadOnly()
    minutes.discussion.setFocus()
    minutes.discussion.moveCursor(minutes.discussion.textCursor().MoveOperation.End)
    type_text(qtbot, minutes.discussion, "; đề nghị bổ sung số liệu")
    assert minutes.flush()
    assert services.meetings.items(fresh.id)[0].discussion.endswith("đề nghị bổ sung số liệu")
    assert services.meetings.items(meeting_id)[0].discussion == "Đồng chí Nguyễn Thị Hương: tình hình Nhân dân ổn định"
    assert editor.versions.count() == 2
    assert [m.id for m in services.meetings.list()] == [fresh.id]


def test_finalise_without_secretary_says_so_and_keeps_everything(qtbot, page, services):
    page.new_meeting()
    editor = page.editor
    editor.form.secretary.setCurrentIndex(0)
    editor.form.secretary.setEditText("")
    editor._on_header_edited()
    assert not editor.finalise()
    messages = editor.banner.messages()
    assert any("Chưa chọn người ghi biên bản" in m for m in messages)
    assert services.meetings.get(editor.meeting.id).content_hash is None


def test_preview_print_and_save(qtbot, page, services, tmp_path):
    page.new_meeting()
    editor = page.editor
    editor.tabs.setCurrentIndex(TAB_PREVIEW)
    qtbot.waitUntil(lambda: editor.preview.page_count() >= 1, timeout=10000)
    assert editor.preview.print_button.isEnabled()
    out = tmp_path / "printed.pdf"
    printer = editor.preview.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    assert editor.preview.print_to(printer) == editor.preview.page_count()
    printed = PdfReader(str(out))
    assert len(printed.pages) == editor.preview.page_count()
    assert abs(float(printed.pages[0].mediabox.width) - 595.3) < 2          # A4 on the printer too
    assert editor.preview.save_pdf(tmp_path / "bb.pdf")
    assert "BIÊN BẢN" in PdfReader(str(tmp_path / "bb.pdf")).pages[0].extract_text()
    assert editor.preview.save_docx(tmp_path / "bb.docx") and (tmp_path / "bb.docx").stat().st_size > 0


def test_preview_widget_is_reusable_without_docx(qtbot, tmp_path):
    from render_samples import minutes_document

    from danvan_desktop.services.documents.printing import document_pdf
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.show_pdf(document_pdf(minutes_document(speeches=30)), "bao-cao")
    assert preview.page_count() >= 2 and not preview.docx_button.isVisible()


def test_layout_adjusted_and_saved_as_a_new_profile_moves_the_preview(qtbot, page, services, monkeypatch, tmp_path):
    from pdftools import MM, words

    from danvan_desktop.gui.widgets.layout_dialog import LayoutDialog
    page.new_meeting()
    editor = page.editor

    def fill_and_save(dialog):
        type_text(qtbot, dialog.code, "XA-2026")
        type_text(qtbot, dialog.name, "Mẫu của xã")
        dialog.spins["page.left_mm"].setValue(35)
        dialog.save()
        return dialog.result()
    monkeypatch.setattr(LayoutDialog, "exec", fill_and_save)
    editor.tabs.setCurrentIndex(TAB_PREVIEW)
    qtbot.waitUntil(lambda: editor.preview.page_count() >= 1, timeout=10000)
    assert editor.preview.layout_button.isVisible()
    editor.preview.layout_button.click()
    assert services.documents.layout_code() == "XA-2026"
    qtbot.waitUntil(lambda: not editor._rendering and editor.preview.page_count() >= 1, timeout=10000)
    out = tmp_path / "x.pdf"
    out.write_bytes(editor.preview.pdf_bytes())
    assert min(w.x0 for w in words(out)) == pytest.approx(35 * MM, abs=1)
    assert services.documents.profile("HD36-2018").page.left_mm == 30      # the built-in one untouched


def test_delete_a_draft_with_undo(qtbot, services):
    from PySide6.QtGui import QUndoStack
    services.roster.save(BlocMember(full_name="Lê Văn Thắng", post_code="pbt_tt", bloc_role="head",
                                    start_date=dt.date(2026, 1, 1)))
    undo = QUndoStack()
    page = MeetingsPage(services, undo=undo)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.new_meeting()
    meeting_id = page.editor.meeting.id
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert services.meetings.list() == [] and "Ctrl+Z" in page.status.text()
    undo.undo()
    assert [m.id for m in services.meetings.list()] == [meeting_id]


def test_dashboard_says_which_month_had_no_briefing(qtbot, services):
    from danvan_desktop.domain.meetings import MeetingKind
    from danvan_desktop.gui.pages.meetings.meetings_page import BriefingSection
    services.meetings.create(MeetingKind.MONTHLY.value, dt.date(2026, 9, 8))
    section = BriefingSection(services, lambda *a, **k: None)
    qtbot.addWidget(section)
    section.refresh()
    assert section.banner.messages() == ["Tháng 10/2026: chưa họp giao ban"]
    assert section.last.value.text() == "08/09/2026"


def test_speaker_inserted_from_the_keyboard_and_nothing_typed_is_lost_on_leaving(qtbot, page, services, monkeypatch):
    page.new_meeting()
    editor = page.editor
    editor.tabs.setCurrentIndex(TAB_MINUTES)
    minutes = editor.minutes
    offered = []

    def pick(present):                    # the menu, answered as a secretary would with arrows + Enter
        offered.extend(e.member_name for e in present)
        return next(e for e in present if e.member_name == "Nguyễn Thị Hương")
    monkeypatch.setattr(minutes, "choose_speaker", pick)
    minutes.discussion.setFocus()
    minutes.insert_speaker()              # Ctrl+L
    assert "Lê Văn Thắng" in offered
    type_text(qtbot, minutes.discussion, "đề nghị nắm chắc dư luận")
    assert minutes.discussion.toPlainText() == ("Đồng chí Nguyễn Thị Hương, Chủ tịch Ủy ban MTTQ: "
                                                "đề nghị nắm chắc dư luận")
    page.refresh()                       # leaving the page before the autosave timer fired
    item = services.meetings.items(editor.meeting.id)[0]
    assert item.discussion.endswith("đề nghị nắm chắc dư luận")
