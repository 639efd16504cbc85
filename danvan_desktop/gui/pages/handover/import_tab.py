"""Nhập dữ liệu: pick several .dvx files, check and preview each, confirm new keys, import the good ones."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.gui import file_dialogs
from danvan_desktop.gui.models.record_table_model import Column
from danvan_desktop.gui.pages.handover.common import RecordTable, removable_drives
from danvan_desktop.gui.widgets.flow_layout import FlowLayout
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.gui.worker import run_job
from danvan_desktop.services import handover as fmt
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.errors import ExchangeError, KeyChanged
from danvan_desktop.services.handover.batches import created_day, short_period, table_label
from danvan_desktop.services.handover.importer import ImportResult
from danvan_desktop.services.handover.keys import confirmation_text

KIND_LABELS = {"new": N_("Mới"), "changed": N_("Thay đổi"), "identical": N_("Giống hệt"), "older": N_("Cũ hơn bản đang có"),
               "conflict": N_("Xung đột"), "refused": N_("Từ chối")}
KEY_LABELS = {"own": N_("Của máy này"), "trusted": N_("Đã tin cậy"), "unknown": N_("Chưa tin cậy"), "changed": N_("Khóa đã đổi"),
              "new_installation": N_("Bản cài đặt mới")}


@dataclass
class FileRow:
    path: Path
    result: ImportResult | None = None
    error: str = ""
    state: str = "waiting"        # waiting / checked / refused / imported / already / receipt
    message: str = ""
    key_changed: bool = False     # refused only because the sender's key differs from the trusted one

    def count(self, kind: str) -> str:
        return str(self.result.counts.get(kind, 0)) if self.result and self.result.plan else ""

    @property
    def state_text(self) -> str:
        if self.state == "checked" and self.result and self.result.missing_sequences:
            return _("Hợp lệ, thiếu tệp số {numbers}").format(
                numbers=self.result.missing_text)
        return {"waiting": _("Đang chờ kiểm tra"), "checked": _("Hợp lệ"), "refused": _("Bị từ chối"),
                "imported": _("Đã nhập"), "already": _("Đã nhập trước đây"), "receipt": _("Biên nhận")}[self.state]


def _preview_all(services: AppServices, paths: list[Path]):
    """Runner job: verify and dry-run each file, over the runner's connection."""
    exchange = services.exchange
    rows = []
    for i, path in enumerate(paths):
        yield i, len(paths), _("Đang kiểm tra {name}…").format(name=path.name)
        try:
            result = exchange.importer.preview(path)
            rows.append(FileRow(path, result, state="already" if result.status == "already" else "checked",
                                message=result.summary() if result.status == "already" else ""))
        except ExchangeError as exc:
            rows.append(FileRow(path, error=exc.reason, state="refused", message=str(exc),
                                key_changed=isinstance(exc, KeyChanged)))
    return rows


def _import_all(services: AppServices, rows: list[FileRow], trusted: set[Path], receipts: bool,
                retrust: bool = False):
    """Runner job: import the files one by one, over the runner's connection. One sitting: one backup, one write
    transaction with a savepoint per file (a refused file changes nothing, the others are kept); a cancel between
    two files keeps the files done. Receipts are written once the sitting's work is committed."""
    importer = services.exchange.importer
    done: list[FileRow] = []
    try:
        with importer.sitting():
            for i, row in enumerate(rows):
                yield i, len(rows), _("Đang nhập {name}…").format(name=row.path.name)
                try:
                    result = importer.import_file(row.path, trust_new=row.path in trusted, retrust=retrust)
                except ExchangeError as exc:
                    row.state, row.error, row.message = "refused", exc.reason, str(exc)
                    continue
                row.result = result
                row.state = {"applied": "imported", "already": "already", "receipt": "receipt"}[result.status]
                row.message = result.summary()
                done.append(row)
    finally:
        _after_sitting(services, done, receipts)
    return rows


def _after_sitting(services: AppServices, done: list[FileRow], receipts: bool) -> None:
    """Once the sitting is committed (or ended): files whose work SQLite rolled back whole (a full disk) are
    still to import; the receipts of the imported batches."""
    exchange = services.exchange
    lost = set(exchange.importer.lost)
    for row in done:
        if row.path in lost:
            row.state, row.message = "checked", _("Chưa nhập được (dữ liệu chưa kịp lưu); hãy nhập lại tệp này.")
        elif receipts and row.state == "imported" and row.result.verified.manifest.kind == fmt.KIND_BATCH:
            try:
                written = exchange.receipts.write_receipt(row.result.verified.manifest.batch_id, row.path.parent)
                row.message += " " + _("Đã ghi biên nhận {name}.").format(name=written.name)
            except OSError as exc:
                row.message += " " + _("Không ghi được biên nhận: {error}").format(error=exc.strerror or exc)


def _checkpoint(services: AppServices) -> None:
    """Runner job after an import: the WAL copied back into the file (PASSIVE), once the result is shown."""
    services.exchange.importer.checkpoint()


class ImportTab(QWidget):
    imported = Signal()

    def __init__(self, services: AppServices, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        layout = QVBoxLayout(self)
        top = FlowLayout()          # wraps in a narrow window rather than widen the page
        choose = QPushButton(_("Chọn tệp .dvx…"))
        choose.clicked.connect(self.choose_files)
        scan = QPushButton(_("Tìm tệp trên USB"))
        scan.clicked.connect(self.scan_drives)
        self.receipts = QCheckBox(_("Ghi biên nhận lên USB sau khi nhập"))
        # the upper level writes receipts by default, even for files given before the tab is first shown
        self.receipts.setChecked(services.exchange.upper.is_upper())
        self.import_button = QPushButton(_("Nhập các tệp hợp lệ"))
        self.import_button.setStyleSheet("font-weight:bold; padding:6px 18px;")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_checked)
        self.retrust_button = QPushButton(_("Chấp nhận khóa mới…"))
        self.retrust_button.setToolTip(_("Chỉ dùng khi đơn vị gửi xác nhận qua điện thoại rằng máy của họ đã đổi khóa."))
        self.retrust_button.hide()
        self.retrust_button.clicked.connect(self.retrust_selected)
        for widget in (choose, scan, self.receipts, self.retrust_button):
            top.addWidget(widget)
        top.addWidget(self.import_button)
        layout.addLayout(top)
        hint = QLabel(_("Mỗi tệp được kiểm tra đầy đủ (chữ ký, mã SHA-256, giới hạn kích thước, từng bản ghi) trước "
                        "khi nhập; tệp bị từ chối không làm thay đổi dữ liệu và không cản các tệp khác."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#555;")
        layout.addWidget(hint)
        self.files = RecordTable([
            Column(_("Tệp"), lambda r: r.path.name),
            Column(_("Tình trạng"), lambda r: r.state_text, tooltip=lambda r: r.message),
            Column(_("Đơn vị"), lambda r: r.result.verified.manifest.unit_name if r.result else ""),
            Column(_("Lô số"), lambda r: r.result.verified.manifest.sequence if r.result else "", align_right=True),
            Column(_("Kỳ"), lambda r: short_period(r.result.verified.manifest.period) if r.result else ""),
            Column(_("Khóa"), lambda r: _(KEY_LABELS[r.result.key.state]) if r.result else ""),
            Column(_("Mới"), lambda r: r.count("new"), align_right=True),
            Column(_("Thay đổi"), lambda r: r.count("changed"), align_right=True),
            Column(_("Xung đột"), lambda r: r.count("conflict"), align_right=True),
            Column(_("Từ chối"), lambda r: r.count("refused"), align_right=True),
        ])
        # long file names are shortened in the middle so the counts stay in view on a 1366-pixel screen
        self.files.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.files.setColumnWidth(0, 250)
        self.files.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.files.model_.warn = lambda r: r.state == "refused"
        self.files.model_.muted = lambda r: r.state == "already"
        self.details = RecordTable([
            Column(_("Kết quả"), lambda o: _(KIND_LABELS[o.kind])),
            Column(_("Loại dữ liệu"), lambda o: table_label(o.table)),
            Column(_("Bản ghi"), lambda o: _record_label(o)),
            Column(_("Trường thay đổi / lý do"), lambda o: ", ".join(o.fields) + (f" — {o.reason}" if o.reason else "")),
        ])
        self.details.model_.warn = lambda o: o.kind in ("conflict", "refused")
        self.detail_text = QLabel()
        self.detail_text.setWordWrap(True)
        self.detail_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lower = QWidget()
        box = QVBoxLayout(lower)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.detail_text)
        box.addWidget(self.details, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.files)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        self.status = FormStatus()
        layout.addWidget(self.status)
        self.files.selectionModel().currentRowChanged.connect(lambda *_a: self._show_details())

    def refresh(self) -> None:
        if not self.files.rows():
            self.receipts.setChecked(self.services.exchange.upper.is_upper())

    # -- choosing and checking ------------------------------------------------------------------
    def choose_files(self) -> None:
        start = removable_drives()[0][1] if removable_drives() else None   # else the last folder used
        names = file_dialogs.open_files(self, _("Chọn tệp trao đổi"), _("Tệp trao đổi (*.dvx)"), start)
        if names:
            self.check_files([Path(n) for n in names])

    def scan_drives(self) -> None:
        found = [p for _label, root in removable_drives() for p in sorted(root.glob("*.dvx"))]
        if not found:
            self.status.error(_("Không thấy tệp .dvx nào ở thư mục gốc của USB. Hãy dùng «Chọn tệp .dvx…»."))
            return
        self.check_files(found)

    def check_files(self, paths: list[Path]) -> None:
        self.status.clear_status()
        run_job(self.services.jobs, self, _("Đang kiểm tra tệp"), lambda services: _preview_all(services, paths),
                self._checked, self._failed)

    def _checked(self, rows: list[FileRow]) -> None:
        self.files.set_rows(rows)
        self.import_button.setEnabled(any(r.state == "checked" for r in rows))
        if rows:
            self.files.selectRow(0)
        self._show_details()
        refused = sum(r.state == "refused" for r in rows)
        if refused:
            self.status.error(_("{n} tệp bị từ chối; chọn dòng để xem lý do.").format(n=refused))

    def _show_details(self) -> None:
        row = self.files.current()
        self.details.set_rows(row.result.plan.outcomes if row and row.result and row.result.plan else [])
        self.detail_text.setText(self._describe(row) if row else "")
        self.retrust_button.setVisible(bool(row and row.key_changed))
        self.detail_text.setStyleSheet("color:#b3261e; font-weight:bold;" if row and row.state == "refused" else "")

    @staticmethod
    def _describe(row: FileRow) -> str:
        """What the officer needs about the selected file: why it was refused, or what importing it will do."""
        if row.state == "refused" or row.message:
            return row.message
        if row.result is None:
            return ""
        m = row.result.verified.manifest
        text = _("{unit} (mã {code}), lô số {seq}, xuất ngày {day}; {summary}").format(
            unit=m.unit_name, code=m.unit_code, seq=m.sequence, day=_day(m.created_at), summary=row.result.summary())
        if row.result.key.state == "unknown":
            text += " " + _("Khóa {fp} chưa được tin cậy: chương trình sẽ hỏi trước khi nhập.").format(
                fp=row.result.key.fingerprint)
        elif row.result.key.needs_confirmation:
            text += " " + confirmation_text(m, row.result.key)
        return text

    # -- importing ---------------------------------------------------------------------------
    def confirm_key(self, row: FileRow) -> bool:
        """Trust on first use: show the fingerprint the sender reads out from its receipt. A new installation of a
        unit already known is said as exactly that, both fingerprints shown."""
        manifest = row.result.verified.manifest
        if row.result.key.state == "new_installation":
            box = QMessageBox(QMessageBox.Icon.Warning, _("Bản cài đặt mới của một đơn vị đã biết"), _(
                "{text}\n\nMã nhận dạng khóa mới:\n{fp}\n\nTin cậy bản cài đặt mới này?").format(
                text=confirmation_text(manifest, row.result.key), fp=row.result.key.fingerprint),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            box.setDefaultButton(QMessageBox.StandardButton.No)
            self._key_box = box
            return box.exec() == QMessageBox.StandardButton.Yes
        box = QMessageBox(QMessageBox.Icon.Question, _("Tin cậy khóa mới"), _(
            "Lần đầu nhận tệp từ {unit} (mã {code}).\n\nMã nhận dạng khóa:\n{fp}\n\nHãy gọi điện cho người gửi và "
            "đối chiếu với mã in trên biên nhận xuất tệp. Tin cậy khóa này?").format(
            unit=manifest.unit_name, code=manifest.unit_code, fp=row.result.key.fingerprint),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def confirm_new_key(self, row: FileRow) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, _("Khóa của đơn vị đã thay đổi"), _(
            "{message}\n\nChỉ chấp nhận khi người gửi đã xác nhận qua điện thoại mã nhận dạng khóa mới in trên biên "
            "nhận của họ. Chấp nhận khóa mới?").format(message=row.message),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def retrust_selected(self) -> None:
        """A changed key is accepted only on purpose: confirm, then import with the new key (in the background:
        a commune's whole history can take a minute)."""
        row = self.files.current()
        if row is None or not row.key_changed or not self.confirm_new_key(row):
            return
        run_job(self.services.jobs, self, _("Đang nhập dữ liệu"),
                lambda services: _import_all(services, [row], set(), False, retrust=True),
                self._retrusted, self._failed)

    def _retrusted(self, rows: list[FileRow]) -> None:
        self._checkpoint_later()
        for row in rows:
            if row.state == "imported":
                row.key_changed = False
        self.files.set_rows(self.files.rows())
        self._show_details()
        if any(r.state == "imported" for r in rows):
            self.imported.emit()

    def import_checked(self) -> None:
        rows = [r for r in self.files.rows() if r.state == "checked"]
        trusted: set[Path] = set()
        for row in rows:
            if row.result.key.needs_confirmation:
                if self.confirm_key(row):
                    trusted.add(row.path)
                else:
                    row.state, row.error = "refused", _("khóa chưa được tin cậy.")
        todo = [r for r in rows if r.state == "checked"]
        receipts = self.receipts.isChecked()
        run_job(self.services.jobs, self, _("Đang nhập dữ liệu"),
                lambda services: _import_all(services, todo, trusted, receipts),
                self._imported, self._failed)

    def _checkpoint_later(self) -> None:
        """The sitting's WAL checkpoint as the runner's next job: after the result is on screen, off this thread."""
        try:
            self.services.jobs.submit(_checkpoint, name="checkpoint after import")
        except RuntimeError:      # the file is being closed: closing checkpoints it
            pass

    def _imported(self, rows: list[FileRow]) -> None:
        # the runner's connection shares this one's clock: the received stamps are folded in already
        self._checkpoint_later()
        self.files.set_rows(self.files.rows())
        self.import_button.setEnabled(False)
        done = sum(r.state in ("imported", "receipt") for r in self.files.rows())
        if done:
            self.status.ok(_("Đã nhập {n} tệp.").format(n=done))
        self._show_details()
        self.imported.emit()

    def _failed(self, exc, details: str) -> None:
        """A failed or cancelled job: the files imported before it stay imported and are shown so."""
        self._checkpoint_later()
        self.files.set_rows(self.files.rows())
        self.import_button.setEnabled(any(r.state == "checked" for r in self.files.rows()))
        self._show_details()
        done = sum(r.state in ("imported", "receipt") for r in self.files.rows())
        if exc is None and done:
            self.status.error(_("Đã hủy; {n} tệp đã nhập trước đó được giữ lại.").format(n=done))
        else:
            self.status.error(str(exc) if exc else _("Đã hủy."))
        if done:
            self.imported.emit()


def _day(iso: str) -> str:
    from danvan_desktop.domain.formats import short_date
    return short_date(created_day(iso))


def _record_label(outcome) -> str:
    row = outcome.after or outcome.before or {}
    for key in ("full_name", "name", "subject", "title", "summary", "code"):
        if row.get(key):
            return str(row[key])[:60]
    return outcome.record_id
