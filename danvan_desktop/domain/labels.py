"""Enums whose members carry a label for the screen: one shape for every such list of choices.

    class Level(LabelledEnum):
        NORMAL = "normal", N_("Bình thường")

The stored value stays the plain string ("normal"); `member.label` is the label translated into the
screen's language when it is read (marked with N_ so the catalog extracts it).
"""

from __future__ import annotations

from enum import Enum

from danvan_desktop.domain.i18n import _


class LabelledEnum(str, Enum):
    def __new__(cls, value: str, label: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member._label = label
        return member

    @property
    def label(self) -> str:
        return _(self._label)

    @property
    def untranslated_label(self) -> str:
        """The Vietnamese label as written (official documents are always Vietnamese)."""
        return self._label
