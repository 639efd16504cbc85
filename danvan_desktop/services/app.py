"""Open a database and hand out the services over it; the one entry point of the GUI and the CLI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from danvan_desktop.domain.i18n import set_language
from danvan_desktop.services.exchange_services import ExchangeServices
from danvan_desktop.services.preferences import PreferencesService
from danvan_desktop.services.roster import RosterService
from danvan_desktop.services.setup import SetupService
from danvan_desktop.services.villages import VillageService
from danvan_desktop.store.database import Database


@dataclass
class AppServices:
    """The services over one open database. Pages receive the ones they need, not this object."""

    db: Database
    today: Callable[[], dt.date] = dt.date.today
    setup: SetupService = field(init=False)
    villages: VillageService = field(init=False)
    roster: RosterService = field(init=False)
    preferences: PreferencesService = field(init=False)
    exchange: ExchangeServices = field(init=False)

    def __post_init__(self) -> None:
        self.setup = SetupService(self.db)
        self.villages = VillageService(self.db)
        self.roster = RosterService(self.db, self.today)
        self.preferences = PreferencesService(self.db)
        self.exchange = ExchangeServices(self.db, self.today)

    @classmethod
    def open(cls, path: Path | str, today: Callable[[], dt.date] = dt.date.today) -> "AppServices":
        db = Database.open(path)
        services = cls(db, today)
        set_language(services.preferences.language())
        return services

    def close(self) -> None:
        self.db.close()
