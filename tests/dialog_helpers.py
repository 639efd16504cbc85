"""Answer the next modal dialog (a confirmation) the way an officer would: read it, press a button."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


class Answer:
    """`with Answer(button_text) as seen:` — press the button whose text starts with `button_text` on the
    next message box; `seen.text` is what the box said (empty when no box came)."""

    def __init__(self, button: str) -> None:
        self.button = button
        self.text = ""
        self.title = ""
        self.buttons: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._look)

    def _look(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        self._timer.stop()
        self.title = box.windowTitle()
        self.text = box.text() + ("\n" + box.informativeText() if box.informativeText() else "")
        self.buttons = [b.text() for b in box.buttons()]
        for b in box.buttons():
            if b.text().replace("&", "").startswith(self.button):
                b.click()
                return
        box.reject()

    def __enter__(self) -> Answer:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.stop()
