"""The sidebar's pages, in order: what the sidebar shows of each (key, title, order, shortcut) and where its
factory lives ("module:function"). A page's module is imported only when the page is first built (the
window's first paint builds the dashboard alone); the page modules never import this module."""

from __future__ import annotations

from typing import TYPE_CHECKING

from danvan_desktop.domain.i18n import N_
from danvan_desktop.gui.pages.spec import PageContext, PageSpec

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

def _dashboard(ctx: PageContext) -> QWidget:
    from danvan_desktop.gui.pages.dashboard_page import DashboardPage
    return DashboardPage(ctx.services, ctx.navigate)


def _members(ctx: PageContext) -> QWidget:
    from danvan_desktop.gui.pages.roster.members_page import MembersPage
    return MembersPage(ctx.services.roster, ctx.services.villages, ctx.undo, ctx.events)


def _villages(ctx: PageContext) -> QWidget:
    from danvan_desktop.gui.pages.roster.villages_page import VillagesPage
    return VillagesPage(ctx.services.villages, ctx.services.roster, ctx.undo, ctx.events)


def _settings(ctx: PageContext) -> QWidget:
    from danvan_desktop.gui.pages.settings.settings_page import SettingsPage
    return SettingsPage(ctx.services, ctx.events)


PAGES: list[PageSpec] = [
    PageSpec("dashboard", N_("Tổng quan"), 0, _dashboard, "Ctrl+1"),
    PageSpec("members", N_("Thành viên khối"), 10, _members, "Ctrl+2"),
    PageSpec("villages", N_("Thôn / tổ dân phố"), 20, _villages, "Ctrl+3"),
    PageSpec("teams", N_("Tổ dân vận"), 25, "danvan_desktop.gui.pages.tasks.teams_page:_page", "Ctrl+4"),
    PageSpec("tasks", N_("Nhiệm vụ"), 30, "danvan_desktop.gui.pages.tasks.tasks_page:_page", "Ctrl+5"),
    PageSpec("meetings", N_("Họp & biên bản"), 40, "danvan_desktop.gui.pages.meetings.meetings_page:_page", "Ctrl+6"),
    PageSpec("situation", N_("Tình hình nhân dân"), 50, "danvan_desktop.gui.pages.figures.situation_page:_factory"),
    PageSpec("figures", N_("Số liệu"), 55, "danvan_desktop.gui.pages.figures.figures_page:_factory"),
    PageSpec("models", N_("Mô hình Dân vận khéo"), 60, "danvan_desktop.gui.pages.figures.dvk_page:_factory"),
    PageSpec("yearwork", N_("Công tác năm"), 65, "danvan_desktop.gui.pages.yearwork.yearwork_page:_factory"),
    PageSpec("reports", N_("Báo cáo"), 70, "danvan_desktop.gui.pages.report.reports_page:_factory"),
    PageSpec("exchange", N_("Trao đổi dữ liệu (USB)"), 80, "danvan_desktop.gui.pages.handover.exchange_page:_page"),
    PageSpec("settings", N_("Cài đặt"), 100, _settings),
]

# An upper level holds the communes' records as received (read-only): it works in these pages only.
UPPER_LEVEL_PAGES = {"dashboard", "exchange", "settings", "yearwork"}


def pages(upper: bool = False) -> list[PageSpec]:
    specs = sorted(PAGES, key=lambda p: p.order)
    return [p for p in specs if p.key in UPPER_LEVEL_PAGES] if upper else specs
