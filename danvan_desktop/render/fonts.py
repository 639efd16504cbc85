"""The document font: an installed Times New Roman when present, else the shipped Liberation Serif.

Liberation Serif (SIL OFL 1.1, licence in danvan_desktop/resources/fonts/) has Times New Roman's metrics and
covers Vietnamese, so a document breaks lines and pages the same with either. Set the environment
variable DANVAN_DOC_FONT=shipped to always use the shipped font (tests, reproducible output).
"""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from danvan_desktop.paths import FONTS_DIR

STYLES = ("regular", "bold", "italic", "bold_italic")


@dataclass(frozen=True)
class FontSet:
    family: str                    # the name Word and the PDF's font list show
    files: dict[str, Path]         # style → TrueType file
    shipped: bool

    @property
    def key(self) -> str:
        """A PostScript-safe prefix for the registered reportlab names."""
        return "".join(ch for ch in self.family if ch.isalnum())


SHIPPED = FontSet("Liberation Serif", {
    "regular": FONTS_DIR / "LiberationSerif-Regular.ttf",
    "bold": FONTS_DIR / "LiberationSerif-Bold.ttf",
    "italic": FONTS_DIR / "LiberationSerif-Italic.ttf",
    "bold_italic": FONTS_DIR / "LiberationSerif-BoldItalic.ttf",
}, shipped=True)

# Where Times New Roman is found: Windows, the Debian/Ubuntu msttcorefonts package, macOS.
_TNR_NAMES = [
    ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"),
    ("Times_New_Roman.ttf", "Times_New_Roman_Bold.ttf", "Times_New_Roman_Italic.ttf",
     "Times_New_Roman_Bold_Italic.ttf"),
    ("Times New Roman.ttf", "Times New Roman Bold.ttf", "Times New Roman Italic.ttf",
     "Times New Roman Bold Italic.ttf"),
]


def _font_dirs() -> list[Path]:
    dirs: list[Path] = []
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/System/Library/Fonts/Supplemental"), Path("/Library/Fonts"), Path.home() / "Library/Fonts"]
    else:
        dirs += [Path("/usr/share/fonts/truetype/msttcorefonts"), Path("/usr/share/fonts/TTF"),
                 Path("/usr/share/fonts/truetype"), Path.home() / ".fonts", Path.home() / ".local/share/fonts"]
    return dirs


def installed_times_new_roman() -> FontSet | None:
    for folder in _font_dirs():
        if not folder.is_dir():
            continue
        for names in _TNR_NAMES:
            files = {style: _find_case_insensitive(folder, name) for style, name in zip(STYLES, names)}
            if all(files.values()):
                return FontSet("Times New Roman", {k: v for k, v in files.items() if v}, shipped=False)
    return None


def _find_case_insensitive(folder: Path, name: str) -> Path | None:
    exact = folder / name
    if exact.is_file():
        return exact
    lowered = name.lower()
    try:
        for entry in folder.iterdir():
            if entry.name.lower() == lowered and entry.is_file():
                return entry
    except OSError:
        return None
    return None


def document_fonts(prefer_installed: bool = True) -> FontSet:
    """The font set documents use now."""
    if os.environ.get("DANVAN_DOC_FONT", "").lower() == "shipped":
        prefer_installed = False
    if prefer_installed:
        found = installed_times_new_roman()
        if found is not None:
            return found
    missing = [str(p) for p in SHIPPED.files.values() if not p.is_file()]
    if missing:
        raise FileNotFoundError("shipped font missing: " + ", ".join(missing))
    return SHIPPED


_registered: dict[str, dict[str, str]] = {}


def register_reportlab(fonts: FontSet) -> dict[str, str]:
    """Register the four faces with reportlab once; returns style → registered font name."""
    if fonts.key in _registered:
        return _registered[fonts.key]
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = {style: f"{fonts.key}-{style}" for style in STYLES}
    for style in STYLES:
        font = TTFont(names[style], str(fonts.files[style]))
        # reportlab measures every word of every line it breaks (in pure Python without its optional C
        # accelerator); a word's width at a size never changes, and documents repeat their words.
        font.stringWidth = functools.lru_cache(maxsize=65536)(font.stringWidth)
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(fonts.key, normal=names["regular"], bold=names["bold"],
                                  italic=names["italic"], boldItalic=names["bold_italic"])
    # <b>/<i> inside paragraphs resolve through these mappings.
    for bold in (0, 1):
        for italic in (0, 1):
            style = {(0, 0): "regular", (1, 0): "bold", (0, 1): "italic", (1, 1): "bold_italic"}[(bold, italic)]
            for family in (fonts.key, names["regular"]):
                addMapping(family, bold, italic, names[style])
    _registered[fonts.key] = names
    return names


def face(names: dict[str, str], bold: bool, italic: bool) -> str:
    return names[{(False, False): "regular", (True, False): "bold", (False, True): "italic",
                  (True, True): "bold_italic"}[(bool(bold), bool(italic))]]
