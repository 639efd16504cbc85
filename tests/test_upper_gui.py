"""The upper level's pages as its officer uses them: the consolidated report from the Cấp trên tab."""

from __future__ import annotations

from conftest import dashboard_ready
from exchange_helpers import make_upper
from PySide6.QtCore import Qt

from danvan_desktop.gui.events import DataEvents
from danvan_desktop.gui.pages.handover import upper_tab
from danvan_desktop.gui.pages.handover.exchange_page import ExchangePage


def _wait(qtbot, condition) -> None:
    qtbot.waitUntil(condition, timeout=30000)


def test_the_consolidated_report_button_writes_a_pdf(qtbot, xa, tmp_path, today, monkeypatch):
    xa.exchange.exporter.now = lambda: "2026-11-03T03:00:00Z"
    upper = make_upper(tmp_path / "tinh.sqlite3", today)
    try:
        upper.exchange.importer.import_file(xa.exchange.exporter.export(tmp_path / "xa.dvx").path, trust_new=True)
        page = ExchangePage(upper, DataEvents())
        qtbot.addWidget(page)
        tab = page.completeness
        tab.apply_filters(period="2026-10")
        target = tmp_path / "out" / "tong-hop.pdf"
        target.parent.mkdir()
        asked = []
        monkeypatch.setattr(upper_tab.file_dialogs, "save_file",
                            lambda *args, **kwargs: asked.append(args) or (str(target), ""))
        qtbot.mouseClick(tab.report_button, Qt.MouseButton.LeftButton)
        assert asked, "the click asks where to save"
        _wait(qtbot, lambda: str(target) in tab.status.text() or tab.status.is_error())
        assert not tab.status.is_error(), tab.status.text()
        assert target.read_bytes().startswith(b"%PDF")
    finally:
        upper.close()


def test_the_consolidated_tab_drafts_edits_numbers_approves_and_writes(qtbot, tinh, tmp_path):
    page = ExchangePage(tinh, DataEvents())
    qtbot.addWidget(page)
    page.apply_filters(tab="consolidated", period="2026-Q3")
    tab = page.consolidated
    assert page.tabs.currentWidget() is tab and tab.period.currentData() == "2026-Q3"
    assert "Chưa có báo cáo" in tab.state.text() and not tab.pdf_button.isEnabled()
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, lambda: "Dự thảo" in tab.state.text() or tab.status.is_error())   # read on a worker thread
    assert not tab.status.is_error(), tab.status.text()
    assert tab.editor.editors["situation"].text.toPlainText().startswith("Tình hình Nhân dân")
    tab.editor.editors["next"].text.setPlainText("1. Nhiệm vụ cán bộ tỉnh viết.")
    qtbot.mouseClick(tab.editor.take_number, Qt.MouseButton.LeftButton)
    assert tab.editor.number_label.text() == "Số 01-BC/BTGDVTU"
    assert tab.approver.currentText() == "Nguyễn Văn Thành"
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, lambda: bool(tab.service.get(tab._report.id).pdf_sha256) or tab.status.is_error())  # off-thread
    assert not tab.status.is_error(), tab.status.text()
    assert "Đã duyệt" in tab.state.text() and tab.editor.editors["next"].text.isReadOnly()
    assert tab.service.section(tab._report.id, "next").text == "1. Nhiệm vụ cán bộ tỉnh viết."
    pdf, docx = tmp_path / "q3.pdf", tmp_path / "q3.docx"
    tab.export("pdf", str(pdf))
    _wait(qtbot, lambda: pdf.exists() or tab.status.is_error())
    assert pdf.read_bytes().startswith(b"%PDF")           # the approved PDF, kept at approval
    tab.export("docx", str(docx))
    _wait(qtbot, lambda: docx.exists() or tab.status.is_error())
    assert not tab.status.is_error(), tab.status.text()
    assert docx.stat().st_size > 0
    qtbot.mouseClick(tab.correct_button, Qt.MouseButton.LeftButton)
    assert "Bản 2" in tab.state.text() and tab.save_button.isEnabled()


def test_the_settings_page_shows_the_upper_bodys_own_settings(qtbot, tinh):
    from danvan_desktop.gui.pages.settings.settings_page import SettingsPage
    page = SettingsPage(tinh, DataEvents())
    qtbot.addWidget(page)
    page.show()
    # not the communes' posts and rules (a province holds 201 units' of them)
    assert page.rules_box.isHidden() and page.editor.required.count() == 0
    box = page.upper_box
    assert not box.isHidden() and box.signer.text() == "Nguyễn Văn Thành"
    assert box.issuing_body.text() == "BAN TUYÊN GIÁO VÀ DÂN VẬN" and box.due_day.value() == 5
    labels = [page.unit_form._layout.labelForField(e).text() for e in page.unit_form.edits.values()]
    assert "Tên cơ quan" in labels and "Tên xã" not in labels
    box.window_start.setValue(15)
    box.due_day.setValue(20)
    assert "từ ngày 15 tháng trước đến ngày 14" in box.rule_text.text()
    box.recipients.setPlainText("Thường trực Tỉnh ủy (báo cáo)\nLưu Văn phòng Ban")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert not box.status.is_error(), box.status.text()
    upper = tinh.exchange.upper
    assert upper.due_date("2026-10").isoformat() == "2026-10-20"
    assert upper.reports.create_draft("2026-09").recipients == ["Thường trực Tỉnh ủy (báo cáo)", "Lưu Văn phòng Ban"]


def test_the_upper_dashboard_names_late_and_missing_communes_and_opens_the_detail(qtbot, tinh):
    from danvan_desktop.gui.pages.dashboard_page import DashboardPage
    from danvan_desktop.gui.pages.handover.upper_dashboard import UpperDashboardSection
    opened = []
    page = DashboardPage(tinh, lambda key, **filters: opened.append((key, filters)))
    qtbot.addWidget(page)
    dashboard_ready(qtbot, page)
    section = next(s for s in page.sections if isinstance(s, UpperDashboardSection))
    assert "tháng 10 năm 2026 (hạn 05/11/2026)" in section.title.text()
    assert section.missing.value.text() == "1" and section.late.value.text() == "1"
    assert "Quá hạn chưa gửi: xã Yên Lâm." in section.names.text() and "Gửi trễ: xã Yên Thái." in section.names.text()
    open_spots = tinh.db.conn.execute("SELECT count(*) FROM situation_notes WHERE level = 'hot' AND resolved = 0 "
                                      "AND deleted = 0 AND unit_code != ?", (tinh.db.unit_code,)).fetchone()[0]
    assert section.hot.value.text() == str(open_spots) != "0"
    section.missing.value.click()
    section.hot.value.click()
    assert opened == [("exchange", {"tab": "completeness", "period": "2026-10"}),
                      ("exchange", {"tab": "consolidated", "period": "2026-10"})]


def test_the_upper_dashboard_section_stays_hidden_at_a_commune(qtbot, xa):
    from danvan_desktop.gui.pages.handover.upper_dashboard import UpperDashboardSection
    section = UpperDashboardSection(xa, lambda *a, **k: None)
    qtbot.addWidget(section)
    section.refresh()
    assert section.isHidden() and section.period is None
