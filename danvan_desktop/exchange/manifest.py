"""The manifest: what a .dvx file says about itself, as canonical JSON bytes that the signature covers."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from danvan_desktop.domain.i18n import _
from danvan_desktop.exchange import bounds
from danvan_desktop.exchange import format as fmt
from danvan_desktop.exchange.errors import ExchangeError, NewerFormat


@dataclass
class Entry:
    name: str
    size: int
    sha256: str
    records: int | None = None     # table entries only


@dataclass
class Manifest:
    kind: str
    unit_code: str
    unit_name: str
    unit_level: str
    installation_id: str
    batch_id: str
    recipient: str
    sequence: int
    created_at: str                 # ISO UTC, to the second
    public_key: str                 # base64 of the raw Ed25519 public key
    program_version: str = ""
    schema_version: int = 0
    since: str | None = None        # clock stamp: changes after it (None: everything)
    until: str | None = None        # newest clock stamp carried
    periods: list[str] = field(default_factory=list)   # every period the records touch
    period: str = ""                # the period the hand-over is declared for
    includes_private: bool = False
    seen: dict[str, str] = field(default_factory=dict)   # origin installation -> newest stamp the sender holds
    entries: list[Entry] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    acknowledges: dict[str, Any] | None = None          # receipts: the batch received and its summary
    format: str = fmt.FORMAT_NAME
    format_version: int = fmt.FORMAT_VERSION

    def to_bytes(self) -> bytes:
        data = asdict(self)
        return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")

    def entry(self, name: str) -> Entry | None:
        return next((e for e in self.entries if e.name == name), None)

    @classmethod
    def from_bytes(cls, raw: bytes) -> Manifest:
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ExchangeError(_("tệp mô tả (manifest.json) không đọc được: {detail}").format(detail=exc)) from exc
        if not isinstance(data, dict):
            raise ExchangeError(_("tệp mô tả (manifest.json) không đúng dạng."))
        if data.get("format") != fmt.FORMAT_NAME:
            raise ExchangeError(_("không phải tệp trao đổi của chương trình (định dạng «{found}»).")
                                .format(found=str(data.get("format"))[:40]))
        version = data.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise ExchangeError(_("phiên bản định dạng «{found}» không hợp lệ.").format(found=str(version)[:20]))
        if version > fmt.FORMAT_VERSION:
            raise NewerFormat(version, fmt.FORMAT_VERSION)
        return cls._checked(data)

    @classmethod
    def _checked(cls, data: dict) -> Manifest:
        def need(key: str, kind: type | tuple, optional: bool = False):
            value = data.get(key)
            if value is None and optional:
                return None
            if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
                raise ExchangeError(_("tệp mô tả thiếu hoặc sai trường «{key}».").format(key=key))
            return value

        kind = need("kind", str)
        if kind not in fmt.KINDS:
            raise ExchangeError(_("loại tệp «{kind}» không được hỗ trợ.").format(kind=kind[:20]))
        entries = []
        for item in need("entries", list):
            if not isinstance(item, dict):
                raise ExchangeError(_("tệp mô tả thiếu hoặc sai trường «{key}».").format(key="entries"))
            name, size, digest = item.get("name"), item.get("size"), item.get("sha256")
            records = item.get("records")
            if (not isinstance(name, str) or not isinstance(size, int) or isinstance(size, bool) or size < 0
                    or not isinstance(digest, str) or len(digest) != 64
                    or (records is not None and (not isinstance(records, int) or isinstance(records, bool)))):
                raise ExchangeError(_("tệp mô tả thiếu hoặc sai trường «{key}».").format(key="entries"))
            entries.append(Entry(name, size, digest.lower(), records))
        counts = need("counts", dict)
        if not all(isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) for k, v in counts.items()):
            raise ExchangeError(_("tệp mô tả thiếu hoặc sai trường «{key}».").format(key="counts"))
        seen = need("seen", dict)
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in seen.items()):
            raise ExchangeError(_("tệp mô tả thiếu hoặc sai trường «{key}».").format(key="seen"))
        periods = need("periods", list)
        if not all(isinstance(p, str) for p in periods):
            raise ExchangeError(_("tệp mô tả thiếu hoặc sai trường «{key}».").format(key="periods"))
        sequence = need("sequence", int)
        return cls(
            kind=kind, unit_code=need("unit_code", str), unit_name=need("unit_name", str),
            unit_level=need("unit_level", str), installation_id=need("installation_id", str),
            batch_id=need("batch_id", str), recipient=need("recipient", str), sequence=sequence,
            created_at=need("created_at", str), public_key=need("public_key", str),
            program_version=need("program_version", str), schema_version=need("schema_version", int),
            since=need("since", str, True), until=need("until", str, True), periods=periods,
            period=need("period", str, True) or "",
            includes_private=bool(need("includes_private", bool)), seen=seen, entries=entries, counts=counts,
            acknowledges=need("acknowledges", dict, True), format=fmt.FORMAT_NAME,
            format_version=data["format_version"])


def check_bounds(manifest: Manifest, horizon: str) -> None:
    """Identifiers, numbers, stamps and labels within their bounds, before any of them is used (a batch id
    ends up in a folder name, a sequence number in a list of missing files)."""
    def bad(key: str) -> ExchangeError:
        return ExchangeError(_("tệp mô tả có trường «{key}» không hợp lệ.").format(key=key))
    m = manifest
    if not bounds.is_unit_code(m.unit_code):
        raise bad("unit_code")
    for key in ("batch_id", "installation_id"):
        if not bounds.is_uuid(getattr(m, key)):
            raise ExchangeError(_("tệp mô tả có «{key}» không phải UUID.").format(key=key))
    if m.unit_level not in ("commune", "upper"):
        raise bad("unit_level")
    if m.recipient != fmt.RECIPIENT_UPPER and not bounds.is_uuid(m.recipient):
        raise bad("recipient")
    if not 1 <= m.sequence <= fmt.MAX_SEQUENCE:
        raise ExchangeError(_("số thứ tự lô {seq} nằm ngoài giới hạn (1 đến {limit}).").format(
            seq=str(m.sequence)[:20], limit=f"{fmt.MAX_SEQUENCE:,}".replace(",", ".")))
    if not bounds.created_ok(m.created_at, bounds.NO_HORIZON):
        raise bad("created_at")
    if not bounds.created_ok(m.created_at, horizon):
        raise ExchangeError(_("tệp ghi thời điểm tạo {at} ở tương lai (quá một ngày so với đồng hồ máy này); hãy "
                              "kiểm tra ngày giờ của máy gửi.").format(at=m.created_at.replace("T", " ")[:19]))
    for key in ("unit_name", "unit_level", "program_version", "period"):
        value = getattr(m, key)
        if not bounds.text_ok(value, fmt.MAX_NAME_CHARS):
            raise bad(key)
    for key in ("since", "until"):
        value = getattr(m, key)
        if value is not None and not bounds.stamp_ok(value, horizon):
            raise bad(key)
    if len(m.seen) > fmt.MAX_ENTRIES or any(not bounds.text_ok(k, 80) or not bounds.stamp_ok(v, horizon)
                                            for k, v in m.seen.items()):
        raise bad("seen")
    if len(m.periods) > 1000 or any(not bounds.text_ok(p, 20) for p in m.periods):
        raise bad("periods")
    if len(m.public_key) > 64:
        raise bad("public_key")
    for key in m.counts:
        if not bounds.text_ok(key, 64):
            raise bad("counts")
