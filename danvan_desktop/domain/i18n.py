"""The one gettext catalog: `_`, `ngettext`, `pgettext` and the current language.

Messages are written in Vietnamese (the source language); English comes from the catalog compiled
when the package is built (i18n/en/LC_MESSAGES/danvan.po → danvan_desktop/resources/locale/en/
LC_MESSAGES/danvan.mo, see scripts/catalog.py and setup.py). Nothing is compiled at run time: an
installed program reads only its own package data.
"""

from __future__ import annotations

import contextlib
import contextvars
import gettext as _gettext
import logging
import os
from collections.abc import Iterator
from gettext import GNUTranslations, NullTranslations
from pathlib import Path

DOMAIN = "danvan"
LANGUAGES = ("vi", "en")

_current: NullTranslations = NullTranslations()
_language = "vi"
# A document being built on this thread (or task) speaks Vietnamese whatever the screen speaks: the
# override lives in a context variable, so a worker thread building a report never changes the
# language of the screen's thread, and two overlapping builds cannot leave either stuck.
_override: contextvars.ContextVar[tuple[NullTranslations, str] | None] = contextvars.ContextVar(
    "danvan_document_language", default=None)
_loaded: dict[str, NullTranslations] = {}
# the package's folder (the domain imports nothing else of ours: paths.py finds its resources the same way)
_PACKAGE_DIR = Path(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def catalog_file(language: str) -> Path:
    """The compiled catalog of `language` inside the package (it may be missing in a bare checkout)."""
    return _PACKAGE_DIR / "resources" / "locale" / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def _translations(language: str) -> NullTranslations:
    if language not in _loaded:
        path = catalog_file(language)
        try:
            with path.open("rb") as fh:
                _loaded[language] = GNUTranslations(fh)
        except OSError:
            logging.getLogger("danvan").error("catalog missing: %s (run ./dev or build the package)", path)
            return NullTranslations()
    return _loaded[language]


def translations(language: str) -> NullTranslations:
    """The catalog of `language` ('vi' is the source language: no catalog)."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    return NullTranslations() if language == "vi" else _translations(language)


def set_language(language: str) -> None:
    """Switch the screen's language ('vi' or 'en') for every later `_()` call outside `vietnamese()`.
    Called by the GUI thread only (at start and from Settings), never to build a document."""
    global _current, _language
    _current = translations(language)
    _language = language


@contextlib.contextmanager
def in_language(language: str) -> Iterator[None]:
    """`_()` speaks `language` on this thread (and this task) only, inside the block."""
    token = _override.set((translations(language), language))
    try:
        yield
    finally:
        _override.reset(token)


def vietnamese():
    """Official documents are always Vietnamese: build them inside this, whatever the screen's language.
    Only the current thread is affected (a context variable), never the screen's."""
    return in_language("vi")


def in_vietnamese(function):
    """Decorator: the function builds an official document, so it runs inside `vietnamese()`."""
    import functools

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with vietnamese():
            return function(*args, **kwargs)
    return wrapper


def _active() -> tuple[NullTranslations, str]:
    override = _override.get()
    return override if override is not None else (_current, _language)


def language() -> str:
    return _active()[1]


def screen_language() -> str:
    """The language the screen speaks, whatever a document being built on this thread speaks."""
    return _language


def _(message: str) -> str:
    return _active()[0].gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _active()[0].ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _active()[0].pgettext(context, message)


def N_(message: str) -> str:
    """Mark a message for extraction without translating it now (translated where shown)."""
    return message


__all__ = [
    "LANGUAGES",
    "N_",
    "_",
    "_gettext",
    "in_language",
    "in_vietnamese",
    "language",
    "ngettext",
    "pgettext",
    "screen_language",
    "set_language",
    "translations",
    "vietnamese",
]
