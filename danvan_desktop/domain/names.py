"""Names of people and places as they may be printed: bounded in length, only characters the
document font (Liberation Serif, Times-metric) has. An emoji or a Chinese character would print as
a gap in the PDF and Word file, so it is refused where it is typed, with a message saying which.
"""

from __future__ import annotations

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError

MAX_PERSON_NAME = 60          # the longest Vietnamese full names are about 40 characters
MAX_PLACE_NAME = 100

# Unicode ranges the shipped document font covers (checked against the font file's own character map
# in tests/test_names.py): Latin with every Vietnamese letter, and the usual punctuation.
PRINTABLE_RANGES = (
    (0x0020, 0x007E),      # Basic Latin
    (0x00A0, 0x017F),      # Latin-1 supplement and Latin Extended-A
    (0x01A0, 0x01B0),      # Ơ ơ Ư ư
    (0x1EA0, 0x1EF9),      # Latin Extended Additional: the Vietnamese letters with tones
    (0x2013, 0x2014),      # – —
    (0x2018, 0x201E),      # quotes
    (0x2026, 0x2026),      # …
)


def printable(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in PRINTABLE_RANGES)


def unprintable(text: str) -> list[str]:
    """The distinct characters of `text` the document font cannot print, in order of appearance."""
    seen: list[str] = []
    for ch in text:
        if not printable(ch) and ch not in seen:
            seen.append(ch)
    return seen


def check_printable(text: str, field: str, what: str) -> None:
    bad = unprintable(text)
    if bad:
        shown = " ".join(bad[:5])
        raise RuleError(_("{what} có ký tự không in được trên văn bản ({chars}); hãy bỏ ký tự đó.").format(
            what=what, chars=shown), field)


def check_person_name(name: str, field: str = "full_name") -> None:
    """A cleaned full name: not too long, no digits, nothing the document font cannot print."""
    if len(name) > MAX_PERSON_NAME:
        raise RuleError(_("Họ và tên dài {n} ký tự; tối đa {limit} ký tự.").format(
            n=len(name), limit=MAX_PERSON_NAME), field)
    check_printable(name, field, _("Họ và tên"))


def check_place_name(name: str, field: str = "name") -> None:
    if len(name) > MAX_PLACE_NAME:
        raise RuleError(_("Tên dài {n} ký tự; tối đa {limit} ký tự.").format(
            n=len(name), limit=MAX_PLACE_NAME), field)
    check_printable(name, field, _("Tên"))
