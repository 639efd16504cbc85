"""Start and quit the program many times offscreen and count the interpreter's fatal errors (issue 9 item 5).

    python scripts/start_quit.py [--starts 200] [--budget 900] [--pages] [--db F ...]
                                 [--demo] [--upper] [--province 200]

Each start is a fresh process running the program's own start (gui.app.run_gui) on a database:
the main window is shown, the event loop runs, then the program quits as if the officer closed
it (`--pages` visits every page first). A start fails when the process ends with a signal, a
non-zero code or "Fatal Python error" on stderr. Databases: `--db` files, and/or ones built in a
temp folder: `--demo` (the demo commune), `--upper` (the demo upper level, 10 communes imported
through real files) and `--province N` (an upper level with N communes written by
bench/bench_upper_level.py, each with the 14 posts of a commune — the page that died at every
start on Python 3.11 with PySide6 6.12.0). Starts go round the databases until --starts per
database are done or --budget seconds are spent; what was run is what is printed. On Python < 3.12
the child also reports how far the counts of None, True and False moved during its life.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DAY = "2026-11-21"

CHILD = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from danvan_desktop.gui import app as gui_app

def counts():
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)

begin = counts()
application = gui_app.make_application()

def finish():
    from PySide6.QtWidgets import QDialog, QMessageBox
    from danvan_desktop.gui.main_window import MainWindow
    for dialog in [w for w in application.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]:
        text = dialog.text() if isinstance(dialog, QMessageBox) else dialog.windowTitle()
        print("DIALOG-AT-START", " ".join(text.split())[:300], flush=True)
        dialog.reject()
        QTimer.singleShot(0, finish)
        return
    windows = [w for w in application.topLevelWidgets() if isinstance(w, MainWindow)]
    if sys.argv[2] == "pages" and windows:
        for key in windows[0].page_keys:
            windows[0].navigate(key)
            application.processEvents()
    end = counts()
    print("REFCOUNT-DRIFT", *(e - b for e, b in zip(end, begin)), flush=True)
    for window in windows:
        window.close()
    application.quit()

QTimer.singleShot(50, finish)
sys.exit(gui_app.run_gui(Path(sys.argv[1])))
"""


@dataclass
class Tally:
    name: str
    starts: int = 0
    fatal: int = 0
    other: int = 0
    seconds: float = 0.0
    drift_none: list[int] = field(default_factory=list)
    drift_bool: list[int] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def build_databases(args, folder: Path) -> list[tuple[str, Path]]:
    env = dict(os.environ, DANVAN_TODAY=DAY)
    result = [(Path(p).name, Path(p)) for p in args.db]
    if args.demo:
        path = folder / "demo.sqlite3"
        if not path.exists():
            subprocess.run([sys.executable, "-m", "danvan_desktop", "demo", "--db", str(path)], check=True, env=env,
                           stdout=subprocess.DEVNULL)
        result.append(("demo", path))
    if args.upper:
        path = folder / "upper.sqlite3"
        if not path.exists():
            subprocess.run([sys.executable, "-m", "danvan_desktop", "demo", "--upper", "--db", str(path)],
                           check=True, env=env, stdout=subprocess.DEVNULL)
        result.append(("upper demo (10 communes)", path))
    if args.province:
        path = folder / "province.sqlite3"
        code = (f"import sys; sys.path.insert(0, {str(ROOT / 'bench')!r}); import bench_upper_level as b; "
                f"s = b.build(__import__('pathlib').Path({str(path)!r}), {args.province}); "
                "c = s.db.conn; c.execute('BEGIN'); "
                "c.execute(\"INSERT INTO posts (id, unit_code, created_at, updated_at, updated_by, origin, deleted, "
                "code, name, sort_order) SELECT lower(hex(randomblob(16))), u.code, p.created_at, p.updated_at, "
                "p.updated_by, p.origin, 0, p.code, p.name, p.sort_order FROM units u JOIN posts p "
                "ON p.unit_code = (SELECT value FROM settings WHERE key = 'unit_code') WHERE u.code != p.unit_code\"); "
                "c.execute('COMMIT'); s.close()")
        if not path.exists():
            subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT)
        result.append((f"province ({args.province} communes)", path))
    return result


def start_once(db: Path, pages: bool, tally: Tally, timeout: float) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DANVAN_TODAY=DAY)
    began = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, str(db), "pages" if pages else "start"], env=env,
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        tally.starts += 1
        tally.other += 1
        tally.failures.append(f"timeout after {timeout:.0f} s")
        return
    tally.seconds += time.monotonic() - began
    tally.starts += 1
    for line in done.stdout.splitlines():
        if line.startswith("REFCOUNT-DRIFT"):
            none, true, false = (int(x) for x in line.split()[1:])
            tally.drift_none.append(none)
            tally.drift_bool.append(min(true, false))
    dialogs = [line for line in done.stdout.splitlines() if line.startswith("DIALOG-AT-START")]
    fatal = [line for line in done.stderr.splitlines() if line.startswith("Fatal Python error")]
    if fatal:
        tally.fatal += 1
        tally.failures.append(f"rc {done.returncode}: {fatal[0].strip()}")
    elif done.returncode != 0 or dialogs:
        tally.other += 1
        tally.failures.append(f"rc {done.returncode}: {dialogs[:1] or done.stderr.strip().splitlines()[-1:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=200, help="starts per database")
    parser.add_argument("--budget", type=float, default=900, help="seconds for all the starts (building excluded)")
    parser.add_argument("--pages", action="store_true", help="visit every page before quitting")
    parser.add_argument("--timeout", type=float, default=120, help="seconds one start may take")
    parser.add_argument("--db", action="append", default=[])
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--upper", action="store_true")
    parser.add_argument("--province", type=int, default=0, metavar="N")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="build the databases here and keep them (reused when present); default: a temp folder")
    args = parser.parse_args(argv)
    import PySide6
    print(f"Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}; "
          f"{'every page visited' if args.pages else 'start, first paint, quit'}")
    folder = args.workdir or Path(tempfile.mkdtemp(prefix="danvan-startquit-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        built = time.monotonic()
        databases = build_databases(args, folder)
        if not databases:
            parser.error("no database: give --db, --demo, --upper or --province")
        print(f"databases ready in {time.monotonic() - built:.0f} s")
        tallies = [Tally(name) for name, _p in databases]
        deadline = time.monotonic() + args.budget
        for _round in range(args.starts):
            if time.monotonic() > deadline:
                break
            for (_name, path), tally in zip(databases, tallies):
                if time.monotonic() > deadline:
                    break
                start_once(path, args.pages, tally, args.timeout)
    finally:
        if args.workdir is None:
            shutil.rmtree(folder, ignore_errors=True)
    bad = 0
    for t in tallies:
        mean = t.seconds / t.starts if t.starts else 0
        drift = ""
        if t.drift_none and sys.version_info < (3, 12):
            drift = (f", None count moved {min(t.drift_none):+d}..{max(t.drift_none):+d}, True/False "
                     f"{min(t.drift_bool):+d} at worst")
        print(f"{t.name}: {t.starts} starts, {t.fatal} fatal errors, {t.other} other failures, "
              f"{mean:.2f} s per start{drift}")
        for failure in t.failures[:5]:
            print(f"    {failure}")
        bad += t.fatal + t.other
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
