"""Repositories of the figures catalogue and of the typed monthly values."""

from __future__ import annotations

from danvan_desktop.domain.figures import Figure, FigureValue
from danvan_desktop.store.repository import Repository


class FigureRepository(Repository[Figure]):
    table = "figures"
    record_type = Figure
    label = "chỉ tiêu"
    order_by = "sort_order, code"

    def by_code(self, code: str) -> Figure | None:
        found = self.select("code = ?", (code,))
        return found[0] if found else None


class FigureValueRepository(Repository[FigureValue]):
    table = "figure_values"
    record_type = FigureValue
    label = "số liệu"
    order_by = "period, figure_code"

    def one(self, figure_code: str, period: str) -> FigureValue | None:
        found = self.select("figure_code = ? AND period = ?", (figure_code, period))
        return found[0] if found else None

    def in_periods(self, periods: list[str]) -> list[FigureValue]:
        if not periods:
            return []
        marks = ", ".join("?" for _ in periods)
        return self.select(f"period IN ({marks})", tuple(periods))
