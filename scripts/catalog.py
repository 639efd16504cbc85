"""Keep the gettext catalog in step with the code.

  python scripts/catalog.py update   extract every _()/N_()/ngettext/pgettext message into i18n/danvan.pot
                                      and merge it into i18n/{vi,en}/LC_MESSAGES/danvan.po (keeps translations)
  python scripts/catalog.py missing  list the English translations still missing
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "i18n"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


def extract() -> Catalog:
    template = Catalog(project="danvan-desktop", locale=None, charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(ROOT / "danvan_desktop"), method_map=[("**.py", "python")], keywords=KEYWORDS):
        template.add(message, None, [(f"danvan_desktop/{filename}", lineno)], auto_comments=comments,
                     context=context)
    return template


def po_path(lang: str) -> Path:
    return I18N / lang / "LC_MESSAGES" / "danvan.po"


def update() -> None:
    template = extract()
    I18N.mkdir(exist_ok=True)
    with (I18N / "danvan.pot").open("wb") as fh:
        write_po(fh, template, width=100, sort_output=True, omit_header=False)
    for lang in ("vi", "en"):
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            with path.open("rb") as fh:
                catalog = read_po(fh, locale=lang)
        else:
            catalog = Catalog(locale=lang, project="danvan-desktop", charset="utf-8")
        catalog.update(template, no_fuzzy_matching=True)
        with path.open("wb") as fh:
            write_po(fh, catalog, width=100, sort_output=True, ignore_obsolete=True, include_previous=False)
    print(f"{len(template)} messages")


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
    else:
        sys.exit(__doc__)
