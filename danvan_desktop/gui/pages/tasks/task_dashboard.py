"""The dashboard's task section: overdue by village, due in the next 7 days, this month's completion rate."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from danvan_desktop.domain.formats import percent
from danvan_desktop.domain.i18n import _
from danvan_desktop.gui.theme import set_role
from danvan_desktop.gui.widgets.card import Card
from danvan_desktop.services.app import AppServices

if TYPE_CHECKING:
    from danvan_desktop.services.tasks.dashboard import DashboardFigures

MAX_VILLAGES = 6


class TasksSection(QWidget):
    def __init__(self, services: AppServices, navigate, parent=None) -> None:
        super().__init__(parent)
        self.services, self.navigate = services, navigate
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        title = QLabel(_("Nhiệm vụ"))
        set_role(title, "section")
        outer.addWidget(title)
        grid = QGridLayout()
        outer.addLayout(grid)
        self.overdue = Card(_("nhiệm vụ quá hạn"), lambda: navigate("tasks", overdue=True))
        self.due_soon = Card(_("nhiệm vụ đến hạn trong 7 ngày tới"), lambda: navigate("tasks", due_soon=True))
        self.month_rate = Card(_("nhiệm vụ tháng này đã hoàn thành"),
                               lambda: navigate("tasks", period="this_month"))
        self.by_village = QFrame()
        self.by_village.setObjectName("card")
        self.by_village.setStyleSheet("#card { background:#ffffff; border:1px solid #c9d3df; border-radius:6px; }")
        village_layout = QVBoxLayout(self.by_village)
        heading = QLabel(_("Quá hạn theo thôn"))
        heading.setStyleSheet("font-weight:bold;")
        village_layout.addWidget(heading)
        # One label of links: a dozen villages fit in two or three lines.
        self.village_links = QLabel()
        self.village_links.setTextFormat(Qt.TextFormat.RichText)
        self.village_links.setWordWrap(True)
        self.village_links.linkActivated.connect(
            lambda href: navigate("tasks", overdue=True, village_id=href or None))
        village_layout.addWidget(self.village_links)
        village_layout.addStretch(1)
        for card in (self.overdue, self.due_soon, self.month_rate):
            card.layout().addStretch(1)   # the figure stays at the top when the village card is taller
        for i, card in enumerate((self.overdue, self.due_soon, self.month_rate, self.by_village)):
            grid.addWidget(card, 0, i)
            grid.setColumnStretch(i, 2 if card is self.by_village else 1)   # room for names side by side

    def prepare(self) -> None:
        self.services.tasks.extend_recurring()     # a write: on the GUI thread, before the figures are read

    def load(self, services: AppServices) -> DashboardFigures:
        from danvan_desktop.services.tasks.dashboard import dashboard
        return dashboard(services.tasks)

    def refresh(self) -> None:
        self.prepare()
        self.show_figures(self.load(self.services))

    def show_figures(self, figures: DashboardFigures) -> None:
        self.overdue.set_value(figures.overdue_total, warn=figures.overdue_total > 0)
        self.due_soon.set_value(figures.due_soon)
        if figures.month_rate is None:
            self.month_rate.set_value("—")
        else:
            self.month_rate.set_value(percent(figures.month_rate, 0))
        self.month_rate.caption.setText(_("nhiệm vụ tháng này đã hoàn thành ({done}/{total})").format(
            done=figures.month_done, total=figures.month_total))
        rows = figures.overdue_by_village[:MAX_VILLAGES]
        if not rows:
            self.village_links.setText(f'<span style="color:#1e6b35">{escape(_("Không thôn nào có việc quá hạn."))}'
                                       '</span>')
            return
        links = [f'<a href="{v.village_id}" style="color:#b3261e">{escape(v.village_name).replace(" ", "&nbsp;")}</a>&nbsp;({v.overdue})'
                 for v in rows]
        hidden = len(figures.overdue_by_village) - len(rows)
        if hidden > 0:
            links.append(f'<a href="" style="color:#1f4e79">{escape(_("và {n} thôn khác").format(n=hidden))}</a>')
        self.village_links.setText(", ".join(links))

    def village_texts(self) -> list[str]:
        """The links as the officer reads them, e.g. 'Thôn Đông Hòa (2)'."""
        doc = QTextDocument()
        doc.setHtml(self.village_links.text())
        return [part.strip() for part in doc.toPlainText().replace("\xa0", " ").split(",") if part.strip()]
