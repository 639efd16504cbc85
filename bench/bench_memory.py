"""P5: peak memory (RSS) after visiting every page, against a bare PySide6 window, in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_memory.py DB [DB ...]

Each measurement is a fresh process: the bare one shows a QMainWindow with a QTableView; ours opens the
database, shows the main window, opens every page of the sidebar and every tab of each page, lets the
dashboard's background read finish, and reports its peak resident set size (getrusage ru_maxrss; Linux
and macOS). Give the demo commune, a 100 000-task commune and the province database (see
bench_first_paint.py --big, or bench/bench_list_pages.py and bench/bench_upper_level.py's build()).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BARE = """
import resource, sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QTableView()); w.resize(1366, 728); w.show()
app.processEvents(); w.grab()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

OURS = """
import resource, sys
from PySide6.QtWidgets import QTabWidget
from danvan_desktop.gui.app import apply_appearance, make_application
from danvan_desktop.gui.main_window import MainWindow
from danvan_desktop.services.app import AppServices
app = make_application()
services = AppServices.open(sys.argv[1])
apply_appearance(app, services)
w = MainWindow(services); w.resize(1366, 728); w.show()
app.processEvents(); w.grab()
for key in w.page_keys:
    w.navigate(key)
    app.processEvents()
    for tabs in w.pages[key].findChildren(QTabWidget):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            app.processEvents()
    w.grab()
while getattr(w.pages["dashboard"], "busy", False):
    app.processEvents()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
w.close()
services.close()
"""


def peak_mb(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)   # an installed program starts from compiled bytecode
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, env=env, capture_output=True, text=True)
    kib = int(out.stdout.strip().splitlines()[-1])
    return kib / 1024 if sys.platform != "darwin" else kib / 1024 / 1024


def main(paths: list[str]) -> None:
    bare = peak_mb(BARE)
    print(f"bare PySide6 window: peak {bare:.0f} MB")
    for path in paths:
        ours = peak_mb(OURS, path)
        size = Path(path).stat().st_size / 1e6
        print(f"{Path(path).name} ({size:.0f} MB): every page visited, peak {ours:.0f} MB, ratio {ours / bare:.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
