"""Text as it is stored and searched: NFC on the way in, folded (no marks, Đ→D) for search."""

from __future__ import annotations

import re
import unicodedata

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


def fold(text: str | None) -> str:
    """'Đảng Ủy' → 'dang uy': what a search box compares."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    stripped = stripped.replace("Đ", "D").replace("đ", "d")
    return _SPACES.sub(" ", stripped.casefold()).strip()


def name_key(text: str | None) -> str:
    """What makes two names the same: case and spacing do not count, marks do ('Hương' ≠ 'Hướng',
    'Đông Hòa' ≠ 'Đồng Hòa'), so folding is for search only, never for telling names apart."""
    return clean(text).casefold()


def person_sort_key(full_name: str | None) -> tuple[str, str]:
    """Vietnamese lists sort people by their given name (the last word), then by the whole name."""
    folded = fold(full_name)
    return (folded.rsplit(" ", 1)[-1], folded)


def matches(query: str, *fields: str | None) -> bool:
    """True when every word of the folded query is in one of the folded fields."""
    words = fold(query).split()
    if not words:
        return True
    haystack = " ".join(fold(f) for f in fields if f)
    return all(word in haystack for word in words)


def split_names(pasted: str) -> list[str]:
    """A pasted list of names (one a line, or separated by ; or ,) → clean, unique, in order."""
    parts = re.split(r"[\n;,\t]+", pasted or "")
    seen: set[str] = set()
    result: list[str] = []
    for part in parts:
        name = clean(re.sub(r"^\s*(\d+[.)\-]\s*|[-•*]\s*)", "", part))
        key = name_key(name)
        if name and key not in seen:
            seen.add(key)
            result.append(name)
    return result
