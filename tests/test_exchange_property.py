"""Property: whatever a damaged or hostile file holds, import ends in a refusal or a whole import — never a
crash, never a partial write."""

from __future__ import annotations

import json

import pytest
from exchange_helpers import add_extra_table, add_note, checksum, make_upper, private_key, rebuild
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan_desktop.exchange.errors import ExchangeError

json_values = st.recursive(st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=False)
                           | st.text(max_size=30), lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=5)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    import datetime as dt

    from danvan_desktop.services.demo.commune import build_demo
    tmp = tmp_path_factory.mktemp("prop")
    today = dt.date(2026, 11, 21)
    commune = build_demo(tmp / "demo.sqlite3", today=today)
    add_extra_table(commune)
    add_note(commune, "n-1", "Ghi chú", amount=1.0, count=2, data=b"\x01\x02")
    upper = make_upper(tmp / "upper.sqlite3", today)
    add_extra_table(upper)
    upper.exchange.importer.import_file(commune.exchange.exporter.export(tmp / "first.dvx").path, trust_new=True)
    add_note(commune, "n-1", "Ghi chú đã sửa", amount=3.5)
    valid = commune.exchange.exporter.export(tmp / "valid.dvx", since_last=True).path
    yield commune, upper, valid, tmp
    commune.close()
    upper.close()


def _attempt(upper, path) -> None:
    before = checksum(upper.db.path)
    try:
        upper.exchange.importer.preview(path)
        result = upper.exchange.importer.import_file(path, trust_new=True)
    except ExchangeError as exc:
        assert path.name in str(exc)
        assert checksum(upper.db.path) == before
        return
    # accepted: it was applied whole; undo nothing, but the batch is recorded exactly once
    assert upper.exchange.log.batch_in(result.verified.manifest.batch_id) is not None


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_byte_damage(world, data):
    _commune, upper, valid, tmp = world
    raw = bytearray(valid.read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        action = data.draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        at = data.draw(st.integers(0, max(len(raw) - 1, 0)))
        if action == "flip" and raw:
            raw[at] ^= data.draw(st.integers(1, 255))
        elif action == "cut":
            del raw[at:]
        elif action == "insert":
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=16))
        elif raw:
            del raw[at:at + data.draw(st.integers(1, 16))]
    path = tmp / "damaged.dvx"
    path.write_bytes(bytes(raw))
    _attempt(upper, path)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_re_signed_hostile_records(world, data):
    """A sender's own key signs records with any values: the schema check and the merge must hold."""
    commune, upper, valid, tmp = world
    table = data.draw(st.sampled_from(["test_notes", "villages", "bloc_members", "units"]))

    def edit(entries):
        name = f"tables/{table}.jsonl"
        rows = [json.loads(line) for line in entries.get(name, b"").decode().splitlines()] or [{}]
        row = rows[0]
        column = data.draw(st.sampled_from(sorted(row) + ["extra", "id", "unit_code"]))
        row[column] = data.draw(json_values)
        if data.draw(st.booleans()):
            rows.append(dict(row))
        entries[name] = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
        return entries

    def new_batch(manifest):
        import uuid
        manifest["batch_id"] = str(uuid.uuid4())
    path = rebuild(valid, tmp / "hostile.dvx", private_key(commune), entries_edit=edit, manifest_edit=new_batch)
    _attempt(upper, path)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(["edit_a", "edit_b", "delete_a", "delete_b", "a_to_b", "b_to_a"]),
                                st.sampled_from(["n-1", "n-2", "n-3"]), st.text(max_size=8)), max_size=12))
def test_two_installations_converge_whatever_the_order(tmp_path_factory, steps):
    """Random edits on two PCs of one commune, exchanged in any order: after a final round both ways they hold
    the same rows, and a repeated file changes nothing."""
    import datetime as dt

    from exchange_helpers import make_commune, table_rows

    from danvan_desktop.services.app import AppServices
    tmp = tmp_path_factory.mktemp("converge")
    today = dt.date(2026, 11, 21)
    a = make_commune(tmp / "a.sqlite3", today, code="99003", name="xã Hội Tụ")
    add_extra_table(a)
    b = AppServices.open(tmp / "b.sqlite3", today=lambda: today)
    add_extra_table(b)
    counter = iter(range(1000))
    try:
        b.exchange.importer.import_file(a.exchange.exporter.export(tmp / "setup.dvx").path, trust_new=True)
        sent = []

        def send(source, target):
            path = source.exchange.exporter.export(tmp / f"f{next(counter)}.dvx", since_last=True).path
            target.exchange.importer.import_file(path, trust_new=True)
            sent.append((path, target))

        for action, note, text in steps:
            side = a if action.endswith("_a") else b
            if action.startswith("edit"):
                add_note(side, note, text or "…")
            elif action.startswith("delete"):
                add_note(side, note, text or "…", deleted=1)
            elif action == "a_to_b":
                send(a, b)
            else:
                send(b, a)
        for _round in range(2):
            send(a, b)
            send(b, a)
        for table in ("test_notes", "villages", "units"):
            assert table_rows(a, table) == table_rows(b, table)
        path, target = sent[-1]
        assert target.exchange.importer.import_file(path).status == "already"
    finally:
        a.close()
        b.close()
