"""Issue 11: a trusted commune's file may write only that commune's rows, every value it carries is bounded
before use, and each refusal names the record and the reason, exits 1 on the command line and changes nothing."""

from __future__ import annotations

import json
import uuid

import pytest
from exchange_helpers import (
    add_extra_table,
    add_note,
    checksum,
    make_commune,
    make_upper,
    note_id,
    private_key,
    read_entries,
    rebuild,
)

from danvan_desktop.cli import main
from danvan_desktop.exchange import format as fmt
from danvan_desktop.exchange import keys
from danvan_desktop.exchange.errors import ExchangeError, UntrustedKey


@pytest.fixture
def world(tmp_path, today):
    """An upper level holding two communes, each handed over once; commune A then writes a valid second file."""
    upper = make_upper(tmp_path / "upper.sqlite3", today)
    add_extra_table(upper)
    a = make_commune(tmp_path / "a.sqlite3", today, code="99002", name="xã Khác")
    b = make_commune(tmp_path / "b.sqlite3", today, code="99003", name="xã Bên Cạnh")
    for commune, note in ((a, "a-1"), (b, "b-1")):
        add_extra_table(commune)
        add_note(commune, note, f"Ghi chú {note}", held_on="2026-11-02")
        first = commune.exchange.exporter.export(tmp_path / f"{note}.dvx").path
        upper.exchange.importer.import_file(first, trust_new=True)
    add_note(a, "a-2", "Ghi chú thứ hai")
    valid = a.exchange.exporter.export(tmp_path / "a-second.dvx", since_last=True).path
    yield upper, a, b, valid, tmp_path
    for services in (upper, a, b):
        services.close()


def refused(upper, path, *expected: str, capsys=None) -> ExchangeError:
    """Refused by import and by the dry run, naming the file and every expected piece; nothing changes; and the
    command line says the same on stderr with exit code 1."""
    before = checksum(upper.db.path)
    with pytest.raises(ExchangeError) as info:
        upper.exchange.importer.import_file(path, trust_new=True)
    message = str(info.value)
    assert path.name in message and "bị từ chối" in message, message
    for piece in expected:
        assert piece in message, message
    with pytest.raises(ExchangeError):
        upper.exchange.importer.preview(path)
    assert checksum(upper.db.path) == before
    if capsys is not None:
        capsys.readouterr()
        assert main(["import", "--db", str(upper.db.path), "--trust-new", str(path)]) == 1
        err = capsys.readouterr().err
        for piece in expected:
            assert piece in err, err
        assert checksum(upper.db.path) == before
    return info.value


def edit_rows(table: str, edit):
    def entries_edit(entries):
        name = f"tables/{table}.jsonl"
        rows = [json.loads(line) for line in entries.get(name, b"").decode().splitlines()]
        entries[name] = "".join(json.dumps(r) + "\n" for r in edit(rows)).encode()
        return entries
    return entries_edit


def new_batch(manifest):
    manifest["batch_id"] = str(uuid.uuid4())


def test_the_valid_second_file_imports(world):
    upper, _a, _b, valid, _tmp = world
    assert upper.exchange.importer.import_file(valid).counts["new"] == 1


# -- 1. ownership ------------------------------------------------------------------------------------------
def test_reusing_another_communes_row_id_is_refused(world, capsys):
    upper, a, _b, valid, tmp = world
    victim = note_id("b-1")
    bad = rebuild(valid, tmp / "chiem-ban-ghi.dvx", private_key(a), manifest_edit=new_batch,
                  entries_edit=edit_rows("test_notes", lambda rows: [{**r, "id": victim, "body": "Đã sửa"}
                                                                     for r in rows]))
    refused(upper, bad, victim, "thuộc đơn vị 99003", capsys=capsys)


def test_tombstoning_the_upper_levels_own_unit_row_is_refused(world, capsys):
    upper, a, _b, valid, tmp = world
    own = upper.db.conn.execute("SELECT id FROM units WHERE code = 'T38'").fetchone()[0]

    def take_over(rows):
        mine = a.db.conn.execute("SELECT * FROM units WHERE code = '99002'").fetchone()
        return rows + [{**dict(mine), "id": own, "deleted": 1, "updated_at": a.db.clock.tick()}]
    bad = rebuild(valid, tmp / "xoa-don-vi.dvx", private_key(a), manifest_edit=new_batch,
                  entries_edit=edit_rows("units", take_over))
    refused(upper, bad, own, "thuộc đơn vị T38", capsys=capsys)
    assert upper.exchange.upper.is_upper()


def test_a_units_row_with_another_communes_code_is_refused(world, capsys):
    upper, a, _b, valid, tmp = world
    spoof = str(uuid.uuid4())

    def add_unit(rows):
        own = a.db.conn.execute("SELECT * FROM units WHERE code = '99002'").fetchone()
        row = dict(own)
        return rows + [{**row, "id": spoof, "code": "99004", "name": "xã Bị Giả Mạo"}]
    bad = rebuild(valid, tmp / "gia-don-vi.dvx", private_key(a), manifest_edit=new_batch,
                  entries_edit=edit_rows("units", add_unit))
    refused(upper, bad, spoof, "99004", capsys=capsys)
    assert [u.code for u in upper.exchange.upper.communes()] == ["99003", "99002"] or \
        sorted(u.code for u in upper.exchange.upper.communes()) == ["99002", "99003"]


# -- 2. bounds ---------------------------------------------------------------------------------------------
def test_a_stamp_from_the_year_9999_is_refused_and_the_clock_keeps_working(world, capsys):
    upper, a, _b, valid, tmp = world
    far = "9999-12-31T23:59:59.999Z-9999-ffffffff"
    bad = rebuild(valid, tmp / "nam-9999.dvx", private_key(a), manifest_edit=new_batch,
                  entries_edit=edit_rows("test_notes", lambda rows: [{**r, "updated_at": far} for r in rows]))
    refused(upper, bad, note_id("a-2"), "updated_at", "tương lai", capsys=capsys)
    assert upper.db.clock.tick() < "2100"
    assert upper.exchange.exporter.export(tmp / "upper-out.dvx").path.exists()   # its read-back still passes


def test_a_creation_time_ahead_of_the_receiver_is_refused(world, capsys):
    upper, a, _b, valid, tmp = world
    bad = rebuild(valid, tmp / "tao-tuong-lai.dvx", private_key(a),
                  manifest_edit=lambda m: m.update(batch_id=str(uuid.uuid4()), created_at="2027-01-01T00:00:00Z"))
    refused(upper, bad, "thời điểm tạo", "tương lai", capsys=capsys)


@pytest.mark.parametrize("batch_id", ["../../..", "..\\..\\x", "lo-1", ""])
def test_a_batch_id_that_is_not_a_uuid_is_refused_before_any_path_is_made(world, capsys, batch_id):
    upper, a, _b, valid, tmp = world
    bad = rebuild(valid, tmp / "duong-dan.dvx", private_key(a), manifest_edit=lambda m: m.update(batch_id=batch_id))
    # what a refused file might make: not the program's own lock, log, backups or SQLite's side files
    made = lambda: sorted(p.name for p in tmp.rglob("*") if p.suffix != ".lock" and not p.name.endswith(("-wal", "-shm"))
                          and not {"logs", "backups", "userdata"} & set(p.relative_to(tmp).parts))
    before = made()                          # command line's instance lock (the window's) is not a path it made
    refused(upper, bad, "batch_id", capsys=capsys)
    assert made() == before


@pytest.mark.parametrize("sequence,expected", [(10**12, "ngoài giới hạn"), (0, "ngoài giới hạn"),
                                               (fmt.MAX_SEQUENCE_GAP + 5, "quá")])
def test_a_sequence_number_out_of_bounds_is_refused(world, capsys, sequence, expected):
    upper, a, _b, valid, tmp = world
    bad = rebuild(valid, tmp / "so-lo.dvx", private_key(a),
                  manifest_edit=lambda m: m.update(batch_id=str(uuid.uuid4()), sequence=sequence))
    refused(upper, bad, str(sequence) if sequence else "lô", expected, capsys=capsys)


def test_a_large_gap_within_bounds_is_shown_as_a_range(world):
    upper, a, _b, valid, tmp = world
    late = rebuild(valid, tmp / "lo-muon.dvx", private_key(a),
                   manifest_edit=lambda m: m.update(batch_id=str(uuid.uuid4()), sequence=fmt.MAX_SEQUENCE_GAP))
    result = upper.exchange.importer.preview(late)
    assert result.missing_sequences == [(2, fmt.MAX_SEQUENCE_GAP - 1)]
    assert f"Thiếu tệp số 2–{fmt.MAX_SEQUENCE_GAP - 1}" in result.summary()


def test_a_lone_surrogate_is_refused_by_verify_and_by_import(world, capsys):
    upper, a, _b, valid, tmp = world
    bad = rebuild(valid, tmp / "surrogate.dvx", private_key(a), manifest_edit=new_batch,
                  entries_edit=edit_rows("test_notes", lambda rows: [{**r, "body": "Ghi chú \ud800"} for r in rows]))
    assert main(["verify", "--db", str(upper.db.path), str(bad)]) == 1
    assert "ký tự lỗi" in capsys.readouterr().err
    refused(upper, bad, note_id("a-2"), "body", "ký tự lỗi", capsys=capsys)


def test_a_text_field_above_the_bound_is_refused(world, capsys):
    upper, a, _b, valid, tmp = world
    import secrets
    long_text = secrets.token_hex(fmt.MAX_TEXT_CHARS // 2 + 1)      # random: a zip entry that does not compress
    bad = rebuild(valid, tmp / "qua-dai.dvx", private_key(a), manifest_edit=new_batch,
                  entries_edit=edit_rows("test_notes", lambda rows: [{**r, "body": long_text} for r in rows]))
    refused(upper, bad, note_id("a-2"), "body", "dài quá", capsys=capsys)


@pytest.mark.parametrize("day", ["2026-02-30", "2026-13-01", "ngày mai", "2026-2-3"])
def test_a_date_that_does_not_exist_is_refused(world, capsys, day):
    upper, a, _b, valid, tmp = world
    bad = rebuild(valid, tmp / "ngay-sai.dvx", private_key(a), manifest_edit=new_batch,
                  entries_edit=edit_rows("test_notes", lambda rows: [{**r, "held_on": day} for r in rows]))
    refused(upper, bad, note_id("a-2"), "held_on", "ngày có thật", capsys=capsys)


def test_an_untrusted_key_is_refused_before_any_record_is_read(world, capsys):
    """The records behind an unknown key are garbage (a wrong hash, lines that are not JSON): the refusal is about
    the key, so nothing past the signed manifest was read."""
    upper, _a, _b, valid, tmp = world
    stranger = keys.new_private_key()

    def garbage(entries):
        entries["tables/test_notes.jsonl"] = b"not json\n" * 1000
        return entries
    bad = rebuild(valid, tmp / "la.dvx", stranger, entries_edit=garbage, manifest_edit=lambda m: m.update(
        batch_id=str(uuid.uuid4()), installation_id=str(uuid.uuid4()), unit_code="99009", unit_name="xã Lạ"))
    data = read_entries(bad)
    manifest = json.loads(data["manifest.json"])
    manifest["entries"][0]["sha256"] = "0" * 64          # listed hash no longer matches, signature re-made
    raw = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode()
    import io
    import zipfile
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("manifest.json", raw)
        for name, body in data.items():
            if name not in ("manifest.json", "manifest.sig"):
                zf.writestr(name, body)
        zf.writestr("manifest.sig", keys.b64(keys.sign(stranger, raw)))
    bad.write_bytes(buffer.getvalue())
    before = checksum(upper.db.path)
    with pytest.raises(UntrustedKey) as info:
        upper.exchange.importer.import_file(bad)
    assert keys.fingerprint(keys.public_key_of(stranger)) in str(info.value)
    assert main(["import", "--db", str(upper.db.path), str(bad)]) == 1
    assert "--trust-new" in capsys.readouterr().err
    assert checksum(upper.db.path) == before


def test_the_hybrid_clock_never_overflows_its_counter():
    import datetime as dt

    from danvan_desktop.domain.clock import HybridClock, Stamp
    frozen = dt.datetime(2026, 11, 21, 8, 0, tzinfo=dt.timezone.utc)
    clock = HybridClock("abcdef12", now=lambda: frozen)
    clock.observe("2026-11-21T08:00:00.000Z-9998-otherpc1")
    stamps = [clock.tick() for _ in range(5)]
    assert all(len(s) == len(stamps[0]) for s in stamps) and stamps == sorted(stamps)
    assert [Stamp.parse(s).counter for s in stamps] == [9999, 0, 1, 2, 3]
    assert stamps[1].startswith("2026-11-21T08:00:00.001Z")
