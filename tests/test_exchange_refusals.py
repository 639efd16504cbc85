"""Every bad file of issue 6 is refused whole, names the file and the reason, and changes nothing."""

from __future__ import annotations

import json
import struct
import zipfile

import pytest
from exchange_helpers import (
    add_extra_table,
    add_note,
    checksum,
    make_commune,
    make_upper,
    private_key,
    read_entries,
    rebuild,
)

from danvan_desktop.exchange import keys
from danvan_desktop.exchange.errors import ExchangeError, KeyChanged, NewerFormat, UntrustedKey
from danvan_desktop.exchange.schema import travelling_schema
from danvan_desktop.exchange.verify import verify_file


@pytest.fixture
def setting(xa, tmp_path, today):
    """A commune whose first file the upper level has trusted and imported, and a second, valid file."""
    add_extra_table(xa)
    add_note(xa, "n-1", "Ghi chú đầu tiên", amount=1.5, count=3)
    upper = make_upper(tmp_path / "upper.sqlite3", today)
    add_extra_table(upper)
    first = xa.exchange.exporter.export(tmp_path / "first.dvx").path
    upper.exchange.importer.import_file(first, trust_new=True)
    add_note(xa, "n-2", "Ghi chú thứ hai")
    valid = xa.exchange.exporter.export(tmp_path / "second.dvx", since_last=True).path
    yield xa, upper, valid, tmp_path
    upper.close()


def refused(upper, path, expected: str, error=ExchangeError, *, dry_run_refuses: bool = True) -> ExchangeError:
    before = checksum(upper.db.path)
    with pytest.raises(error) as info:
        upper.exchange.importer.import_file(path)
    assert path.name in str(info.value), str(info.value)
    assert expected in str(info.value), str(info.value)
    if dry_run_refuses:
        with pytest.raises(error):
            upper.exchange.importer.preview(path)
    else:
        assert upper.exchange.importer.preview(path).key.state == "unknown"
    assert checksum(upper.db.path) == before
    return info.value


def test_the_valid_file_imports(setting):
    _demo, upper, valid, _tmp = setting
    result = upper.exchange.importer.import_file(valid)
    assert result.counts["new"] == 1


def test_not_a_zip(setting):
    _demo, upper, _valid, tmp = setting
    bad = tmp / "khong-phai-zip.dvx"
    bad.write_bytes(b"Day khong phai tep zip\n" * 20)
    refused(upper, bad, "không phải tệp nén zip")


def test_empty_file(setting):
    _demo, upper, _valid, tmp = setting
    bad = tmp / "rong.dvx"
    bad.write_bytes(b"")
    refused(upper, bad, "không phải tệp nén zip")


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated(setting, keep):
    _demo, upper, valid, tmp = setting
    data = valid.read_bytes()
    bad = tmp / "cut.dvx"
    bad.write_bytes(data[:int(len(data) * keep)])
    refused(upper, bad, "bị từ chối")


def test_a_flipped_byte_in_every_entry(setting):
    """Flip bytes all along every entry's stored data. Each flip is refused, except where the byte holds only
    the deflate stream's padding bits: then the decoded content is byte-identical (and hash-checked), so
    accepting it is right."""
    _demo, upper, valid, tmp = setting
    data = valid.read_bytes()
    original = read_entries(valid)
    schema = travelling_schema(upper.db.conn)
    with zipfile.ZipFile(valid) as zf:
        infos = zf.infolist()
    assert len(infos) >= 4
    refusals = 0
    for info in infos:
        name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
        start = info.header_offset + 30 + name_len + extra_len
        for offset in range(start, start + info.compress_size, max(1, info.compress_size // 40)):
            mutated = bytearray(data)
            mutated[offset] ^= 0x20
            bad = tmp / "flipped.dvx"
            bad.write_bytes(bytes(mutated))
            verdicts = []
            for data in (None, bytes(mutated)):   # read from the disk, and from the bytes in memory (the importer's)
                try:
                    verify_file(bad, schema, data=data)
                except ExchangeError as exc:
                    assert "flipped.dvx" in str(exc)
                    verdicts.append("refused")
                else:
                    assert read_entries(bad) == original, (info.filename, offset - start)
                    verdicts.append("accepted")
            assert verdicts[0] == verdicts[1], (info.filename, offset - start, verdicts)
            refusals += verdicts[0] == "refused"
    assert refusals > 100
    headers = [range(info.header_offset, info.header_offset + 30 +
                     struct.unpack("<H", data[info.header_offset + 26:info.header_offset + 28])[0]) for info in infos]
    directory = range(data.find(b"PK\x01\x02"), len(data))
    for offsets in [*headers, directory]:   # each local header, the central directory: the same verdict both ways
        for offset in offsets:
            mutated = bytearray(data)
            mutated[offset] ^= 0x20
            bad = tmp / "flipped.dvx"
            bad.write_bytes(bytes(mutated))
            verdicts = []
            for data_in_memory in (None, bytes(mutated)):
                try:
                    verify_file(bad, schema, data=data_in_memory)
                    verdicts.append("accepted")
                except ExchangeError:
                    verdicts.append("refused")
            assert verdicts[0] == verdicts[1], (offset, verdicts)
    for info in infos:          # the middle byte of each entry, with the database checked unchanged
        name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
        mutated = bytearray(data)
        mutated[info.header_offset + 30 + name_len + extra_len + info.compress_size // 2] ^= 0x01
        bad = tmp / "flipped.dvx"
        bad.write_bytes(bytes(mutated))
        refused(upper, bad, "bị từ chối")


def test_manifest_edited_by_hand(setting):
    xa, upper, valid, tmp = setting
    entries = read_entries(valid)
    text = entries["manifest.json"].decode().replace(xa.setup.unit().name, "xã Giả Mạo")
    bad = tmp / "sua-tay.dvx"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("manifest.json", text)
        for name, body in entries.items():
            if name != "manifest.json":
                zf.writestr(name, body)
    refused(upper, bad, "chữ ký không khớp")


def test_forged_signature_with_random_bytes(setting):
    xa, upper, valid, tmp = setting
    bad = rebuild(valid, tmp / "forged.dvx", private_key(xa), sign_raw=bytes(64),
                  manifest_edit=lambda m: m.update(unit_name="xã Yên Phú (giả)"))
    refused(upper, bad, "chữ ký không khớp")


def test_signed_by_another_key(setting):
    xa, upper, valid, tmp = setting
    forger = keys.new_private_key()
    bad = rebuild(valid, tmp / "other-key.dvx", forger)
    error = refused(upper, bad, "đã thay đổi", KeyChanged)
    assert keys.fingerprint(keys.public_key_of(forger)) in str(error)
    assert xa.exchange.keys.fingerprint() in str(error)


def test_newer_format_version(setting):
    xa, upper, valid, tmp = setting
    bad = rebuild(valid, tmp / "newer.dvx", private_key(xa), manifest_edit=lambda m: m.update(format_version=7))
    refused(upper, bad, "phiên bản mới hơn", NewerFormat)


def test_unknown_format(setting):
    xa, upper, valid, tmp = setting
    bad = rebuild(valid, tmp / "other.dvx", private_key(xa), manifest_edit=lambda m: m.update(format="other"))
    refused(upper, bad, "không phải tệp trao đổi")


@pytest.mark.parametrize("name", ["../../evil.jsonl", "/etc/passwd", "C:/Windows/evil.pdf", "tables/../x.jsonl",
                                  "documents\\..\\evil.pdf"])
def test_path_traversal_and_absolute_names(setting, name):
    xa, upper, valid, tmp = setting
    bad = rebuild(valid, tmp / "traversal.dvx", private_key(xa), extra={name: b"x\n"})
    refused(upper, bad, "không an toàn")


def test_unknown_entry_name(setting):
    xa, upper, valid, tmp = setting
    bad = rebuild(valid, tmp / "lạ.dvx", private_key(xa), extra={"autorun.inf": b"[autorun]\n"})
    refused(upper, bad, "mục lạ")


def test_zip_bomb(setting):
    _demo, upper, valid, tmp = setting
    bad = tmp / "bomb.dvx"
    entries = read_entries(valid)
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", entries["manifest.json"])
        zf.writestr("tables/villages.jsonl", b"0" * (40 * 1024 * 1024))
        zf.writestr("manifest.sig", entries["manifest.sig"])
    refused(upper, bad, "bom nén")


def _eocd_claiming(count: int) -> bytes:
    """A tiny file whose zip64 end-of-directory records claim `count` entries (no entries written)."""
    zip64 = struct.pack("<4sQHHLLQQQQ", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, 46 * count, 0)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, 0, 1)
    eocd = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return zip64 + locator + eocd


def test_ten_million_tiny_entries(setting):
    _demo, upper, _valid, tmp = setting
    bad = tmp / "trieu-muc.dvx"
    bad.write_bytes(_eocd_claiming(10_000_000))
    refused(upper, bad, "quá nhiều mục")


def test_many_entries_in_a_plain_directory(setting):
    _demo, upper, valid, tmp = setting
    data = bytearray(valid.read_bytes())
    at = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, at + 8, 65000, 65000)
    bad = tmp / "many.dvx"
    bad.write_bytes(bytes(data))
    refused(upper, bad, "quá nhiều mục")


def _edit_table(table: str, edit):
    def entries_edit(entries):
        name = f"tables/{table}.jsonl"
        rows = [json.loads(line) for line in entries[name].decode().splitlines()]
        entries[name] = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in edit(rows)).encode()
        return entries
    return entries_edit


@pytest.mark.parametrize("column,value,expected", [
    ("count", "ba", "sai kiểu"), ("amount", "1,5", "sai kiểu"), ("body", 12, "sai kiểu"),
    ("deleted", 2, "deleted"), ("updated_at", "hôm qua", "dấu thời gian"), ("count", True, "sai kiểu"),
    ("nonexistent", "x", "không có trong bảng"), ("id", "../../x", "mã bản ghi"), ("data", {"$b64": "!!"}, "sai kiểu")])
def test_a_record_with_a_wrong_type(setting, column, value, expected):
    xa, upper, valid, tmp = setting
    bad = rebuild(valid, tmp / "wrong-type.dvx", private_key(xa),
                  entries_edit=_edit_table("test_notes", lambda rows: [{**r, column: value} for r in rows]))
    refused(upper, bad, expected)


def test_a_record_missing_its_id(setting):
    xa, upper, valid, tmp = setting
    bad = rebuild(valid, tmp / "no-id.dvx", private_key(xa),
                  entries_edit=_edit_table("test_notes", lambda rows: [{k: v for k, v in r.items() if k != "id"}
                                                                       for r in rows]))
    refused(upper, bad, "thiếu cột «id»")


def test_an_unknown_table(setting):
    xa, upper, valid, tmp = setting
    bad = rebuild(valid, tmp / "unknown-table.dvx", private_key(xa), extra={"tables/hacks.jsonl": b"{}\n"})
    refused(upper, bad, "bảng «hacks» không có")


def test_a_record_of_another_unit_inside_the_file(setting):
    xa, upper, valid, tmp = setting
    bad = rebuild(valid, tmp / "other-unit.dvx", private_key(xa),
                  entries_edit=_edit_table("test_notes", lambda rows: [{**r, "unit_code": "99999"} for r in rows]))
    refused(upper, bad, "99999")


def test_an_entry_missing_from_the_manifest(setting):
    xa, upper, valid, tmp = setting

    def drop(manifest):
        manifest["entries"] = [e for e in manifest["entries"] if e["name"] != "tables/test_notes.jsonl"]
    bad = rebuild(valid, tmp / "unlisted.dvx", private_key(xa), manifest_edit=drop)
    refused(upper, bad, "không khớp với tệp mô tả")


def test_a_commune_file_at_another_commune(setting, today):
    _xa, _upper, valid, tmp = setting
    other = make_commune(tmp / "other.sqlite3", today)
    add_extra_table(other)
    try:
        refused(other, valid, "không phải của xã này")
    finally:
        other.close()


def test_an_unknown_commune_at_the_upper_level_until_trusted(xa, tmp_path, today):
    upper = make_upper(tmp_path / "u.sqlite3", today)
    try:
        path = xa.exchange.exporter.export(tmp_path / "lan-dau.dvx").path
        error = refused(upper, path, "chưa được tin cậy", UntrustedKey, dry_run_refuses=False)
        assert xa.exchange.keys.fingerprint() in str(error)
        assert upper.exchange.importer.import_file(path, trust_new=True).counts["new"] > 0
    finally:
        upper.close()


def test_verify_alone_reads_the_program_schema(setting):
    _demo, upper, valid, _tmp = setting
    verified = verify_file(valid, travelling_schema(upper.db.conn))
    assert verified.manifest.counts["test_notes"] == 1


def test_private_key_never_leaves(setting):
    xa, _upper, valid, _tmp = setting
    raw = private_key(xa)
    assert raw not in valid.read_bytes()
    assert keys.b64(raw).encode() not in b"".join(read_entries(valid).values())
