"""Tổng quan: the rule banner, and at-a-glance cards that jump to the page behind each figure.

Later features add sections to SECTIONS: callables (services, navigate) -> QWidget with a
`refresh()` method; `navigate(page_key, **filters)` opens a page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from danvan_desktop.domain.formats import percent
from danvan_desktop.domain.i18n import _
from danvan_desktop.gui.theme import set_role, set_tone
from danvan_desktop.gui.widgets.banner import Banner
from danvan_desktop.services.app import AppServices

SECTIONS: list[Callable] = []   # appended by the page modules of later features when imported


class Card(QFrame):
    """A figure with its caption; clicking it opens the page behind it."""

    def __init__(self, caption: str, on_click: Callable[[], None] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet("#card { background:#ffffff; border:1px solid #c9d3df; border-radius:6px; }")
        layout = QVBoxLayout(self)
        self.value = QPushButton("—")
        self.value.setFlat(True)
        set_role(self.value, "big-number")
        self.value.setCursor(Qt.CursorShape.PointingHandCursor)
        if on_click:
            self.value.clicked.connect(on_click)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        self._on_click = on_click
        if on_click:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setToolTip(_("Bấm để mở danh sách"))

    def mouseReleaseEvent(self, event) -> None:
        if self._on_click and event.button() == Qt.MouseButton.LeftButton:
            self._on_click()
        super().mouseReleaseEvent(event)

    def set_value(self, text: str, warn: bool = False) -> None:
        self.value.setText(text)
        set_tone(self.value, "bad" if warn else "")


class RosterSection(QWidget):
    def __init__(self, services: AppServices, navigate, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        layout = QGridLayout(self)
        self.members = Card(_("thành viên khối đương nhiệm"),
                            lambda: navigate("members", untrained=False, show_ended=False, query=""))
        self.trained = Card(_("thành viên đã được tập huấn"),
                            lambda: navigate("members", untrained=True, show_ended=False, query=""))
        self.villages = Card(_("thôn, tổ dân phố"), lambda: navigate("villages", unfollowed=False, query=""))
        self.unfollowed = Card(_("thôn chưa có thành viên khối phụ trách"),
                               lambda: navigate("villages", unfollowed=True, query=""))
        for i, card in enumerate((self.members, self.trained, self.villages, self.unfollowed)):
            layout.addWidget(card, 0, i)

    def refresh(self) -> None:
        current = self.services.roster.current()
        rules = self.services.roster.active_profile().rules
        self.members.set_value(str(len(current)),
                               warn=not rules.min_members <= len(current) <= rules.max_members)
        trained = sum(1 for m in current if m.trained_on)
        self.trained.set_value(percent(trained / len(current), 0) if current else "—",
                               warn=bool(current) and trained < len(current))
        villages = self.services.villages.list()
        followed = {v for m in current for v in m.village_ids}
        self.villages.set_value(str(len(villages)))
        missing = sum(1 for v in villages if v.id not in followed)
        self.unfollowed.set_value(str(missing), warn=missing > 0)


class DashboardPage(QScrollArea):
    def __init__(self, services: AppServices, navigate, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)
        self.heading = QLabel()
        set_role(self.heading, "page-title")
        layout.addWidget(self.heading)
        self.banner = Banner()
        layout.addWidget(self.banner)
        # an upper level has no bloc of its own: only sections meant for it (attribute upper_level)
        self.upper = services.setup.unit().level == "upper"
        self.sections = [] if self.upper else [RosterSection(services, navigate)]
        self.sections += [factory(services, navigate) for factory in SECTIONS
                          if not self.upper or getattr(factory, "upper_level", False)]
        for section in self.sections:
            layout.addWidget(section)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        unit = self.services.setup.unit()
        self.heading.setText(unit.name if self.upper else _("Khối dân vận {unit}").format(unit=unit.name))
        breaches = [] if self.upper else [b.message for b in self.services.roster.check()]
        profile = _(self.services.roster.active_profile().name)
        if self.upper:
            self.banner.hide()
        elif breaches:
            self.banner.show_messages(_("Thành phần khối chưa đúng quy chế ({profile})").format(profile=profile),
                                      breaches)
        else:
            self.banner.show_text(_("Thành phần khối đúng quy chế ({profile}).").format(profile=profile), "ok")
        for section in self.sections:
            section.refresh()
