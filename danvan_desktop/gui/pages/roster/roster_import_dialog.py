"""Import a roster from Excel/CSV: pick the file, read the preview row by row, then import all or nothing.
Also the export of the same lists. Both run on the job runner (gui/worker.run_job)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.i18n import N_, _, ngettext
from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui import file_dialogs
from danvan_desktop.gui.models.record_table_model import Column, RecordTableModel
from danvan_desktop.gui.widgets.banner import Banner
from danvan_desktop.gui.widgets.fit import fit_to_screen
from danvan_desktop.gui.worker import run_job
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.roster.files import ImportPreview, RosterFileService

FILE_FILTER = N_("Bảng tính (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)")


def _roster_files_job(work):
    """A runner job over the runner's roster-file service."""
    return lambda services: work(services.roster_files)


class RosterImportDialog(QDialog):
    def __init__(self, services: AppServices, *, teams: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.preview: ImportPreview | None = None
        self.path: Path | None = None
        self.setWindowTitle(_("Nhập danh sách từ Excel hoặc CSV"))
        fit_to_screen(self, 980, 600)
        layout = QVBoxLayout(self)
        kinds = QHBoxLayout()
        self.teams_radio = QRadioButton(_("Tổ viên tổ dân vận các thôn"))
        self.bloc_radio = QRadioButton(_("Thành viên Khối dân vận"))
        group = QButtonGroup(self)
        for radio in (self.teams_radio, self.bloc_radio):
            group.addButton(radio)
            kinds.addWidget(radio)
        kinds.addStretch(1)
        (self.teams_radio if teams else self.bloc_radio).setChecked(True)
        layout.addLayout(kinds)
        file_row = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(_("Chưa chọn tệp (.xlsx hoặc .csv)"))
        self.browse = QPushButton(_("Chọn tệp…"))
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse)
        layout.addLayout(file_row)
        hint = QLabel(_("Chương trình tự tìm dòng tiêu đề (Họ và tên, Thôn, Chức vụ, Điện thoại…). Chưa ghi gì "
                        "cho đến khi bấm «Nhập»; nếu còn dòng bị từ chối thì không nhập dòng nào."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.model = RecordTableModel([
            Column(_("Dòng"), lambda o: o.row, align_right=True),
            Column(_("Kết quả"), lambda o: o.action_label),
            Column(_("Họ và tên"), lambda o: o.name),
            Column(_("Thôn"), lambda o: o.village),
            Column(_("Lý do, thay đổi"), lambda o: o.detail),
        ], self)
        self.model.warn = lambda o: o.action == "refuse"
        self.model.muted = lambda o: o.action in ("skip", "unchanged")
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.import_button = QPushButton(_("Nhập"))
        self.import_button.setEnabled(False)
        self.close_button = QPushButton(_("Đóng"))
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.browse.clicked.connect(self.choose_file)
        self.import_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.reject)
        self.teams_radio.toggled.connect(lambda _c: self.path and self.load_file(self.path))

    def teams(self) -> bool:
        return self.teams_radio.isChecked()

    def choose_file(self) -> None:
        name = file_dialogs.open_file(self, _("Chọn tệp danh sách"), _(FILE_FILTER))
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        """Read the file and show what importing it would do (in the background)."""
        self.path = Path(path)
        self.file_edit.setText(str(self.path))
        self.preview = None
        self.import_button.setEnabled(False)
        self.banner.show_text(_("Đang đọc tệp…"), "info")
        teams = self.teams()
        path = self.path
        job = _roster_files_job(lambda svc: svc.job(path, teams=teams, apply=False))
        run_job(self.services.jobs, self, _("Đang đọc tệp danh sách"), job, on_done=self.show_preview,
                on_error=self._failed)

    def show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.model.set_rows(preview.outcomes)
        refused = preview.count("refuse")
        if preview.file_error:
            self.banner.show_messages(_("Không đọc được tệp"), [preview.file_error])
        elif refused:
            self.banner.show_messages(preview.summary(), [ngettext(
                "{n} dòng bị từ chối (tô đỏ). Hãy sửa tệp rồi chọn lại; chưa có gì được ghi.",
                "{n} dòng bị từ chối (tô đỏ). Hãy sửa tệp rồi chọn lại; chưa có gì được ghi.", refused).format(
                n=refused)])
        elif preview.ok:
            self.banner.show_text(preview.summary(), "ok")
        else:
            self.banner.show_text(_("Không có gì mới để nhập: {summary}").format(summary=preview.summary()), "info")
        changes = preview.count("add") + preview.count("update")
        self.import_button.setText(ngettext("Nhập {n} người", "Nhập {n} người", changes).format(n=changes)
                                   if preview.ok else _("Nhập"))
        self.import_button.setEnabled(preview.ok)

    def _failed(self, exc, details: str) -> None:
        if exc is None:      # cancelled
            self.banner.show_text(_("Đã hủy."), "info")
            return
        self.banner.show_messages(_("Không nhập được"), [str(exc) if isinstance(exc, RuleError) else details])

    def apply(self) -> None:
        if self.preview is None or not self.preview.ok or self.path is None:
            return
        teams = self.teams()
        path = self.path
        job = _roster_files_job(lambda svc: svc.job(path, teams=teams, apply=True))
        self.import_button.setEnabled(False)
        run_job(self.services.jobs, self, _("Đang nhập danh sách"), job, on_done=self._applied, on_error=self._failed)

    def _applied(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.accept()


def export_roster(services: AppServices, parent: QWidget, at=None) -> QMenu:
    """Offer the four exports (teams / bloc × .xlsx / .csv) in a menu; the chosen one runs in the background."""
    menu = QMenu(parent)
    for teams, label in ((True, _("Tổ dân vận các thôn")), (False, _("Thành viên Khối dân vận"))):
        for suffix in (".xlsx", ".csv"):
            action = menu.addAction(_("{what} ({suffix})").format(what=label, suffix=suffix))
            action.triggered.connect(lambda _c=False, t=teams, s=suffix: _export(services, parent, t, s))
    if at is not None:
        menu.popup(at)
    return menu


def _export(services: AppServices, parent: QWidget, teams: bool, suffix: str) -> None:
    default = (_("to-dan-van") if teams else _("khoi-dan-van")) + suffix
    name, _filter = file_dialogs.save_file(parent, _("Lưu danh sách"), default,
                                                "Excel (*.xlsx)" if suffix == ".xlsx" else "CSV UTF-8 (*.csv)")
    if not name:
        return
    path = Path(name) if name.lower().endswith(suffix) else Path(name + suffix)

    def work(svc: RosterFileService):
        yield 0, 1, _("Đang xuất…")
        return svc.export(path, teams=teams)

    status = getattr(parent, "show_status", None)
    run_job(services.jobs, parent, _("Đang xuất danh sách"), _roster_files_job(work),
            on_done=lambda n: status and status(_("Đã xuất {n} người vào «{name}».").format(n=n, name=path.name)),
            on_error=lambda exc, details: status and status(str(exc) if exc else _("Đã hủy."), error=True))


def sample_preview_dialog(services: AppServices, parent: QWidget) -> RosterImportDialog | None:
    """For `danvan screenshots`: the preview of a small file with a new member, a typo'd village and a note."""
    overview = [o for o in services.teams.overview() if o.members]
    if not overview:
        return None
    from openpyxl import Workbook
    folder = Path(tempfile.mkdtemp(prefix="danvan-shot-"))
    path = folder / "to-dan-van.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append([_("DANH SÁCH TỔ DÂN VẬN")])
    ws.append(["STT", "Ho va ten", "Thon", "Chuc vu", "Dien thoai"])
    first = overview[0]
    for i, m in enumerate(first.members[:4], start=1):
        ws.append([i, m.full_name, first.village.name, m.post, m.phone])
    ws.append([5, "Nguyễn Thị Ngọc Ánh", first.village.name, "Chi hội trưởng Hội Phụ nữ", 912777345])
    ws.append([6, "Bùi Văn Tám", "Thôn Đông Hoà Mới", "Trưởng thôn", ""])
    ws.append([None, "Người lập biểu", None, None, None])
    wb.save(path)
    dialog = RosterImportDialog(services, teams=True, parent=parent)
    dialog.path = path
    dialog.file_edit.setText(str(path))
    dialog.show_preview(services.roster_files.preview(path, teams=True))
    dialog.show()
    return dialog
