"""The message catalog: every message the code shows has an English translation with the same
placeholders, the catalog in i18n/ is in step with the code, and each offered language resolves."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from danvan_desktop.domain.i18n import _, language, set_language, vietnamese

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import catalog as catalog_tool

PLACEHOLDER = re.compile(r"\{[a-z_0-9]*(?:![rsa])?(?::[^{}]*)?\}")


def _english():
    with catalog_tool.po_path("en").open("rb") as fh:
        return read_po(fh, locale="en")


def _ids(message) -> list[str]:
    return list(message.id) if isinstance(message.id, (list, tuple)) else [message.id]


def _strings(message) -> list[str]:
    return list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]


def test_every_message_in_the_code_is_in_the_catalog():
    in_code = {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog_tool.extract() if m.id}
    in_catalog = {m.id if isinstance(m.id, str) else tuple(m.id) for m in _english() if m.id}
    missing = sorted(str(m) for m in in_code - in_catalog)
    assert not missing, f"run `python scripts/catalog.py update`; not in i18n/en: {missing[:10]}"


def test_every_message_has_an_english_translation_with_the_same_placeholders():
    untranslated, mismatched = [], []
    for message in _english():
        if not message.id:
            continue
        strings = _strings(message)
        if not all(strings):
            untranslated.append(_ids(message)[0])
            continue
        wanted = sorted(PLACEHOLDER.findall(_ids(message)[-1]))
        for text in strings:
            if sorted(PLACEHOLDER.findall(text)) != wanted and set(PLACEHOLDER.findall(text)) != set(wanted):
                mismatched.append((_ids(message)[0], text))
    assert not untranslated, f"{len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not mismatched, f"placeholders differ: {mismatched[:5]}"


@pytest.mark.parametrize("lang, expected", [("vi", "Thành viên khối"), ("en", None)])
def test_each_language_resolves(lang, expected):
    set_language(lang)
    shown = _("Thành viên khối")
    if expected is None:
        assert shown != "Thành viên khối" and shown.isascii()
    else:
        assert shown == expected


def test_documents_are_built_in_vietnamese_while_the_screen_speaks_english():
    set_language("en")
    with vietnamese():
        assert _("Thành viên khối") == "Thành viên khối" and language() == "vi"
    assert language() == "en"
