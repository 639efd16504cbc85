"""The .dvx format's constants, entry names, limits and version rules (see docs/exchange-format.md)."""

from __future__ import annotations

import datetime as dt
import re

from danvan_desktop.domain.clock import MAX_AHEAD

FORMAT_NAME = "danvan-exchange"
# Readers accept every version up to their own and refuse a newer one with NewerFormat; a change
# that an older reader could misread (new required field, new meaning) bumps this number.
FORMAT_VERSION = 1
EXTENSION = ".dvx"

KIND_BATCH = "batch"        # a unit's data
KIND_RECEIPT = "receipt"    # an acknowledgement written back by the receiver
KINDS = (KIND_BATCH, KIND_RECEIPT)

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
TABLE_DIR = "tables/"
DOCUMENT_DIR = "documents/"
TABLE_ENTRY = re.compile(r"^tables/([a-z][a-z0-9_]{0,62})\.jsonl$")
DOCUMENT_ENTRY = re.compile(r"^documents/([A-Za-z0-9][A-Za-z0-9._-]{0,120})\.pdf$")

# Bounds checked before anything is decompressed: a stick may carry a hostile file.
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_ENTRIES = 2000
MAX_ENTRY_BYTES = 256 * 1024 * 1024   # one table of a 10-year commune: 100 000 tasks ≈ 78 MB of JSON lines
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_RATIO = 200            # uncompressed / compressed, for entries above RATIO_FLOOR bytes
RATIO_FLOOR = 64 * 1024
MAX_LINE_BYTES = 16 * 1024 * 1024   # one record (a stored PDF travels as base64 in one line)

# Bounds on the values a file carries (exchange/bounds.py checks them before anything is written).
MAX_TEXT_CHARS = 200_000            # one text field; the longest real one (a report's section) is a few thousand
MAX_NAME_CHARS = 200                # the manifest's unit name and other short labels
MAX_SEQUENCE = 1_000_000            # a batch number; a commune writing a file a day for ten years needs 3 650
MAX_SEQUENCE_GAP = 10_000           # how far a batch number may run ahead of the last one received
MAX_CLOCK_AHEAD: dt.timedelta = MAX_AHEAD   # a received stamp may be at most a day ahead of this PC's clock

RECIPIENT_UPPER = "upper"  # the unit's upper level; other recipients are installation ids of peers


def table_entry(table: str) -> str:
    return f"{TABLE_DIR}{table}.jsonl"


def document_entry(name: str) -> str:
    return f"{DOCUMENT_DIR}{name}.pdf"


def is_known_entry(name: str) -> bool:
    return name in (MANIFEST, SIGNATURE) or bool(TABLE_ENTRY.match(name) or DOCUMENT_ENTRY.match(name))


_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f]")


def unsafe_name(name: str) -> bool:
    """Absolute paths, drive letters, backslashes, '..' segments, control characters."""
    if not name or name.startswith(("/", "\\")) or "\\" in name or _CONTROL.search(name):
        return True
    if _DRIVE.match(name):
        return True
    return any(part in ("..", ".") for part in name.split("/"))
