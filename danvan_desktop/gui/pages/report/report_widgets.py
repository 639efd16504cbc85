"""Small report widgets shared by the Báo cáo page and the dashboard: the due countdown and the trend chart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from danvan_desktop.domain.formats import short_date
from danvan_desktop.domain.i18n import _, ngettext
from danvan_desktop.domain.periods import Period
from danvan_desktop.gui.theme import set_role, set_tone
from danvan_desktop.gui.widgets.trend_chart import TrendChart
from danvan_desktop.services.app import AppServices

if TYPE_CHECKING:
    from danvan_desktop.services.figures.service import FigureService


def chart_series(figures: FigureService, code: str, last: Period) -> tuple[str, list]:
    """The title and points of a figure's trend (reads only: any thread)."""
    from danvan_desktop.services.figures.service import format_value
    figure = figures.figure(code)
    series = figures.series(code, last)
    points = [(str(p.months[0]), v, format_value(figure, v)) for p, v in series]
    unit = f" ({figure.unit})" if figure.unit else ""
    return _("{name}{unit}, {first} – {last}").format(
        name=figures.name(figure), unit=unit, first=f"{series[0][0].months[0]}/{series[0][0].year}",
        last=f"{series[-1][0].months[0]}/{series[-1][0].year}"), points


def figure_chart(chart: TrendChart, figures: FigureService, code: str, last: Period) -> None:
    chart.set_series(*chart_series(figures, code, last))


class ReportDueSection(QWidget):
    """Dashboard: the month's report, its due date and state, and a small trend chart."""

    def __init__(self, services: AppServices, navigate, parent=None) -> None:
        super().__init__(parent)
        self.services, self.navigate = services, navigate
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.title = QLabel()
        set_role(self.title, "section")
        self.title.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.open_button = QPushButton(_("Mở báo cáo"))
        self.open_button.clicked.connect(self._open)
        left.addWidget(self.title)
        left.addWidget(self.detail)
        left.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        left.addStretch(1)
        layout.addLayout(left, 1)
        self.chart = TrendChart(compact=True)
        layout.addWidget(self.chart, 2)
        self._period = ""

    def _open(self) -> None:
        self.navigate("reports", period=self._period)

    def prepare(self) -> None:
        self.services.figures.ensure_catalogue()    # a first start writes the catalogue: on the GUI thread

    def load(self, services: AppServices) -> tuple:
        from danvan_desktop.services.report import settings as report_settings
        today = services.today()
        period = Period.containing(today)
        defaults = services.reports.defaults()
        due = report_settings.due_date(period.code, defaults.due_day)
        report = services.reports.current_for(period.code)
        if report is not None and report.is_locked:
            # this month's is done: count down to next month's
            period = period.next()
            due = report_settings.due_date(period.code, defaults.due_day)
            report = services.reports.current_for(period.code)
        return (today, period, due, report.status_label if report else None,
                chart_series(services.figures, "don_nhan", Period.containing(today)))

    def refresh(self) -> None:
        self.show_figures(self.load(self.services))

    def show_figures(self, data: tuple) -> None:
        today, period, due, status, chart = data
        self._period = period.code
        days = (due - today).days
        if days >= 0:
            when = ngettext("còn {n} ngày", "còn {n} ngày", days).format(n=days)
        else:
            when = ngettext("quá hạn {n} ngày", "quá hạn {n} ngày", -days).format(n=-days)
        self.title.setText(_("Báo cáo {period}: hạn {date} — {when}").format(
            period=period.label(), date=short_date(due), when=when))
        set_tone(self.title, "bad" if days < 3 else "accent")
        self.detail.setText(_("Trạng thái: {status}").format(status=status) if status else _("Chưa lập dự thảo."))
        self.chart.set_series(*chart)
