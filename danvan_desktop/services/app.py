"""Open a database and hand out the services over it; the one entry point of the GUI and the CLI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from danvan_desktop.domain.i18n import set_language
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.services.documents.numbering import NumberingService
from danvan_desktop.services.documents.settings import DocumentSettings
from danvan_desktop.services.figures.dvk import DvkService
from danvan_desktop.services.figures.service import FigureService
from danvan_desktop.services.figures.situation import SituationService
from danvan_desktop.services.handover.recovery import recover
from danvan_desktop.services.handover.services import ExchangeServices
from danvan_desktop.services.jobs import JobRunner
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
from danvan_desktop.store.database import Database


@dataclass
class AppServices:
    """The services over one open database. Pages receive the ones they need, not this object."""

    db: Database
    today: Callable[[], dt.date] = vietnam_today
    setup: SetupService = field(init=False)
    villages: VillageService = field(init=False)
    roster: RosterService = field(init=False)
    preferences: PreferencesService = field(init=False)
    tasks: TaskService = field(init=False)
    teams: TeamService = field(init=False)
    roster_files: RosterFileService = field(init=False)
    meetings: MeetingService = field(init=False)
    meeting_tasks: MeetingTaskService = field(init=False)
    documents: DocumentSettings = field(init=False)
    minutes: MinutesDocumentBuilder = field(init=False)
    situation: SituationService = field(init=False)
    figures: FigureService = field(init=False)
    dvk: DvkService = field(init=False)
    numbering: NumberingService = field(init=False)
    reports: ReportService = field(init=False)
    exchange: ExchangeServices = field(init=False)
    jobs: JobRunner = field(init=False)

    def __post_init__(self) -> None:
        self.setup = SetupService(self.db)
        self.villages = VillageService(self.db)
        self.roster = RosterService(self.db, self.today)
        self.preferences = PreferencesService(self.db)
        self.tasks = TaskService(self.db, lambda: self.today())
        self.teams = TeamService(self.db, lambda: self.today())
        self.roster_files = RosterFileService(self.db, lambda: self.today())
        self.meetings = MeetingService(self.db, lambda: self.today())
        self.meeting_tasks = MeetingTaskService(self.db, self.meetings, self.tasks, lambda: self.today())
        self.documents = DocumentSettings(self.db)
        self.minutes = MinutesDocumentBuilder(self.db, self.meetings)
        self.situation = SituationService(self.db, lambda: self.today())
        self.figures = FigureService(self.db, lambda: self.today())
        self.dvk = DvkService(self.db, lambda: self.today())
        self.numbering = NumberingService(self.db)
        self.reports = ReportService(self.db, lambda: self.today())
        self.exchange = ExchangeServices(self.db, self.today)
        # long work: one thread, one job at a time, over a connection of its own (services/jobs.py)
        self.jobs = JobRunner(self._runner_services)

    @classmethod
    def open(cls, path: Path | str, today: Callable[[], dt.date] = vietnam_today) -> AppServices:
        db = Database.open(path)
        recover(db)     # finish an export a crash interrupted; sweep the temp files crashed writes left
        services = cls(db, today)
        set_language(services.preferences.language())
        return services

    def _runner_services(self) -> AppServices:
        """The job runner's services: a second connection to the same file, opened on the runner's thread (a
        SQLite connection stays on the thread that made it). It shares this connection's clock, so a change
        made by a job and one made in the window are stamped in the order they happened."""
        if self.db.path is None or str(self.db.path) == ":memory:":
            raise RuntimeError("a database in memory has no second connection for the job runner")
        db = Database.open(self.db.path)
        self.db.clock.observe(db.clock.tick())
        db.clock = self.db.clock
        return AppServices(db, lambda: self.today())

    def close(self) -> None:
        """Let the running job finish (queued ones are dropped), close the runner's connection, then this one."""
        self.jobs.shutdown()
        self.db.close()
