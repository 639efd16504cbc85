"""The receiving database's travelling tables as a schema, and the check of one incoming record."""

from __future__ import annotations

import base64
import functools
import math
import re
import sqlite3
from dataclasses import dataclass

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import TRAVEL_FIELDS
from danvan_desktop.exchange import bounds
from danvan_desktop.exchange import format as fmt

LOCK_COLUMN = "content_hash"
PRIVATE_COLUMN = "private"
PERSONAL_PREFIX = "personal_"
_PARTIAL_LIVE = re.compile(r"\bWHERE\s+deleted\s*=\s*0\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Column:
    name: str
    affinity: str          # INTEGER, REAL, TEXT, BLOB or NUMERIC (SQLite's rules from the declared type)
    notnull: bool
    has_default: bool
    default: str | None = None   # the declared default as SQL text ("''" for an empty string)


@dataclass(frozen=True)
class TableSchema:
    name: str
    columns: dict[str, Column]
    # Natural keys: the columns of each unique index over live rows (`WHERE deleted = 0`), e.g. units (code)
    # or figures (unit_code, code). Two installations of one unit may hold the same key under two ids.
    natural_keys: tuple[tuple[str, ...], ...] = ()

    @property
    def locked_column(self) -> bool:
        return LOCK_COLUMN in self.columns

    @functools.cached_property
    def encoded(self) -> bool:
        """Some column may arrive encoded ({"$b64": …}): only BLOB and NUMERIC columns take one (`_type_ok`)."""
        return any(c.affinity in ("BLOB", "NUMERIC") for c in self.columns.values())

    @functools.cached_property
    def rules(self) -> _Rules:
        """What check_record's quick pass needs, worked out once per table rather than once per record."""
        return _Rules(frozenset(self.columns),
                      frozenset(n for n, c in self.columns.items() if c.affinity in ("INTEGER", "REAL")),
                      frozenset(n for n, c in self.columns.items() if c.notnull),
                      frozenset(n for n in self.columns if bounds.is_date_column(n)),
                      frozenset(n for n, c in self.columns.items()
                                if c.notnull and not c.has_default and not n.startswith(PERSONAL_PREFIX)))


@dataclass(frozen=True)
class _Rules:
    columns: frozenset[str]
    numeric: frozenset[str]        # INTEGER or REAL affinity: a text value does not fit
    notnull: frozenset[str]
    dates: frozenset[str]
    required: frozenset[str]       # NOT NULL without a default (personal_* columns may stay home)


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


_CACHE: list[tuple[sqlite3.Connection, int, dict[str, TableSchema]]] = []   # a few recent connections


def travelling_schema(conn: sqlite3.Connection) -> dict[str, TableSchema]:
    """Every table carrying the seven travelling columns, in creation order (read once per connection and
    schema version: an import asks for it several times)."""
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    for cached_conn, cached_version, schema in _CACHE:
        if cached_conn is conn and cached_version == version:
            return schema
    schema = _read_schema(conn)
    _CACHE.insert(0, (conn, version, schema))
    del _CACHE[4:]
    return schema


def _read_schema(conn: sqlite3.Connection) -> dict[str, TableSchema]:
    result: dict[str, TableSchema] = {}
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")]
    for name in names:
        cols = {}
        for row in conn.execute(f'PRAGMA table_info("{name}")'):
            cols[row[1]] = Column(row[1], affinity(row[2]), bool(row[3]) or bool(row[5]), row[4] is not None, row[4])
        if set(TRAVEL_FIELDS) <= set(cols):
            result[name] = TableSchema(name, cols, _natural_keys(conn, name))
    return result


def _natural_keys(conn: sqlite3.Connection, table: str) -> tuple[tuple[str, ...], ...]:
    keys = []
    for index in conn.execute(f'PRAGMA index_list("{table}")').fetchall():
        name, unique, origin = index[1], index[2], index[3]
        if not unique or origin == "pk":
            continue
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)).fetchone()
        if sql is None or not sql[0] or not _PARTIAL_LIVE.search(sql[0]):
            continue
        keys.append(tuple(r[2] for r in conn.execute(f'PRAGMA index_info("{name}")')))
    return tuple(keys)


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


_TRAVEL = frozenset(TRAVEL_FIELDS)


def _fits(schema: TableSchema, record: dict, unit_code: str, horizon: str) -> bool:
    """The same rules as check_record's, answered yes or no in one pass over the record with the table's
    rules worked out beforehand (a month of a province is ~11 000 records); a no goes to check_record's
    full pass, which names the first problem."""
    rules = schema.rules
    keys = record.keys()
    if not (keys <= rules.columns and _TRAVEL <= keys and rules.required <= keys):
        return False
    limit = fmt.MAX_TEXT_CHARS
    for name, value in record.items():
        kind = type(value)
        if kind is str:
            if name in rules.numeric or len(value) > limit or (not value.isascii() and not bounds.text_ok(value)):
                return False
        elif value is None:
            if name in rules.notnull:
                return False
            continue
        elif not _type_ok(schema.columns[name], value):
            return False
        if name in rules.dates and not bounds.date_ok(value):
            return False
    if not bounds.is_uuid(record["id"]) or record["unit_code"] != unit_code:
        return False
    if record["origin"] and not bounds.is_uuid(record["origin"]):
        return False
    for stamp in (record["created_at"], record["updated_at"]):
        if not bounds.stamp_ok(stamp, horizon):
            return False
    return record["deleted"] in (0, 1)


def check_record(schema: TableSchema, record: object, unit_code: str, horizon: str = bounds.NO_HORIZON) -> str | None:
    """Why the record cannot be imported into this table, or None when it fits. `horizon` is the latest wall
    time a clock stamp may carry (the receiver's clock plus a day)."""
    if type(record) is dict and _fits(schema, record, unit_code, horizon):
        return None
    if not isinstance(record, dict):
        return _("một dòng không phải là bản ghi.")
    unknown = [k for k in record if k not in schema.columns]
    if unknown:
        return _("cột «{column}» không có trong bảng {table}.").format(column=_shown(unknown[0]), table=schema.name)
    missing = [f for f in TRAVEL_FIELDS if f not in record]
    if missing:
        return _("thiếu cột «{column}».").format(column=missing[0])
    for name, value in record.items():
        if not _type_ok(schema.columns[name], value):
            return _("cột «{column}» có giá trị sai kiểu ({value}).").format(column=name, value=_shown(value))
        if type(value) is str and not bounds.text_ok(value):
            return _("cột «{column}» có văn bản không hợp lệ (ký tự lỗi hoặc dài quá {n} ký tự).").format(
                column=name, n=f"{fmt.MAX_TEXT_CHARS:,}".replace(",", "."))
    if not bounds.is_uuid(record["id"]):
        return _("mã bản ghi «{id}» không hợp lệ (phải là UUID).").format(id=_shown(record["id"]))
    if record["unit_code"] != unit_code:
        return _("bản ghi thuộc đơn vị «{code}», không phải đơn vị gửi tệp ({sender}).").format(
            code=_shown(record["unit_code"]), sender=unit_code)
    if record["origin"] and not bounds.is_uuid(record["origin"]):
        return _("cột «{column}» không phải mã máy hợp lệ.").format(column="origin")
    for stamp_field in ("created_at", "updated_at"):
        value = record[stamp_field]
        if not bounds.stamp_ok(value, bounds.NO_HORIZON):
            return _("cột «{column}» không phải dấu thời gian hợp lệ.").format(column=stamp_field)
        if value[:24] > horizon:
            return _("cột «{column}» ghi thời điểm {at} ở tương lai (quá một ngày so với đồng hồ máy này); hãy "
                     "kiểm tra ngày giờ của máy gửi.").format(column=stamp_field, at=value[:19].replace("T", " "))
    if record["deleted"] not in (0, 1):
        return _("cột «{column}» có giá trị sai kiểu ({value}).").format(column="deleted", value=record["deleted"])
    for name, value in record.items():
        if bounds.is_date_column(name) and not bounds.date_ok(value):
            return _("cột «{column}» không phải một ngày có thật ({value}).").format(column=name, value=_shown(value))
    for name, column in schema.columns.items():
        if column.notnull and not column.has_default and name not in record and not name.startswith(PERSONAL_PREFIX):
            return _("thiếu cột «{column}».").format(column=name)
    return None


def _shown(value) -> str:
    """A value quoted in a message: short, and printable even when it holds a lone surrogate."""
    return repr(value)[:40].encode("utf-8", "backslashreplace").decode("utf-8") if not isinstance(value, str) \
        else value[:40].encode("utf-8", "backslashreplace").decode("utf-8")
