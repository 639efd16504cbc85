"""Document numbers (số và ký hiệu): the scope a number belongs to, the next free number, the printed form.

Under the Party layout (HD36-2018) each document type is numbered from 01 per Party term
(nhiệm kỳ cấp ủy; a term starts the day after the congress closes); under the State layout
(ND30-2020) per calendar year. The register has no gaps and no duplicates: a freed number
is handed out again before a new one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

PARTY = "HD36-2018"
STATE = "ND30-2020"
LAYOUTS = (PARTY, STATE)


def is_state(layout: str) -> bool:
    """True for the State layout: a profile family 'state', or a profile code like 'ND30-2020'."""
    return layout.lower() == "state" or layout.upper().startswith("ND")


def scope_for(layout: str, day: dt.date, term_starts: Iterable[dt.date]) -> str:
    """'term:2025-10-16' (Party) or 'year:2026' (State). Without a known term: 'term:' (one long term)."""
    if is_state(layout):
        return f"year:{day.year}"
    started = [s for s in term_starts if s <= day]
    return f"term:{max(started).isoformat()}" if started else "term:"


def next_free(used: Iterable[int]) -> int:
    """The lowest number ≥ 1 not in use: fills a gap left by a freed number before going on."""
    taken = set(used)
    n = 1
    while n in taken:
        n += 1
    return n


def format_number(layout: str, number: int | None, doc_type: str, body_symbol: str) -> str:
    """'Số 07-BC/DV' (Party) or 'Số: 07/BC-UBND' (State); a blank for the number while it has none."""
    text = f"{number:02d}" if number else "    "
    if is_state(layout):
        return f"Số: {text}/{doc_type}-{body_symbol}"
    return f"Số {text}-{doc_type}/{body_symbol}"


def parse_term_starts(text: str | None) -> list[dt.date]:
    """Settings keep term start dates as ISO dates separated by commas; bad entries are skipped."""
    result = []
    for part in (text or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            result.append(dt.date.fromisoformat(part))
        except ValueError:
            continue
    return sorted(set(result))
