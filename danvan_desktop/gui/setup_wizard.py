"""The first-run wizard: the commune, its documents' header lines and its villages, in Vietnamese."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from danvan_desktop.domain.composition import BUILTIN_PROFILES, KL862, LOOSE
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.text import fold, split_names
from danvan_desktop.domain.unit import VILLAGE_KINDS, UnitLevel
from danvan_desktop.gui.pages.settings.unit_form import UnitForm
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.services.unit.setup import SetupService


class UnitPage(QWizardPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(_("Thông tin xã"))
        self.setSubTitle(_("Các thông tin này in trên đầu mọi văn bản; có thể sửa sau trong Cài đặt."))
        layout = QVBoxLayout(self)
        self.level = QComboBox()
        self.level.addItem(_("Xã, phường (Khối dân vận cấp xã)"), UnitLevel.COMMUNE.value)
        self.level.addItem(_("Đơn vị cấp trên (nhận và tổng hợp dữ liệu các xã)"), UnitLevel.UPPER.value)
        layout.addWidget(QLabel(_("Loại đơn vị:")))
        layout.addWidget(self.level)
        self.form = UnitForm()
        layout.addWidget(self.form)
        self.user_name = QLineEdit()
        self.user_name.setPlaceholderText(_("Ví dụ: Mai Thị Thu Trang (ghi vào nhật ký thay đổi)"))
        self.form.add_row(_("Người sử dụng máy này"), self.user_name)
        self.from_file = QPushButton(_("Máy thứ hai của xã: thiết lập từ tệp trao đổi (.dvx)…"))
        layout.addWidget(self.from_file)
        self.status = FormStatus()
        layout.addWidget(self.status)
        for edit in self.form.edits.values():
            edit.textChanged.connect(self.completeChanged)
        self.level.currentIndexChanged.connect(lambda _i: self._level_changed())

    def is_upper(self) -> bool:
        return self.level.currentData() == UnitLevel.UPPER.value

    def _level_changed(self) -> None:
        """An upper body is asked for its own names (tên cơ quan, cấp ủy) and for no villages."""
        upper = self.is_upper()
        self.form.set_upper(upper)
        self.setTitle(_("Thông tin cơ quan") if upper else _("Thông tin xã"))
        self.from_file.setVisible(not upper)
        self.setFinalPage(upper)

    def nextId(self) -> int:
        return -1 if self.is_upper() else super().nextId()

    def isComplete(self) -> bool:
        return bool(self.form.edits["name"].text().strip() and self.form.edits["code"].text().strip())

    def unit(self):
        unit = self.form.unit()
        unit.level = self.level.currentData()
        return unit

    def validatePage(self) -> bool:
        try:
            self.unit().validate()
        except RuleError as exc:
            self.status.error(str(exc))
            return False
        return True


class VillagesPage(QWizardPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(_("Các thôn, tổ dân phố"))
        self.setSubTitle(_("Dán danh sách, mỗi dòng một tên. Có thể thêm, sửa sau."))
        layout = QVBoxLayout(self)
        self.kind = QComboBox()
        for kind in VILLAGE_KINDS:
            self.kind.addItem(_(kind), kind)
        layout.addWidget(QLabel(_("Gọi là:")))
        layout.addWidget(self.kind)
        self.names = QPlainTextEdit()
        self.names.setTabChangesFocus(True)   # Tab moves on, as in every other field
        self.names.setPlaceholderText(_("Đông Hòa\nPhú Lâm\nYên Lạc\n…"))
        layout.addWidget(self.names, 1)
        self.count = QLabel()
        layout.addWidget(self.count)
        self.names.textChanged.connect(
            lambda: self.count.setText(_("{n} tên").format(n=len(split_names(self.names.toPlainText())))))
        layout.addWidget(QLabel(_("Quy chế thành phần Khối dân vận:")))
        self.profile = QComboBox()
        for code, (name, _rules) in BUILTIN_PROFILES.items():
            self.profile.addItem(_(name), code)
        layout.addWidget(self.profile)
        hint = QLabel(_("Kết luận 862-KL/TU là quy chế của tỉnh Thanh Hóa; đơn vị ở tỉnh khác hãy chọn quy chế chung, "
                        "rồi sửa theo quy chế của tỉnh mình trong Cài đặt."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#555555;")
        layout.addWidget(hint)

    def initializePage(self) -> None:
        """Suggest the rules of the province typed on the first page (862-KL/TU is Thanh Hóa's)."""
        province = self.wizard().unit_page.form.edits["province"].text() if self.wizard() else ""
        code = KL862 if fold(province) in ("", "thanh hoa") else LOOSE
        self.profile.setCurrentIndex(max(0, self.profile.findData(code)))


class SetupWizard(QWizard):
    def __init__(self, setup: SetupService, parent=None) -> None:
        super().__init__(parent)
        self.setup = setup
        self.setWindowTitle(_("Thiết lập xã lần đầu"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.unit_page = UnitPage()
        self.villages_page = VillagesPage()
        self.addPage(self.unit_page)
        self.addPage(self.villages_page)
        self.setButtonText(QWizard.WizardButton.NextButton, _("Tiếp theo >"))
        self.setButtonText(QWizard.WizardButton.BackButton, _("< Quay lại"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Hoàn tất"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("Hủy"))
        self.error: str | None = None
        self.unit_page.from_file.clicked.connect(self.set_up_from_file)

    def set_up_from_file(self, path=None) -> None:
        """A second PC of a commune starts from the first PC's full hand-over file (same records, same ids)."""
        from danvan_desktop.gui.setup_from_file import choose_file, set_up_from_file
        from danvan_desktop.services.errors import ExchangeError
        path = path or choose_file(self)
        if path is None:
            return
        try:
            set_up_from_file(self.setup, path, parent=self)
        except ExchangeError as exc:
            self.unit_page.status.error(str(exc))
            return
        QWizard.accept(self)

    def accept(self) -> None:
        try:
            upper = self.unit_page.is_upper()
            self.setup.create_unit(self.unit_page.unit(), "" if upper else self.villages_page.names.toPlainText(),
                                   self.villages_page.kind.currentData(), self.unit_page.user_name.text(),
                                   profile_code=None if upper else self.villages_page.profile.currentData())
        except RuleError as exc:
            self.error = str(exc)
            self.restart()
            self.unit_page.status.error(str(exc))
            return
        super().accept()
