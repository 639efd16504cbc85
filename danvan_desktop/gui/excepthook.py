"""One handler for unexpected errors: log the details, show a Vietnamese message with a copy button."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtWidgets import QApplication, QMessageBox

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.services.errors import StoreError

log = logging.getLogger("danvan")


def show_error(parent, text: str, details: str = "") -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_("Có lỗi"))
    box.setText(text)
    if details:
        box.setDetailedText(details)
        copy = box.addButton(_("Chép chi tiết"), QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.addButton(_("Đóng"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def install() -> None:
    def hook(kind, value, tb) -> None:
        if issubclass(kind, (StoreError, RuleError)) and QApplication.instance() is not None:
            # a known condition (the file became read-only, another copy holds it …): its own message
            # says what to do; no "unexpected error" and no traceback for the officer
            log.warning("%s", value)
            show_error(QApplication.activeWindow(), str(value))
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error\n%s", details)
        sys.__stderr__.write(details)
        if QApplication.instance() is not None:
            show_error(QApplication.activeWindow(),
                       _("Chương trình gặp lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng; thao tác vừa "
                         "rồi có thể chưa được lưu. Hãy chép chi tiết gửi cho người hỗ trợ."), details)
    sys.excepthook = hook
