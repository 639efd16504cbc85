"""The report's editor: header fields (number, date, signer, recipients) and one text box per section,
with a newer draft shown beside an edited section until the officer takes it or keeps their text."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.report import PART_TITLES, SECTIONS, Report, ReportSection
from danvan_desktop.gui.widgets.date_field import DateField

SHORT_TITLES = {"situation": "I", "leadership": "II.1", "teams": "II.2", "government": "II.3", "front": "II.4",
                "dvk": "II.5", "strengths": "III.1", "limits": "III.2", "next": "IV", "proposals": "V"}


class SectionEditor(QWidget):
    accept_requested = Signal(str)
    dismiss_requested = Signal(str)

    def __init__(self, key: str, title: str, parent=None) -> None:
        super().__init__(parent)
        self.key = key
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setStyleSheet("font-weight:bold;")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(_("Nội dung mục này. Mỗi dòng là một đoạn; chú thích cuối trang viết trong "
                                       "[[fn: …]]."))
        layout.addWidget(self.text, 2)
        self.pending_box = QGroupBox(_("Bản dự thảo mới từ số liệu (nội dung bạn đã sửa được giữ nguyên)"))
        self.pending_box.setStyleSheet("QGroupBox { background:#fff4e5; }")
        pending = QVBoxLayout(self.pending_box)
        self.pending = QPlainTextEdit()
        self.pending.setReadOnly(True)
        pending.addWidget(self.pending)
        row = QHBoxLayout()
        self.accept_button = QPushButton(_("Dùng bản dự thảo mới"))
        self.dismiss_button = QPushButton(_("Giữ nội dung đã sửa"))
        row.addWidget(self.accept_button)
        row.addWidget(self.dismiss_button)
        row.addStretch(1)
        pending.addLayout(row)
        layout.addWidget(self.pending_box, 1)
        self.accept_button.clicked.connect(lambda: self.accept_requested.emit(self.key))
        self.dismiss_button.clicked.connect(lambda: self.dismiss_requested.emit(self.key))

    def load(self, section: ReportSection, locked: bool) -> None:
        self.text.setPlainText(section.text)
        self.text.setReadOnly(locked)
        self.pending.setPlainText(section.pending_draft)
        self.pending_box.setVisible(bool(section.pending_draft) and not locked)


class ReportEditor(QWidget):
    def __init__(self, parent=None, *, sections=SECTIONS, part_titles=PART_TITLES, short_titles=None) -> None:
        """`sections`, `part_titles`, `short_titles`: another report's shape (the upper level's consolidated one)."""
        super().__init__(parent)
        self.short_titles = short_titles or SHORT_TITLES
        layout = QVBoxLayout(self)
        header = QWidget()
        form = QFormLayout(header)
        number_row = QHBoxLayout()
        self.number_label = QLabel()
        self.number_label.setStyleSheet("font-weight:bold;")
        self.take_number = QPushButton(_("Lấy số tiếp theo"))
        self.wanted = QSpinBox()
        self.wanted.setRange(1, 999)
        self.set_number = QPushButton(_("Đặt số này"))
        for w in (self.number_label, self.take_number, self.wanted, self.set_number):
            number_row.addWidget(w)
        number_row.addStretch(1)
        self.doc_date = DateField(optional=False)
        self.place = QLineEdit()
        self.subject = QLineEdit()
        self.authority = QLineEdit()
        self.post = QLineEdit()
        self.signer = QLineEdit()
        self.recipients = QPlainTextEdit()
        self.recipients.setPlaceholderText(_("Mỗi dòng một nơi nhận; dòng cuối «Lưu …»"))
        self.include_table = QCheckBox(_("Kèm bảng số liệu chủ yếu"))
        self.replace_note = QLineEdit()
        form.addRow(_("Số"), number_row)
        form.addRow(_("Ngày"), self.doc_date)
        form.addRow(_("Địa danh"), self.place)
        form.addRow(_("Trích yếu"), self.subject)
        form.addRow(_("Thẩm quyền ký"), self.authority)
        form.addRow(_("Chức vụ người ký"), self.post)
        form.addRow(_("Người ký"), self.signer)
        form.addRow(_("Nơi nhận"), self.recipients)
        form.addRow("", self.include_table)
        form.addRow(_("Ghi chú thay thế"), self.replace_note)
        self.tabs = QTabWidget()
        self.tabs.addTab(header, _("Số, ngày, người ký"))
        self.editors: dict[str, SectionEditor] = {}
        for spec in sections:
            title = _(spec.title) if spec.title else _(part_titles[spec.group]).replace(" {next}", "")
            editor = SectionEditor(spec.key, f"{self.short_titles[spec.key]}. {title}")
            self.editors[spec.key] = editor
            self.tabs.addTab(editor, self.short_titles[spec.key])
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        self.tabs.setCurrentIndex(1)
        self._header_widgets = [self.take_number, self.wanted, self.set_number, self.doc_date, self.place,
                                self.subject, self.authority, self.post, self.signer, self.recipients,
                                self.include_table, self.replace_note]

    def load(self, report: Report | None, sections: list[ReportSection], printed_number: str) -> None:
        self.setEnabled(report is not None)
        if report is None:
            return
        locked = report.is_locked
        self.number_label.setText(printed_number if report.number else _("(chưa có số)"))
        self.wanted.setValue(report.number or 1)
        self.doc_date.set_value(report.doc_date)
        self.place.setText(report.place)
        self.subject.setText(report.subject)
        self.authority.setText(report.signer_authority)
        self.post.setText(report.signer_post)
        self.signer.setText(report.signer_name)
        self.recipients.setPlainText("\n".join(report.recipients))
        self.include_table.setChecked(report.include_figures_table)
        self.replace_note.setText(report.replace_note)
        for widget in self._header_widgets:
            widget.setEnabled(not locked)
        by_key = {s.key: s for s in sections}
        for key, editor in self.editors.items():
            if key in by_key:
                editor.load(by_key[key], locked)
            label = self.short_titles[key] + (" •" if key in by_key and by_key[key].pending_draft else "")
            self.tabs.setTabText(list(self.editors).index(key) + 1, label)

    def header_values(self) -> dict:
        return dict(doc_date=self.doc_date.value(), place=self.place.text(), subject=self.subject.text(),
                    signer_authority=self.authority.text(), signer_post=self.post.text(),
                    signer_name=self.signer.text(), recipients=self.recipients.toPlainText().splitlines(),
                    include_figures_table=self.include_table.isChecked(), replace_note=self.replace_note.text())

    def section_texts(self) -> dict[str, str]:
        return {key: editor.text.toPlainText() for key, editor in self.editors.items()}
