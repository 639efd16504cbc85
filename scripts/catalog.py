"""Keep the gettext catalog in step with the code — a thin front over babel's own `pybabel` commands.

  python scripts/catalog.py update    pybabel extract (babel.cfg) → i18n/danvan.pot, then pybabel update
                                      → i18n/{vi,en}/LC_MESSAGES/danvan.po (translations are kept)
  python scripts/catalog.py missing   list the English translations still missing
  python scripts/catalog.py compile   pybabel compile every .po → danvan_desktop/resources/locale/…/danvan.mo
                                      (./dev does this for the editable install; `pip install .` and the
                                      bundle do it in their build step, setup.py)

The .po files in i18n/ are the sources translators edit; the compiled .mo files are build output,
never written at run time.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "i18n"
DOMAIN = "danvan"
PACKAGE_LOCALE = ROOT / "danvan_desktop" / "resources" / "locale"
KEYWORDS = ["-k", "_", "-k", "N_", "-k", "ngettext:1,2", "-k", "pgettext:1c,2"]


def pybabel(*args: str) -> None:
    """Run one `pybabel` command in this process (no PATH needed); raise if it fails."""
    code = CommandLineInterface().run(["pybabel", "-q", *args])
    if code:
        raise SystemExit(f"pybabel {args[0]} failed ({code})")


def extract_to(pot: Path) -> None:
    pybabel("extract", "-F", str(ROOT / "babel.cfg"), "--no-default-keywords", *KEYWORDS,
            "--sort-output", "-w", "100", "--project", "danvan-desktop", "-o", str(pot), ".")


def extract() -> Catalog:
    """The messages in the code now, as a catalog (what `update` would write to danvan.pot)."""
    with tempfile.TemporaryDirectory() as tmp:
        pot = Path(tmp) / "danvan.pot"
        cwd = Path.cwd()
        try:
            import os
            os.chdir(ROOT)          # location comments are relative to the project root
            extract_to(pot)
        finally:
            os.chdir(cwd)
        with pot.open("rb") as fh:
            return read_po(fh)


def po_path(lang: str) -> Path:
    return I18N / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    return sorted(p.parent.parent.name for p in I18N.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def update() -> None:
    import os
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        extract_to(I18N / "danvan.pot")
        pybabel("update", "-i", str(I18N / "danvan.pot"), "-d", str(I18N), "-D", DOMAIN,
                "--no-fuzzy-matching", "--ignore-obsolete", "-w", "100")
    finally:
        os.chdir(cwd)
    with (I18N / "danvan.pot").open("rb") as fh:
        print(f"{len(read_po(fh))} messages")


def compile_catalogs(target: Path = PACKAGE_LOCALE, source: Path = I18N) -> list[Path]:
    """Compile every language's .po under `source` into `target`/<lang>/LC_MESSAGES/danvan.mo."""
    written = []
    for po in sorted(Path(source).glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        lang = po.parent.parent.name
        mo = Path(target) / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
        mo.parent.mkdir(parents=True, exist_ok=True)
        mo.unlink(missing_ok=True)
        pybabel("compile", "-D", DOMAIN, "-l", lang, "-i", str(po), "-o", str(mo))
        if not mo.is_file():     # pybabel skips a catalog whose header is marked fuzzy, and says nothing
            raise SystemExit(f"{po}: not compiled (is its header marked '#, fuzzy'? remove that line)")
        written.append(mo)
    return written


def missing() -> int:
    with po_path("en").open("rb") as fh:
        catalog = read_po(fh, locale="en")
    gaps = [m.id for m in catalog if m.id and not m.string]
    for gap in gaps:
        print(gap if isinstance(gap, str) else gap[0])
    print(f"{len(gaps)} missing", file=sys.stderr)
    return 1 if gaps else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "update"
    if command == "update":
        update()
    elif command == "missing":
        sys.exit(missing())
    elif command == "compile":
        for path in compile_catalogs():
            print(path.relative_to(ROOT))
    else:
        sys.exit(__doc__)
