"""Roster files: import bloc members and village team members from .xlsx/.csv (preview, then all or nothing),
and export them back to .xlsx and .csv."""

from __future__ import annotations

from pathlib import Path

from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.services.activity import logged
from danvan_desktop.services.roster.files import exporter
from danvan_desktop.services.roster.files.importer import ImportPreview, Progress, RosterImporter, RowOutcome
from danvan_desktop.store.database import Database

__all__ = ["ImportPreview", "RosterFileService", "RowOutcome"]


class RosterFileService:
    """The roster files of one database: preview and import a file, export the current lists."""

    def __init__(self, db: Database, today=vietnam_today) -> None:
        self.db = db
        self.today = today

    def preview(self, path: Path, *, teams: bool) -> ImportPreview:
        return RosterImporter(self.db, self.today).preview(path, teams=teams)

    @logged("import roster file")
    def apply(self, path: Path, *, teams: bool) -> ImportPreview:
        return RosterImporter(self.db, self.today).apply(path, teams=teams)

    @logged("import roster file", when=lambda kwargs: kwargs.get("apply", False))
    def job(self, path: Path, *, teams: bool, apply: bool) -> Progress:
        return RosterImporter(self.db, self.today).run(path, teams=teams, apply=apply)

    @logged("export roster file")
    def export(self, path: Path, *, teams: bool) -> int:
        return exporter.export_roster(self.db, path, teams=teams, today=self.today)
