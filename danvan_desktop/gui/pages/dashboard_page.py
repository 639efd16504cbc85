"""Tổng quan: the rule banner, and at-a-glance cards that jump to the page behind each figure.

The sections are listed in SECTIONS ("module:factory", imported when the page is built; a section module
never imports this one): factories (services, navigate) -> QWidget with
`load(services) -> data` (reads only, through the services it is given, on a worker thread: no widget),
`show_figures(data)` (the GUI thread) and `refresh()` (both at once, for a section used alone); a section that
must write before reading (bring this month's recurring tasks in) has `prepare()`, run on the GUI thread.
`navigate(page_key, **filters)` opens a page.

The page reads every section's figures in one snapshot off the GUI thread (gui/background_reader.py)
and shows them all in one go when they arrive, so the window never waits on the database and never
shows some cards updated and others not; a refresh asked for while one runs is folded into one more.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from danvan_desktop.domain.formats import percent
from danvan_desktop.domain.i18n import _
from danvan_desktop.gui.background_reader import BackgroundReader
from danvan_desktop.gui.pages.spec import load_attribute
from danvan_desktop.gui.theme import set_role
from danvan_desktop.gui.widgets.banner import Banner
from danvan_desktop.gui.widgets.card import Card
from danvan_desktop.services.app import AppServices

# The sections below the roster's, in order: where each factory lives, and whether the upper level shows it
# (an upper level has no bloc of its own). A module is imported when a dashboard that shows it is built.
SECTIONS: list[tuple[str, bool]] = [
    ("danvan_desktop.gui.pages.tasks.task_dashboard:TasksSection", False),
    ("danvan_desktop.gui.pages.meetings.meetings_page:BriefingSection", False),
    ("danvan_desktop.gui.pages.figures.situation_page:HotSpotSection", False),
    ("danvan_desktop.gui.pages.figures.dvk_page:ProgressCard", False),
    ("danvan_desktop.gui.pages.report.report_widgets:ReportDueSection", False),
    ("danvan_desktop.gui.pages.handover.exchange_page:ExchangeSection", True),
    ("danvan_desktop.gui.pages.handover.upper_dashboard:UpperDashboardSection", True),
    ("danvan_desktop.gui.pages.yearwork.calendar_tab:DeadlinesCard", False),
]


def section_factories(upper: bool) -> list[Callable]:
    """The factories of the sections a commune's (or the upper level's) dashboard shows, imported now."""
    return [load_attribute(where) for where, at_upper in SECTIONS if at_upper or not upper]


@dataclass
class RosterFigures:
    members: int
    trained: int
    min_members: int
    max_members: int
    villages: int
    unfollowed: int


@dataclass
class Heading:
    unit_name: str
    breaches: list[str]
    profile: str


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

    def load(self, services: AppServices) -> RosterFigures:
        current = services.roster.current()
        rules = services.roster.active_profile().rules
        followed = {v for m in current for v in m.village_ids}
        villages = services.villages.list()
        return RosterFigures(len(current), sum(1 for m in current if m.trained_on), rules.min_members,
                             rules.max_members, len(villages), sum(1 for v in villages if v.id not in followed))

    def show_figures(self, f: RosterFigures) -> None:
        self.members.set_value(f.members, warn=not f.min_members <= f.members <= f.max_members)
        self.trained.set_value(percent(f.trained / f.members, 0) if f.members else "—",
                               warn=bool(f.members) and f.trained < f.members)
        self.villages.set_value(f.villages)
        self.unfollowed.set_value(f.unfollowed, warn=f.unfollowed > 0)

    def refresh(self) -> None:
        self.show_figures(self.load(self.services))


class DashboardPage(QScrollArea):
    refreshed = Signal()       # the figures on show are those of the latest refresh asked for

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
        self.banner.hide()
        layout.addWidget(self.banner)
        # an upper level has no bloc of its own: only sections meant for it (SECTIONS)
        unit = services.setup.unit()
        self.upper = unit.level == "upper"
        self._set_heading(unit.name)          # one row: the title is there from the first paint
        self.sections = [] if self.upper else [RosterSection(services, navigate)]
        self.sections += [factory(services, navigate) for factory in section_factories(self.upper)]
        for section in self.sections:
            layout.addWidget(section)
        layout.addStretch(1)
        self.reader = BackgroundReader(services, self)
        self.reader.loaded.connect(self._show)
        # The first read starts from the event loop, once the window is built and its first paint (queued by
        # show()) is done: the job runner's start (its connection, the services its reads import) does not compete
        # with building and painting the window. Two turns of the loop: a timer made while the loop handles
        # events fires on the next turn, after the paint events already queued.
        self._started = False
        QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self._start))

    def _start(self) -> None:
        self._started = True
        self.refresh()

    @property
    def busy(self) -> bool:
        """A refresh is under way (its figures are not on show yet), the first one included."""
        return not self._started or self.reader.busy

    def refresh(self) -> None:
        """Read every figure off the GUI thread; they are shown together when they arrive."""
        if not self._started:
            return          # the first read is on its way (_start)
        if self.services.jobs.is_shut_down:
            return          # the file was closed (another one opened) before this window's first read
        for section in self.sections:
            if hasattr(section, "prepare"):
                section.prepare()
        sections, upper = list(self.sections), self.upper

        def load(services: AppServices) -> tuple[Heading, list]:
            unit = services.setup.unit()
            breaches = [] if upper else [b.message for b in services.roster.check()]
            heading = Heading(unit.name, breaches, services.roster.active_profile().name)
            return heading, [section.load(services) if hasattr(section, "load") else None for section in sections]

        self.reader.request(load)

    def _set_heading(self, unit_name: str) -> None:
        self.heading.setText(unit_name if self.upper else _("Khối dân vận {unit}").format(unit=unit_name))

    def _show(self, result: tuple[Heading, list]) -> None:
        heading, figures = result
        self._set_heading(heading.unit_name)
        profile = _(heading.profile)
        if self.upper:
            self.banner.hide()
        elif heading.breaches:
            self.banner.show_messages(_("Thành phần khối chưa đúng quy chế ({profile})").format(profile=profile),
                                      heading.breaches)
        else:
            self.banner.show_text(_("Thành phần khối đúng quy chế ({profile}).").format(profile=profile), "ok")
        for section, data in zip(self.sections, figures, strict=True):
            if hasattr(section, "show_figures"):
                section.show_figures(data)
            else:       # a section of the old shape: reads and paints on the GUI thread
                section.refresh()
        self.refreshed.emit()
