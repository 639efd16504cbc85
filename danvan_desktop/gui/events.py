"""One signal the pages share: 'this table changed', so the dashboard and banners refresh."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataEvents(QObject):
    changed = Signal(str)   # the table (or area) that changed
