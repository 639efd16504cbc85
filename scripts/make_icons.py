"""Render the application icon (danvan_desktop/ui/icons/danvan.svg) to the PNG sizes Windows and Linux
desktops use, and to one .ico holding them all (Windows: the installer, the taskbar, Explorer).

Run after changing the SVG:  .venv/bin/python scripts/make_icons.py
The .ico is written by hand (the format is a small header and PNG images): Qt writes single-image
.ico files only, and Pillow would be a dependency for this one script."""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 24, 32, 48, 64, 128, 256)
ICONS = Path(__file__).resolve().parent.parent / "danvan_desktop" / "ui" / "icons"


def render(svg: Path, size: int) -> bytes:
    renderer = QSvgRenderer(str(svg))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico(images: dict[int, bytes]) -> bytes:
    """ICONDIR + one ICONDIRENTRY per size + the PNG images (Windows Vista and later read PNG entries)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    entries, blobs = b"", b""
    offset = 6 + 16 * len(images)
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size          # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = ICONS / "danvan.svg"
    out = ICONS / "app"
    out.mkdir(exist_ok=True)
    images = {size: render(svg, size) for size in SIZES}
    for size, png in images.items():
        (out / f"danvan-{size}.png").write_bytes(png)
    (out / "danvan.ico").write_bytes(ico(images))
    print(f"{len(images)} PNG and danvan.ico in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
