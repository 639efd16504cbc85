"""Open a database and hand out the services over it; the one entry point of the GUI and the CLI.

Each service is made (and its module imported) the first time it is asked for: the window's first paint
needs two of them (the unit and the preferences), and a start that imported every service module —
the hand-over, the documents, the report — paid for all of them before anything was on screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from danvan_desktop.domain.i18n import set_language
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.services.jobs import JobRunner
from danvan_desktop.store.database import Database

if TYPE_CHECKING:
    from danvan_desktop.services.documents.numbering import NumberingService
    from danvan_desktop.services.documents.settings import DocumentSettings
    from danvan_desktop.services.figures.dvk import DvkService
    from danvan_desktop.services.figures.service import FigureService
    from danvan_desktop.services.figures.situation import SituationService
    from danvan_desktop.services.handover.services import ExchangeServices
    from danvan_desktop.services.meetings.conclusions import MeetingTaskService
    from danvan_desktop.services.meetings.minutes_document import MinutesDocumentBuilder
    from danvan_desktop.services.meetings.service import MeetingService
    from danvan_desktop.services.report.service import ReportService
    from danvan_desktop.services.roster.files import RosterFileService
    from danvan_desktop.services.roster.service import RosterService
    from danvan_desktop.services.tasks.service import TaskService
    from danvan_desktop.services.tasks.teams import TeamService
    from danvan_desktop.services.unit.preferences import PreferencesService
    from danvan_desktop.services.unit.setup import SetupService
    from danvan_desktop.services.unit.villages import VillageService


class AppServices:
    """The services over one open database. Pages receive the ones they need, not this object.

    A service is built on first use, on the thread that asks (the window's on the GUI thread, the job
    runner's on its own); `today` is read through this object, so a test that pins it later is obeyed."""

    def __init__(self, db: Database, today: Callable[[], dt.date] = vietnam_today) -> None:
        self.db = db
        self.today = today
        self._sweep_on_runner = False      # the received folder's temp files, swept by the runner (open_data_file)
        # long work: one thread, one job at a time, over a connection of its own (services/jobs.py)
        self.jobs = JobRunner(self._runner_services)

    def _today(self) -> dt.date:
        return self.today()

    @cached_property
    def setup(self) -> SetupService:
        from danvan_desktop.services.unit.setup import SetupService
        return SetupService(self.db)

    @cached_property
    def villages(self) -> VillageService:
        from danvan_desktop.services.unit.villages import VillageService
        return VillageService(self.db)

    @cached_property
    def roster(self) -> RosterService:
        from danvan_desktop.services.roster.service import RosterService
        return RosterService(self.db, self._today)

    @cached_property
    def preferences(self) -> PreferencesService:
        from danvan_desktop.services.unit.preferences import PreferencesService
        return PreferencesService(self.db)

    @cached_property
    def tasks(self) -> TaskService:
        from danvan_desktop.services.tasks.service import TaskService
        return TaskService(self.db, self._today)

    @cached_property
    def teams(self) -> TeamService:
        from danvan_desktop.services.tasks.teams import TeamService
        return TeamService(self.db, self._today)

    @cached_property
    def roster_files(self) -> RosterFileService:
        from danvan_desktop.services.roster.files import RosterFileService
        return RosterFileService(self.db, self._today)

    @cached_property
    def meetings(self) -> MeetingService:
        from danvan_desktop.services.meetings.service import MeetingService
        return MeetingService(self.db, self._today)

    @cached_property
    def meeting_tasks(self) -> MeetingTaskService:
        from danvan_desktop.services.meetings.conclusions import MeetingTaskService
        return MeetingTaskService(self.db, self.meetings, self.tasks, self._today)

    @cached_property
    def documents(self) -> DocumentSettings:
        from danvan_desktop.services.documents.settings import DocumentSettings
        return DocumentSettings(self.db)

    @cached_property
    def minutes(self) -> MinutesDocumentBuilder:
        from danvan_desktop.services.meetings.minutes_document import MinutesDocumentBuilder
        return MinutesDocumentBuilder(self.db, self.meetings)

    @cached_property
    def situation(self) -> SituationService:
        from danvan_desktop.services.figures.situation import SituationService
        return SituationService(self.db, self._today)

    @cached_property
    def figures(self) -> FigureService:
        from danvan_desktop.services.figures.service import FigureService
        return FigureService(self.db, self._today)

    @cached_property
    def dvk(self) -> DvkService:
        from danvan_desktop.services.figures.dvk import DvkService
        return DvkService(self.db, self._today)

    @cached_property
    def numbering(self) -> NumberingService:
        from danvan_desktop.services.documents.numbering import NumberingService
        return NumberingService(self.db)

    @cached_property
    def reports(self) -> ReportService:
        from danvan_desktop.services.report.service import ReportService
        return ReportService(self.db, self._today)

    @cached_property
    def exchange(self) -> ExchangeServices:
        from danvan_desktop.services.handover.services import ExchangeServices
        return ExchangeServices(self.db, self._today)

    @classmethod
    def open(cls, path: Path | str, today: Callable[[], dt.date] = vietnam_today, *,
             sweep_received: bool = True) -> AppServices:
        """`sweep_received=False`: the received folder's temp files are swept by the job runner when it opens its
        connection (the window's first read), not here: a walk of every document received (services/handover/
        recovery.py) that the window's first paint need not wait for."""
        from danvan_desktop.services.handover.recovery import recover
        db = Database.open(path)
        # finish an export a crash interrupted; sweep the temp files crashed writes left
        recover(db, received=sweep_received)
        services = cls(db, today)
        services._sweep_on_runner = not sweep_received
        set_language(services.preferences.language())
        return services

    def _runner_services(self) -> AppServices:
        """The job runner's services: a second connection to the same file, opened on the runner's thread (a
        SQLite connection stays on the thread that made it). It shares this connection's clock, so a change
        made by a job and one made in the window are stamped in the order they happened."""
        if self.db.path is None or str(self.db.path) == ":memory:":
            raise RuntimeError("a database in memory has no second connection for the job runner")
        db = Database.open(self.db.path)
        if self._sweep_on_runner:
            from danvan_desktop.services.handover.recovery import sweep_received
            self._sweep_on_runner = False
            sweep_received(self.db.path)
        self.db.clock.observe(db.clock.newest())     # one clock for both connections
        db.clock = self.db.clock
        return AppServices(db, self._today)

    def close(self) -> None:
        """Let the running job finish (queued ones are dropped), close the runner's connection, then this one."""
        self.jobs.shutdown()
        self.db.close()
