"""`danvan screenshots`: render every page of the main window offscreen to PNG."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from danvan_desktop.domain.i18n import set_language
from danvan_desktop.gui.widgets.settle import settle


def take_screenshots(db_path: Path, out_dir: Path, language: str | None = None,
                     size: tuple[int, int] = (1366, 768), text_size: int | None = None) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from danvan_desktop.gui.app import make_application
    from danvan_desktop.gui.appearance import apply_appearance
    from danvan_desktop.gui.main_window import MainWindow
    from danvan_desktop.gui.qt_check import problem
    from danvan_desktop.services.app import AppServices

    app = make_application()
    if (refusal := problem()) is not None:
        raise SystemExit(refusal)
    services = AppServices.open(db_path)
    apply_appearance(app, services, point_size=text_size)
    if language:        # after the saved preference, which apply_appearance puts in force
        set_language(language)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    window = MainWindow(services)
    window.resize(*size)
    window.show()
    written = []
    for index, key in enumerate(window.page_keys):
        window.navigate(key)
        app.processEvents()
        _wait_for_reads(app, window.pages[key], services)
        slug = re.sub(r"[^a-z0-9_]+", "_", key)
        path = out_dir / f"{index:02d}_{slug}.png"
        window.grab().save(str(path))
        written.append(path)
        extra = getattr(window.pages[key], "extra_screenshots", None)
        if extra:
            for name, widget in extra():
                if callable(widget):        # a step that sets the page up for this shot, then names the widget
                    widget = widget()
                settle(0.1)
                shot = out_dir / f"{index:02d}_{slug}_{name}.png"
                widget.grab().save(str(shot))
                written.append(shot)
                if widget.isWindow() and widget is not window:   # a dialog, not the main window itself
                    widget.close()
    written.append(_shoot_wizard(services, out_dir, app))
    window.close()
    services.close()
    return written


def _wait_for_reads(app, page, services, timeout: float = 60.0) -> None:
    """A page that reads off the GUI thread (the dashboard's figures) is shot once its figures are on show."""
    deadline = time.monotonic() + timeout
    while (getattr(page, "busy", False) or services.jobs.busy) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()


def _shoot_wizard(services, out_dir: Path, app) -> Path:
    """The first-run wizard as a new officer meets it (nothing is saved: it is never finished)."""
    from danvan_desktop.gui.setup_wizard import SetupWizard

    wizard = SetupWizard(services.setup)
    wizard.resize(760, 620)
    wizard.show()
    app.processEvents()
    path = out_dir / "99_setup_wizard.png"
    wizard.grab().save(str(path))
    wizard.close()
    return path
