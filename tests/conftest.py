"""Shared fixtures: offscreen Qt, a fresh database per test, a demo commune, Vietnamese typing."""

from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The suite lives on one pinned day, in-process and in every command it starts: the program's clock
# (domain/today.py) reads it, so no test depends on the machine's date, time zone or locale.
os.environ["DANVAN_TODAY"] = "2026-11-21"

import pytest

from danvan_desktop.domain.i18n import set_language
from danvan_desktop.domain.unit import Unit
from danvan_desktop.services.app import AppServices

TODAY = dt.date.fromisoformat(os.environ["DANVAN_TODAY"])


@pytest.fixture(autouse=True)
def _vietnamese(tmp_path, monkeypatch):
    """Every test starts in Vietnamese with its own data folder."""
    monkeypatch.setenv("DANVAN_DATA_DIR", str(tmp_path / "userdata"))
    set_language("vi")
    yield
    set_language("vi")


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "danvan.sqlite3"


@pytest.fixture
def services(db_path):
    """An empty, set-up commune with three villages (no members)."""
    svc = AppServices.open(db_path, today=lambda: TODAY)
    svc.setup.create_unit(Unit(code="99001", name="xã Thử Nghiệm", province="Thanh Hóa",
                               upper_party_name="ĐẢNG BỘ TỈNH THANH HÓA",
                               party_committee_name="ĐẢNG ỦY XÃ THỬ NGHIỆM", place_name="Thử Nghiệm"),
                          "Thôn Đông\nThôn Tây\nBản Nậm Cắn")
    yield svc
    svc.close()


@pytest.fixture
def demo(tmp_path):
    """The demo commune as `danvan demo` builds it, dated TODAY."""
    from danvan_desktop.services.demo.commune import build_demo
    svc = build_demo(tmp_path / "demo.sqlite3", today=TODAY)
    svc.today = lambda: TODAY
    svc.roster.today = lambda: TODAY
    yield svc
    svc.close()


def type_text(qtbot, widget, text: str) -> None:
    """Type text (Vietnamese included) the way an input method delivers it: a QInputMethodEvent commit."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
    qtbot.wait(1)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """The demo commune built once per session (the exchange tests copy it rather than rebuild it)."""
    from danvan_desktop.services.demo.commune import build_demo
    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite3"
    build_demo(path, today=TODAY).close()
    return path


@pytest.fixture
def xa(demo_template, tmp_path):
    """An open copy of the demo commune (same data, key and installation id as the template)."""
    import shutil
    target = tmp_path / "xa.sqlite3"
    shutil.copyfile(demo_template, target)
    svc = AppServices.open(target, today=lambda: TODAY)
    yield svc
    svc.close()


@pytest.fixture(scope="session")
def upper_template(tmp_path_factory):
    """The demo upper level (four communes, the last one a month behind) built once per session."""
    from danvan_desktop.services.demo.upper import build_upper_demo
    path = tmp_path_factory.mktemp("upper-template") / "tinh.sqlite3"
    build_upper_demo(path, today=TODAY, communes=4).close()
    return path


@pytest.fixture
def tinh(upper_template, tmp_path):
    """An open copy of the demo upper level."""
    import shutil
    target = tmp_path / "tinh.sqlite3"
    shutil.copyfile(upper_template, target)
    svc = AppServices.open(target, today=lambda: TODAY)
    yield svc
    svc.close()


def dashboard_ready(qtbot, page):
    """Wait until the dashboard shows the figures of the latest refresh (they are read off the GUI thread)."""
    qtbot.waitUntil(lambda: not page.busy, timeout=20000)
    return page


def shown_list(qtbot, page, chunk: int, size: tuple[int, int]):
    """A list page read in chunks of `chunk` rows and shown at `size`; the caller yields it, then calls
    `page.model.fetch_all()` so nothing is left for the view to fetch once the file is closed."""
    page.model.CHUNK = chunk
    page.reload()
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    return page


def list_ready(qtbot, page):
    """Wait until a list shows the rows and count of its latest filter (read off the GUI thread)."""
    qtbot.waitUntil(lambda: not page.busy, timeout=20000)
    return page
