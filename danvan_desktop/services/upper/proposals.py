"""Section V of the consolidated report gathered: each proposal the communes' approved monthly reports of the
period raised, once, with the communes that raised it and the months they did — the most widely raised first.

Two proposals are the same when they differ only in case, spacing, a leading dash or bullet, or trailing
punctuation. A proposal that names its items after a colon ("Đề nghị … giải quyết dứt điểm các vụ việc kéo dài:
a; b") is the same proposal as another with the same words before the colon, whatever items follow: they are
written once, with every item any of them named (each once, the most often named first), as an officer merges
them. The communes' own drafter writes such lists, one item per long-open hot spot, so one commune's request
reads "a" one month and "b; a; a" the next. A colon after fewer than `LEAD_WORDS` words ("Kiến nghị: …") is
not a list's lead: such proposals stay apart."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from danvan_desktop.domain.collation import vi_key
from danvan_desktop.domain.text import clean, fold

NO_PROPOSAL = ("không có đề xuất", "không có kiến nghị", "không có đề xuất, kiến nghị", "không có kiến nghị, đề xuất",
               "không", "không có")
_NO_PROPOSAL_FOLDED = frozenset(fold(p) for p in NO_PROPOSAL)
_BULLET = re.compile(r"^(?:[-–—•*+·]\s*)+")
_TRAILING = " .;,"
LEAD_WORDS = 4


@dataclass
class Proposal:
    text: str                                            # the proposal (its lead, when it names items)
    items: list[str] = field(default_factory=list)       # the items named after the lead, the most named first
    communes: list[str] = field(default_factory=list)    # names, in Vietnamese alphabetical order
    months: list[str] = field(default_factory=list)      # the month codes it was raised in, ascending

    @property
    def full_text(self) -> str:
        return f"{self.text}: {'; '.join(self.items)}" if self.items else self.text


def tidy(line: str) -> str:
    """One proposal as it is printed: NFC, single spaces, no bullet, no trailing punctuation."""
    return _BULLET.sub("", clean(line)).rstrip(_TRAILING)


def split(text: str) -> tuple[str, list[str]]:
    """'lead words here: a; b' → ('lead words here', ['a', 'b']); a text that names no items → (text, [])."""
    lead, colon, rest = text.partition(":")
    if not colon or len(lead.split()) < LEAD_WORDS:
        return text, []
    items = [tidy(item) for item in rest.split(";")]
    items = [item for item in items if item]
    return (lead.strip(), items) if items else (text, [])


def lines_of(section_text: str | None) -> list[str]:
    """A commune's section V → its proposals, one a line; blank lines and "Không có đề xuất, kiến nghị." dropped."""
    result = []
    for line in (section_text or "").splitlines():
        text = tidy(line)
        if text and fold(text).rstrip(_TRAILING) not in _NO_PROPOSAL_FOLDED:
            result.append(text)
    return result


class _Gathered:
    """One proposal while the rows are read: its spellings, items, communes and months."""

    def __init__(self) -> None:
        self.spellings: dict[str, int] = {}
        self.items: dict[str, tuple[str, set[str]]] = {}     # item's key -> (first spelling, communes naming it)
        self.communes: set[str] = set()
        self.months: set[str] = set()

    def add(self, name: str, month: str, lead: str, items: list[str]) -> None:
        self.spellings[lead] = self.spellings.get(lead, 0) + 1
        self.communes.add(name)
        self.months.add(month)
        for item in items:
            self.items.setdefault(item.casefold(), (item, set()))[1].add(name)

    def proposal(self) -> Proposal:
        text = max(self.spellings, key=self.spellings.__getitem__)   # the most common spelling; the first on a tie
        named = sorted(self.items.values(), key=lambda spelled: -len(spelled[1]))   # stable: first named first
        return Proposal(text, [spelling for spelling, _ in named], sorted(self.communes, key=vi_key),
                        sorted(self.months))


def group(raised: Iterable[tuple[str, str, str]]) -> list[Proposal]:
    """(commune name, month code, section V text) → one `Proposal` per distinct proposal, the one raised by the
    most communes first, then in the most months, then in Vietnamese order of its text."""
    gathered: dict[str, _Gathered] = {}
    parsed: dict[str, list[tuple[str, list[str]]]] = {}   # communes repeat their text month after month: read once
    for name, month, text in raised:
        if text not in parsed:
            parsed[text] = [split(line) for line in lines_of(text)]
        for lead, items in parsed[text]:
            gathered.setdefault(lead.casefold(), _Gathered()).add(name, month, lead, items)
    result = [g.proposal() for g in gathered.values()]
    return sorted(result, key=lambda p: (-len(p.communes), -len(p.months), vi_key(p.text)))
