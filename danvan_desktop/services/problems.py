"""A problem that `danvan check` reports: a rule breach or an integrity fault, in words for the officer."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    kind: str       # 'rule' or 'integrity'
    message: str
