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
