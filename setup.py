"""The package's one build step beyond pyproject.toml: compile the message catalogs into the package.

Translators edit i18n/<lang>/LC_MESSAGES/danvan.po; `pip install .`, `python -m build` and the
PyInstaller bundle get danvan_desktop/resources/locale/<lang>/LC_MESSAGES/danvan.mo, compiled here
by babel's own `pybabel compile` (scripts/catalog.py). An editable install (./dev) compiles into the
source tree instead. Nothing is compiled when the program runs.
"""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        super().run()
        sys.path.insert(0, str(ROOT / "scripts"))
        from catalog import compile_catalogs

        package_dir = ROOT if self.editable_mode else Path(self.build_lib)
        compile_catalogs(package_dir / "danvan_desktop" / "resources" / "locale", ROOT / "i18n")


setup(cmdclass={"build_py": BuildWithCatalogs})
