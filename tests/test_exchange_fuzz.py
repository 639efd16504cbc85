"""Property (issue 11): 2 000 mutated files — half with damaged bytes, half with hostile records or manifests
re-signed with the sender's trusted key — go through verify and import. The only exceptions are the program's
own refusals (ExchangeError and its kinds), and a refusal leaves the receiving database's digest unchanged.

A small fixture (an upper level, two tiny communes) keeps it to about 22 s of CPU (about a minute of wall time
on the shared 2-core machine); FUZZ_EXAMPLES=… changes the number of files per test.
"""

from __future__ import annotations

import hashlib
import io
import json
import uuid
import zipfile

import pytest
from exchange_helpers import (
    add_extra_table,
    add_note,
    checksum,
    make_commune,
    make_upper,
    note_id,
    private_key,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan_desktop.exchange import keys
from danvan_desktop.exchange.errors import ExchangeError
from danvan_desktop.exchange.schema import travelling_schema
from danvan_desktop.exchange.verify import verify_file

EXAMPLES = int(__import__("os").environ.get("FUZZ_EXAMPLES", "1000"))      # per test: 2 000 files in all


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    import datetime as dt
    tmp = tmp_path_factory.mktemp("fuzz")
    today = dt.date(2026, 11, 21)
    upper = make_upper(tmp / "upper.sqlite3", today)
    add_extra_table(upper)
    a = make_commune(tmp / "a.sqlite3", today, code="99002", name="xã Khác")
    b = make_commune(tmp / "b.sqlite3", today, code="99003", name="xã Bên Cạnh")
    for commune, name in ((a, "a-1"), (b, "b-1")):
        add_extra_table(commune)
        add_note(commune, name, "Ghi chú", amount=1.5, count=2, data=b"\x01\x02", held_on="2026-11-02",
                 period="2026-11")
        upper.exchange.importer.import_file(commune.exchange.exporter.export(tmp / f"{name}.dvx").path,
                                            trust_new=True)
    add_note(a, "a-2", "Ghi chú thứ hai của ông Tư", held_on="2026-11-03")
    valid = a.exchange.exporter.export(tmp / "valid.dvx", since_last=True).path
    targets = {"b_note": note_id("b-1"),
               "upper_unit": upper.db.conn.execute("SELECT id FROM units WHERE code = 'T38'").fetchone()[0],
               "b_unit": upper.db.conn.execute("SELECT id FROM units WHERE code = '99003'").fetchone()[0]}
    yield upper, a, valid, tmp, targets
    for services in (upper, a, b):
        services.close()


_digest: dict[str, str] = {}


def attempt(upper, path) -> str:
    """Verify, then import; returns 'refused' or 'accepted'. Any exception but a refusal fails the test. The
    digest before is the one taken after the last accepted file (or at the start): one digest per attempt."""
    key = str(upper.db.path)
    before = _digest.get(key) or checksum(upper.db.path)
    try:
        verify_file(path, travelling_schema(upper.db.conn))
        upper.exchange.importer.import_file(path)
    except ExchangeError as exc:
        assert path.name in str(exc)
        str(exc).encode("utf-8")                      # the message itself can be printed
        assert checksum(upper.db.path) == before
        _digest[key] = before
        return "refused"
    _digest[key] = checksum(upper.db.path)
    return "accepted"


def hostile_values(targets):
    return (st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats() | st.text(max_size=12)
            | st.sampled_from(["\ud800", "x\udfff", "a" * 200_001, "../../..", "..\\..\\x", "", "\x00", "16171",
                               "99003", "T38", "9999-12-31", "2026-02-30", "2026-11-21",
                               "9999-12-31T23:59:59.999Z-9999-ffffffff", "2026-11-21T08:00:00.000Z-0000-abcdef12",
                               "2030-01-01T00:00:00.000Z-0000-abcdef12", "2026-11-21T08:00:00Z",
                               "Nguyễn Văn Ba 0912 345 678", *targets.values()])
            | st.sampled_from([10**12, 0, -1, 2**63, 10_001, 5])
            | st.lists(st.integers(), max_size=3) | st.dictionaries(st.text(max_size=4), st.text(max_size=4),
                                                                       max_size=2)
            | st.builds(lambda: {"$b64": "AAEC"}))


def build(entries: dict[str, bytes], manifest: dict, key: bytes, target) -> None:
    manifest["entries"] = [{"name": n, "size": len(b), "sha256": hashlib.sha256(b).hexdigest(),
                            "records": (b.count(b"\n") if n.startswith("tables/") else None)}
                           for n, b in entries.items()]
    manifest["counts"] = {n[7:-6]: b.count(b"\n") for n, b in entries.items() if n.startswith("tables/")}
    raw = json.dumps(manifest, sort_keys=True, indent=1).encode()          # ASCII: lone surrogates escaped
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", raw)
        for name, body in entries.items():
            zf.writestr(name, body)
        zf.writestr("manifest.sig", keys.b64(keys.sign(key, raw)))
    target.write_bytes(buffer.getvalue())


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_damaged_bytes_are_refused_or_imported_whole(world, data):
    upper, _a, valid, tmp, _targets = world
    raw = bytearray(valid.read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        action = data.draw(st.sampled_from(["flip", "cut", "insert", "delete", "copy"]))
        at = data.draw(st.integers(0, max(len(raw) - 1, 0)))
        if action == "flip" and raw:
            raw[at] ^= data.draw(st.integers(1, 255))
        elif action == "cut":
            del raw[at:]
        elif action == "insert":
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=16))
        elif action == "copy" and raw:
            length = data.draw(st.integers(1, 64))
            raw[at:at] = raw[data.draw(st.integers(0, len(raw) - 1)):][:length]
        elif raw:
            del raw[at:at + data.draw(st.integers(1, 16))]
    path = tmp / "damaged.dvx"
    path.write_bytes(bytes(raw))
    attempt(upper, path)


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_hostile_files_signed_with_a_trusted_key_are_refused_or_imported_whole(world, data):
    upper, a, valid, tmp, targets = world
    with zipfile.ZipFile(valid) as zf:
        entries = {i.filename: zf.read(i) for i in zf.infolist()}
    manifest = json.loads(entries.pop("manifest.json"))
    entries.pop("manifest.sig")
    manifest["batch_id"] = str(uuid.uuid4())
    values = hostile_values(targets)
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(["record", "record", "record", "manifest", "duplicate", "units"]))
        if where == "manifest":
            manifest[data.draw(st.sampled_from(sorted(manifest) + ["extra"]))] = data.draw(values)
            continue
        table = "units" if where == "units" else data.draw(st.sampled_from(["test_notes", "villages", "units"]))
        name = f"tables/{table}.jsonl"
        rows = [json.loads(line) for line in entries.get(name, b"").decode().splitlines()]
        if not rows:
            source = a.db.conn.execute(f'SELECT * FROM "{table}" LIMIT 1').fetchone()
            rows = [{k: source[k] for k in source.keys()  # noqa: SIM118 — a sqlite3.Row iterates its values
                     if k not in ("search_text", "data", "personal_name")}]
        row = rows[0]
        if where == "duplicate":
            rows.append(dict(row))
        else:
            column = data.draw(st.sampled_from(sorted(row) + ["extra", "id", "unit_code", "updated_at", "deleted"]))
            row[column] = data.draw(values)
        entries[name] = "".join(json.dumps(r) + "\n" for r in rows).encode()
    path = tmp / "hostile.dvx"
    build(entries, manifest, private_key(a), path)
    attempt(upper, path)
