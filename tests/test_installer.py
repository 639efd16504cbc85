"""The packaging files say what the bundle needs: the spec carries the run-time data folders that exist,
and the Linux menu entry is a valid desktop entry that starts `danvan`."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_spec_carries_every_run_time_folder():
    spec = (ROOT / "installer" / "danvan.spec").read_text(encoding="utf-8")
    for folder in re.findall(r'ROOT / "([^"]+)"(?: / "([^"]+)")?(?: / "([^"]+)")?\), "', spec):
        path = ROOT.joinpath(*[part for part in folder if part])
        assert path.is_dir(), path
    for needed in ('"i18n"', '"resources"', '"migrations"'):
        assert needed in spec
    assert "build_catalogs()" in spec            # the .mo files exist before they are collected


def test_the_desktop_entry():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "installer" / "danvan-desktop.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == "danvan"
    assert section["Name"] == "Khối dân vận"
    assert section["Terminal"] == "false"
    assert section["Categories"].endswith(";")
