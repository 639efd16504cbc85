"""What every record that travels to the upper level carries, whatever table it lives in."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

TRAVEL_FIELDS = ("id", "unit_code", "created_at", "updated_at", "updated_by", "origin", "deleted")


def new_id() -> str:
    import uuid  # (uuid brings platform with it: not a cost of every start, whose first write is later)
    return str(uuid.uuid4())


@dataclass
class Record:
    """Base of every travelling record: identity, owner unit, provenance and tombstone."""

    id: str = field(default_factory=new_id, kw_only=True)
    unit_code: str = field(default="", kw_only=True)
    created_at: str = field(default="", kw_only=True)
    updated_at: str = field(default="", kw_only=True)
    updated_by: str = field(default="", kw_only=True)
    origin: str = field(default="", kw_only=True)
    deleted: bool = field(default=False, kw_only=True)

    def content_fields(self) -> list[str]:
        """The record's own fields, without the travelling ones."""
        return [f.name for f in fields(self) if f.name not in TRAVEL_FIELDS]


class RuleError(ValueError):
    """A user's input that breaks a rule; the message is Vietnamese (translated) and says what to fix."""

    def __init__(self, message: str, field_name: str | None = None) -> None:
        super().__init__(message)
        self.field_name = field_name
