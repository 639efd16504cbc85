"""The generic repository of a travelling table: rows ↔ domain dataclasses, stamps, tombstones, audit.

A subclass names its table and dataclass; column codecs come from the dataclass field types
(dates as ISO text, lists/dicts as JSON, booleans as 0/1). Every write runs in a transaction,
stamps `updated_at` from the hybrid clock, and appends an audit entry with before and after.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import Record, RuleError
from danvan_desktop.domain.text import fold
from danvan_desktop.store.database import Database
from danvan_desktop.store.errors import NotFound

T = TypeVar("T", bound=Record)


def _audit():
    """store/audit.py, imported by the first write: the window's first paint reads the unit and writes nothing."""
    from danvan_desktop.store import audit
    return audit


class Codec:
    def __init__(self, to_db: Callable[[Any], Any], from_db: Callable[[Any], Any]) -> None:
        self.to_db, self.from_db = to_db, from_db


DATE = Codec(lambda v: v.isoformat() if v else None, lambda v: dt.date.fromisoformat(v) if v else None)
BOOL = Codec(lambda v: 1 if v else 0, lambda v: bool(v))
JSON = Codec(lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True),
             lambda v: json.loads(v) if v not in (None, "") else None)
PLAIN = Codec(lambda v: v, lambda v: v)


def codec_for(type_text: str) -> Codec:
    """Pick a codec from a dataclass field's annotation text."""
    t = str(type_text)
    if "datetime" in t:
        return PLAIN
    if "date" in t:
        return DATE
    if t.startswith("bool"):
        return BOOL
    if t.startswith(("list", "dict", "tuple")):
        return JSON
    return PLAIN


class Repository(Generic[T]):
    table: str = ""
    record_type: type[T]
    label: str = "bản ghi"            # what NotFound says it could not find
    search_fields: tuple[str, ...] = ()  # folded into search_text when the table has that column
    order_by: str = "created_at"
    codecs: dict[str, Codec] = {}

    def __init__(self, db: Database) -> None:
        self.db = db
        self._fields = [f for f in dataclasses.fields(self.record_type)]
        self._codecs = {f.name: self.codecs.get(f.name) or codec_for(f.type) for f in self._fields}
        self._has_search = bool(self.search_fields)

    # -- conversion -------------------------------------------------------------------------
    def to_row(self, record: T) -> dict[str, Any]:
        row = {f.name: self._codecs[f.name].to_db(getattr(record, f.name)) for f in self._fields}
        if self._has_search:
            row["search_text"] = " ".join(fold(str(getattr(record, name) or "")) for name in self.search_fields)
        return row

    def from_row(self, row) -> T:
        keys = row.keys()
        values = {f.name: self._codecs[f.name].from_db(row[f.name]) for f in self._fields if f.name in keys}
        for f in self._fields:
            if values.get(f.name) is None and f.default_factory is not dataclasses.MISSING:  # type: ignore[misc]
                values[f.name] = f.default_factory()  # type: ignore[misc]
        return self.record_type(**values)

    def _audit_view(self, row: dict[str, Any] | None) -> dict[str, Any] | None:
        if row is None:
            return None
        return {k: v for k, v in row.items() if k != "search_text"}

    # -- reading ----------------------------------------------------------------------------
    def get(self, record_id: str, *, include_deleted: bool = True) -> T:
        row = self.db.conn.execute(f"SELECT * FROM {self.table} WHERE id = ?", (record_id,)).fetchone()
        if row is None or (row["deleted"] and not include_deleted):
            raise NotFound(self.label, record_id)
        return self.from_row(row)

    def find(self, record_id: str) -> T | None:
        row = self.db.conn.execute(f"SELECT * FROM {self.table} WHERE id = ?", (record_id,)).fetchone()
        return self.from_row(row) if row else None

    def select(self, where: str = "1", params: Iterable[Any] = (), *, include_deleted: bool = False,
               order_by: str | None = None, limit: int | None = None, offset: int = 0) -> list[T]:
        clause = where if include_deleted else f"({where}) AND deleted = 0"
        sql = f"SELECT * FROM {self.table} WHERE {clause} ORDER BY {order_by or self.order_by}"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [self.from_row(r) for r in self.db.conn.execute(sql, tuple(params))]

    def count(self, where: str = "1", params: Iterable[Any] = (), *, include_deleted: bool = False) -> int:
        clause = where if include_deleted else f"({where}) AND deleted = 0"
        return self.db.conn.execute(f"SELECT count(*) FROM {self.table} WHERE {clause}", tuple(params)).fetchone()[0]

    def all(self, *, include_deleted: bool = False) -> list[T]:
        return self.select(include_deleted=include_deleted)

    # -- writing ----------------------------------------------------------------------------
    def _stamp(self, record: T, *, new: bool) -> None:
        now = self.db.clock.tick()
        if new or not record.created_at:
            record.created_at = now
        record.updated_at = now
        record.updated_by = self.db.actor or ""
        record.origin = self.db.installation_id
        if not record.unit_code:
            record.unit_code = self.db.unit_code
        self._guard_received(record)

    def _guard_received(self, record: T) -> None:
        """At an upper level, the communes' records arrive by hand-over files and stay read-only there."""
        own = self.db.unit_code
        if record.unit_code == own or not own:
            return
        row = self.db.conn.execute("SELECT level FROM units WHERE code = ? AND deleted = 0", (own,)).fetchone()
        if row is not None and row[0] == "upper":
            raise RuleError(_("Dữ liệu của đơn vị {code} nhận qua tệp trao đổi chỉ được xem ở cấp trên, không sửa "
                              "được.").format(code=record.unit_code))

    def insert(self, record: T) -> T:
        with self.db.transaction() as conn:
            self._stamp(record, new=True)
            row = self.to_row(record)
            cols = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            conn.execute(f"INSERT INTO {self.table} ({cols}) VALUES ({marks})", tuple(row.values()))
            _audit().write(self.db, self.table, record.id, "insert", None, self._audit_view(row))
        return record

    def update(self, record: T, *, action: str = "update") -> T:
        with self.db.transaction() as conn:
            before_row = conn.execute(f"SELECT * FROM {self.table} WHERE id = ?", (record.id,)).fetchone()
            if before_row is None:
                raise NotFound(self.label, record.id)
            before = self._audit_view(dict(before_row))
            record.created_at = before_row["created_at"]
            self._stamp(record, new=False)
            row = self.to_row(record)
            sets = ", ".join(f"{k} = ?" for k in row if k != "id")
            conn.execute(f"UPDATE {self.table} SET {sets} WHERE id = ?",
                         tuple(v for k, v in row.items() if k != "id") + (record.id,))
            _audit().write(self.db, self.table, record.id, action, before, self._audit_view(row))
        return record

    def soft_delete(self, record_id: str) -> T:
        record = self.get(record_id)
        record.deleted = True
        return self.update(record, action="delete")

    def restore(self, record_id: str) -> T:
        record = self.get(record_id)
        record.deleted = False
        return self.update(record, action="restore")
