"""The province database opened N times (default 20), each a fresh process with the real main window,
offscreen: the settings page and the hand-over page (every tab) are visited, then the window closes.
Counts the starts that ended with a `Fatal Python error` or a non-zero exit (issue 17: with Python 3.11 and
PySide6 6.12 every start on a province database died in `none_dealloc`; docs/platform-support.md).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/starts.py DB [N]

Run it with each Python the project supports (>= 3.10): it reports the interpreter and PySide6 it used.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

START = """
import sys
from PySide6.QtWidgets import QTabWidget
from danvan_desktop.gui.app import apply_appearance, make_application
from danvan_desktop.gui.main_window import MainWindow
from danvan_desktop.services.app import AppServices
app = make_application()
services = AppServices.open(sys.argv[1])
apply_appearance(app, services)
w = MainWindow(services); w.resize(1366, 728); w.show(); app.processEvents()
for key in ("settings", "exchange"):
    w.navigate(key); app.processEvents()
    for tabs in w.pages[key].findChildren(QTabWidget):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i); app.processEvents()
    w.grab()
while getattr(w.pages["dashboard"], "busy", False):
    app.processEvents()
w.close(); app.processEvents()
services.close()
"""


def main() -> None:
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)   # an installed program starts from compiled bytecode
    version = subprocess.run([sys.executable, "-c", "import sys, PySide6; print(sys.version.split()[0], "
                              "PySide6.__version__)"], capture_output=True, text=True, env=env).stdout.strip()
    print(f"Python and PySide6: {version}; database: {path}")
    fatal = failed = 0
    for run in range(1, runs + 1):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-X", "faulthandler", "-c", START, path], capture_output=True,
                              text=True, env=env)
        seconds = time.perf_counter() - started
        is_fatal = "Fatal Python error" in done.stderr
        fatal += is_fatal
        failed += done.returncode != 0
        state = "fatal" if is_fatal else (f"exit {done.returncode}" if done.returncode else "ok")
        print(f"start {run:2}: {state} in {seconds:.1f} s")
        if done.returncode:
            print(done.stderr[-2000:])
    print(f"{runs} starts: {fatal} with 'Fatal Python error', {failed} with a non-zero exit")
    sys.exit(1 if fatal or failed else 0)


if __name__ == "__main__":
    main()
