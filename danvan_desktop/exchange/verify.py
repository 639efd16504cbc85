"""Check a .dvx file before anything is written: container, names, bounds, hashes, signature, records.

Nothing here trusts the file: the entry count is read from the end-of-central-directory record
before zipfile parses the directory, every read is bounded, and every failure becomes an
ExchangeError naming the file and the reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.today import now_utc
from danvan_desktop.exchange import bounds, keys
from danvan_desktop.exchange import format as fmt
from danvan_desktop.exchange.errors import ExchangeError
from danvan_desktop.exchange.manifest import Manifest, check_bounds
from danvan_desktop.exchange.schema import TableSchema, check_record

_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"
_BROKEN = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, struct.error, NotImplementedError,
           RuntimeError, OverflowError, KeyError, IndexError)


@dataclass
class VerifiedFile:
    path: Path
    manifest: Manifest
    fingerprint: str
    tables: dict[str, list[dict]] = field(default_factory=dict)
    documents: dict[str, bytes] = field(default_factory=dict)

    def record_count(self) -> int:
        return sum(len(rows) for rows in self.tables.values())

    def newest_stamps(self) -> dict[str, str]:
        """Origin installation → the newest `updated_at` the file carries from it (stamps sort as text)."""
        newest: dict[str, str] = {}
        for rows in self.tables.values():
            for row in rows:
                origin = row["origin"] or self.manifest.installation_id
                if row["updated_at"] > newest.get(origin, ""):
                    newest[origin] = row["updated_at"]
        return newest


def _declared_entry_count(path: Path, data: bytes | None = None) -> int:
    """The entry count the end-of-central-directory record claims (zip64 aware), read without zipfile."""
    size = path.stat().st_size if data is None else len(data)
    with (path.open("rb") if data is None else io.BytesIO(data)) as fh:
        tail_len = min(size, 22 + 65535 + 20)
        fh.seek(size - tail_len)
        tail = fh.read(tail_len)
        at = tail.rfind(_EOCD)
        if at < 0 or len(tail) - at < 22:
            raise ExchangeError(_("không phải tệp nén zip, hoặc tệp bị cắt cụt."))
        (_sig, _disk, _cd_disk, _n_disk, total, cd_size, _cd_off, _clen) = struct.unpack("<4s4H2LH", tail[at:at + 22])
        count = total
        loc = at - 20
        if loc >= 0 and tail[loc:loc + 4] == _ZIP64_LOCATOR:
            (_s, _d, zip64_off, _t) = struct.unpack("<4sLQL", tail[loc:loc + 20])
            if zip64_off > size - 56:
                raise ExchangeError(_("không phải tệp nén zip, hoặc tệp bị cắt cụt."))
            fh.seek(zip64_off)
            rec = fh.read(56)
            if rec[:4] != _ZIP64_EOCD:
                raise ExchangeError(_("không phải tệp nén zip, hoặc tệp bị cắt cụt."))
            count = max(count, struct.unpack("<Q", rec[32:40])[0])
            cd_size = max(cd_size, struct.unpack("<Q", rec[40:48])[0])
        if count > fmt.MAX_ENTRIES:
            raise ExchangeError(_("tệp khai báo quá nhiều mục ({n}); có thể là tệp độc hại.").format(n=count))
        if cd_size > size:
            raise ExchangeError(_("không phải tệp nén zip, hoặc tệp bị cắt cụt."))
        return count


def _read_bounded(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Read an entry, never more than `limit` bytes whatever its header claims."""
    chunks, total = [], 0
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(min(1024 * 1024, limit + 1 - total))
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise ExchangeError(_("mục «{name}» lớn hơn kích thước khai báo.").format(name=info.filename))
            chunks.append(chunk)
    return b"".join(chunks)


_LOCAL_HEADER = b"PK\x03\x04"


def _read_in_memory(data: bytes, info: zipfile.ZipInfo, limit: int) -> bytes:
    """An entry of a file held in memory, never more than `limit` bytes: its local header checked as zipfile
    checks it (signature, the same name as the central directory's, the flags it refuses) and its data
    inflated in one call. The same verdicts as `_read_bounded` (tests/test_exchange_refusals.py flips every
    byte of each local header and along each entry's data, read both ways) at a fifth of its cost per entry
    (a province's month reads 5 800)."""
    at = info.header_offset
    header = data[at:at + 30]
    if len(header) < 30 or header[:4] != _LOCAL_HEADER:
        raise zipfile.BadZipFile("Bad magic number for file header")
    if info.flag_bits & 0x60:      # as zipfile: from the central directory's flags
        raise NotImplementedError("compressed patched data or strong encryption (flag bit 5 or 6)")
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    start = at + 30 + name_len + extra_len
    if data[at + 30:at + 30 + name_len] != info.orig_filename.encode("utf-8"):
        raise zipfile.BadZipFile(f"File name in directory {info.orig_filename!r} and header differ.")
    end = start + info.compress_size      # past the file's end: the data that is there (a short one fails below)
    # as zipfile: the content is cut at the declared size, and its CRC-32 checked (then its hash, against the
    # signed manifest); a stream cut short fails both
    if info.compress_type == zipfile.ZIP_STORED:
        raw = data[start:min(end, start + limit)]
    else:   # ZIP_DEFLATED (the container check refused every other method); zipfile inflates 4 KiB at least
        raw = zlib.decompressobj(-15).decompress(memoryview(data)[start:end], max(limit, 4096))[:limit]
    if zlib.crc32(raw) != info.CRC:
        raise zipfile.BadZipFile(f"Bad CRC-32 for file {info.filename!r}")
    return raw


def _check_container(zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > fmt.MAX_ENTRIES:
        raise ExchangeError(_("tệp có quá nhiều mục ({n}).").format(n=len(infos)))
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if fmt.unsafe_name(name):
            raise ExchangeError(_("tên mục «{name}» không an toàn (đường dẫn tuyệt đối hoặc có «..»).")
                                .format(name=name[:80]))
        if not fmt.is_known_entry(name):
            raise ExchangeError(_("có mục lạ «{name}» không thuộc định dạng.").format(name=name[:80]))
        if name in seen:
            raise ExchangeError(_("mục «{name}» xuất hiện hai lần.").format(name=name))
        seen.add(name)
        if info.flag_bits & 0x1:
            raise ExchangeError(_("mục «{name}» bị mã hóa.").format(name=name))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ExchangeError(_("mục «{name}» dùng kiểu nén không được hỗ trợ.").format(name=name))
        if info.file_size > fmt.MAX_ENTRY_BYTES:
            raise ExchangeError(_("mục «{name}» quá lớn.").format(name=name))
        if info.file_size > fmt.RATIO_FLOOR and info.file_size > fmt.MAX_RATIO * max(info.compress_size, 1):
            raise ExchangeError(_("mục «{name}» có tỉ lệ nén bất thường (nghi là «bom nén»).").format(name=name))
        total += info.file_size
        if total > fmt.MAX_TOTAL_BYTES:
            raise ExchangeError(_("tổng dung lượng các mục quá lớn."))
    if not infos or infos[0].filename != fmt.MANIFEST:
        raise ExchangeError(_("thiếu tệp mô tả manifest.json ở đầu tệp."))
    if fmt.SIGNATURE not in seen:
        raise ExchangeError(_("thiếu chữ ký (manifest.sig)."))
    return infos


def _parse_table(name: str, raw: bytes, schema: TableSchema | None, unit_code: str,
                 keep: bool = True, horizon: str = bounds.NO_HORIZON) -> tuple[list[dict], int]:
    """The table's records checked one by one (and kept unless keep=False), and how many there were."""
    table = fmt.TABLE_ENTRY.match(name).group(1)  # type: ignore[union-attr]
    if schema is None:
        raise ExchangeError(_("bảng «{table}» không có trong chương trình này.").format(table=table))
    rows: list[dict] = []
    ids: set[str] = set()
    count = 0
    # Line by line from the bytes: decoding the whole entry and splitting it would hold two more
    # copies of a table that can be 80 MB (100 000 tasks) at the memory peak.
    for number, raw_line in enumerate(io.BytesIO(raw), start=1):
        if len(raw_line) > fmt.MAX_LINE_BYTES:
            raise ExchangeError(_("dòng {line} của bảng {table} dài quá {n} MB.").format(
                line=number, table=table, n=fmt.MAX_LINE_BYTES // (1024 * 1024)))
        try:
            line = raw_line.decode("utf-8").rstrip("\n")
        except UnicodeDecodeError as exc:
            raise ExchangeError(_("mục «{name}» không phải văn bản UTF-8.").format(name=name)) from exc
        if not line:
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise ExchangeError(_("dòng {line} của bảng {table} không đọc được.").format(line=number, table=table)) \
                from exc
        problem = check_record(schema, record, unit_code, horizon)
        if problem:
            raise ExchangeError(_("bảng {table}, dòng {line}{record}: {problem}").format(
                table=table, line=number, record=_naming(record), problem=problem))
        if record["id"] in ids:
            raise ExchangeError(_("bảng {table}, dòng {line}{record}: mã bản ghi lặp lại.").format(
                table=table, line=number, record=_naming(record)))
        ids.add(record["id"])
        count += 1
        if keep:
            # in place, only the text that is not NFC already (ASCII always is): one dict per record, not two
            for key, value in record.items():
                if type(value) is str and not value.isascii() and not unicodedata.is_normalized("NFC", value):
                    record[key] = unicodedata.normalize("NFC", value)
            rows.append(record)
    return rows, count


def _naming(record: object) -> str:
    """' (bản ghi «id»)' when the record has a readable id: a refusal names the record, not only the line."""
    if isinstance(record, dict) and isinstance(record.get("id"), str) and record["id"]:
        shown = record["id"][:40].encode("utf-8", "backslashreplace").decode("utf-8")
        return _(" (bản ghi «{id}»)").format(id=shown)
    return ""


KeyCheck = Callable[[Manifest, str], None]


def verify_file(path: Path | str, schema: dict[str, TableSchema], *, keep_records: bool = True,
                key_check: KeyCheck | None = None, now: dt.datetime | None = None,
                data: bytes | None = None) -> VerifiedFile:
    """Every check of the format; raises ExchangeError naming the file, or returns its verified content
    (without the records when keep_records is False: the exporter's read-back only needs the verdict).
    `key_check(manifest, fingerprint)` runs once the signature holds and before any entry is read, so an
    untrusted sender's file is refused without reading its records; `now` is the receiver's clock.
    `data`: the file's bytes, read once by the caller (who hashes the same bytes it had verified)."""
    horizon = bounds.horizon(now or now_utc())
    return _guarded(Path(path), lambda p: _verify(p, schema, keep_records, key_check, horizon, data))


def verify_manifest(path: Path | str, now: dt.datetime | None = None) -> VerifiedFile:
    """Checks 1–4 only (size, container, manifest, signature), records unread: enough to learn which signed
    batch a file is (e.g. to say at once that it was imported already) without parsing 100 000 records."""
    horizon = bounds.horizon(now or now_utc())

    def head(p: Path) -> VerifiedFile:
        with _open_checked(p) as zf:
            _by_name, manifest, fingerprint = _signed_manifest(zf, horizon)
        return VerifiedFile(p, manifest, fingerprint)
    return _guarded(Path(path), head)


def _guarded(path: Path, read):
    try:
        return read(path)
    except ExchangeError as exc:
        raise exc.at(path)
    except MemoryError as exc:
        raise ExchangeError(_("tệp quá lớn để đọc."), path) from exc
    except OSError as exc:
        raise ExchangeError(_("không đọc được tệp ({detail}).").format(detail=exc.strerror or exc), path) from exc
    except _BROKEN as exc:
        raise ExchangeError(_("tệp bị hỏng ({detail}).").format(detail=str(exc)[:120] or type(exc).__name__),
                            path) from exc
    except ValueError as exc:
        raise ExchangeError(_("tệp bị hỏng ({detail}).").format(detail=str(exc)[:120]), path) from exc


def _signed_manifest(zf: zipfile.ZipFile, horizon: str) -> tuple[dict[str, zipfile.ZipInfo], Manifest, str]:
    """Checks 1–4: the container, the manifest and its signature; returns the entries by name too."""
    infos = _check_container(zf)
    by_name = {info.filename: info for info in infos}
    manifest_raw = _read_bounded(zf, by_name[fmt.MANIFEST], fmt.MAX_MANIFEST_BYTES)
    manifest = Manifest.from_bytes(manifest_raw)
    signature_raw = _read_bounded(zf, by_name[fmt.SIGNATURE], 1024)
    try:
        public = keys.unb64(manifest.public_key)
        signature = keys.unb64(signature_raw.decode("ascii").strip())
    except (ValueError, UnicodeDecodeError) as exc:
        raise ExchangeError(_("chữ ký hoặc khóa công khai không đúng dạng.")) from exc
    if len(public) != 32 or not keys.verify(public, signature, manifest_raw):
        raise ExchangeError(_("chữ ký không khớp: tệp đã bị sửa sau khi ký, hoặc chữ ký bị giả."))
    check_bounds(manifest, horizon)
    return by_name, manifest, keys.fingerprint(public)


def _open_checked(path: Path, data: bytes | None = None) -> zipfile.ZipFile:
    """Check 1 before zipfile parses anything: the file's size and its declared entry count."""
    if data is None and not path.is_file():
        raise ExchangeError(_("không tìm thấy tệp."))
    if (path.stat().st_size if data is None else len(data)) > fmt.MAX_FILE_BYTES:
        raise ExchangeError(_("tệp quá lớn."))
    _declared_entry_count(path, data)
    return zipfile.ZipFile(path if data is None else io.BytesIO(data))


def _verify(path: Path, schema: dict[str, TableSchema], keep_records: bool, key_check: KeyCheck | None,
            horizon: str, data: bytes | None = None) -> VerifiedFile:
    with _open_checked(path, data) as zf:
        by_name, manifest, fingerprint = _signed_manifest(zf, horizon)
        if key_check is not None:
            key_check(manifest, fingerprint)
        listed = {e.name for e in manifest.entries}
        present = set(by_name) - {fmt.MANIFEST, fmt.SIGNATURE}
        if listed != present:
            odd = min(listed ^ present)
            raise ExchangeError(_("mục «{name}» không khớp với tệp mô tả.").format(name=odd[:80]))
        result = VerifiedFile(path, manifest, fingerprint)
        for entry in manifest.entries:
            info = by_name[entry.name]
            if info.file_size != entry.size:
                raise ExchangeError(_("mục «{name}» sai kích thước.").format(name=entry.name))
            raw = _read_bounded(zf, info, entry.size) if data is None else _read_in_memory(data, info, entry.size)
            if hashlib.sha256(raw).hexdigest() != entry.sha256:
                raise ExchangeError(_("mục «{name}» sai mã kiểm tra SHA-256 (nội dung đã bị thay đổi hoặc hỏng).")
                                    .format(name=entry.name))
            if entry.name.startswith(fmt.TABLE_DIR):
                table = fmt.TABLE_ENTRY.match(entry.name).group(1)  # type: ignore[union-attr]
                rows, count = _parse_table(entry.name, raw, schema.get(table), manifest.unit_code, keep_records,
                                           horizon)
                del raw
                if count != manifest.counts.get(table, -1) or entry.records not in (None, count):
                    raise ExchangeError(_("số bản ghi của bảng {table} không khớp với tệp mô tả.").format(table=table))
                result.tables[table] = rows
            else:
                if not raw.startswith(b"%PDF-"):
                    raise ExchangeError(_("mục «{name}» không phải tệp PDF.").format(name=entry.name))
                result.documents[fmt.DOCUMENT_ENTRY.match(entry.name).group(1)] = raw  # type: ignore[union-attr]
        if set(manifest.counts) != set(result.tables):
            raise ExchangeError(_("danh sách bảng không khớp với tệp mô tả."))
    return result
