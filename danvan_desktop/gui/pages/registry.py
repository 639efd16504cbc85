"""The sidebar's pages, in order. A feature's page module declares `PAGE = PageSpec(...)` (gui/pages/spec.py)
and is listed in PAGE_MODULES; the page modules never import this module, so there is no import loop."""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QWidget

from danvan_desktop.domain.i18n import N_
from danvan_desktop.gui.pages.spec import PageContext, PageSpec

# Modules that declare the pages of later features (each has PAGE), imported when the pages are listed.
PAGE_MODULES: list[str] = [
    "danvan_desktop.gui.pages.tasks.tasks_page",
    "danvan_desktop.gui.pages.meetings.meetings_page",
    "danvan_desktop.gui.pages.figures.situation_page",
    "danvan_desktop.gui.pages.figures.figures_page",
    "danvan_desktop.gui.pages.figures.dvk_page",
    "danvan_desktop.gui.pages.report.reports_page",
    "danvan_desktop.gui.pages.tasks.teams_page",
    "danvan_desktop.gui.pages.handover.exchange_page",
]

_PAGES: dict[str, PageSpec] = {}    # the foundation's own pages, below


def register(spec: PageSpec) -> None:
    _PAGES[spec.key] = spec


# An upper level holds the communes' records as received (read-only): it works in these pages only.
UPPER_LEVEL_PAGES = {"dashboard", "exchange", "settings"}


def pages(upper: bool = False) -> list[PageSpec]:
    found = dict(_PAGES)
    for name in PAGE_MODULES:
        spec = importlib.import_module(name).PAGE
        found[spec.key] = spec
    specs = sorted(found.values(), key=lambda p: p.order)
    return [p for p in specs if p.key in UPPER_LEVEL_PAGES] if upper else specs


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


register(PageSpec("dashboard", N_("Tổng quan"), 0, _dashboard, "Ctrl+1"))
register(PageSpec("members", N_("Thành viên khối"), 10, _members, "Ctrl+2"))
register(PageSpec("villages", N_("Thôn / tổ dân phố"), 20, _villages, "Ctrl+3"))
register(PageSpec("settings", N_("Cài đặt"), 100, _settings))
