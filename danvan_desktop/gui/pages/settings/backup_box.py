"""Cài đặt › Sao lưu dữ liệu: when the last copy was taken, where copies go, and the two actions
of the Tệp menu ("Sao lưu ngay…", "Khôi phục từ bản sao lưu…")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from danvan_desktop.domain.formats import timestamp
from danvan_desktop.domain.i18n import _
from danvan_desktop.services.unit.backups import BackupService


class BackupBox(QGroupBox):
    def __init__(self, backups: BackupService, parent=None) -> None:
        super().__init__(_("Sao lưu dữ liệu"), parent)
        self.backups = backups
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        self.back_up = QPushButton(_("Sao lưu ngay…"))
        self.restore = QPushButton(_("Khôi phục từ bản sao lưu…"))
        row.addWidget(self.back_up)
        row.addWidget(self.restore)
        row.addStretch(1)
        layout.addLayout(row)
        self.back_up.clicked.connect(lambda: self._actions().back_up_now())
        self.restore.clicked.connect(lambda: self._actions().open_restore_dialog())
        self.refresh()

    def _actions(self):
        return self.window().file_actions

    def refresh(self) -> None:
        last = self.backups.last_copy()
        lines = [_("Chương trình tự sao lưu mỗi ngày khi mở lần đầu và trước mỗi lần nâng cấp, nhập dữ liệu hay "
                   "khôi phục; giữ 7 bản theo ngày, 4 theo tuần, 12 theo tháng, trong thư mục {folder}.").format(
            folder=self.backups.folder)]
        if last is None:
            lines.append(_("Chưa có bản sao lưu nào."))
        else:
            lines.append(_("Bản gần nhất: {when} ({reason}).").format(when=timestamp(last.taken_at),
                                                                     reason=last.reason_text))
        lines.append(_("Nên chép thêm một bản ra USB mỗi tháng («Sao lưu ngay…»)."))
        self.summary.setText("\n".join(lines))
