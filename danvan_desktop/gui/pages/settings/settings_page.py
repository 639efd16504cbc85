"""Cài đặt: the commune's identity, language and text size, the composition rule profile, the user."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui.events import DataEvents
from danvan_desktop.gui.pages.settings.profile_editor import ProfileEditor
from danvan_desktop.gui.pages.settings.unit_form import UnitForm
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.unit.preferences import FONT_SIZES


class SettingsPage(QScrollArea):
    appearance_changed = Signal()

    def __init__(self, services: AppServices, events: DataEvents, parent=None) -> None:
        super().__init__(parent)
        self.services, self.events = services, events
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)

        # the upper level shows its own settings, never the communes' rules and posts (201 units' of them)
        self.is_upper = services.setup.unit().level == "upper"
        unit_box = QGroupBox(_("Thông tin cơ quan") if self.is_upper else _("Thông tin xã"))
        unit_layout = QVBoxLayout(unit_box)
        self.unit_form = UnitForm()
        self.unit_form.set_upper(self.is_upper)
        unit_layout.addWidget(self.unit_form)
        self.unit_save = QPushButton(_("Lưu thông tin xã"))
        unit_layout.addWidget(self.unit_save)
        self.unit_status = FormStatus()
        unit_layout.addWidget(self.unit_status)
        layout.addWidget(unit_box)

        look_box = QGroupBox(_("Giao diện"))
        look = QFormLayout(look_box)
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.font_size = QSpinBox()
        self.font_size.setRange(FONT_SIZES[0], FONT_SIZES[-1])
        self.font_size.setSuffix(" pt")
        self.font_size.setMaximumWidth(120)
        self.user_name = QLineEdit()
        self.user_name.setPlaceholderText(_("Tên người đang dùng máy (ghi vào nhật ký thay đổi)"))
        look.addRow(_("Ngôn ngữ"), self.language)
        look.addRow(_("Cỡ chữ"), self.font_size)
        look.addRow(_("Người sử dụng"), self.user_name)
        self.look_save = QPushButton(_("Áp dụng"))
        look.addRow(self.look_save)
        self.look_status = FormStatus()
        look.addRow(self.look_status)
        layout.addWidget(look_box)

        rules_box = QGroupBox(_("Quy chế thành phần Khối dân vận"))
        self.rules_box = rules_box
        rules_layout = QVBoxLayout(rules_box)
        row = QHBoxLayout()
        self.profile = QComboBox()
        row.addWidget(self.profile, 1)
        self.profile_use = QPushButton(_("Áp dụng quy chế này"))
        row.addWidget(self.profile_use)
        rules_layout.addLayout(row)
        self.editor = ProfileEditor()
        rules_layout.addWidget(self.editor)
        save_row = QHBoxLayout()
        self.custom_name = QLineEdit()
        self.custom_name.setPlaceholderText(_("Tên quy chế riêng, ví dụ: Quy chế của Đảng ủy xã năm 2026"))
        self.custom_save = QPushButton(_("Lưu thành quy chế riêng"))
        save_row.addWidget(self.custom_name, 1)
        save_row.addWidget(self.custom_save)
        rules_layout.addLayout(save_row)
        layout.addWidget(rules_box)
        self.upper_box = None
        if self.is_upper:
            from danvan_desktop.gui.pages.settings.upper_box import UpperSettingsBox
            rules_box.hide()
            self.upper_box = UpperSettingsBox(services)
            layout.insertWidget(layout.indexOf(rules_box), self.upper_box)
        self.rules_status = FormStatus()
        rules_layout.addWidget(self.rules_status)
        # each box says its result under its own button, where the eye is; `status` is the latest one
        self.status = self.unit_status
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addStretch(1)

        self.unit_save.clicked.connect(self.save_unit)
        self.look_save.clicked.connect(self.save_appearance)
        self.profile.currentIndexChanged.connect(self._show_profile)
        self.profile_use.clicked.connect(self.use_profile)
        self.custom_save.clicked.connect(self.save_custom)
        self.refresh()

    def refresh(self) -> None:
        prefs = self.services.preferences
        self.unit_form.load(self.services.setup.unit())
        self.language.setCurrentIndex(self.language.findData(prefs.language()))
        self.font_size.setValue(prefs.font_size())
        self.user_name.setText(prefs.current_user())
        if self.upper_box is not None:
            self.upper_box.refresh()
            return
        self.editor.set_posts([(p.code, self.services.roster.post_names()[p.code])
                               for p in self.services.roster.post_list()])
        self.profile.blockSignals(True)
        self.profile.clear()
        for p in prefs.profile_list():
            self.profile.addItem(_(p.name), p.code)
        self.profile.setCurrentIndex(max(0, self.profile.findData(prefs.active_profile_code())))
        self.profile.blockSignals(False)
        self._show_profile()

    def _show_profile(self) -> None:
        code = self.profile.currentData()
        profile = self.services.preferences.profiles.by_code(code) if code else None
        if profile:
            self.editor.load(profile.rules)

    def save_unit(self) -> None:
        try:
            unit = self.services.setup.update_unit(self.unit_form.unit(self.services.setup.unit()))
        except RuleError as exc:
            self._say(self.unit_status, str(exc), error=True)
            return
        self._say(self.unit_status, _("Đã lưu thông tin {name}.").format(name=unit.name))
        self.events.changed.emit("units")

    def save_appearance(self) -> None:
        prefs = self.services.preferences
        try:
            prefs.set_font_size(self.font_size.value())
            prefs.set_language(self.language.currentData())
            prefs.set_current_user(self.user_name.text())
        except RuleError as exc:
            self._say(self.look_status, str(exc), error=True)
            return
        self._say(self.look_status, _("Đã áp dụng cỡ chữ {size} pt.").format(size=self.font_size.value()))
        self.appearance_changed.emit()

    def use_profile(self) -> None:
        self.services.preferences.set_active_profile(self.profile.currentData())
        self._say(self.rules_status, _("Đã áp dụng quy chế «{name}».").format(name=self.profile.currentText()))
        self.events.changed.emit("composition_profiles")

    def save_custom(self) -> None:
        name = self.custom_name.text().strip() or _("Quy chế riêng")
        try:
            profile = self.services.preferences.save_custom_profile(name, self.editor.rules())
            self.services.preferences.set_active_profile(profile.code)
        except RuleError as exc:
            self._say(self.rules_status, str(exc), error=True)
            return
        self.refresh()
        self._say(self.rules_status, _("Đã lưu và áp dụng quy chế «{name}».").format(name=profile.name))
        self.events.changed.emit("composition_profiles")

    def _say(self, where: FormStatus, text: str, error: bool = False) -> None:
        for status in (self.unit_status, self.look_status, self.rules_status):
            if status is not where:
                status.clear_status()
        (where.error if error else where.ok)(text)
        self.status = where

    def show_language_notice(self) -> None:
        """Said by the window rebuilt in the new language."""
        self._say(self.look_status, _("Đã đổi ngôn ngữ giao diện."))

    def extra_screenshots(self) -> list:
        """The rule profile editor (the upper body's own box at the upper level), further down the page."""
        if self.upper_box is not None:
            self.ensureWidgetVisible(self.upper_box, 0, 0)
            self.verticalScrollBar().setValue(self.upper_box.y())
            return [("upper", self)]
        self.ensureWidgetVisible(self.rules_box, 0, 0)
        self.verticalScrollBar().setValue(self.rules_box.y())
        return [("rules", self)]
