"""P3: process start to the first painted main window, against a bare PySide6 window, in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_first_paint.py [--big] [DB ...]

Each measurement is a fresh process (best of 3) that starts Python, opens the database as the program does
(`open_data_file`: the check, the file's lock, the upgrade), builds the main window, shows it and paints it
once (`grab()`), and prints the time: the figure is that moment less the moment the process was started (the
file's closing and the interpreter's exit after it are not the officer's wait). The baseline is the same for
a bare QMainWindow holding a QTableView. With no DB given it builds the demo commune and the demo upper
level in a temp folder; `--big` adds a commune of 100 000 tasks and notes (bench_list_pages.build) and
the province of 200 communes × 10 years (bench_upper_level.build), about two minutes more. Prints the
seconds and the ratio against the baseline, "figures": the same until the dashboard's figures, read off
the GUI thread after the first paint, are on show, and "through `danvan --db`": the program's own start (the
command line, its log, the Qt check, the crash handler, the window restored) to the same first paint, the event
loop replaced by it. The children may write bytecode (as pip does on install): with PYTHONDONTWRITEBYTECODE set
every start would compile the program's modules again.

Seen 2026-12-02 19:30 UTC on the 2-core shared machine, load 1.2–1.5 (read the ratios), main and this tree
alternated, three rounds: bare 0.14–0.15 s; the generator's province of 200 communes × 1 year (153 MB) first paint
0.24 s, 1.63–1.64× (main 2.00–2.09×), through `danvan --db` 1.63–1.67×, figures 4.1–4.4×; demo upper level
1.61–1.69× (main 1.99–2.09×); demo commune 2.33–2.39× (main 2.48–2.80×) (docs/performance.md, P3).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QTableView()); w.resize(1366, 728); w.show()
app.processEvents(); w.grab()
print(time.time())
"""

OURS = """
import sys, time
from PySide6.QtWidgets import QApplication
from danvan_desktop.gui.app import apply_appearance, make_application
from danvan_desktop.gui.main_window import open_window
from danvan_desktop.services.unit.data_file import close_data_file, open_data_file
app = make_application()
services = open_data_file(sys.argv[1])      # as the program opens it: the check, the file's lock, the upgrade
apply_appearance(app, services)
w = open_window(services); w.resize(1366, 728); w.show()
app.processEvents(); w.grab()
print(time.time())
if len(sys.argv) > 2:       # until the dashboard's figures are on show
    dashboard = w.pages["dashboard"]
    while getattr(dashboard, "busy", False):   # (a program that reads on the GUI thread: at once)
        app.processEvents()
    w.grab()
    print(time.time())
close_data_file(services)
"""


PROGRAM = """
import sys, time
import danvan_desktop.cli as cli          # the program's own start: `danvan --db FILE`, its modules in its order
from PySide6.QtWidgets import QApplication
from danvan_desktop.gui.main_window import MainWindow
def painted(app):                          # instead of the event loop: the first paint, then out
    app.processEvents()
    next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()).grab()
    print(time.time())
    return 0
QApplication.exec = painted
cli.main(["--db", sys.argv[1]])
"""


def best_of(code: str, *args: str, runs: int = 3) -> float:
    """Seconds from starting the process to the last time it printed (the paint, or the figures shown): the
    closing of the file and the interpreter's exit, after that, are not the officer's wait."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)   # an installed program starts from compiled bytecode
    best = float("inf")
    for _ in range(runs):
        started = time.time()
        done = subprocess.run([sys.executable, "-c", code, *args], check=True, env=env, stdout=subprocess.PIPE,
                              text=True)
        best = min(best, float(done.stdout.split()[-1]) - started)
    return best


def build_big(folder: Path) -> list[str]:
    sys.path.insert(0, str(Path(__file__).parent))
    import bench_list_pages
    import bench_upper_level
    commune, province = folder / "commune-100k.sqlite3", folder / "province-200x10.sqlite3"
    bench_list_pages.build(commune, 100_000).close()
    bench_upper_level.build(province, 200).close()
    return [str(commune), str(province)]


def main(args: list[str]) -> None:
    big = "--big" in args
    paths = [a for a in args if a != "--big"]
    if not paths:
        folder = Path(tempfile.mkdtemp(prefix="bench-paint-"))
        subprocess.run([sys.executable, "-m", "danvan_desktop", "demo", "--db", str(folder / "xa.sqlite3")], check=True)
        subprocess.run([sys.executable, "-m", "danvan_desktop", "demo", "--upper", "--db", str(folder / "tren.sqlite3")],
                       check=True)
        paths = [str(folder / "xa.sqlite3"), str(folder / "tren.sqlite3")]
        if big:
            paths += build_big(folder)
    bare = best_of(BARE)
    print(f"bare PySide6 window: {bare:.2f} s")
    for path in paths:
        ours = best_of(OURS, path)
        figures = best_of(OURS, path, "figures")
        program = best_of(PROGRAM, path)
        size = Path(path).stat().st_size / 1e6
        print(f"{Path(path).name} ({size:.0f} MB): first paint {ours:.2f} s, ratio {ours / bare:.2f}; "
              f"figures shown {figures:.2f} s, ratio {figures / bare:.1f}; "
              f"through `danvan --db` {program:.2f} s, ratio {program / bare:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
