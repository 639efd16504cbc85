"""Vietnamese everywhere a user looks: Qt's own buttons, file dialogs that remember the last folder,
and "USB" offered only for drives that can be pulled out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit, QMessageBox

from danvan_desktop.drives import is_removable
from danvan_desktop.gui import file_dialogs
from danvan_desktop.gui.appearance import apply_appearance


def _texts_of_a_shown_message_box(qapp) -> list[str]:
    box = QMessageBox(QMessageBox.Icon.Question, "?", "Xóa thôn?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel)
    box.setDetailedText("chi tiết")
    box.show()
    qapp.processEvents()
    texts = sorted(b.text().replace("&", "") for b in box.buttons())
    box.close()
    return texts


def test_qt_standard_buttons_speak_vietnamese_and_english(qapp, services):
    services.preferences.set_language("vi")
    apply_appearance(qapp, services)
    assert _texts_of_a_shown_message_box(qapp) == sorted(["Có", "Không", "Hủy", "Xem chi tiết…"])
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
    assert sorted(b.text() for b in buttons.buttons()) == sorted(["Lưu", "Hủy", "Đồng ý", "Đóng"])
    services.preferences.set_language("en")
    apply_appearance(qapp, services)
    assert _texts_of_a_shown_message_box(qapp) == sorted(["Yes", "No", "Cancel", "Show Details..."])
    services.preferences.set_language("vi")
    apply_appearance(qapp, services)


def test_a_text_field_context_menu_is_vietnamese(qapp, services):
    apply_appearance(qapp, services)
    field = QLineEdit("Yên Phú")
    menu = field.createStandardContextMenu()
    texts = [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert "Hoàn tác" in texts and "Sao chép" in texts and "Dán" in texts and "Chọn tất cả" in texts
    assert "Copy" not in texts


def test_file_dialogs_start_in_documents_then_in_the_last_folder_used(qapp, tmp_path, monkeypatch):
    asked: list[str] = []
    usb = tmp_path / "usb"
    usb.mkdir()

    def fake_save(parent, title, start, filters):
        asked.append(start)
        return str(usb / "bao-cao.pdf"), filters

    def fake_open(parent, title, start, filters):
        asked.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
    assert file_dialogs.save_file(None, "Lưu báo cáo", "bao-cao.pdf", "PDF (*.pdf)")[0] == str(usb / "bao-cao.pdf")
    assert asked[0] == str(file_dialogs.documents_folder() / "bao-cao.pdf")
    file_dialogs.open_file(None, "Chọn tệp", "")        # cancelled: the remembered folder stays
    file_dialogs.save_file(None, "Lưu báo cáo", "bao-cao-2.pdf", "PDF (*.pdf)")
    assert asked[1] == str(usb) and asked[2] == str(usb / "bao-cao-2.pdf")
    usb.joinpath("bao-cao.pdf").unlink(missing_ok=True)
    usb.rmdir()                                          # the USB stick is gone: back to Documents
    assert file_dialogs.start_folder() == file_dialogs.documents_folder()


def _fake_sysfs(root: Path, name: str, disk: str, removable: str, bus: str) -> None:
    device_dir = root / "devices" / bus / "block" / disk
    (device_dir / name).mkdir(parents=True, exist_ok=True)
    (device_dir / "removable").write_text(removable + "\n")
    (root / "class" / "block").mkdir(parents=True, exist_ok=True)
    (root / "class" / "block" / name).symlink_to(device_dir / name)


def test_only_removable_drives_count_as_usb(tmp_path):
    sysfs = tmp_path / "sys"
    _fake_sysfs(sysfs, "sdb1", "sdb", "1", "pci0000:00/usb1/1-1/host6/target6:0:0/6:0:0:0")
    _fake_sysfs(sysfs, "sda2", "sda", "0", "pci0000:00/ata1/host0/target0:0:0/0:0:0:0")
    _fake_sysfs(sysfs, "sdc1", "sdc", "0", "pci0000:00/usb2/2-1/host7/target7:0:0/7:0:0:0")
    assert is_removable("/media/can-bo/USB", "/dev/sdb1", sysfs)       # a USB stick
    assert not is_removable("/data", "/dev/sda2", sysfs)               # a second fixed disk (D:)
    assert is_removable("/media/can-bo/HDD", "/dev/sdc1", sysfs)       # a USB disk that says "fixed"
    assert not is_removable("/mnt/share", "//may-chu/chung", sysfs)    # a network drive
    assert not is_removable("/run/user/0", "tmpfs", sysfs)
