"""The one gettext catalog: `_`, `ngettext`, `pgettext` and the current language.

Messages are written in Vietnamese (the source language); English comes from
i18n/en/LC_MESSAGES/danvan.po. The compiled .mo is rebuilt from the .po when it is
missing or older, so a checkout always speaks the catalog it carries.
"""

from __future__ import annotations

import contextlib
import gettext as _gettext
from pathlib import Path
from typing import Iterator

from babel.support import NullTranslations, Translations

DOMAIN = "danvan"
LANGUAGES = ("vi", "en")
_I18N_DIR = Path(__file__).resolve().parents[2] / "i18n"

_current: NullTranslations = NullTranslations()
_language = "vi"


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


def set_language(language: str) -> None:
    """Switch every later `_()` call to `language` ('vi' or 'en')."""
    global _current, _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _language = language
    if language == "vi":
        _current = NullTranslations()
        return
    try:
        mo = compile_catalog(language)
    except OSError:
        mo = None
    if mo is None:
        _current = NullTranslations()
        return
    with mo.open("rb") as fh:
        _current = Translations(fh, domain=DOMAIN)


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
