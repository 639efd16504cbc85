"""Find the header row of a roster and which column holds what, whatever the spelling.

Headers are compared folded (no diacritics, any case, punctuation as spaces), so "Họ và tên",
"HỌ VÀ TÊN", "Ho va ten" and "Họ tên" all name the same column. The header is the first row,
among the first few, that names a name column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from danvan_desktop.domain.text import fold

HEADER_SEARCH_ROWS = 15

# field → folded spellings, most specific first.
ALIASES: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "tt", "so tt", "so thu tu"),
    "family_name": ("ho va ten dem", "ho dem", "ho va dem", "ho", "ho va chu dem"),
    "full_name": ("ho va ten", "ho ten", "ho va ten thanh vien", "ho ten thanh vien", "ten thanh vien",
                  "ten to vien", "ho va ten dong chi", "ten"),
    "team_role": ("vai tro trong to", "chuc vu trong to", "nhiem vu trong to", "vai tro"),
    "bloc_role": ("vai tro trong khoi", "chuc vu trong khoi", "nhiem vu trong khoi"),
    "post": ("chuc vu", "chuc danh", "chuc vu hien nay", "chuc vu o thon", "chuc vu dang dam nhiem",
             "chuc vu chinh quyen doan the"),
    "phone": ("dien thoai", "so dien thoai", "sdt", "dt", "so dt", "dien thoai lien he", "di dong"),
    "village": ("thon", "ten thon", "thon to dan pho", "thon ban", "ban", "khu pho", "to dan pho", "dia ban",
                "thon lang", "lang", "ap", "khom"),
    "villages_followed": ("thon phu trach", "dia ban phu trach", "phu trach thon", "phu trach dia ban"),
    "start_date": ("ngay bat dau", "tu ngay", "ngay nhan nhiem vu"),
    "start_decision": ("quyet dinh", "so quyet dinh", "quyet dinh kien toan", "quyet dinh phan cong"),
    "trained_on": ("ngay tap huan", "tap huan", "da tap huan"),
    "note": ("ghi chu",),
}


def normalise(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(text)).split())


def match_field(header: str) -> str | None:
    """The field a header names, or None."""
    key = normalise(header)
    if not key:
        return None
    for field, spellings in ALIASES.items():
        if key in spellings:
            return field
    # "Họ và tên (ghi đầy đủ)", "Số điện thoại liên hệ": a known spelling at the start.
    for field, spellings in ALIASES.items():
        for spelling in spellings:
            if len(spelling) >= 5 and key.startswith(spelling + " "):
                return field
    return None


@dataclass
class Header:
    row: int                    # the header's row number in the file
    columns: dict[str, int]     # field → column index
    titles: dict[str, str]      # field → the header text as written


def find_header(rows: list[tuple[int, list[str]]]) -> Header | None:
    """The first of the first rows that names a name column, with every column it recognises."""
    for number, cells in rows[:HEADER_SEARCH_ROWS]:
        columns: dict[str, int] = {}
        titles: dict[str, str] = {}
        for index, cell in enumerate(cells):
            field = match_field(cell)
            if field and field not in columns:
                columns[field] = index
                titles[field] = cell
        if "full_name" in columns:
            return Header(number, columns, titles)
    return None
