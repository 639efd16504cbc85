"""Issue 11: a commune whose PC is reinstalled (new installation, new key, same code) hands over again once the
officer confirms the new fingerprint; the demo commune's file imports into the demo upper level."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from exchange_helpers import (
    add_extra_table,
    add_note,
    checksum,
    make_commune,
    make_upper,
    note_id,
    table_rows,
)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from danvan_desktop.cli import main
from danvan_desktop.exchange.errors import KeyChanged, NewInstallation


@pytest.fixture
def reinstalled(tmp_path, today):
    """The upper level has the commune's first file; the commune's PC is then set up again from scratch."""
    upper = make_upper(tmp_path / "upper.sqlite3", today)
    add_extra_table(upper)
    old = make_commune(tmp_path / "old.sqlite3", today, code="99002", name="xã Yên Phú")
    add_extra_table(old)
    add_note(old, "cu-1", "Ghi chú của máy cũ")
    upper.exchange.importer.import_file(old.exchange.exporter.export(tmp_path / "old.dvx").path, trust_new=True)
    new = make_commune(tmp_path / "new.sqlite3", today, code="99002", name="xã Yên Phú")
    add_extra_table(new)
    add_note(new, "moi-1", "Ghi chú của máy mới")
    path = new.exchange.exporter.export(tmp_path / "new.dvx").path
    yield upper, old, new, path, tmp_path
    for services in (upper, old, new):
        services.close()


def test_the_new_installation_is_named_as_such_and_refused_until_confirmed(reinstalled):
    upper, old, new, path, _tmp = reinstalled
    before = checksum(upper.db.path)
    with pytest.raises(NewInstallation) as info:
        upper.exchange.importer.import_file(path)
    message = str(info.value)
    assert "xã Yên Phú (mã 99002) đã có khóa tin cậy" in message
    assert old.exchange.keys.fingerprint() in message and old.db.installation_id[:8] in message
    assert "bản cài đặt mới" in message and new.exchange.keys.fingerprint() in message
    assert new.db.installation_id[:8] in message and path.name in message
    assert checksum(upper.db.path) == before
    preview = upper.exchange.importer.preview(path)
    assert preview.key.state == "new_installation" and preview.key.trusted_fingerprint == old.exchange.keys.fingerprint()
    assert checksum(upper.db.path) == before


def test_after_confirmation_the_new_installation_merges_by_id(reinstalled, today):
    upper, old, new, path, tmp = reinstalled
    result = upper.exchange.importer.import_file(path, trust_new=True)
    assert result.status == "applied"
    bodies = sorted(r["body"] for r in table_rows(upper, "test_notes"))
    assert bodies == ["Ghi chú của máy cũ", "Ghi chú của máy mới"]
    units = upper.db.conn.execute("SELECT id, name FROM units WHERE code = '99002' AND deleted = 0").fetchall()
    assert len(units) == 1                                  # keyed by code: no UNIQUE failure, no second row
    assert [u.code for u in upper.exchange.upper.communes()] == ["99002"]
    # both installations stay trusted: the old PC's next file imports as before, and the new one's too
    add_note(old, "cu-2", "Máy cũ vẫn gửi")
    assert upper.exchange.importer.import_file(
        old.exchange.exporter.export(tmp / "old-2.dvx", since_last=True).path).status == "applied"
    add_note(new, "moi-1", "Máy mới sửa ghi chú")
    assert upper.exchange.importer.import_file(
        new.exchange.exporter.export(tmp / "new-2.dvx", since_last=True).path).status == "applied"
    row = upper.db.conn.execute("SELECT body FROM test_notes WHERE id = ?", (note_id("moi-1"),)).fetchone()
    assert row[0] == "Máy mới sửa ghi chú"


def test_a_changed_key_for_the_same_installation_stays_a_refusal(reinstalled):
    upper, old, _new, _path, tmp = reinstalled
    from danvan_desktop.exchange import keys
    from danvan_desktop.services.handover.keys import PRIVATE_KEY_SETTING
    old.db.set_setting(PRIVATE_KEY_SETTING, keys.b64(keys.new_private_key()))
    add_note(old, "cu-3", "Sau khi đổi khóa")
    changed = old.exchange.exporter.export(tmp / "doi-khoa.dvx", since_last=True).path
    before = checksum(upper.db.path)
    with pytest.raises(KeyChanged):
        upper.exchange.importer.import_file(changed, trust_new=True)     # --trust-new does not replace a key
    assert checksum(upper.db.path) == before
    assert upper.exchange.importer.import_file(changed, retrust=True).status == "applied"


def test_the_command_line_says_what_trust_new_does(reinstalled, capsys):
    upper, old, new, path, _tmp = reinstalled
    db = str(upper.db.path)
    before = checksum(upper.db.path)
    assert main(["import", "--db", db, str(path)]) == 1
    err = capsys.readouterr().err
    assert "bản cài đặt mới" in err and "--trust-new" in err
    assert checksum(upper.db.path) == before
    assert main(["import", "--db", db, "--dry-run", str(path)]) == 0
    assert "bản cài đặt mới" in capsys.readouterr().out
    assert main(["import", "--db", db, "--trust-new", str(path)]) == 0
    out = capsys.readouterr().out
    assert "đã có khóa tin cậy" in out and old.exchange.keys.fingerprint() in out
    assert new.exchange.keys.fingerprint() in out and "theo --trust-new" in out


def test_the_import_tab_asks_with_both_fingerprints(qtbot, reinstalled):
    from danvan_desktop.gui.events import DataEvents
    from danvan_desktop.gui.pages.handover.exchange_page import ExchangePage
    upper, old, new, path, _tmp = reinstalled
    page = ExchangePage(upper, DataEvents())
    qtbot.addWidget(page)
    tab = page.import_tab
    tab.check_files([path])
    qtbot.waitUntil(lambda: bool(tab.files.rows()) and tab.import_button.isEnabled(), timeout=20000)
    assert "Bản cài đặt mới" in tab.files.model_.data(tab.files.model_.index(0, 5))
    assert "đã có khóa tin cậy" in tab.detail_text.text()
    shown = []

    def answer():
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        shown.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()
    QTimer.singleShot(200, answer)
    tab.import_checked()
    qtbot.waitUntil(lambda: "Đã nhập 1 tệp" in tab.status.text(), timeout=20000)
    assert shown and old.exchange.keys.fingerprint() in shown[0] and new.exchange.keys.fingerprint() in shown[0]
    assert "bản cài đặt mới" in shown[0]


def test_the_demo_commune_hands_over_to_the_demo_upper_level(xa, tmp_path, capsys):
    from danvan_desktop.services.demo.upper import build_upper_demo
    today = dt.date(2026, 11, 21)
    upper = build_upper_demo(tmp_path / "tinh.sqlite3", today=today, communes=1)   # holds xã Yên Phú (16171)
    upper.close()
    path = xa.exchange.exporter.export(tmp_path / "demo.dvx", period="2026-11").path
    db = str(tmp_path / "tinh.sqlite3")
    assert main(["import", "--db", db, str(path)]) == 1
    assert "bản cài đặt mới" in capsys.readouterr().err
    assert main(["import", "--db", db, "--trust-new", str(path)]) == 0
    out = capsys.readouterr().out
    assert "xã Yên Phú (mã 16171) đã có khóa tin cậy" in out and "mới" in out
    # the new installation's batch is on record at the upper level, and its October report counts
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM exchange_batches_in WHERE sender_unit = '16171' AND "
                        "sender_installation = ?", (xa.db.installation_id,)).fetchone()[0] == 1
    conn.close()
    assert main(["completeness", "--db", db, "--period", "2026-10"]) == 0
    assert "1/1 xã đã nộp đủ" in capsys.readouterr().out
