"""The upper level's pages as its officer uses them: the consolidated report from the Cấp trên tab."""

from __future__ import annotations

from exchange_helpers import make_upper
from PySide6.QtCore import Qt

from danvan_desktop.gui.events import DataEvents
from danvan_desktop.gui.pages.handover import upper_tab
from danvan_desktop.gui.pages.handover.exchange_page import ExchangePage


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
        monkeypatch.setattr(upper_tab.QFileDialog, "getSaveFileName",
                            lambda *args, **kwargs: asked.append(args) or (str(target), ""))
        qtbot.mouseClick(tab.report_button, Qt.MouseButton.LeftButton)
        assert asked, "the click asks where to save"
        assert not tab.status.is_error(), tab.status.text()
        assert target.read_bytes().startswith(b"%PDF")
        assert str(target) in tab.status.text()
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
    assert not tab.status.is_error(), tab.status.text()
    assert "Dự thảo" in tab.state.text()
    assert tab.editor.editors["situation"].text.toPlainText().startswith("Tình hình Nhân dân")
    tab.editor.editors["next"].text.setPlainText("1. Nhiệm vụ cán bộ tỉnh viết.")
    qtbot.mouseClick(tab.editor.take_number, Qt.MouseButton.LeftButton)
    assert tab.editor.number_label.text() == "Số 01-BC/BTGDVTU"
    assert tab.approver.currentText() == "Nguyễn Văn Thành"
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    assert not tab.status.is_error(), tab.status.text()
    assert "Đã duyệt" in tab.state.text() and tab.editor.editors["next"].text.isReadOnly()
    assert tab.service.section(tab._report.id, "next").text == "1. Nhiệm vụ cán bộ tỉnh viết."
    pdf = tab.export("pdf", str(tmp_path / "q3.pdf"))
    docx = tab.export("docx", str(tmp_path / "q3.docx"))
    assert pdf.read_bytes().startswith(b"%PDF") and docx.stat().st_size > 0
    qtbot.mouseClick(tab.correct_button, Qt.MouseButton.LeftButton)
    assert "Bản 2" in tab.state.text() and tab.save_button.isEnabled()
