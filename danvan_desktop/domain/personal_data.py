"""Personal data in free text: a person's name or a phone number written into a note.

A simple, predictable detector (no statistics): a phone number is 10–11 digits starting with 0
(or +84), separators allowed; a name is a common Vietnamese family name followed by two or three
capitalised words ("Nguyễn Văn An"), or a form of address followed by capitalised words ("ông
Thành", "chị Lê Thị Hoa"). The unit's own officials are not personal data of citizens: a name the
caller knows (the bloc's roster, the program's users) or one introduced by "đồng chí" is left aside.
It errs towards asking: the officer decides what leaves the PC.
"""

from __future__ import annotations

import re
import unicodedata

PHONE, NAME = "phone", "name"

_PHONE = re.compile(r"(?<![\d+])(?:\+84|0)(?:[ .\-]?\d){8,10}(?![\d])")
_WORD = re.compile(r"[^\W\d_]+")
SURNAMES = frozenset(
    ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Lương", "Mai", "Cao", "Đào", "Hà", "Tạ", "Lâm", "Chu", "Quách", "Tô", "Triệu", "Thái", "Lò", "Lục", "Hứa", "Kiều", "Khúc", "Doãn", "Lại", "Mạc", "Nông", "Tống", "Vương", "Trương", "Văn", "Đoàn", "Đàm", "Lưu", "La", "Ninh", "Phùng", "Tăng", "Thân", "Trịnh", "Từ", "Vi"])
ADDRESS = frozenset(["ông", "bà", "anh", "chị", "cháu", "cụ", "chú", "bác", "em", "cô"])
# Well-known names that are not private people (places, the President).
NOT_PERSONAL = frozenset({"Hồ Chí Minh", "Hà Nội", "Thái Bình", "Thái Nguyên", "Cao Bằng", "Lâm Đồng", "Hà Tĩnh",
                          "Hà Nam", "Hà Giang", "Lê Lợi", "Trần Phú", "Lý Thường Kiệt", "Trần Hưng Đạo"})


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() or len(word) == 1 and word.isupper()


def _run(words: list[re.Match], start: int, text: str, limit: int) -> int:
    """How many capitalised words follow one another from `start` (only spaces between), at most `limit`."""
    n = 0
    while start + n < len(words) and n < limit and _capitalised(words[start + n].group()):
        if n and text[words[start + n - 1].end():words[start + n].start()] != " ":
            break
        n += 1
    return n


_COMRADE = re.compile(r"(đồng chí|đ/c)\s*$", re.IGNORECASE)


def found(text: str, known: frozenset[str] = frozenset()) -> set[str]:
    """Which kinds of personal data the text holds: {"phone"}, {"name"}, both, or nothing. Names in `known`
    (the unit's officials) and names after "đồng chí" do not count."""
    if not text or len(text) < 4:
        return set()
    kinds: set[str] = set()
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if (digits.startswith("84") and 11 <= len(digits) <= 12) or (digits.startswith("0") and 10 <= len(digits) <= 11):
            kinds.add(PHONE)
            break
    text = unicodedata.normalize("NFC", text)
    words = list(_WORD.finditer(text))
    for i, match in enumerate(words):
        word = match.group()
        if word in SURNAMES:
            n = _run(words, i, text, 4)
            name = " ".join(w.group() for w in words[i:i + n])
            if n >= 3 and name not in NOT_PERSONAL and name not in known \
                    and not _COMRADE.search(text[:match.start()]):
                kinds.add(NAME)
                break
        elif word.lower() in ADDRESS and i + 1 < len(words) and text[match.end():words[i + 1].start()] == " ":
            n = _run(words, i + 1, text, 4)
            name = " ".join(w.group() for w in words[i + 1:i + 1 + n])
            if n >= 1 and name not in NOT_PERSONAL and name not in known:
                kinds.add(NAME)
                break
    return kinds
