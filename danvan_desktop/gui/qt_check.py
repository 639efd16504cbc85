"""Refuse to start on a PySide6 build that corrupts Python's reference counts, before it kills the process.

PySide6 6.12.0 with CPython 3.10/3.11 drops one reference to ``None`` on every call that returns
nothing (``QLabel.setText``, an unset ``data()``, …). When the count reaches zero the interpreter
aborts with ``Fatal Python error: none_dealloc`` — at start on a province database, after a while
anywhere else. On Python 3.12 and later ``None`` is immortal and no build can hurt it. The check
measures the installed build instead of trusting a list of versions (scripts/refcount_probe.py
measures more calls; docs/platform-support.md has the figures).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import PySide6
from PySide6.QtCore import QObject

from danvan_desktop.domain.i18n import _

PROBE_CALLS = 64


def lost_references() -> int:
    """How many references to None the installed PySide6 loses over PROBE_CALLS void calls."""
    if sys.version_info >= (3, 12):
        return 0        # PEP 683: None is immortal, its count never moves
    probe = QObject()
    before = sys.getrefcount(None)
    for _i in range(PROBE_CALLS):
        probe.setObjectName("danvan")
    return max(0, before - sys.getrefcount(None))


def problem(measure: Callable[[], int] = lost_references) -> str | None:
    """The message to show instead of starting, or None when the Qt binding is sound."""
    if measure() < PROBE_CALLS // 2:
        return None
    import platform
    return _("Chương trình không chạy được với PySide6 {qt} trên Python {python}: bản PySide6 này làm hỏng bộ "
             "đếm tham chiếu của Python, chương trình sẽ tự thoát giữa chừng («Fatal Python error: "
             "none_dealloc») và mất những gì chưa lưu. Hãy cài PySide6 bản 6.11 (lệnh ./dev tự cài đúng bản) "
             "hoặc dùng Python 3.12 trở lên.").format(qt=PySide6.__version__, python=platform.python_version())
