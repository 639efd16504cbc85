"""Compile every language's catalog (.po → .mo); run by ./dev before the program or the tests."""

from __future__ import annotations

from danvan_desktop.domain.i18n import LANGUAGES, compile_catalog


def main() -> None:
    for lang in LANGUAGES:
        compile_catalog(lang)


if __name__ == "__main__":
    main()
