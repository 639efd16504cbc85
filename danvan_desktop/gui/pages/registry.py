"""The sidebar's pages, in order. A feature adds its page with `register(PageSpec(...))` in its module
and lists that module in PAGE_MODULES; a page that does nothing yet is not listed."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from danvan_desktop.domain.i18n import N_
from danvan_desktop.gui.events import DataEvents
from danvan_desktop.services.app import AppServices


@dataclass
class PageContext:
    services: AppServices
    undo: QUndoStack
    events: DataEvents
    navigate: Callable[..., None]


@dataclass
class PageSpec:
    key: str
    title: str            # marked with N_, translated when shown
    order: int            # dashboard 0, members 10, villages 20, tasks 30, meetings 40, situation 50,
                          # figures 55, models 60, reports 70, exchange 80, settings 100
    factory: Callable[[PageContext], QWidget]
    shortcut: str = ""


# Modules that register pages of later features (imported once, in this order).
PAGE_MODULES: list[str] = [
    "danvan_desktop.gui.pages.tasks.tasks_page",
    "danvan_desktop.gui.pages.meetings.meetings_page",
    "danvan_desktop.gui.pages.figures.situation_page",
    "danvan_desktop.gui.pages.figures.figures_page",
    "danvan_desktop.gui.pages.figures.dvk_page",
    "danvan_desktop.gui.pages.report.reports_page",
    "danvan_desktop.gui.pages.tasks.teams_page",
    "danvan_desktop.gui.pages.handover.exchange_page",
    "danvan_desktop.gui.pages.yearwork.yearwork_page",
]

_PAGES: dict[str, PageSpec] = {}


def register(spec: PageSpec) -> None:
    _PAGES[spec.key] = spec


# An upper level holds the communes' records as received (read-only): it works in these pages only.
UPPER_LEVEL_PAGES = {"dashboard", "exchange", "settings", "yearwork"}


def pages(upper: bool = False) -> list[PageSpec]:
    for name in PAGE_MODULES:
        importlib.import_module(name)
    specs = sorted(_PAGES.values(), key=lambda p: p.order)
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
