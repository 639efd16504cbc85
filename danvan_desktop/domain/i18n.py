"""The one gettext catalog: `_`, `ngettext`, `pgettext` and the current language.

Messages are written in Vietnamese (the source language); English comes from the catalog compiled
when the package is built (i18n/en/LC_MESSAGES/danvan.po → danvan_desktop/resources/locale/en/
LC_MESSAGES/danvan.mo, see scripts/catalog.py and setup.py). Nothing is compiled at run time: an
installed program reads only its own package data.
"""

from __future__ import annotations

import contextlib
import gettext as _gettext
import logging
import os
from importlib import resources
from pathlib import Path
from typing import Iterator

from babel.support import NullTranslations, Translations

DOMAIN = "danvan"
LANGUAGES = ("vi", "en")

_current: NullTranslations = NullTranslations()
_language = "vi"
_loaded: dict[str, NullTranslations] = {}


def catalog_file(language: str) -> Path:
    """The compiled catalog of `language` inside the package (it may be missing in a bare checkout)."""
    ref = resources.files("danvan_desktop").joinpath("resources", "locale", language, "LC_MESSAGES",
                                                     f"{DOMAIN}.mo")
    return Path(os.fspath(ref))


def _translations(language: str) -> NullTranslations:
    if language not in _loaded:
        path = catalog_file(language)
        try:
            with path.open("rb") as fh:
                _loaded[language] = Translations(fh, domain=DOMAIN)
        except OSError:
            logging.getLogger("danvan").error("catalog missing: %s (run ./dev or build the package)", path)
            return NullTranslations()
    return _loaded[language]


def set_language(language: str) -> None:
    """Switch every later `_()` call to `language` ('vi' or 'en')."""
    global _current, _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _language = language
    _current = NullTranslations() if language == "vi" else _translations(language)


@contextlib.contextmanager
def vietnamese() -> Iterator[None]:
    """Official documents are always Vietnamese: build them inside this, whatever the screen's language."""
    global _current, _language
    saved = (_current, _language)
    _current, _language = NullTranslations(), "vi"
    try:
        yield
    finally:
        _current, _language = saved


def in_vietnamese(function):
    """Decorator: the function builds an official document, so it runs inside `vietnamese()`."""
    import functools

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with vietnamese():
            return function(*args, **kwargs)
    return wrapper


def language() -> str:
    return _language


def _(message: str) -> str:
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _current.pgettext(context, message)


def N_(message: str) -> str:
    """Mark a message for extraction without translating it now (translated where shown)."""
    return message


__all__ = ["_", "ngettext", "pgettext", "N_", "set_language", "language", "vietnamese", "in_vietnamese", "LANGUAGES", "_gettext"]
