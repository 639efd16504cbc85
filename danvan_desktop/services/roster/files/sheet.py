"""Read a spreadsheet the way a user made it (.xlsx through openpyxl, .csv in any usual encoding) into rows of text.

Rows keep their number in the file (1 = the first line), so a preview can say "dòng 7".
Merged cells take the value of their top-left cell. Reading stops after `limit` non-empty rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.text import clean

# Below this size the workbook is opened fully, which also tells where cells are merged;
# above it, rows are streamed (a huge file is junk or the wrong file anyway).
FULL_LOAD_BYTES = 1_500_000
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # OLE compound file: old .xls, or an encrypted .xlsx
ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")
CSV_ENCODINGS = ("utf-8-sig", "cp1258", "cp1252")


def cell_text(value) -> str:
    """A cell as text: dates as dd/MM/yyyy, whole numbers without '.0', text NFC."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(str(value))


def read_rows(path: Path, limit: int) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) for every row with some text, at most `limit` of them (then one more to tell)."""
    path = Path(path)
    if not path.exists():
        raise RuleError(_("Không tìm thấy tệp «{name}».").format(name=path.name))
    suffix = path.suffix.lower()
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(CFB_MAGIC):
        data = path.read_bytes()
        if ENCRYPTED_MARK in data:
            raise RuleError(_("Tệp «{name}» được đặt mật khẩu. Hãy mở bằng Excel, gỡ mật khẩu "
                              "(Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại và nhập lại.").format(name=path.name))
        raise RuleError(_("Tệp «{name}» là định dạng Excel cũ (.xls). Hãy mở bằng Excel và lưu lại dạng "
                          ".xlsx (Sổ làm việc Excel) rồi nhập lại.").format(name=path.name))
    if suffix in (".xlsx", ".xlsm") or head.startswith(b"PK"):
        yield from _xlsx_rows(path, limit)
    elif suffix in (".csv", ".txt"):
        yield from _csv_rows(path, limit)
    else:
        raise RuleError(_("Chỉ nhập được tệp .xlsx hoặc .csv; «{name}» không phải loại đó.").format(name=path.name))


def _xlsx_rows(path: Path, limit: int) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    small = path.stat().st_size <= FULL_LOAD_BYTES
    try:
        workbook = load_workbook(path, read_only=not small, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise RuleError(_("Tệp «{name}» không phải bảng tính Excel đọc được ({detail}).").format(
            name=path.name, detail=type(exc).__name__)) from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            return
        merged: dict[tuple[int, int], object] = {}
        if small:
            for cells in sheet.merged_cells.ranges:
                top_left = sheet.cell(cells.min_row, cells.min_col).value
                for row in range(cells.min_row, cells.max_row + 1):
                    for col in range(cells.min_col, cells.max_col + 1):
                        merged[(row, col)] = top_left
        count = 0
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            texts = [cell_text(merged.get((number, col), v)) for col, v in enumerate(values, start=1)]
            if not any(texts):
                continue
            count += 1
            yield number, texts
            if count > limit:
                return
    finally:
        workbook.close()


def _decode(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise RuleError(_("Tệp không phải văn bản CSV (có ký tự nhị phân)."))
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _csv_rows(path: Path, limit: int) -> Iterator[tuple[int, list[str]]]:
    text = _decode(path.read_bytes())
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    count = 0
    for number, values in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        texts = [cell_text(v) for v in values]
        if not any(texts):
            continue
        count += 1
        yield number, texts
        if count > limit:
            return
