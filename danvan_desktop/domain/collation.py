"""Vietnamese alphabetical order: a sort key small enough to keep in pure Python.

The order is the one Vietnamese dictionaries and the CLDR "vi" collation use: letters first
(a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z, case ignored), then the tones
of those letters (none, huyền, hỏi, ngã, sắc, nặng), then case (lower before upper). So "Đào"
comes after every "D…" and before "E…", and "Ánh" before "Bình" (the tone only counts between
names made of the same letters: "Anh" < "Ảnh" < "Ánh").

PyICU would give the same order but is a heavy native dependency on Windows; this key is three
`str.translate` calls (in C) and is checked against the rules above in tests/test_collation.py.
"""

from __future__ import annotations

import unicodedata

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}  # huyền hỏi ngã sắc nặng
_SHAPES = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê", ("o", "\u0302"): "ô",
           ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
_LETTER_BASE = 0xE000          # letters map into the private-use area: after digits and punctuation


def _tables() -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    primary: dict[int, str] = {}
    tones: dict[int, str] = {}
    cases: dict[int, str] = {}
    rank = {letter: i for i, letter in enumerate(ALPHABET)}
    for code in list(range(0x20, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(code)
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0].lower(), decomposed[1:]
        if ch in "đĐ":
            base, marks = "đ", ""
        if base not in rank and not ("a" <= base <= "z"):
            tones[code] = "0"
            cases[code] = "0"
            continue
        tone = "0"
        for mark in marks:
            shaped = _SHAPES.get((base, mark))
            if shaped:
                base = shaped
            elif mark in _TONES:
                tone = _TONES[mark]
        primary[code] = chr(_LETTER_BASE + rank.get(base, rank.get(base[:1], 0)))
        tones[code] = tone
        cases[code] = "1" if ch != ch.lower() else "0"
    return primary, tones, cases


_PRIMARY, _TONE, _CASE = _tables()


def vi_key(text: str | None) -> tuple[str, str, str]:
    """Sort key for Vietnamese text: compare `vi_key(a) < vi_key(b)`."""
    if not text:
        return ("", "", "")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return (text.translate(_PRIMARY), text.translate(_TONE), text.translate(_CASE))


def vi_compare(a: str | None, b: str | None) -> int:
    """-1, 0 or 1, for an SQLite collation."""
    ka, kb = vi_key(a), vi_key(b)
    return (ka > kb) - (ka < kb)


def vi_sort_text(text: str | None) -> str:
    """The key of `vi_key` as one string, for SQL (`ORDER BY vi_key(name)`: a function SQLite calls once a row,
    where a collation is called once a comparison). The parts are joined by U+0001, below every character a
    key holds, so a shorter text sorts before a longer one it starts, as with the tuple."""
    return "\x01".join(vi_key(text))
