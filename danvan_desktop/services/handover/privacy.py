"""What must not leave the PC unasked: private rows withdrawn, and records that name people or phone numbers.

Two rules of the hand-over to the upper level, one place:
- a row marked private ("theo dõi riêng") never travels with its content; if the upper level may hold it
  from an earlier hand-over (it existed then), the next file carries a *withdrawal*: a tombstone of the row
  with its free text blank, so the upper level drops what it had;
- records whose free text holds a person's name or a phone number (domain/personal_data.py) are listed
  before export, and the officer may leave them out of the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from danvan_desktop.domain.personal_data import found
from danvan_desktop.domain.records import TRAVEL_FIELDS
from danvan_desktop.exchange.bounds import is_date_column
from danvan_desktop.exchange.schema import PERSONAL_PREFIX, TableSchema

# Required free-text columns (NOT NULL without a default) blanked in a withdrawal; the optional ones are
# found from their declared default ''.
REQUIRED_FREE_TEXT = ("summary", "body", "content", "note", "text")
# Columns that hold a name or a number by design (the roster's own fields): not "free text".
_NOT_FREE = ("search_text", "updated_by", "phone")
_NOT_FREE_SUFFIXES = ("_id", "_ids", "_code", "_hash", "_sha256", "_path", "_json", "_table")


def withdrawal(row: dict, table: TableSchema) -> dict:
    """The tombstone that withdraws a row made private after it was handed over: free text blank."""
    result = dict(row)
    result["deleted"] = 1
    for name, column in table.columns.items():
        if name in TRAVEL_FIELDS or name not in result or column.affinity != "TEXT":
            continue
        if column.default == "''" or name in REQUIRED_FREE_TEXT:
            result[name] = ""
    return result


def free_text_columns(table: TableSchema) -> list[str]:
    """Where a note may name someone: text columns other than names, codes, ids, dates and the roster's phone."""
    return [name for name, column in table.columns.items()
            if column.affinity in ("TEXT", "NUMERIC") and name not in TRAVEL_FIELDS and name not in _NOT_FREE
            and "name" not in name and not name.startswith(PERSONAL_PREFIX) and not is_date_column(name)
            and not name.endswith(_NOT_FREE_SUFFIXES)]


@dataclass(frozen=True)
class PersonalHit:
    table: str
    record_id: str
    kinds: frozenset[str]      # "name", "phone"
    columns: tuple[str, ...]
    excerpt: str               # the first flagged text, shortened, for the officer to recognise the record

    @property
    def kinds_text(self) -> str:
        from danvan_desktop.domain.i18n import _
        labels = {"name": _("tên người"), "phone": _("số điện thoại")}
        return ", ".join(labels[k] for k in sorted(self.kinds))


def personal_hits(data: dict[str, list[dict]], schema: dict[str, TableSchema]) -> list[PersonalHit]:
    """The records of an export whose free text holds a name or a phone number (tombstones left aside)."""
    hits = []
    for table, rows in data.items():
        columns = free_text_columns(schema[table]) if table in schema else []
        if not columns:
            continue
        for row in rows:
            if row.get("deleted"):
                continue
            kinds: set[str] = set()
            flagged = []
            for column in columns:
                value = row.get(column)
                if isinstance(value, str) and (what := found(value)):
                    kinds |= what
                    flagged.append(column)
            if kinds:
                text = str(row[flagged[0]])
                hits.append(PersonalHit(table, row["id"], frozenset(kinds), tuple(flagged),
                                        text if len(text) <= 80 else text[:77] + "…"))
    return hits
