"""Khôi phục từ bản sao lưu: the copies in the backups folder (when, why, size, what each holds), or
any other file, checked in full before the officer is asked to confirm the replacement."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from danvan_desktop.domain.formats import timestamp
from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.gui.worker import run_job, run_quiet
from danvan_desktop.services.jobs import JobRunner
from danvan_desktop.services.unit.backups import (
    BackupError,
    BackupInfo,
    BackupService,
    contents_text,
    file_size,
)

COLUMNS = (N_("Thời điểm sao lưu"), N_("Loại"), N_("Dung lượng"), N_("Nội dung"))


def _describe_all(backups: BackupService, paths: list[Path]):
    """Worker job: the contents of every copy, read without the full check (fast)."""
    texts = {}
    for i, path in enumerate(paths):
        yield i, len(paths), path.name
        try:
            texts[path] = contents_text(backups.describe(path, check=False))
        except BackupError as exc:
            texts[path] = str(getattr(exc, "why", exc))
    return texts


class RestoreDialog(QDialog):
    """After exec(), `chosen` is the copy the officer confirmed (None if cancelled)."""

    def __init__(self, backups: BackupService, jobs: JobRunner, parent=None) -> None:
        super().__init__(parent)
        self.backups = backups
        self.jobs = jobs                # the file's job runner: the copies are read there, one job at a time
        self.chosen: Path | None = None
        self.info: BackupInfo | None = None
        self.contents_loaded = False
        self.setWindowTitle(_("Khôi phục từ bản sao lưu"))
        layout = QVBoxLayout(self)
        intro = QLabel(_("Chọn bản sao lưu để thay cho dữ liệu đang dùng. Trước khi thay, dữ liệu đang dùng được "
                         "giữ lại thành một bản sao lưu riêng («Trước khi khôi phục»), nên có thể quay lại."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        where = QLabel(_("Thư mục sao lưu: {folder}").format(folder=backups.folder))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        layout.addWidget(where)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(_("Chưa có bản sao lưu nào trong thư mục này. Bấm «Chọn tệp khác…» để khôi phục từ "
                              "một tệp trên USB hoặc thư mục khác."))
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        buttons = QHBoxLayout()
        self.other = QPushButton(_("Chọn tệp khác…"))
        self.restore_button = QPushButton(_("Khôi phục bản đã chọn…"))
        self.restore_button.setDefault(True)
        close = QPushButton(_("Đóng"))
        buttons.addWidget(self.other)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.other.clicked.connect(self.choose_other)
        self.restore_button.clicked.connect(self.restore_selected)
        close.clicked.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.resize(980, 520)
        self.load()

    # -- the list -------------------------------------------------------------------------
    def load(self) -> None:
        entries = self.backups.copies()
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (timestamp(entry.taken_at), entry.reason_text, file_size(entry.size), _("Đang đọc…"))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, str(entry.path))
                self.table.setItem(row, column, item)
        self.empty.setVisible(not entries)
        if entries:
            self.table.selectRow(0)
        self._selection_changed()
        run_quiet(self.jobs, lambda _none: _describe_all(self.backups, [e.path for e in entries]),
                  self._show_contents, connection=False)

    def _show_contents(self, texts: dict) -> None:
        for row in range(self.table.rowCount()):
            path = self.path_at(row)
            if path in texts:
                self.table.item(row, 3).setText(texts[path])
        self.table.resizeRowsToContents()
        self.contents_loaded = True

    def path_at(self, row: int) -> Path:
        return Path(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole))

    def selected_path(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        return self.path_at(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected_path() is not None)

    # -- choosing -------------------------------------------------------------------------
    def choose_other(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, _("Chọn bản sao lưu"), str(self.backups.folder),
                                                    _("Bản sao lưu (*.sqlite3 *.db);;Mọi tệp (*)"))
        if name:
            self.check(Path(name))

    def restore_selected(self) -> None:
        path = self.selected_path()
        if path is not None:
            self.check(path)

    def check(self, path: Path) -> None:
        """Read the copy in full (integrity check) off the GUI thread, then ask."""
        run_job(self.jobs, self, _("Đang kiểm tra bản sao lưu…"), lambda _none: self._check_job(path),
                on_done=lambda info: self._checked(path, info), on_error=self._refused, connection=False)

    def _check_job(self, path: Path):
        yield 0, 0, _("Đang kiểm tra «{name}»…").format(name=path.name)
        return self.backups.describe(path, check=True)

    def _refused(self, exc, details: str) -> None:
        if exc is None:
            return   # cancelled
        self.warn(str(exc))

    def warn(self, text: str) -> None:
        """Says why a copy is refused; tests read it instead."""
        self.last_warning = text
        QMessageBox.warning(self, _("Không khôi phục được"), text)

    def _checked(self, path: Path, info: BackupInfo) -> None:
        box = self.confirmation(info)
        if self.ask(box) == QMessageBox.StandardButton.Yes:
            self.chosen, self.info = path, info
            self.accept()

    def confirmation(self, info: BackupInfo) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, _("Khôi phục dữ liệu?"),
                          _("Thay dữ liệu đang dùng bằng bản sao lưu này?"), parent=self)
        entry = next((e for e in self.backups.copies() if e.path == info.path), None)
        lines = [_("Tệp: {path}").format(path=info.path), _("Dung lượng: {size}").format(size=file_size(info.size))]
        if entry is not None:
            lines.insert(0, _("Sao lưu lúc {when} ({reason}).").format(when=timestamp(entry.taken_at),
                                                                     reason=entry.reason_text))
        lines += [contents_text(info), "",
                  _("Dữ liệu đang dùng sẽ được giữ lại thành bản sao lưu «Trước khi khôi phục»; chương trình mở lại "
                    "trên dữ liệu đã khôi phục.")]
        box.setInformativeText("\n".join(lines))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(_("Khôi phục"))
        box.button(QMessageBox.StandardButton.Cancel).setText(_("Hủy"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box

    def ask(self, box: QMessageBox) -> int:
        """Shows the confirmation; tests answer it instead."""
        return box.exec()
