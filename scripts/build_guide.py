"""Refresh the user guide's pictures from the program itself (`danvan screenshots`).

  python scripts/build_guide.py      → danvan_desktop/resources/guide/img/*.png

Builds the demo commune and the demo upper level on a fixed day, renders every page in Vietnamese at
the office screen's 1366×768, and keeps each page's picture at 900 pixels wide for the guide
(danvan_desktop/resources/guide/huong-dan.html), which ships inside the package and opens offline.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "danvan_desktop" / "resources" / "guide" / "img"
WIDTH = 900


def shoot(folder: Path, upper: bool) -> Path:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DANVAN_TODAY="2026-11-21", DANVAN_DOC_FONT="shipped",
               DANVAN_DATA_DIR=str(folder / "data"))
    db = folder / ("upper.sqlite3" if upper else "commune.sqlite3")
    run = [sys.executable, "-m", "danvan_desktop"]
    subprocess.run([*run, "demo", "--db", str(db), *(["--upper"] if upper else [])], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    shots = folder / ("upper" if upper else "commune")
    subprocess.run([*run, "screenshots", "--db", str(db), "--out", str(shots), "--lang", "vi"], env=env,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return shots


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage

    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for upper in (False, True):
            shots = shoot(Path(tmp), upper)
            for png in sorted(shots.glob("*.png")):
                match = re.fullmatch(r"\d\d_([a-z0-9]+|setup_wizard)", png.stem)
                if not match:
                    continue                     # extra shots (dialogs, tabs) stay out of the guide
                name = ("upper_" if upper else "") + ("setup_wizard" if png.stem == "99_setup_wizard"
                                                       else match.group(1))
                if upper and name == "upper_setup_wizard":
                    continue
                image = QImage(str(png))
                width = WIDTH if name != "setup_wizard" else 640
                image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation).save(str(OUT / f"{name}.png"))
                print(OUT / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
