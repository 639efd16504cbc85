"""The base of the forms beside a list: fields in a QFormLayout, the status line, the buttons, Enter, a dirty flag.

A form supplies its fields (added to `self.rows`), which buttons it has (`standard_buttons`, `action_button`,
laid out by `finish`), which line edits Enter moves on from and which field saves (`enter_moves_on`), and its
record: `load(record, …)` fills the fields and ends with `mark_loaded(record)`; the page reads the record back
through the form's own method (`member()`, `note()`, …). The page owns Ctrl+S, Ctrl+N and Delete
(gui/pages/list_page.py) and answers `save_requested`, `new_requested`, `delete_requested`; it says the
outcome under the fields with `show_error` (a RuleError's text, scrolled into view) or `show_done`.
"""

from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from danvan_desktop.domain.i18n import _
from danvan_desktop.gui.widgets.date_field import DateField
from danvan_desktop.gui.widgets.form_status import FormStatus

# what the officer's own edit emits, for each kind of field (the line inside a date, a spin box or an editable
# list is a QLineEdit too); a load sets values without these, except the two text and list signals, and a load
# ends with mark_loaded anyway
EDIT_SIGNALS = ((QtWidgets.QLineEdit, "textEdited"), (QtWidgets.QPlainTextEdit, "textChanged"),
                (QtWidgets.QComboBox, "activated"), (QtWidgets.QListWidget, "itemChanged"))


class RecordForm(QWidget):
    save_requested = Signal()
    new_requested = Signal()
    delete_requested = Signal()
    edited = Signal()           # the officer changed a field since the last load or save

    def __init__(self, parent=None, margins: int | None = None) -> None:
        super().__init__(parent)
        self._dirty = False
        self.outer = QVBoxLayout(self)
        if margins is not None:
            self.outer.setContentsMargins(margins, margins, margins, margins)
        self.rows = QFormLayout()
        self.outer.addLayout(self.rows)
        self.status_line = FormStatus()
        # the line under the form; a form with a field of its own called `status` (the task's) keeps `status_line`
        self.status = self.status_line
        self.save_button: QPushButton | None = None
        self.new_button: QPushButton | None = None
        self.delete_button: QPushButton | None = None

    # -- building --------------------------------------------------------------------------------
    def action_button(self, text: str, signal=None, tooltip: str = "") -> QPushButton:
        button = QPushButton(text)
        if signal is not None:
            button.clicked.connect(signal.emit)
        if tooltip:
            button.setToolTip(tooltip)
        return button

    def standard_buttons(self, new_text: str, *, save_text: str | None = None, new_tip: str = "",
                         default: bool = False, tips: bool = True) -> tuple[QPushButton, QPushButton, QPushButton]:
        """Lưu, `new_text` and Xóa, wired to the three signals: (save, new, delete). `default` draws Lưu as the
        default button; `tips` names their keys in tooltips (forms whose button texts name them go without)."""
        self.save_button = self.action_button(save_text or _("Lưu"), self.save_requested,
                                              _("Lưu (Ctrl+S)") if tips else "")
        self.save_button.setDefault(default)
        self.new_button = self.action_button(new_text, self.new_requested, new_tip)
        self.delete_button = self.action_button(_("Xóa"), self.delete_requested,
                                                _("Xóa (Delete); có thể hoàn tác bằng Ctrl+Z") if tips else "")
        return self.save_button, self.new_button, self.delete_button

    @staticmethod
    def button_row(*buttons: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        return row

    def finish(self, buttons: QtWidgets.QLayout | QWidget | None, *, status_first: bool = True,
               stretch: bool = True) -> None:
        """Lay out the status line and the buttons under the fields (in that order, or buttons first), push
        them up with a stretch, and start watching the fields for edits."""
        parts = [self.status_line, buttons] if status_first else [buttons, self.status_line]
        for part in parts:
            if isinstance(part, QtWidgets.QLayout):
                self.outer.addLayout(part)
            elif part is not None:
                self.outer.addWidget(part)
        if stretch:
            self.outer.addStretch(1)
        self._watch_fields()

    def enter_moves_on(self, *edits: QLineEdit, last: QLineEdit | DateField | None = None) -> None:
        """Enter moves to the next field, as officers used to paper forms expect; on `last` it saves."""
        for edit in edits:
            edit.returnPressed.connect(self.focusNextChild)
        if isinstance(last, DateField):
            last.on_enter = self.save_requested.emit
        elif last is not None:
            last.returnPressed.connect(self.save_requested)

    # -- state -------------------------------------------------------------------------------------
    def mark_loaded(self, record: object | None) -> None:
        """The end of every `load`: no message left from the last record, Xóa only for a saved record,
        nothing edited yet."""
        self.status_line.clear_status()
        if self.delete_button is not None:
            self.delete_button.setEnabled(record is not None)
        self._dirty = False

    def is_dirty(self) -> bool:
        return self._dirty

    def show_error(self, message: object) -> None:
        """What to fix, under the fields; a form inside a scroll area scrolls the line into view."""
        self.status_line.error(str(message))
        area = self.parentWidget().parentWidget() if self.parentWidget() is not None else None
        if isinstance(area, QtWidgets.QScrollArea):
            area.ensureWidgetVisible(self.status_line)

    def show_done(self, message: str) -> None:
        self.status_line.ok(message)
        self._dirty = False

    def _mark_dirty(self, *_args) -> None:
        if not self._dirty:
            self._dirty = True
            self.edited.emit()

    def _watch_fields(self) -> None:
        for kind, signal in EDIT_SIGNALS:
            for widget in self.findChildren(kind):
                getattr(widget, signal).connect(self._mark_dirty)
        for box in self.findChildren(QtWidgets.QAbstractButton):
            if box.isCheckable():           # tick boxes; the form's push buttons are not edits
                box.clicked.connect(self._mark_dirty)
