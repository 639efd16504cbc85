"""One line in the program's log for every import, export and approval, with its outcome.

`@logged("export")` on a service method writes, to the logger "danvan.activity" (the rotating file in
the data folder, see danvan_desktop/logs.py), what was done to what and how it ended: the result, or
the refusal with its Vietnamese message. A method that returns a progress generator (long work run
off the GUI thread) is logged when the generator finishes.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("danvan.activity")


def outcome(result) -> str:
    """A short, readable account of a service's result."""
    if result is None:
        return "ok"
    if isinstance(result, (str, Path)):
        return f"ok → {result}"
    if isinstance(result, int):
        return f"ok, {result} rows"
    parts = []
    for name in ("status", "path", "total", "counts", "number", "version", "message"):
        value = getattr(result, name, None)
        if value not in (None, "", {}, []):
            parts.append(f"{name}={value}")
    return "ok" + (", " + ", ".join(parts) if parts else f" ({type(result).__name__})")


def logged(action: str, when: Callable[[dict], bool] = lambda kwargs: True):
    """Decorate a service method whose first argument names what it acts on (a file, a record id)."""
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if not when(kwargs):
                return method(self, *args, **kwargs)
            subject = args[0] if args else ""
            try:
                result = method(self, *args, **kwargs)
            except Exception as exc:
                log.warning("%s %s: refused — %s", action, subject, exc)
                raise
            if inspect.isgenerator(result):
                return _finished(result, action, subject)
            log.info("%s %s: %s", action, subject, outcome(result))
            return result
        return wrapper
    return decorate


def _finished(steps, action: str, subject):
    try:
        value = yield from steps
    except GeneratorExit:
        log.info("%s %s: cancelled", action, subject)
        raise
    except Exception as exc:
        log.warning("%s %s: refused — %s", action, subject, exc)
        raise
    log.info("%s %s: %s", action, subject, outcome(value))
    return value
