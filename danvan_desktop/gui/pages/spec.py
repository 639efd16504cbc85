"""What the sidebar knows of a page (PageSpec) and what a page is given when built (PageContext).

gui/pages/registry.py declares every page's PageSpec: its key, title, order and shortcut, and where its
factory lives ("module:function"). The module is imported only when the page is first built, so the
window's first paint imports the dashboard alone. The page modules import this module only, never the
registry.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QWidget

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
    factory: Callable[[PageContext], QWidget] | str    # or "package.module:function", imported when first built
    shortcut: str = ""

    def build(self, ctx: PageContext) -> QWidget:
        """Make the page (importing its module the first time)."""
        factory = load_attribute(self.factory) if isinstance(self.factory, str) else self.factory
        return factory(ctx)


def load_attribute(where: str):
    """The object named by "package.module:attribute", its module imported now."""
    module, _sep, name = where.partition(":")
    return getattr(importlib.import_module(module), name)
