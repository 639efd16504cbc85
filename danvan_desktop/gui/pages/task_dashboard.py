"""The dashboard's task section: overdue by village, due in the next 7 days, this month's completion rate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from danvan_desktop.domain.formats import percent
from danvan_desktop.domain.i18n import _, ngettext
from danvan_desktop.gui.pages.dashboard_page import SECTIONS, Card
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.task_summary import dashboard

MAX_VILLAGES = 5


class TasksSection(QWidget):
    def __init__(self, services: AppServices, navigate, parent=None) -> None:
        super().__init__(parent)
        self.services, self.navigate = services, navigate
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        title = QLabel(_("Nhiệm vụ"))
        title.setStyleSheet("font-size:12pt; font-weight:bold; margin-top:6px;")
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
        self._village_layout = QVBoxLayout(self.by_village)
        heading = QLabel(_("Quá hạn theo thôn"))
        heading.setStyleSheet("font-weight:bold;")
        self._village_layout.addWidget(heading)
        self._village_buttons: list[QPushButton] = []
        for card in (self.overdue, self.due_soon, self.month_rate):
            card.layout().addStretch(1)   # the figure stays at the top when the village card is taller
        for i, card in enumerate((self.overdue, self.due_soon, self.month_rate, self.by_village)):
            grid.addWidget(card, 0, i)
            grid.setColumnStretch(i, 1)

    def refresh(self) -> None:
        self.services.tasks.extend_recurring()
        figures = dashboard(self.services.tasks)
        self.overdue.set_value(str(figures.overdue_total), warn=figures.overdue_total > 0)
        self.due_soon.set_value(str(figures.due_soon))
        if figures.month_rate is None:
            self.month_rate.set_value("—")
        else:
            self.month_rate.set_value(percent(figures.month_rate, 0))
        self.month_rate.caption.setText(_("nhiệm vụ tháng này đã hoàn thành ({done}/{total})").format(
            done=figures.month_done, total=figures.month_total))
        for button in self._village_buttons:
            button.hide()
            self._village_layout.removeWidget(button)
            button.deleteLater()
        self._village_buttons = []
        rows = figures.overdue_by_village[:MAX_VILLAGES]
        if not rows:
            rows_text = [(_("Không thôn nào có việc quá hạn."), None)]
        else:
            rows_text = [(ngettext("{village}: {n} việc", "{village}: {n} việc", v.overdue).format(
                village=v.village_name, n=v.overdue), v.village_id) for v in rows]
            hidden = len(figures.overdue_by_village) - len(rows)
            if hidden > 0:
                rows_text.append((_("… và {n} thôn khác").format(n=hidden), ""))
        for text, village_id in rows_text:
            button = QPushButton(text)
            button.setFlat(True)
            button.setStyleSheet("text-align:left; color:%s;" % ("#b3261e" if village_id else "#1e6b35"))
            if village_id is not None:
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                button.clicked.connect(lambda _c=False, vid=village_id: self.navigate(
                    "tasks", overdue=True, village_id=vid or None))
            self._village_layout.addWidget(button)
            self._village_buttons.append(button)

    def village_button_texts(self) -> list[str]:
        return [b.text() for b in self._village_buttons]


SECTIONS.append(lambda services, navigate: TasksSection(services, navigate))
