"""The layers, read from the source: only gui/ imports Qt; domain/ imports nothing else of ours and no
sqlite3; services/store/render/exchange never import the GUI."""

from __future__ import annotations

import ast
from pathlib import Path

import danvan_desktop

PACKAGE = Path(danvan_desktop.__file__).resolve().parent


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth (imports inside functions count too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:   # relative: resolve against the file's package
                base = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-node.level]
                found.add(".".join(base + ((node.module,) if node.module else ())))
            elif node.module:
                found.add(node.module)
    return found


def files(under: str = "") -> list[Path]:
    return sorted((PACKAGE / under).rglob("*.py"))


def test_the_scanner_sees_imports_inside_functions(tmp_path):
    sample = PACKAGE / "gui" / "app.py"
    assert "PySide6.QtWidgets" in imported_modules(sample)
    assert any(m.startswith("danvan_desktop.gui") for m in imported_modules(PACKAGE / "cli.py"))


def test_only_gui_imports_qt():
    offenders = []
    for path in files():
        if "gui" in path.relative_to(PACKAGE).parts:
            continue
        for module in imported_modules(path):
            if module.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}:
                offenders.append(f"{path.relative_to(PACKAGE)} imports {module}")
    assert offenders == []


def test_domain_imports_nothing_else_of_ours_and_no_sqlite():
    offenders = []
    for path in files("domain"):
        for module in imported_modules(path):
            ours_outside = module.startswith("danvan_desktop") and not module.startswith("danvan_desktop.domain")
            if ours_outside or module.split(".")[0] in {"sqlite3", "PySide6"}:
                offenders.append(f"{path.relative_to(PACKAGE)} imports {module}")
    assert offenders == []


def test_lower_layers_never_import_the_gui_or_the_command_line():
    offenders = []
    for layer in ("domain", "store", "services", "render", "exchange"):
        if not (PACKAGE / layer).exists():
            continue
        for path in files(layer):
            for module in imported_modules(path):
                if module.startswith(("danvan_desktop.gui", "danvan_desktop.cli", "danvan_desktop.commands")):
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {module}")
    assert offenders == []


def test_store_does_not_reach_up_into_services():
    offenders = [f"{p.relative_to(PACKAGE)} imports {m}" for p in files("store") for m in imported_modules(p)
                 if m.startswith("danvan_desktop.services")]
    assert offenders == []
