"""One installable package: a wheel built from the sources carries every run-time file as package data
(the catalogs compiled in its build step), the version is written once, and a demo that fails half-way
leaves no half-built database behind."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import danvan_desktop
from danvan_desktop.domain.records import RuleError

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    """The wheel `pip install .` would install, built from a copy of the sources without the compiled
    catalogs ./dev leaves in the tree, so the build step itself must make them."""
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".venv", ".git", "build", "dist", "tests", "bench", "__pycache__", "*.egg-info", "locale", "*.mo"))
    assert not list((src / "danvan_desktop").rglob("*.mo"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(base / "out"), str(src)], check=True, capture_output=True, timeout=300)
    (built,) = (base / "out").glob("danvan_desktop-*.whl")
    return zipfile.ZipFile(built)


def test_the_wheel_carries_fonts_layouts_catalogs_the_guide_and_migrations(wheel):
    names = set(wheel.namelist())
    for needed in ["danvan_desktop/resources/fonts/LiberationSerif-Regular.ttf",
                   "danvan_desktop/resources/fonts/LICENSE-LiberationSerif.txt",
                   "danvan_desktop/resources/layouts/HD36-2018.json",
                   "danvan_desktop/resources/layouts/ND30-2020.json",
                   "danvan_desktop/resources/locale/en/LC_MESSAGES/danvan.mo",
                   "danvan_desktop/resources/icons/danvan.png",
                   "danvan_desktop/resources/guide/huong-dan.html",
                   "danvan_desktop/resources/guide/img/dashboard.png",
                   "danvan_desktop/store/migrations/001_foundation.sql"]:
        assert needed in names, needed
    import io

    from babel.support import Translations
    english = Translations(io.BytesIO(wheel.read("danvan_desktop/resources/locale/en/LC_MESSAGES/danvan.mo")))
    assert english.gettext("Thành viên khối") == "Bloc members"


def test_the_wheel_names_one_version_and_both_entry_points(wheel):
    (metadata,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    text = wheel.read(metadata).decode()
    assert f"\nVersion: {danvan_desktop.__version__}\n" in text
    # PySide6 6.11 (6.12.0 loses references to None on Python < 3.12); QtPdf is in Addons up to 6.11
    assert "PySide6-Essentials<6.12,>=6.11" in text or "PySide6-Essentials>=6.11,<6.12" in text
    (entry_points,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    points = wheel.read(entry_points).decode()
    assert "[console_scripts]\ndanvan = danvan_desktop.cli:main" in points
    assert "[gui_scripts]\ndanvan-gui = danvan_desktop.cli:gui_main" in points
    assert "\nversion = \"" not in (ROOT / "pyproject.toml").read_text(encoding="utf-8")   # only __version__


def test_a_demo_that_fails_half_way_leaves_nothing_under_its_name(tmp_path, monkeypatch, today):
    import importlib

    from danvan_desktop.services.demo import commune
    first = importlib.import_module(commune.DEMO_MODULES[0])

    def broken(services, rng, day):          # after the unit and the roster are written
        raise OSError("disk full")

    monkeypatch.setattr(first, "DEMO_STEPS", [broken, *first.DEMO_STEPS])
    path = tmp_path / "demo.sqlite3"
    with pytest.raises(OSError):
        commune.build_demo(path, today=today)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "userdata") == []
    # so the next try is not refused as "the file exists", and it builds the whole commune
    monkeypatch.setattr(first, "DEMO_STEPS", [s for s in first.DEMO_STEPS if s is not broken])
    services = commune.build_demo(path, today=today)
    try:
        assert len(services.roster.current()) == 10
    finally:
        services.close()
    with pytest.raises(RuleError):
        commune.build_demo(path, today=today)
