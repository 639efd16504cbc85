"""An untrusted sender's 250 MB file is refused before its records are read: refusal time vs reading it once.

    PYTHONPATH=$PWD .venv/bin/python bench/bench_untrusted_file.py [megabytes]   # default 250

Writes, in a temp folder, a signed .dvx whose one table entry is `megabytes` of JSON lines (stored, not
deflated, so the file really is that big), from a unit the receiving upper level has never trusted. Times,
best of 3: (a) reading the whole file once (SHA-256 of its bytes: the least any check of the records costs)
and (b) `import` refusing it (UntrustedKey). The refusal comes after the container, the manifest and the
signature, before any entry is read, so (b) stays in milliseconds whatever the size and the ratio b/a is
far below 1.

What it showed (2 shared cores, loaded): 250 MB, read once 604 ms, refused 1.0 ms, ratio 0.002. The same
file with the code before issue 11 (move-done): refused after 3 790 ms, having read and hashed the whole
entry and started on its records (here it stopped at the second record's repeated id; a file of distinct
records would be parsed to the end before the key was looked at).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

from danvan_desktop.domain.unit import Unit
from danvan_desktop.exchange import keys
from danvan_desktop.exchange.errors import UntrustedKey
from danvan_desktop.services.app import AppServices


def big_file(path: Path, megabytes: int) -> None:
    key = keys.new_private_key()
    line = (json.dumps({"id": str(uuid.uuid4()), "unit_code": "99009", "created_at": "2026-11-21T08:00:00.000Z-0000-a",
                        "updated_at": "2026-11-21T08:00:00.000Z-0000-a", "updated_by": "", "origin": "",
                        "deleted": 0, "name": "Thôn " + "x" * 200}) + "\n").encode()
    count = megabytes * 1024 * 1024 // len(line)
    digest = hashlib.sha256()
    for _ in range(count):
        digest.update(line)
    manifest = {"format": "danvan-exchange", "format_version": 1, "kind": "batch", "unit_code": "99009",
                "unit_name": "xã Lạ", "unit_level": "commune", "installation_id": str(uuid.uuid4()),
                "batch_id": str(uuid.uuid4()), "recipient": "upper", "sequence": 1,
                "created_at": "2026-11-21T01:00:00Z", "public_key": keys.b64(keys.public_key_of(key)),
                "program_version": "bench", "schema_version": 1, "since": None, "until": None, "periods": [],
                "period": "2026-11", "includes_private": False, "seen": {}, "acknowledges": None,
                "entries": [{"name": "tables/villages.jsonl", "size": count * len(line), "sha256": digest.hexdigest(),
                             "records": count}], "counts": {"villages": count}}
    raw = json.dumps(manifest, sort_keys=True, indent=1).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("manifest.json", raw)
        with zf.open("tables/villages.jsonl", "w") as out:
            chunk = line * 4096
            for _ in range(count // 4096):
                out.write(chunk)
            out.write(line * (count % 4096))
        zf.writestr("manifest.sig", keys.b64(keys.sign(key, raw)))


def best(fn, times: int = 3) -> float:
    results = []
    for _ in range(times):
        start = time.perf_counter()
        fn()
        results.append(time.perf_counter() - start)
    return min(results)


def main() -> None:
    megabytes = int(sys.argv[1]) if len(sys.argv) > 1 else 250
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "la.dvx"
        big_file(path, megabytes)
        upper = AppServices.open(Path(tmp) / "upper.sqlite3", today=lambda: dt.date(2026, 11, 21))
        upper.setup.create_unit(Unit(code="T38", name="Ban Tuyên giáo và Dân vận Tỉnh ủy", province="Thanh Hóa",
                                     level="upper"))

        def read_once():
            digest = hashlib.sha256()
            with path.open("rb") as fh:
                while chunk := fh.read(1024 * 1024):
                    digest.update(chunk)

        def refuse():
            try:
                upper.exchange.importer.import_file(path)
            except UntrustedKey:
                return
            raise AssertionError("the untrusted file was not refused")

        a, b = best(read_once), best(refuse)
        upper.close()
        size = path.stat().st_size / 1024 / 1024
    print(f"file {size:.0f} MB   read once {a * 1000:8.1f} ms   refused {b * 1000:8.1f} ms   ratio {b / a:.3f}")


if __name__ == "__main__":
    main()
