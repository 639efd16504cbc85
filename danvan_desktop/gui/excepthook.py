"""One handler for unexpected errors: write them to the log file, show a Vietnamese message that says
where the log is, with a copy button.

It must work in the windowed Windows build, where there is no console and `sys.stderr is None`:
nothing here writes to a stream that may be missing, so the handler itself never fails silently.
"""

from __future__ import annotations

import logging
import sys
import traceback
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.logs import configure, log_file
from danvan_desktop.services.errors import StoreError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger("danvan")


def show_error(parent, text: str, details: str = "") -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox  # its class and enums are made on first use: not at every start
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
    return box


def unexpected_message() -> str:
    return (_("Chương trình gặp lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng; thao tác vừa "
              "rồi có thể chưa được lưu. Hãy chép chi tiết gửi cho người hỗ trợ.") + "\n\n"
            + _("Chi tiết đã được ghi vào nhật ký: {path}").format(path=log_file()))


def handle(kind, value, tb) -> None:
    """sys.excepthook: a known condition shows its own message; anything else is logged with its
    traceback and shown as an unexpected error."""
    if issubclass(kind, KeyboardInterrupt):
        return
    app = QApplication.instance()
    if issubclass(kind, (StoreError, RuleError)) and app is not None:
        # a known condition (the file became read-only, another copy holds it …): its own message
        # says what to do; no "unexpected error" and no traceback for the officer
        log.warning("%s", value)
        show_error(QApplication.activeWindow(), str(value))
        return
    details = "".join(traceback.format_exception(kind, value, tb))
    configure()                        # the log file exists even if the error came before start-up ended
    log.error("unexpected error\n%s", details)
    stream = sys.stderr                # None in the windowed build
    if stream is not None:
        try:
            stream.write(details)
        except (OSError, ValueError):
            pass
    if app is not None:
        show_error(QApplication.activeWindow(), unexpected_message(), details)


def install() -> None:
    sys.excepthook = handle
