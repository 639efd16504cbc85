"""What a report says, gathered from the period's records: notes, figures, models, tasks, members."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from danvan_desktop.domain.dvk import DvkModel
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.situation import SituationNote
from danvan_desktop.services.figures.counters import task_summary
from danvan_desktop.services.figures.dvk import DvkProgress, DvkService
from danvan_desktop.services.figures.service import FigureService
from danvan_desktop.services.figures.situation import SituationService
from danvan_desktop.store.database import Database
from danvan_desktop.store.members import MemberRepository
from danvan_desktop.store.villages import VillageRepository


@dataclass
class ReportFacts:
    period: Period
    today: dt.date
    notes: list[SituationNote] = field(default_factory=list)            # noted within the period
    earlier_open: list[SituationNote] = field(default_factory=list)     # older, still not resolved (watch/hot)
    notes_last_year: int | None = None
    villages: dict[str, str] = field(default_factory=dict)              # id → "Thôn Đông"
    values: dict[str, float | None] = field(default_factory=dict)       # figure code → this period
    last_year: dict[str, float | None] = field(default_factory=dict)    # figure code → same period last year
    figure_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # code → (name, unit)
    figure_order: list[str] = field(default_factory=list)
    dvk_new: list[DvkModel] = field(default_factory=list)
    dvk_recognised: list[DvkModel] = field(default_factory=list)
    dvk_progress: DvkProgress | None = None
    members_total: int = 0
    members_trained: int = 0
    villages_followed: int = 0
    tasks: object | None = None                                         # TaskPeriodSummary when tasks exist

    def resolved_in_time(self, note: SituationNote) -> bool:
        """Resolved by the period's end (a later resolution is news of a later report)."""
        return note.resolved and note.resolved_on is not None and note.resolved_on <= self.period.end

    def village(self, village_id: str | None) -> str:
        return self.villages.get(village_id or "", "")

    def v(self, code: str) -> float | None:
        return self.values.get(code)


def gather(db: Database, period: Period, today: dt.date) -> ReportFacts:
    situation = SituationService(db, lambda: today)
    figures = FigureService(db, lambda: today)
    dvk = DvkService(db, lambda: today)
    facts = ReportFacts(period=period, today=today)
    facts.villages = {v.id: v.label for v in VillageRepository(db).all(include_deleted=True)}
    facts.notes = situation.in_period(period)
    facts.earlier_open = situation.repo.select(
        "level != 'normal' AND noted_on < ? AND (resolved = 0 OR resolved_on > ?)",
        (period.start.isoformat(), period.end.isoformat()), order_by="noted_on")
    last = period.same_period_last_year()
    if db.conn.execute("SELECT 1 FROM situation_notes WHERE deleted = 0 AND noted_on < ? LIMIT 1",
                       (period.start.replace(year=period.year - 1).isoformat(),)).fetchone():
        facts.notes_last_year = len(situation.in_period(last))
    for figure in figures.catalogue():
        facts.figure_order.append(figure.code)
        facts.figure_names[figure.code] = (figures.name(figure), figure.unit)
        facts.values[figure.code] = figures.value(figure.code, period)
        before = figures.value(figure.code, last) if _has_history(figures, figure, last) else None
        # a count of zero from before those records were kept is no comparison: leave it blank
        facts.last_year[figure.code] = None if figure.source == "counted" and not before else before
    facts.dvk_new = dvk.registered_in(period)
    facts.dvk_recognised = dvk.recognised_in(period)
    facts.dvk_progress = dvk.progress(period.year)
    day = min(period.end, today)
    current = MemberRepository(db).current(day)
    facts.members_total = len(current)
    facts.members_trained = sum(1 for m in current if m.trained_on and m.trained_on <= day)
    facts.villages_followed = len({v for m in current for v in m.village_ids})
    facts.tasks = task_summary(db, period, today)
    return facts


def _has_history(figures: FigureService, figure, last: Period) -> bool:
    """Compare with last year only where the program was in use then (months typed for that period):
    a count of zero from before the records began would be a false comparison."""
    return figures.has_data(last)
