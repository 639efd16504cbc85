"""The receiving database's travelling tables as a schema, and the check of one incoming record."""

from __future__ import annotations

import base64
import math
import re
import sqlite3
from dataclasses import dataclass

from danvan_desktop.domain.clock import Stamp
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import TRAVEL_FIELDS

LOCK_COLUMN = "content_hash"
PRIVATE_COLUMN = "private"
PERSONAL_PREFIX = "personal_"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$")


@dataclass(frozen=True)
class Column:
    name: str
    affinity: str          # INTEGER, REAL, TEXT, BLOB or NUMERIC (SQLite's rules from the declared type)
    notnull: bool
    has_default: bool


@dataclass(frozen=True)
class TableSchema:
    name: str
    columns: dict[str, Column]

    @property
    def locked_column(self) -> bool:
        return LOCK_COLUMN in self.columns


def affinity(declared: str) -> str:
    """SQLite's affinity rules (section 3.1 of the datatype page)."""
    t = (declared or "").upper()
    if "INT" in t:
        return "INTEGER"
    if any(k in t for k in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if "BLOB" in t or not t:
        return "BLOB" if "BLOB" in t else "NUMERIC"
    if any(k in t for k in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"


def travelling_schema(conn: sqlite3.Connection) -> dict[str, TableSchema]:
    """Every table carrying the seven travelling columns, in creation order."""
    result: dict[str, TableSchema] = {}
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")]
    for name in names:
        cols = {}
        for row in conn.execute(f'PRAGMA table_info("{name}")'):
            cols[row[1]] = Column(row[1], affinity(row[2]), bool(row[3]) or bool(row[5]), row[4] is not None)
        if set(TRAVEL_FIELDS) <= set(cols):
            result[name] = TableSchema(name, cols)
    return result


def encode_value(value):
    """A column value as JSON: bytes become {"$b64": …}; everything else is already JSON."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$b64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def decode_value(value):
    if isinstance(value, dict):
        return base64.b64decode(value["$b64"], validate=True)
    return value


def _type_ok(column: Column, value) -> bool:
    # Most values are text: answer them first (the checks below give the same answer), since this runs
    # once per column per record — 6 million times for a 300 000-record hand-over.
    if type(value) is str:
        return column.affinity not in ("INTEGER", "REAL")
    if value is None:
        return not column.notnull
    if isinstance(value, bool):
        return False
    if isinstance(value, dict):
        if column.affinity not in ("BLOB", "NUMERIC") or set(value) != {"$b64"} or not isinstance(value["$b64"], str):
            return False
        try:
            base64.b64decode(value["$b64"], validate=True)
        except ValueError:
            return False
        return True
    if isinstance(value, int) and not -2**63 <= value < 2**63:
        return False   # SQLite's integers are 64-bit
    if isinstance(value, float) and not math.isfinite(value):
        return False
    if column.affinity == "INTEGER":
        return isinstance(value, int)
    if column.affinity == "REAL":
        return isinstance(value, (int, float))
    if column.affinity == "TEXT":
        return isinstance(value, str)
    return isinstance(value, (int, float, str))


def _stamp_ok(value) -> bool:
    if not isinstance(value, str):
        return False
    try:
        stamp = Stamp.parse(value)
    except ValueError:
        return False
    return len(stamp.wall) == 24 and stamp.wall.endswith("Z") and stamp.wall[4] == "-" and stamp.wall[10] == "T"


def check_record(schema: TableSchema, record: object, unit_code: str) -> str | None:
    """Why the record cannot be imported into this table, or None when it fits."""
    if not isinstance(record, dict):
        return _("một dòng không phải là bản ghi.")
    unknown = [k for k in record if k not in schema.columns]
    if unknown:
        return _("cột «{column}» không có trong bảng {table}.").format(column=str(unknown[0])[:40], table=schema.name)
    missing = [f for f in TRAVEL_FIELDS if f not in record]
    if missing:
        return _("thiếu cột «{column}».").format(column=missing[0])
    for name, value in record.items():
        if not _type_ok(schema.columns[name], value):
            return _("cột «{column}» có giá trị sai kiểu ({value}).").format(column=name, value=repr(value)[:40])
    if not _ID.match(record["id"]):
        return _("mã bản ghi «{id}» không hợp lệ.").format(id=str(record["id"])[:40])
    if record["unit_code"] != unit_code:
        return _("bản ghi thuộc đơn vị «{code}», không phải đơn vị gửi tệp ({sender}).").format(
            code=str(record["unit_code"])[:20], sender=unit_code)
    for stamp_field in ("created_at", "updated_at"):
        if not _stamp_ok(record[stamp_field]):
            return _("cột «{column}» không phải dấu thời gian hợp lệ.").format(column=stamp_field)
    if record["deleted"] not in (0, 1):
        return _("cột «{column}» có giá trị sai kiểu ({value}).").format(column="deleted", value=record["deleted"])
    for name, column in schema.columns.items():
        if column.notnull and not column.has_default and name not in record and not name.startswith(PERSONAL_PREFIX):
            return _("thiếu cột «{column}».").format(column=name)
    return None
