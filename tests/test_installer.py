"""The packaging files say what the bundle needs: the spec carries the package data and what the libraries
read from files, and the Linux menu entry is a valid desktop entry that starts `danvan`."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

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


def test_the_windows_installer_is_per_user_offline_and_keeps_the_data():
    nsi = (ROOT / "installer" / "danvan.nsi").read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in nsi
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APPNAME}"' in nsi
    assert "NSISdl" not in nsi and "inetc" not in nsi            # nothing downloaded while installing
    assert "$SMPROGRAMS" in nsi and "$DESKTOP" in nsi
    assert '"Software\\Classes\\.dvx" "" "${PROGID}"' in nsi
    assert '\'"$INSTDIR\\danvan.exe" --open "%1"\'' in nsi
    uninstall = nsi[nsi.index('Section "Uninstall"'):]
    # the user's data (%LOCALAPPDATA%\danvan-desktop) is never named by the uninstaller
    assert "$LOCALAPPDATA" not in uninstall and "RMDir /r \"$INSTDIR\"" not in uninstall
    assert "${AtLeastBuild} 17763" in nsi and "${RunningX64}" in nsi   # Windows 10 1809, 64-bit


@pytest.mark.skipif(shutil.which("makensis") is None, reason="NSIS (makensis) not installed")
def test_the_installer_script_compiles(tmp_path):
    """makensis builds the installer from a stand-in bundle (the real payload is the Windows bundle)."""
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    for name in ("danvan.exe", "danvan-cli.exe", "_internal/base_library.zip"):
        (bundle / name).write_bytes(b"stand-in")
    out = tmp_path / "out"
    out.mkdir()
    done = subprocess.run(["makensis", "-V2", "-XSetCompressor /FINAL zlib", f"-DSRC={bundle}",
                           f"-DOUTDIR={out}", "-DVERSION=0.1.0", "danvan.nsi"],
                          cwd=ROOT / "installer", capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (out / "danvan-desktop-0.1.0-setup.exe").stat().st_size > 100_000


def test_the_windows_workflow_builds_smoke_tests_installs_and_uninstalls():
    flow = (ROOT / "installer" / "windows-build.yml").read_text(encoding="utf-8")
    assert "runs-on: windows-" in flow
    for step in ("PyInstaller --noconfirm", "danvan-cli.exe", "makensis", '"/S"', "uninstall.exe",
                 "user data removed"):
        assert step in flow, step
