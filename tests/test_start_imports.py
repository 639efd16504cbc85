"""What the window's first paint costs, in modules rather than seconds (issue 17, P3): a fresh process opens the
file as the program does, shows the main window and paints it; by then the dashboard is the only page built,
no other page's module is imported, and neither are the document writers (reportlab, python-docx, openpyxl)
nor the hand-over's signatures. The job runner is held until the paint, so what it imports for the
dashboard's figures (off the GUI thread, after the paint) is not counted. At the upper level the paint makes no
enum of Qt's namespace (QtCore.Qt: its ~90 enums are made together on first use, 15–40 ms) and imports neither
importlib.resources nor uuid. bench/bench_first_paint.py measures the seconds."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

CHILD = r"""
import json, sys, threading
from danvan_desktop.services import jobs
gate = threading.Event()
loop = jobs.JobRunner._loop
def held(self):
    gate.wait()
    loop(self)
jobs.JobRunner._loop = held
from danvan_desktop.gui.app import apply_appearance, make_application
from danvan_desktop.gui.main_window import open_window
from danvan_desktop.services.unit.data_file import close_data_file, open_data_file
app = make_application()
services = open_data_file(sys.argv[1])
apply_appearance(app, services)
window = open_window(services)
window.show()
app.processEvents()
window.grab()
from PySide6 import QtCore
print(json.dumps({"modules": sorted(sys.modules), "built": sorted(window.pages.built), "pages": window.page_keys,
                  "qt_namespace": QtCore.__dict__.get("Qt") is not None}))
gate.set()
window.close()
close_data_file(services)
"""

# the modules behind the other pages: imported when the page is first shown
OTHER_PAGES = [
    "danvan_desktop.gui.pages.roster.members_page",
    "danvan_desktop.gui.pages.roster.villages_page",
    "danvan_desktop.gui.pages.tasks.teams_page",
    "danvan_desktop.gui.pages.tasks.tasks_page",
    "danvan_desktop.gui.pages.figures.figures_page",
    "danvan_desktop.gui.pages.report.reports_page",
    "danvan_desktop.gui.pages.yearwork.yearwork_page",
    "danvan_desktop.gui.pages.settings.settings_page",
    "danvan_desktop.gui.pages.handover.import_tab",
    "danvan_desktop.gui.pages.handover.export_tab",
    "danvan_desktop.gui.pages.handover.upper_tab",
    "danvan_desktop.gui.setup_wizard",
]
# what only writing a document, reading a roster file or checking a hand-over needs, and the services the
# dashboard's sections use when they read (on the job runner, after the paint)
NOT_AT_START = ["reportlab", "docx", "openpyxl", "cryptography", "babel", "danvan_desktop.render",
                "danvan_desktop.gui.widgets.pdf_preview", "danvan_desktop.exchange.keys",
                "danvan_desktop.services.handover.export", "danvan_desktop.services.handover.importer",
                "danvan_desktop.services.report", "danvan_desktop.services.documents",
                "danvan_desktop.services.tasks", "danvan_desktop.services.yearwork"]
# the upper level's dashboard has no section of a commune's pages; what its paint does not need either: the
# rotating log's stdlib module (socket, pickle, queue), importlib.resources, uuid (with platform), the audit log and
# the exchange's bookkeeping (the start's recovery reads store/export_trail.py), the job runner's GUI side, the
# widgets of fit.py (window_state.py needs only screen.py), the backups' service and the recent files' list (written
# after the paint)
NOT_AT_UPPER_START = [*NOT_AT_START, "danvan_desktop.gui.pages.meetings", "danvan_desktop.gui.pages.figures",
                      "danvan_desktop.services.figures", "importlib.resources", "uuid",
                      "danvan_desktop.store.audit", "danvan_desktop.store.exchange_log", "danvan_desktop.gui.worker",
                      "danvan_desktop.gui.widgets.fit", "danvan_desktop.services.unit.backups",
                      "danvan_desktop.services.unit.recent_files"]


def start(path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def imported(modules: list[str], names: list[str]) -> list[str]:
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in names)]


@pytest.mark.parametrize("template", ["demo_template", "upper_template"])
def test_the_first_paint_builds_the_dashboard_alone_and_imports_no_other_page(template, request, tmp_path):
    path = tmp_path / "data.sqlite3"
    shutil.copyfile(request.getfixturevalue(template), path)
    seen = start(path)
    assert seen["built"] == ["dashboard"]
    assert len(seen["pages"]) > 1            # the sidebar lists them all the same
    assert imported(seen["modules"], OTHER_PAGES) == []
    assert imported(seen["modules"], NOT_AT_UPPER_START if template == "upper_template" else NOT_AT_START) == []


def test_the_upper_levels_first_paint_makes_no_enum_of_qts_namespace(upper_template, tmp_path):
    """Nothing the upper level's first paint runs names Qt.Something (a sidebar, a menu with its keys, the dashboard's
    cards and banners): the namespace is made later, by the first hover on a card or the first read's worker."""
    path = tmp_path / "tinh.sqlite3"
    shutil.copyfile(upper_template, path)
    assert start(path)["qt_namespace"] is False


def test_what_the_first_paint_sets_without_qts_namespace_is_set(qtbot, services):
    """The values set by name or number instead of through Qt's enums are Qt's: the sidebar never scrolls sideways,
    the banner's text can be selected, the keys are the platform's standard ones."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction, QKeySequence

    from danvan_desktop.gui.main_window import WORD_WRAP, MainWindow
    from danvan_desktop.gui.widgets.banner import Banner
    assert WORD_WRAP == Qt.TextFlag.TextWordWrap.value
    window = MainWindow(services)
    qtbot.addWidget(window)
    assert window.sidebar.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert Banner().body.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
    keys = {action.text(): action.shortcut() for action in window.findChildren(QAction) if not action.shortcut().isEmpty()}
    standard = {key: QKeySequence.keyBindings(key)[0] for key in (QKeySequence.StandardKey.Undo,
                QKeySequence.StandardKey.Redo, QKeySequence.StandardKey.Open, QKeySequence.StandardKey.HelpContents)}
    assert set(standard.values()) <= set(keys.values())


def test_the_window_leaves_the_received_folders_sweep_to_the_job_runner(upper_template, tmp_path):
    """A crashed import's temp file under received/ is still swept, by the job runner when it opens its connection
    (the dashboard's first read), not while the window waits: the walk visits every document ever received."""
    from danvan_desktop.services.unit.data_file import close_data_file, open_data_file
    path = tmp_path / "tinh.sqlite3"
    shutil.copyfile(upper_template, path)
    stale = tmp_path / "received" / "99001" / "abcd1234" / "bao-cao.tmp"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"half a pdf")
    services = open_data_file(path)
    try:
        assert stale.exists()                     # opened: not swept on this thread
        services.jobs.submit(lambda runner_services: None).wait(30)
        assert not stale.exists()
    finally:
        close_data_file(services)


def test_every_page_and_dashboard_section_named_in_the_registries_exists():
    """The sidebar's pages and the dashboard's sections are named, not imported, until they are built: a name that
    points nowhere would only fail when an officer opens that page."""
    from danvan_desktop.gui.pages.dashboard_page import SECTIONS
    from danvan_desktop.gui.pages.registry import PAGES, UPPER_LEVEL_PAGES
    from danvan_desktop.gui.pages.spec import load_attribute
    named = [spec.factory for spec in PAGES if isinstance(spec.factory, str)] + [where for where, _upper in SECTIONS]
    assert named and all(callable(load_attribute(where)) for where in named)
    assert len({spec.key for spec in PAGES}) == len(PAGES) and UPPER_LEVEL_PAGES <= {spec.key for spec in PAGES}


def test_the_command_line_opening_the_window_imports_no_command_module(tmp_path):
    """`danvan` (the window) reads the window's options alone; a command is read by the whole command line."""
    code = ("import json, sys\nfrom danvan_desktop.cli import COMMAND_MODULES, parse\n"
            "window = parse(['--db', sys.argv[1], '--demo'])\nmodules = sorted(sys.modules)\n"
            "command = parse(['check', '--db', sys.argv[1]])\n"
            "print(json.dumps({'window': [window.command, window.demo, str(window.db)], 'modules': modules,"
            " 'command': command.command, 'all': COMMAND_MODULES}))")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "xa.sqlite3")], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["window"] == [None, True, str(tmp_path / "xa.sqlite3")] and seen["command"] == "check"
    assert imported(seen["modules"], seen["all"]) == []
