"""The one document model every printed paper is built as (biên bản, báo cáo, receipts …).

Services build a `Document`; renderers (PDF with reportlab, DOCX with python-docx) lay it out
according to a layout profile (Party HD36-2018 or State ND30-2020). Text is NFC. Nothing here
knows about pages, fonts or millimetres: that is the layout profile's job.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Header:
    upper_body: str = ""          # "ĐẢNG BỘ TỈNH THANH HÓA" (top left, regular)
    issuing_body: list[str] = field(default_factory=list)  # ["ĐẢNG ỦY XÃ YÊN PHÚ", "KHỐI DÂN VẬN"] (bold)
    number: str = ""              # "Số 07-BC/DV" (under the asterisk / rule); empty: "Số    -BC/DV" blank
    place: str = ""               # "Yên Phú"
    date: dt.date | None = None   # the date line is built from place + date by the layout's rule


@dataclass
class Title:
    kind: str                     # "BÁO CÁO", "BIÊN BẢN"
    subject: str = ""             # "tình hình Nhân dân và kết quả công tác dân vận tháng 10 năm 2026"


@dataclass
class Heading:
    text: str                     # "I- TÌNH HÌNH NHÂN DÂN" or "1- Công tác lãnh đạo…"
    level: int = 1                # 1: caps bold section; 2: bold sub-section; 3: bold-italic


@dataclass
class Paragraph:
    text: str                     # may contain footnote markers "[[fn:1]]" resolved by the renderer
    indent: bool = True           # first-line indent
    bold: bool = False
    italic: bool = False
    align: str = "justify"        # justify | left | center | right


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]
    widths: list[float] | None = None   # relative widths; None: equal
    align_right: list[int] = field(default_factory=list)  # column indexes of numbers
    caption: str = ""


@dataclass
class Footnote:
    number: int
    text: str


@dataclass
class Signature:
    authority: str = ""           # "T/M KHỐI DÂN VẬN" (bold caps); may be empty
    post: str = ""                # "TRƯỞNG KHỐI" (caps)
    name: str = ""                # "Lê Văn Thắng" (bold), after space for signature and seal
    caption: str = ""             # for minutes: "NGƯỜI GHI BIÊN BẢN" / "CHỦ TRÌ HỘI NGHỊ"


@dataclass
class PageBreak:
    pass


Block = Heading | Paragraph | Table | PageBreak


@dataclass
class Document:
    header: Header
    title: Title
    body: list[Block] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)      # "Nơi nhận:" lines, each without the "- "
    signatures: list[Signature] = field(default_factory=list)  # one: right; two: left and right (minutes)
    layout: str = "HD36-2018"                                 # the layout profile's code
    stamp: str = ""               # hand-over mark printed small at the foot ("Lô … · #ab12cd"), may be empty
    metadata: dict[str, str] = field(default_factory=dict)   # title, author, subject for the file's properties
