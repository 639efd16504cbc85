"""Trao đổi dữ liệu (USB): export, import, the batches exchanged, conflicts, and at the upper level the
communes' completeness; plus the dashboard's hand-over section."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from danvan_desktop.domain.formats import short_date
from danvan_desktop.domain.i18n import _, ngettext
from danvan_desktop.gui.events import DataEvents
from danvan_desktop.gui.pages.spec import PageContext
from danvan_desktop.gui.theme import set_role
from danvan_desktop.gui.widgets.banner import Banner
from danvan_desktop.gui.widgets.card import Card
from danvan_desktop.services.app import AppServices


class ExchangePage(QWidget):
    def __init__(self, services: AppServices, events: DataEvents, parent=None) -> None:
        super().__init__(parent)
        self.services, self.events = services, events
        self.is_upper = services.exchange.upper.is_upper()
        layout = QVBoxLayout(self)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.completeness = self.consolidated = None
        if self.is_upper:
            from danvan_desktop.gui.pages.handover.upper_tab import CompletenessTab
            self.completeness = CompletenessTab(services)
            self.tabs.addTab(self.completeness, _("Tình hình nộp của các xã"))
            from danvan_desktop.gui.pages.handover.consolidated_tab import ConsolidatedTab
            self.consolidated = ConsolidatedTab(services)
            self.tabs.addTab(self.consolidated, _("Báo cáo tổng hợp"))
        # the tabs' modules (and the hand-over services they use) are imported with the page, not at start:
        # this module is imported for the dashboard's section
        from danvan_desktop.gui.pages.handover.batches_tab import BatchesTab, ConflictsTab
        from danvan_desktop.gui.pages.handover.export_tab import ExportTab
        from danvan_desktop.gui.pages.handover.import_tab import ImportTab
        self.import_tab = ImportTab(services)
        self.export_tab = ExportTab(services)
        self.batches = BatchesTab(services, self.export_tab.print_receipt)
        self.conflicts = ConflictsTab(services)
        if self.is_upper:
            self.tabs.addTab(self.import_tab, _("Nhập dữ liệu"))
            self.tabs.addTab(self.export_tab, _("Xuất dữ liệu"))
        else:
            self.tabs.addTab(self.export_tab, _("Xuất dữ liệu"))
            self.tabs.addTab(self.import_tab, _("Nhập dữ liệu"))
        self.tabs.addTab(self.batches, _("Các lô đã trao đổi"))
        self.conflicts_index = self.tabs.addTab(self.conflicts, _("Xung đột"))
        self.export_tab.exported.connect(lambda _b: self._changed("exchange"))
        self.import_tab.imported.connect(lambda: self._changed("import"))
        self.conflicts.resolved.connect(lambda: self._changed("import"))
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        self.refresh()

    def _changed(self, what: str) -> None:
        self.refresh(every_tab=True)
        self.events.changed.emit(what)

    def _refresh_current(self) -> None:
        widget = self.tabs.currentWidget()
        if hasattr(widget, "refresh"):
            widget.refresh()

    def refresh(self, every_tab: bool = False) -> None:
        """The tab on show (each other tab reads its rows when it is chosen: a province's tabs each read
        thousands of rows); every tab after this page's own import or export."""
        tabs = (self.completeness, self.consolidated, self.export_tab, self.import_tab, self.batches, self.conflicts)
        for tab in tabs if every_tab else (self.tabs.currentWidget(),):
            if tab is not None and hasattr(tab, "refresh"):
                tab.refresh()
        n = self.conflicts.count()
        self.tabs.setTabText(self.conflicts_index, _("Xung đột ({n})").format(n=n) if n else _("Xung đột"))
        from danvan_desktop.services.handover.batches import created_day
        late = self.services.exchange.batches.unacknowledged()
        self.banner.show_messages(_("Lô dữ liệu chưa có biên nhận"), [
            _("Lô số {seq} xuất ngày {day} đã {days} ngày chưa có biên nhận của nơi nhận.").format(
                seq=b.sequence, day=short_date(created_day(b.created_at)), days=days) for b, days in late])

    def apply_filters(self, tab: str | None = None, period: str | None = None, **_filters) -> None:
        widgets = {"completeness": self.completeness, "consolidated": self.consolidated, "export": self.export_tab,
                   "import": self.import_tab,
                   "batches": self.batches, "conflicts": self.conflicts}
        widget = widgets.get(tab or "")
        if widget is not None:
            self.tabs.setCurrentWidget(widget)
        if period and self.completeness is not None:
            self.completeness.apply_filters(period=period)
            self.consolidated.apply_filters(period=period)

    def extra_screenshots(self):
        """Each tab in turn (a generator: the tab is switched just before its shot)."""
        for index in range(1, self.tabs.count()):
            self.tabs.setCurrentIndex(index)
            yield f"tab{index}", self.window()
        self.tabs.setCurrentIndex(0)


class ExchangeSection(QWidget):
    """Dashboard: the last hand-over and its receipt, or at the upper level who has handed over this month."""

    def __init__(self, services: AppServices, navigate, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.upper = services.setup.unit().level == "upper"   # (the hand-over services are not needed to paint)
        title = QLabel(_("Tình hình nộp của các xã") if self.upper else _("Trao đổi dữ liệu (USB)"))
        set_role(title, "section")
        layout.addWidget(title)
        self.banner = Banner()
        self.banner.action_clicked.connect(lambda: navigate("exchange", tab="batches"))
        layout.addWidget(self.banner)
        grid = QGridLayout()
        layout.addLayout(grid)
        if self.upper:
            self.handed = Card(_("xã đã gửi báo cáo tháng vừa qua"), lambda: navigate("exchange", tab="completeness"))
            grid.addWidget(self.handed, 0, 0)      # late and missing: the upper section below (upper_dashboard.py)
        else:
            self.last = Card(_("lần bàn giao dữ liệu gần nhất"), lambda: navigate("exchange", tab="batches"))
            self.pending = Card(_("bản ghi thay đổi chưa bàn giao"), lambda: navigate("exchange", tab="export"))
            grid.addWidget(self.last, 0, 0)
            grid.addWidget(self.pending, 0, 1)
        self.conflicts = Card(_("xung đột dữ liệu chờ xem xét"), lambda: navigate("exchange", tab="conflicts"))
        grid.addWidget(self.conflicts, 0, 2)
        grid.setColumnStretch(3, 1)

    def load(self, services: AppServices) -> dict:
        exchange = services.exchange
        data: dict = {"conflicts": len(exchange.batches.conflicts()), "late": exchange.batches.unacknowledged()}
        if self.upper:
            from danvan_desktop.services.upper.service import EARLY, LATE, ON_TIME
            rows = exchange.upper.completeness(exchange.upper.reporting_period())
            data["handed"] = (sum(r.status in (EARLY, ON_TIME, LATE) for r in rows), len(rows))
        else:
            data["last"] = next(iter(exchange.log.batches_out()), None)
            data["pending"] = exchange.exporter.pending_since_last()
        return data

    def refresh(self) -> None:
        self.show_figures(self.load(self.services))

    def show_figures(self, data: dict) -> None:
        if self.upper:
            done, total = data["handed"]
            self.handed.set_value(f"{done}/{total}")
        else:
            last = data["last"]
            if last:
                from danvan_desktop.services.handover.batches import created_day
                self.last.set_value(short_date(created_day(last.created_at)), warn=last.acknowledged_at is None)
                self.last.caption.setText(_("lần bàn giao gần nhất (lô số {seq}, {state})").format(
                    seq=last.sequence, state=_("đã nhận") if last.acknowledged_at else _("chưa có biên nhận")))
            else:
                self.last.set_value(_("Chưa có"), warn=True)
            self.pending.set_value(data["pending"])
        conflicts = data["conflicts"]
        self.conflicts.set_value(conflicts, warn=conflicts > 0)
        late = data["late"]
        if late:
            self.banner.show_messages(_("Bàn giao chưa được xác nhận"), [ngettext(
                "Lô số {seq} đã xuất {days} ngày mà chưa có biên nhận.",
                "Lô số {seq} đã xuất {days} ngày mà chưa có biên nhận.", days).format(seq=batch.sequence, days=days)
                for batch, days in late])
        else:
            self.banner.hide()


def _page(ctx: PageContext) -> QWidget:
    return ExchangePage(ctx.services, ctx.events)
