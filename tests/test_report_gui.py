"""The report feature's screens, driven as an officer would: situation log, month grid, models, reports."""

from __future__ import annotations

import datetime as dt

import pytest
from dialog_helpers import Answer
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from danvan_desktop.domain.members import BlocMember
from danvan_desktop.gui.events import DataEvents
from tests.conftest import dashboard_ready, list_ready, type_text


@pytest.fixture
def events(qtbot):
    return DataEvents()


def test_situation_note_saved_from_the_form_then_deleted_and_undone(qtbot, services, events):
    from danvan_desktop.gui.pages.figures.situation_page import SituationPage
    undo = QUndoStack()
    page = SituationPage(services, undo, events)
    qtbot.addWidget(page)
    page.form.save_requested.emit()
    assert page.form.status.is_error() and "nội dung" in page.form.status.text()
    type_text(qtbot, page.form.summary, "Nhân dân phản ánh đường liên thôn xuống cấp")
    page.form.level.setCurrentIndex(page.form.level.findData("hot"))
    page.form.village.setCurrentIndex(1)
    page.save()
    assert page.model.rowCount() == 1 and "1 điểm nóng" in page.count_label.text()
    assert page.model.data(page.model.index(0, 1)) == "Điểm nóng"
    page.table.setCurrentIndex(page.model.index(0, 0))
    with Answer("Xóa"):
        page.delete_current()
    assert page.model.rowCount() == 0
    undo.undo()
    assert page.model.rowCount() == 1
    page.apply_filters(open_only=True, level="hot")
    assert list_ready(qtbot, page).model.rowCount() == 1        # the filtered list is read off the GUI thread
    page.level_filter.setCurrentIndex(page.level_filter.findData("normal"))
    assert list_ready(qtbot, page).model.rowCount() == 0


def test_month_grid_refuses_text_and_derives_the_quarter(qtbot, services, events):
    from danvan_desktop.gui.pages.figures.figures_page import FiguresPage
    page = FiguresPage(services.figures, events)
    qtbot.addWidget(page)
    model = page.model
    row = [f.code for f in model.figures].index("don_nhan")
    october = model.index(row, 9)
    assert model.flags(october) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(row, 11)) & Qt.ItemFlag.ItemIsEditable        # December: future
    assert not model.flags(model.index(row, 15)) & Qt.ItemFlag.ItemIsEditable        # Q4: derived
    assert not model.setData(october, "mười")
    assert page.status.is_error() and "không phải là số" in page.status.text()
    assert model.setData(october, "7") and model.setData(model.index(row, 10), "5")
    assert model.data(model.index(row, 15)) == "12" and model.data(model.index(row, 19)) == "12"
    rate = [f.code for f in model.figures].index("ty_le_gq_don")
    assert not model.flags(model.index(rate, 9)) & Qt.ItemFlag.ItemIsEditable


def test_dvk_page_saves_a_model_and_shows_progress(qtbot, services, events):
    from danvan_desktop.gui.pages.figures.dvk_page import DvkPage
    page = DvkPage(services, QUndoStack(), events)
    qtbot.addWidget(page)
    assert "0/3" in page.progress.label.text()
    type_text(qtbot, page.form.name, "Camera an ninh thôn")
    page.form.owner.setCurrentIndex(0)
    page.save()
    assert not page.form.status.is_error(), page.form.status.text()
    assert page.model.rowCount() == 1 and "1/3" in page.progress.label.text()


def test_report_page_drafts_numbers_approves_and_locks(qtbot, services, events):
    from danvan_desktop.gui.pages.report.reports_page import ReportsPage
    services.roster.save(BlocMember(full_name="Lê Văn Thắng", post_code="pbt_tt", bloc_role="head",
                                    start_date=dt.date(2025, 10, 20)))
    services.figures.set_value("don_nhan", "2026-10", "12")
    page = ReportsPage(services, events)
    qtbot.addWidget(page)
    page.period.setText("2026-10")
    page.create_draft()
    qtbot.waitUntil(lambda: not page.drafting, timeout=20000)
    assert page.model.rowCount() == 1 and not page.status.is_error()
    assert "Tiếp nhận 12 đơn" in page.editor.editors["government"].text.toPlainText()
    page.editor.editors["proposals"].text.setPlainText("Đề nghị hỗ trợ kinh phí cho tổ dân vận.")
    page.approver.setCurrentText("Lê Văn Thắng")
    with Answer("Duyệt"):
        page.approve()
    assert page.status.is_error() and "chưa có số" in page.status.text()
    assert services.reports.section(page._report.id, "proposals").text == "Đề nghị hỗ trợ kinh phí cho tổ dân vận."
    page.number(None)
    assert page.editor.number_label.text() == "Số 01-BC/DV"
    with Answer("Duyệt"):
        page.approve()
    assert not page.status.is_error(), page.status.text()
    assert page.editor.editors["situation"].text.isReadOnly() and not page.approve_button.isEnabled()
    assert page.correct_button.isEnabled()


def test_redraft_shows_the_new_draft_beside_an_edited_section(qtbot, services, events):
    from danvan_desktop.gui.pages.report.reports_page import ReportsPage
    page = ReportsPage(services, events)
    qtbot.addWidget(page)
    page.period.setText("2026-10")
    page.create_draft()
    qtbot.waitUntil(lambda: not page.drafting, timeout=20000)
    page.editor.editors["front"].text.setPlainText("Nội dung tôi tự viết.")
    page.save()
    services.figures.set_value("tuyen_truyen", "2026-10", "8")
    page.redraft()
    qtbot.waitUntil(lambda: not page.drafting, timeout=20000)
    editor = page.editor.editors["front"]
    assert editor.text.toPlainText() == "Nội dung tôi tự viết."
    assert not editor.pending_box.isHidden() and "08 buổi" in editor.pending.toPlainText()
    editor.accept_requested.emit("front")
    assert "08 buổi" in page.editor.editors["front"].text.toPlainText()


def test_dashboard_shows_hot_spots_dvk_and_the_report_countdown(qtbot, demo):
    from danvan_desktop.gui.pages import registry
    from danvan_desktop.gui.pages.dashboard_page import DashboardPage
    registry.pages()
    page = DashboardPage(demo, lambda *a, **k: None)
    qtbot.addWidget(page)
    dashboard_ready(qtbot, page)
    texts = [getattr(s, "title", None) for s in page.sections]
    joined = " ".join(t.text() for t in texts if t is not None)
    spots = len(demo.situation.open_hot_spots())
    assert spots >= 1 and f"Điểm nóng chưa giải quyết: {spots}" in joined
    assert "thu hồi đất làm cụm công nghiệp" in " ".join(s.body.text() for s in page.sections if hasattr(s, "body"))
    assert "Báo cáo tháng 11 năm 2026: hạn 25/11/2026 — còn 4 ngày" in joined
    progress = next(s for s in page.sections if hasattr(s, "bar"))
    assert "2/3" in progress.label.text()


def test_report_settings_dialog_saves_terms_signer_and_external_numbers(qtbot, services, events, monkeypatch):
    from danvan_desktop.gui.pages.report.report_settings_dialog import ReportSettingsDialog
    dialog = ReportSettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.terms.setText("16/08/2025, 15/08/2020")
    dialog.signer.setText("Nguyễn Thị Hương")
    dialog.target.setValue(4)
    dialog.external_upto.setValue(3)
    dialog.record_external()
    assert "số báo cáo tiếp theo là 04" in dialog.status.text()
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert [d.year for d in services.numbering.term_starts()] == [2020, 2025]
    assert services.dvk.target() == 4
    report = services.reports.create_draft("2026-10")
    assert report.signer_name == "Nguyễn Thị Hương"
    assert services.reports.take_number(report.id).number == 4
    bad = ReportSettingsDialog(services)
    qtbot.addWidget(bad)
    bad.terms.setText("32/13/2025")
    bad.save()
    assert bad.status.is_error() and [d.year for d in services.numbering.term_starts()] == [2020, 2025]


def test_preview_renders_off_the_gui_thread_and_shows_the_pages(qtbot, services, events, monkeypatch):
    from danvan_desktop.gui.pages.report.report_preview import PdfPreviewDialog
    from danvan_desktop.gui.pages.report.reports_page import ReportsPage
    shown = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: shown.append(self.page_count()) or 0)
    page = ReportsPage(services, events)
    qtbot.addWidget(page)
    page.period.setText("2026-10")
    page.create_draft()
    qtbot.waitUntil(lambda: not page.drafting, timeout=20000)
    page.preview()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert shown[0] >= 2


def test_month_grid_switches_between_months_and_longer_periods(qtbot, services, events):
    from danvan_desktop.gui.pages.figures.figures_page import FiguresPage
    page = FiguresPage(services.figures, events)
    qtbot.addWidget(page)
    assert not page.table.isColumnHidden(0) and page.table.isColumnHidden(12) and not page.table.isColumnHidden(19)
    page.view_choice.setCurrentIndex(1)
    assert page.table.isColumnHidden(0) and not page.table.isColumnHidden(12) and not page.table.isColumnHidden(19)


def test_typed_text_survives_leaving_the_page_and_a_refresh(qtbot, services, events):
    from danvan_desktop.gui.pages.report.reports_page import ReportsPage
    page = ReportsPage(services, events)
    qtbot.addWidget(page)
    page.period.setText("2026-10")
    page.create_draft()
    qtbot.waitUntil(lambda: not page.drafting, timeout=20000)
    page.editor.editors["limits"].text.setPlainText("Một số thôn báo cáo chậm.")
    page.refresh()                                   # what the main window does when the page is shown again
    assert page.editor.editors["limits"].text.toPlainText() == "Một số thôn báo cáo chậm."
    assert services.reports.section(page._report.id, "limits").text == "Một số thôn báo cáo chậm."
    page.editor.subject.setText("")
    page.editor.editors["limits"].text.setPlainText("Sửa lần hai.")
    page.refresh()
    assert page.status.is_error() and page.editor.editors["limits"].text.toPlainText() == "Sửa lần hai."
    assert services.reports.section(page._report.id, "limits").text == "Một số thôn báo cáo chậm."


def test_choosing_another_report_keeps_what_was_typed(qtbot, services, events):
    from danvan_desktop.gui.pages.report.reports_page import ReportsPage
    page = ReportsPage(services, events)
    qtbot.addWidget(page)
    for period in ("2026-09", "2026-10"):
        page.period.setText(period)
        page.create_draft()
        qtbot.waitUntil(lambda: not page.drafting, timeout=20000)
    october = page._report.id
    page.editor.editors["proposals"].text.setPlainText("Đề nghị bổ sung kinh phí.")
    page.table.setCurrentIndex(page.model.index(1, 0))          # September
    assert page._report.id != october
    assert services.reports.section(october, "proposals").text == "Đề nghị bổ sung kinh phí."
