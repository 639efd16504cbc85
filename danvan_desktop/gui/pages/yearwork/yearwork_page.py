"""Công tác năm: the annual plan, the scorecard against the targets (862-KL/TU), the training record,
the register of documents and the calendar of deadlines, as tabs of one page. At the upper level the
page shows every commune's scorecard."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from danvan_desktop.domain.i18n import _
from danvan_desktop.gui.pages.spec import PageContext
from danvan_desktop.gui.pages.yearwork.calendar_tab import CalendarTab
from danvan_desktop.gui.pages.yearwork.plan_tab import PlanTab
from danvan_desktop.gui.pages.yearwork.register_tab import RegisterTab
from danvan_desktop.gui.pages.yearwork.scorecard_tab import CommunesScorecardTab, ScorecardTab
from danvan_desktop.gui.pages.yearwork.training_tab import TrainingTab
from danvan_desktop.services.yearwork import YearWork


class YearWorkPage(QWidget):
    def __init__(self, services, undo, events, parent=None) -> None:
        super().__init__(parent)
        self.services, self.events = services, events
        self.work = YearWork.of(services)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        if services.exchange.upper.is_upper():
            self.communes = CommunesScorecardTab(services, self.work)
            self.tabs.addTab(self.communes, _("Chỉ tiêu các xã"))
            return
        self.plan = PlanTab(services, self.work, events)
        self.scorecard = ScorecardTab(services, self.work, events)
        self.tabs.addTab(self.plan, _("Kế hoạch năm"))
        self.tabs.addTab(self.scorecard, _("Chỉ tiêu"))
        self.training = TrainingTab(services, self.work, events)
        self.register = RegisterTab(services, self.work, events)
        self.calendar = CalendarTab(services, self.work, events)
        self.tabs.addTab(self.training, _("Tập huấn"))
        self.tabs.addTab(self.register, _("Sổ văn bản"))
        self.tabs.addTab(self.calendar, _("Lịch công việc"))
        self.tabs.currentChanged.connect(self._refresh_current)

    def _refresh_current(self, _index: int) -> None:
        widget = self.tabs.currentWidget()
        if hasattr(widget, "refresh"):
            widget.refresh()

    def refresh(self) -> None:
        self._refresh_current(self.tabs.currentIndex())

    def extra_screenshots(self):
        """Each tab as its own picture (danvan screenshots)."""
        for index in range(1, self.tabs.count()):
            self.tabs.setCurrentIndex(index)
            yield f"tab{index}", self


def _factory(ctx: PageContext) -> QWidget:
    return YearWorkPage(ctx.services, ctx.undo, ctx.events)
