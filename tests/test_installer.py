"""The packaging files say what the bundle needs: the spec carries the package data and what the libraries
read from files, and the Linux menu entry is a valid desktop entry that starts `danvan`."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_spec_carries_the_package_data_and_what_the_libraries_read_from_files():
    spec = (ROOT / "installer" / "danvan.spec").read_text(encoding="utf-8")
    assert "compile_catalogs()" in spec           # the .mo files exist before they are collected
    for needed in ('collect_data_files("danvan_desktop"', 'collect_data_files("docx")',
                   'collect_data_files("reportlab")', 'collect_data_files("babel"'):
        assert needed in spec
    assert 'name="danvan", console=False' in spec and 'name="danvan-cli", console=True' in spec
    assert '"installer" / "danvan.ico"' in spec


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
