"""Text as it is stored and searched: NFC on the way in, folded (no marks, Đ→D) for search."""

from __future__ import annotations

import re
import unicodedata

from danvan_desktop.domain.collation import vi_key

_SPACES = re.compile(r"\s+")


def clean(text: str | None) -> str:
    """NFC, trimmed, inner runs of white space collapsed to one space."""
    if text is None:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", str(text))).strip()


def clean_multiline(text: str | None) -> str:
    """NFC, trailing spaces removed on each line, kept line breaks."""
    if text is None:
        return ""
    lines = unicodedata.normalize("NFC", str(text)).replace("\r\n", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def _fold_table() -> dict[int, str]:
    """Every precomposed Latin letter → its base letter (ệ → e, Ư → U), and Đ/đ → D/d."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x2000):
        decomposed = unicodedata.normalize("NFD", chr(code))
        base = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
        if base and base != chr(code):
            table[code] = base
    table[ord("Đ")], table[ord("đ")] = "D", "d"
    return table


# made by the first fold, not at import: about 8 000 characters decomposed (~10 ms) that a start never needs
_FOLD: dict[int, str] | None = None


def _fold_map() -> dict[int, str]:
    global _FOLD
    if _FOLD is None:
        _FOLD = _fold_table()
    return _FOLD


def fold(text: str | None) -> str:
    """'Đảng Ủy' → 'dang uy': what a search box compares (a table lookup, twice as fast as decomposing,
    because the filter folds every row of a list)."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFC", str(text)).translate(_FOLD if _FOLD is not None else _fold_map())
    if not folded.isascii():     # marks on letters outside the table, or combining marks left over
        decomposed = unicodedata.normalize("NFD", folded)
        folded = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(folded.casefold().split())


def name_key(text: str | None) -> str:
    """What makes two names the same: case and spacing do not count, marks do ('Hương' ≠ 'Hướng',
    'Đông Hòa' ≠ 'Đồng Hòa'), so folding is for search only, never for telling names apart."""
    return clean(text).casefold()


def person_sort_key(full_name: str | None) -> tuple:
    """Vietnamese lists sort people by their given name (the last word), then by the whole name,
    in Vietnamese alphabetical order (domain/collation.py: Đ after D, tones after letters)."""
    name = clean(full_name)
    return (vi_key(name.rsplit(" ", 1)[-1]), vi_key(name))


def matches(query: str, *fields: str | None) -> bool:
    """True when every word of the folded query starts a word of the folded fields:
    "huong" finds "Hương" but not "Thường", "0983" finds "0983 112 457"."""
    words = fold(query).split()
    if not words:
        return True
    return words_match(words, fold(" ".join(f for f in fields if f)).split())


def words_match(query_words: list[str], text_words: list[str]) -> bool:
    """Every query word is the start of some word of the text (both already folded)."""
    return all(any(w.startswith(q) for w in text_words) for q in query_words)


# A list's numbering or bullet at the start of a line: "1.", "2)", "3/", "4 -", "a)", "-", "•", "+", "–"
_NUMBERING = re.compile(r"^\s*(?:\(?\d{1,3}\s*[.)/:\-–]\s*|\(?[a-zđ]\)\s*|[-•*+–—·o]\s+|[-•*+–—·])", re.IGNORECASE)
_NUMBER_ONLY = re.compile(r"^\s*\d+\s*[.)]?\s*$")
_HEADER_CELLS = {"stt", "tt", "số tt", "số thứ tự"}   # a table's heading row, not a name


def split_names(pasted: str) -> list[str]:
    """A pasted list of names → clean, unique, in order.

    Takes one name a line, or names separated by ; or , on one line; drops a list's numbering
    and bullets ("1.", "2)", "-", "•"); from rows copied out of Excel or Word tables (cells
    separated by tabs) it takes the first cell that is not a bare number (the STT column).
    Names that differ only in case are the same; names that differ in marks are not.
    """
    seen: set[str] = set()
    result: list[str] = []
    for line in (pasted or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if "\t" in line:
            if any(name_key(c) in _HEADER_CELLS for c in line.split("\t")):
                continue
            cells = [c for c in line.split("\t") if c.strip() and not _NUMBER_ONLY.match(c)]
            parts = cells[:1]
        else:
            parts = re.split(r"[;,]", line)
        for part in parts:
            if _NUMBER_ONLY.match(part):
                continue
            name = clean(_NUMBERING.sub("", part, count=1))
            key = name_key(name)
            if name and key not in seen:
                seen.add(key)
                result.append(name)
    return result
