"""Helpers of the exchange tests: installations, a table of every column kind, checksums, file surgery."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import zipfile
from pathlib import Path

from danvan_desktop.domain.unit import Unit
from danvan_desktop.exchange import keys
from danvan_desktop.exchange.manifest import Manifest
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.handover.keys import PRIVATE_KEY_SETTING

# A travelling table with every kind of column the exchange must carry: created in the test databases
# only (not a migration), which is how a table another feature adds later reaches the exchange.
EXTRA_TABLE = """
CREATE TABLE IF NOT EXISTS test_notes (
    id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
    body TEXT NOT NULL DEFAULT '', amount REAL, count INTEGER NOT NULL DEFAULT 0, data BLOB,
    period TEXT, held_on TEXT, private INTEGER NOT NULL DEFAULT 0, personal_name TEXT NOT NULL DEFAULT '', content_hash TEXT
)"""


def add_extra_table(services: AppServices) -> None:
    services.db.conn.execute(EXTRA_TABLE)


def note_id(name: str) -> str:
    """The UUID a test note is stored under (record ids are UUIDs): the same name gives the same id, and short
    names sort as their names do ("n-1" < "n-2")."""
    import uuid
    raw = name.encode()
    if len(raw) <= 6:
        return f"00000000-0000-4000-8000-{raw.hex():0>12}"
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"test-note:{name}"))


def add_note(services: AppServices, name: str, body: str, **values) -> None:
    """Insert or update a test note the way a repository would: text in NFC, stamped by the clock, audited."""
    import unicodedata

    from danvan_desktop.store import audit
    db = services.db
    note_id_ = note_id(name)
    body = unicodedata.normalize("NFC", body)
    with db.transaction() as conn:
        stamp = db.clock.tick()
        existing = conn.execute("SELECT created_at FROM test_notes WHERE id = ?", (note_id_,)).fetchone()
        row = {"id": note_id_, "unit_code": db.unit_code, "created_at": existing[0] if existing else stamp,
                   "updated_at": stamp, "updated_by": db.actor, "origin": db.installation_id, "deleted": 0, "body": body}
        row.update(values)
        cols = ", ".join(row)
        conn.execute(f"INSERT OR REPLACE INTO test_notes ({cols}) VALUES ({', '.join('?' for _ in row)})",
                     tuple(row.values()))
        audit.write(db, "test_notes", note_id_, "update" if existing else "insert", None, {"body": body})


def make_upper(path: Path, today) -> AppServices:
    services = AppServices.open(path, today=lambda: today)
    services.setup.create_unit(Unit(code="T38", name="Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Hóa",
                                    province="Thanh Hóa", level="upper"))
    return services


def make_commune(path: Path, today, code: str = "99002", name: str = "xã Khác") -> AppServices:
    services = AppServices.open(path, today=lambda: today)
    services.setup.create_unit(Unit(code=code, name=name, province="Thanh Hóa"), "Thôn Một\nThôn Hai")
    return services


def checksum(path: Path) -> str:
    """A digest of every row of every table (schema included): equal means nothing changed. SQLite's own
    statistics (sqlite_stat1, written by PRAGMA optimize on close) are not data and are left out."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        for (name, sql) in conn.execute("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' "
                                        "ORDER BY name"):
            digest.update(f"{name}\n{sql}\n".encode())
            if sql and sql.startswith("CREATE TABLE"):
                for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid'):
                    digest.update(repr(row).encode())
        return digest.hexdigest()
    finally:
        conn.close()


def private_key(services: AppServices) -> bytes:
    return keys.unb64(services.db.get_setting(PRIVATE_KEY_SETTING))


def read_entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def rebuild(source: Path, target: Path, key: bytes | None, *, manifest_edit=None, entries_edit=None,
            extra: dict[str, bytes] | None = None, sign_raw: bytes | None = None) -> Path:
    """Re-create a .dvx with edited content; hashes recomputed and signed with `key` (a sender's or a forger's)."""
    entries = read_entries(source)
    data = json.loads(entries.pop("manifest.json"))
    entries.pop("manifest.sig")
    if entries_edit:
        entries = entries_edit(entries)
    if extra:
        entries.update(extra)
    data["entries"] = [{"name": n, "size": len(b), "sha256": hashlib.sha256(b).hexdigest(),
                        "records": (b.count(b"\n") if n.startswith("tables/") else None)} for n, b in entries.items()]
    data["counts"] = {n[7:-6]: b.count(b"\n") for n, b in entries.items() if n.startswith("tables/")}
    if key is not None:
        data["public_key"] = keys.b64(keys.public_key_of(key))
    if manifest_edit:
        manifest_edit(data)
    manifest = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).encode()
    signature = sign_raw if sign_raw is not None else keys.sign(key, manifest)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", manifest)
        for name, body in entries.items():
            zf.writestr(name, body)
        zf.writestr("manifest.sig", keys.b64(signature))
    target.write_bytes(buffer.getvalue())
    return target


def manifest_of(path: Path) -> Manifest:
    return Manifest.from_bytes(read_entries(path)["manifest.json"])


def table_rows(services: AppServices, table: str) -> list[dict]:
    return [dict(r) for r in services.db.conn.execute(f'SELECT * FROM "{table}" ORDER BY id')]

