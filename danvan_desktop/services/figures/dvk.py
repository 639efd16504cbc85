"""“Dân vận khéo” models: keep them, and measure the year against the target (≥ 3 new a year)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from danvan_desktop.domain.dvk import DEFAULT_TARGET_PER_YEAR, DvkModel
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.text import fold
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.store.database import Database
from danvan_desktop.store.dvk import DvkRepository

TARGET_SETTING = "dvk_target_per_year"


@dataclass(frozen=True)
class DvkProgress:
    year: int
    new: int
    recognised: int
    target: int

    @property
    def reached(self) -> bool:
        return self.new >= self.target


class DvkService:
    def __init__(self, db: Database, today=vietnam_today) -> None:
        self.db = db
        self.today = today
        self.repo = DvkRepository(db)

    def list(self, year: int | None = None) -> list[DvkModel]:
        return self.repo.of_year(year) if year else self.repo.all()

    def get(self, model_id: str) -> DvkModel:
        return self.repo.get(model_id)

    def target(self) -> int:
        try:
            return max(0, int(self.db.get_setting(TARGET_SETTING, str(DEFAULT_TARGET_PER_YEAR)) or 0))
        except ValueError:
            return DEFAULT_TARGET_PER_YEAR

    def set_target(self, value: int) -> None:
        if value < 0:
            raise RuleError(_("Chỉ tiêu không được âm."))
        self.db.set_setting(TARGET_SETTING, str(value))

    def progress(self, year: int | None = None) -> DvkProgress:
        year = year or self.today().year
        models = self.repo.of_year(year)
        return DvkProgress(year, len(models), sum(1 for m in models if m.is_recognised), self.target())

    def registered_in(self, period: Period) -> list[DvkModel]:
        """Models registered within the period (a model without a date counts on 1 January of its year)."""
        return [m for m in self.repo.all() if period.contains(m.registered_on or dt.date(m.year, 1, 1))]

    def recognised_in(self, period: Period) -> list[DvkModel]:
        return [m for m in self.repo.all() if m.recognised_on and period.contains(m.recognised_on)]

    def save(self, model: DvkModel) -> DvkModel:
        model.validate(self.today())
        with self.db.transaction():
            for other in self.repo.of_year(model.year):
                if other.id != model.id and fold(other.name) == fold(model.name) and \
                        fold(other.owner_name) == fold(model.owner_name):
                    raise RuleError(_("Mô hình «{name}» của {owner} đã có trong năm {year}.").format(
                        name=model.name, owner=model.owner_name, year=model.year), "name")
            if self.repo.find(model.id) is None:
                return self.repo.insert(model)
            return self.repo.update(model)

    def delete(self, model_id: str) -> DvkModel:
        return self.repo.soft_delete(model_id)

    def restore(self, model_id: str) -> DvkModel:
        return self.repo.restore(model_id)
