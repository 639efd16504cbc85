"""Reading a PDF the way a test checks it: text in order, word boxes, fonts (poppler's tools)."""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

MM = 72.0 / 25.4
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.DOTALL)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


@dataclass(frozen=True)
class Word:
    page: int
    x0: float      # points from the left edge
    y0: float      # points from the top edge
    x1: float
    y1: float
    text: str


def words(pdf: Path) -> list[Word]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    result = []
    for number, page in enumerate(_PAGE.finditer(out), start=1):
        for m in _WORD.finditer(page.group(3)):
            result.append(Word(number, float(m.group(1)), float(m.group(2)), float(m.group(3)),
                               float(m.group(4)), html.unescape(m.group(5))))
    return result


def text(pdf: Path, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(pdf), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def page_texts(pdf: Path) -> list[str]:
    return text(pdf).split("\f")


def fonts(pdf: Path) -> list[dict[str, str]]:
    """pdffonts' table: name, type and whether embedded ('emb')."""
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    lines = out.splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name type... encoding emb sub uni object ID: the last five columns are fixed
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def find_line(all_words: list[Word], phrase: str, page: int | None = None) -> list[Word]:
    """The words of the first occurrence of `phrase` (consecutive words on one line)."""
    target = phrase.split()
    for i in range(len(all_words) - len(target) + 1):
        chunk = all_words[i:i + len(target)]
        if [w.text for w in chunk] == target and (page is None or chunk[0].page == page):
            return chunk
    raise AssertionError(f"phrase not found in PDF: {phrase!r}")
