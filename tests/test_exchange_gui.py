"""The hand-over page as an officer uses it: export to a stick, import with the key prompt, see who reported."""

from __future__ import annotations

from conftest import dashboard_ready
from exchange_helpers import checksum, make_upper

from danvan_desktop.gui.events import DataEvents
from danvan_desktop.gui.pages.handover.exchange_page import ExchangePage, ExchangeSection
from danvan_desktop.gui.pages.handover.import_tab import ImportTab


def _wait(qtbot, condition) -> None:
    qtbot.waitUntil(condition, timeout=20000)


def test_export_to_a_stick_then_the_receipt_marks_it_received(qtbot, xa, tmp_path, today):
    stick = tmp_path / "usb"
    stick.mkdir()
    page = ExchangePage(xa, DataEvents())
    qtbot.addWidget(page)
    tab = page.export_tab
    assert "toàn bộ" in tab.since_last.text()
    tab.drive.insertItem(0, "USB", str(stick))
    tab.drive.setCurrentIndex(0)
    tab.export()
    _wait(qtbot, lambda: not tab.result.isHidden() or tab.status.is_error())
    assert not tab.status.is_error(), tab.status.text()
    files = list(stick.glob("*.dvx"))
    assert len(files) == 1 and files[0].name.startswith("16171-xa-yen-phu-lo001")
    assert tab.fingerprint.text() == xa.exchange.keys.fingerprint()
    page.refresh()
    assert page.batches.out.model_.data(page.batches.out.model_.index(0, 6)) == "Đã xuất — chờ biên nhận"
    assert "lô số 1" in tab.since_last.text()

    upper = make_upper(tmp_path / "tinh.sqlite3", today)
    try:
        upper.exchange.importer.import_file(files[0], trust_new=True)
        receipt = upper.exchange.receipts.write_receipt(upper.exchange.log.batches_in()[0].batch_id, stick)
    finally:
        upper.close()
    importer = page.import_tab
    importer.confirm_key = lambda row: True
    importer.check_files([receipt])
    _wait(qtbot, lambda: bool(importer.files.rows()) and importer.import_button.isEnabled())
    importer.import_checked()
    _wait(qtbot, lambda: "Đã nhập 1 tệp" in importer.status.text())
    assert importer.files.rows()[0].state == "receipt"
    page.refresh()
    assert page.batches.out.model_.data(page.batches.out.model_.index(0, 6)).startswith("Đã nhận")


def test_upper_level_imports_several_files_one_refused_and_sees_completeness(qtbot, xa, tmp_path, today):
    xa.exchange.exporter.now = lambda: "2026-11-04T03:00:00Z"      # October's report is due on 5 November
    good = xa.exchange.exporter.export(tmp_path / "xa.dvx").path
    bad = tmp_path / "hong.dvx"
    bad.write_bytes(good.read_bytes()[:-200])
    upper = make_upper(tmp_path / "tinh.sqlite3", today)
    try:
        page = ExchangePage(upper, DataEvents())
        qtbot.addWidget(page)
        assert page.tabs.tabText(0) == "Tình hình nộp của các xã"
        tab: ImportTab = page.import_tab
        assert tab.receipts.isChecked()
        before = checksum(upper.db.path)
        tab.check_files([bad, good])
        _wait(qtbot, lambda: len(tab.files.rows()) == 2)
        states = {r.path.name: r for r in tab.files.rows()}
        assert states["hong.dvx"].state == "refused" and "hong.dvx" in states["hong.dvx"].message
        assert states["xa.dvx"].result.key.state == "unknown"
        assert checksum(upper.db.path) == before
        asked = []
        tab.confirm_key = lambda row: asked.append(row.result.key.fingerprint) or True
        tab.import_checked()
        _wait(qtbot, lambda: "Đã nhập 1 tệp" in tab.status.text())
        assert states["xa.dvx"].state == "imported"
        assert asked == [xa.exchange.keys.fingerprint()]
        assert list(tmp_path.glob("bien-nhan-*.dvx"))
        page.refresh()
        rows = page.completeness.table.rows()
        assert [(r.unit_name, r.status_text) for r in rows] == [("xã Yên Phú", "Đúng hạn")]
        assert "1/1 xã đã nộp đủ" in page.completeness.summary.text()
        section = ExchangeSection(upper, lambda *a, **k: None)
        qtbot.addWidget(section)
        section.refresh()
        assert section.handed.value.text() == "1/1"
    finally:
        upper.close()


def test_dashboard_warns_about_an_unacknowledged_hand_over(qtbot, xa, tmp_path):
    xa.exchange.exporter.now = lambda: "2026-11-01T02:00:00Z"
    xa.exchange.exporter.export(tmp_path / "cu.dvx")
    opened = []
    section = ExchangeSection(xa, lambda key, **filters: opened.append((key, filters)))
    qtbot.addWidget(section)
    section.refresh()
    assert not section.banner.isHidden()
    assert "20 ngày mà chưa có biên nhận" in section.banner.body.text()
    section.last.value.click()
    assert opened == [("exchange", {"tab": "batches"})]


def test_the_wizard_sets_up_an_upper_level(qtbot, tmp_path):
    from conftest import type_text
    from PySide6.QtWidgets import QWizard

    from danvan_desktop.gui.setup_wizard import SetupWizard
    from danvan_desktop.services.app import AppServices
    services = AppServices.open(tmp_path / "tinh.sqlite3")
    try:
        wizard = SetupWizard(services.setup)
        qtbot.addWidget(wizard)
        wizard.show()
        page = wizard.unit_page
        page.level.setCurrentIndex(page.level.findData("upper"))
        labels = [page.form._layout.labelForField(edit).text() for edit in page.form.edits.values()]
        assert "Tên cơ quan" in labels and "Cấp ủy (dòng trên tên cơ quan)" in labels and "Tên xã" not in labels
        assert page.title() == "Thông tin cơ quan"
        type_text(qtbot, page.form.edits["name"], "Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Hóa")
        assert page.form.edits["party_committee_name"].text() == ""      # no "ĐẢNG ỦY XÃ …" suggested
        type_text(qtbot, page.form.edits["party_committee_name"], "TỈNH ỦY THANH HÓA")
        type_text(qtbot, page.form.edits["code"], "TU38")
        type_text(qtbot, page.form.edits["doc_symbol"], "BTGDVTU")
        # no villages page: the first page is the last one
        assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
        assert not wizard.button(QWizard.WizardButton.NextButton).isVisible()
        wizard.button(QWizard.WizardButton.FinishButton).click()
        unit = services.setup.unit()
        assert unit.level == "upper" and unit.party_committee_name == "TỈNH ỦY THANH HÓA"
        assert services.exchange.upper.is_upper()
        assert services.villages.list() == []
    finally:
        services.close()


def test_upper_level_window_shows_only_its_pages_and_the_receipt_prints(qtbot, xa, tmp_path, today):
    from pypdf import PdfReader

    from danvan_desktop.gui.main_window import MainWindow
    upper = make_upper(tmp_path / "tinh.sqlite3", today)
    try:
        window = MainWindow(upper)
        qtbot.addWidget(window)
        assert window.page_keys == ["dashboard", "yearwork", "exchange", "settings"]   # yearwork: the communes' scorecards
        dashboard = dashboard_ready(qtbot, window.pages["dashboard"])
        assert dashboard.heading.text() == upper.setup.unit().name and dashboard.banner.isHidden()
    finally:
        upper.close()
    page = ExchangePage(xa, DataEvents())
    qtbot.addWidget(page)
    result = xa.exchange.exporter.export(tmp_path / "lo.dvx", period="2026-10")
    pdf = page.export_tab.print_receipt(result.manifest.batch_id)
    text = PdfReader(pdf).pages[0].extract_text()
    assert len(PdfReader(pdf).pages) == 1
    assert result.fingerprint in text and result.fingerprint + "." not in text
    assert "tháng 10 năm 2026" in text and "Tổng cộng" in text


def test_a_second_pc_is_set_up_from_the_communes_file(qtbot, xa, tmp_path, monkeypatch):
    from danvan_desktop.gui import setup_from_file
    from danvan_desktop.gui.setup_wizard import SetupWizard
    from danvan_desktop.services.app import AppServices
    full = xa.exchange.exporter.export(tmp_path / "toan-bo.dvx").path
    partial = xa.exchange.exporter.export(tmp_path / "thay-doi.dvx", since_last=True).path
    laptop = AppServices.open(tmp_path / "laptop.sqlite3")
    try:
        wizard = SetupWizard(laptop.setup)
        qtbot.addWidget(wizard)
        asked = []
        monkeypatch.setattr(setup_from_file, "confirm", lambda parent, unit, fp: asked.append(fp) or True)
        wizard.set_up_from_file(partial)
        assert "Toàn bộ dữ liệu" in wizard.unit_page.status.text()
        assert not laptop.setup.is_set_up()
        wizard.set_up_from_file(full)
        assert asked == [xa.exchange.keys.fingerprint()]
        assert laptop.setup.unit().name == "xã Yên Phú"
        assert len(laptop.roster.current()) == len(xa.roster.current())
    finally:
        laptop.close()


def test_a_changed_key_is_refused_until_accepted_on_purpose(qtbot, xa, tmp_path, today):
    from exchange_helpers import rebuild

    from danvan_desktop.exchange import keys
    upper = make_upper(tmp_path / "tinh.sqlite3", today)
    try:
        upper.exchange.importer.import_file(xa.exchange.exporter.export(tmp_path / "1.dvx").path, trust_new=True)
        second = xa.exchange.exporter.export(tmp_path / "2.dvx", since_last=True).path
        changed = rebuild(second, tmp_path / "khoa-moi.dvx", keys.new_private_key())
        page = ExchangePage(upper, DataEvents())
        qtbot.addWidget(page)
        tab = page.import_tab
        tab.check_files([changed])
        _wait(qtbot, lambda: len(tab.files.rows()) == 1)
        row = tab.files.rows()[0]
        assert row.state == "refused" and row.key_changed and "đã thay đổi" in tab.detail_text.text()
        assert not tab.retrust_button.isHidden()
        tab.confirm_new_key = lambda row: False
        tab.retrust_selected()
        assert row.state == "refused"
        tab.confirm_new_key = lambda row: True
        tab.retrust_selected()
        _wait(qtbot, lambda: row.state == "imported" and not row.key_changed)   # done on the GUI thread
        assert upper.exchange.keys.status(row.result.verified.manifest).state == "trusted"
    finally:
        upper.close()
