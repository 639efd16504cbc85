"""Let queued Qt work finish before a grab (screenshots, and pages that offer extra screenshots)."""

from __future__ import annotations


def settle(seconds: float) -> None:
    """Let queued work finish before a grab (a PDF view paints its pages a moment after it is shown)."""
    import time

    from PySide6.QtWidgets import QApplication
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)
