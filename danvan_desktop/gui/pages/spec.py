"""What a sidebar page declares about itself (PageSpec) and what it is given when built (PageContext).

A feature's page module sets `PAGE = PageSpec(...)`; gui/pages/registry.py lists the modules and
collects their PAGE. The page modules import this module only, never the registry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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
    factory: Callable[[PageContext], QWidget]
    shortcut: str = ""
