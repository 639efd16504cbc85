"""The year's work (Kết luận 862-KL/TU): annual plan, scorecard, training record, document register and
calendar. `YearWork.of(services)` hands out the services over one open database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from danvan_desktop.services.yearwork.calendar import CalendarService
    from danvan_desktop.services.yearwork.plan import PlanService
    from danvan_desktop.services.yearwork.plan_document import PlanDocumentBuilder
    from danvan_desktop.services.yearwork.register import RegisterService
    from danvan_desktop.services.yearwork.scorecard import ScorecardService
    from danvan_desktop.services.yearwork.training import TrainingService


@dataclass
class YearWork:
    plans: PlanService
    plan_document: PlanDocumentBuilder
    scorecard: ScorecardService
    training: TrainingService
    register: RegisterService
    calendar: CalendarService

    @classmethod
    def of(cls, services) -> YearWork:
        from danvan_desktop.services.yearwork.calendar import CalendarService
        from danvan_desktop.services.yearwork.plan import PlanService
        from danvan_desktop.services.yearwork.plan_document import PlanDocumentBuilder
        from danvan_desktop.services.yearwork.register import RegisterService
        from danvan_desktop.services.yearwork.scorecard import ScorecardService
        from danvan_desktop.services.yearwork.training import TrainingService
        today = lambda: services.today()
        plans = PlanService(services.db, services.tasks, today)
        return cls(plans=plans, plan_document=PlanDocumentBuilder(services.db, plans),
                   scorecard=ScorecardService(services.db, today), training=TrainingService(services.db, today),
                   register=RegisterService(services.db, today), calendar=CalendarService(services.db, today))
