"""The one gettext catalog: `_`, `ngettext`, `pgettext` and the current language.

Messages are written in Vietnamese (the source language); English comes from
i18n/en/LC_MESSAGES/danvan.po. The compiled .mo is rebuilt from the .po when it is
missing or older, so a checkout always speaks the catalog it carries.
"""

from __future__ import annotations

import contextlib
import contextvars
import gettext as _gettext
from pathlib import Path
from typing import Iterator

from babel.support import NullTranslations, Translations

DOMAIN = "danvan"
LANGUAGES = ("vi", "en")
_I18N_DIR = Path(__file__).resolve().parents[2] / "i18n"

_current: NullTranslations = NullTranslations()
_language = "vi"
# A document being built on this thread (or task) speaks Vietnamese whatever the screen speaks: the
# override lives in a context variable, so a worker thread building a report never changes the
# language of the screen's thread, and two overlapping builds cannot leave either stuck.
_override: contextvars.ContextVar[tuple[NullTranslations, str] | None] = contextvars.ContextVar(
    "danvan_document_language", default=None)


def catalog_paths(language: str) -> tuple[Path, Path]:
    folder = _I18N_DIR / language / "LC_MESSAGES"
    return folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"


def compile_catalog(language: str) -> Path | None:
    """Compile the .po of `language` to .mo when the .mo is missing or stale."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    po_path, mo_path = catalog_paths(language)
    if not po_path.exists():
        return None
    if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
        return mo_path
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale=language)
    tmp = mo_path.with_suffix(".mo.tmp")
    with tmp.open("wb") as fh:
        write_mo(fh, catalog, use_fuzzy=False)
    tmp.replace(mo_path)
    return mo_path


def translations(language: str) -> NullTranslations:
    """The catalog of `language` ('vi' is the source language: no catalog)."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    if language == "vi":
        return NullTranslations()
    try:
        mo = compile_catalog(language)
    except OSError:
        mo = None
    if mo is None:
        return NullTranslations()
    with mo.open("rb") as fh:
        return Translations(fh, domain=DOMAIN)


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


__all__ = ["_", "ngettext", "pgettext", "N_", "set_language", "language", "screen_language", "vietnamese",
           "in_language", "in_vietnamese", "translations", "LANGUAGES", "_gettext"]
