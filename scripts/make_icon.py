"""Draw the program's icon (a yellow star on red over "DV" on the sidebar's blue) to PNG and ICO.

  python scripts/make_icon.py      → danvan_desktop/resources/icons/danvan.png, installer/danvan.ico
"""

from __future__ import annotations

import math
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPolygonF

ROOT = Path(__file__).resolve().parents[1]


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1f4e79"))
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    p.setBrush(QColor("#c0392b"))
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 104 * s), 44 * s, 44 * s)
    p.drawRect(QRectF(8 * s, 70 * s, 240 * s, 42 * s))
    star = QPolygonF()
    cx, cy, outer, inner = 128 * s, 62 * s, 42 * s, 17 * s
    for k in range(10):
        r = outer if k % 2 == 0 else inner
        angle = -math.pi / 2 + k * math.pi / 5
        star.append(QPointF(cx + r * math.cos(angle), cy + r * math.sin(angle)))
    p.setBrush(QColor("#ffd700"))
    p.drawPolygon(star)
    font = QFont("DejaVu Sans")
    font.setBold(True)
    font.setPixelSize(int(104 * s))
    p.setFont(font)
    p.setPen(QColor("white"))
    p.drawText(QRectF(0, 116 * s, 256 * s, 124 * s), Qt.AlignmentFlag.AlignCenter, "DV")
    p.end()
    return image


def png_bytes(size: int) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    draw(size).save(buffer, "PNG")
    return bytes(data)


def ico(sizes=(16, 24, 32, 48, 64, 256)) -> bytes:
    """A Windows icon with one PNG image per size (Explorer, the taskbar and the desktop pick theirs)."""
    images = [png_bytes(size) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries = b""
    for size, image in zip(sizes, images):
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(image), offset)
        offset += len(image)
    return header + entries + b"".join(images)


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    png = ROOT / "danvan_desktop" / "resources" / "icons" / "danvan.png"
    png.parent.mkdir(parents=True, exist_ok=True)
    png.write_bytes(png_bytes(256))
    (ROOT / "installer" / "danvan.ico").write_bytes(ico())
    print(png, ROOT / "installer" / "danvan.ico")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
