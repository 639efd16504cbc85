"""The layers, read from the source: only gui/ imports Qt; each layer imports only what its door allows
(gui → services, never store); no import loops, even through a function or importlib; domain/ imports
nothing else of ours and no sqlite3; services/store/render/exchange never import the GUI."""

from __future__ import annotations

import ast
import sys
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


# -- the rule of the doors, by path, and no import loops --------------------------------------------

# What each part of the package may import of ours (besides itself). The package root (__version__,
# paths.py, logs.py, drives.py, the ui/ data folder) is open to all.
ALLOWED = {
    "domain": {"domain"},
    "store": {"store", "domain"},
    "exchange": {"exchange", "store", "domain"},
    "render": {"render", "domain"},
    "services": {"services", "store", "exchange", "render", "domain"},
    "gui": {"gui", "services", "domain"},
    "commands": {"commands", "services", "domain", "gui"},
    "cli": {"cli", "commands", "services", "domain", "gui"},
}
ROOT_MODULES = {"danvan_desktop", "danvan_desktop.paths", "danvan_desktop.logs", "danvan_desktop.drives",
                "danvan_desktop.ui"}


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    return ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)


def part_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def our_imports(path: Path, known: set[str]) -> set[str]:
    """The modules of ours a file imports at run time: `import`/`from` at any depth (not those under
    `if TYPE_CHECKING:`, which never run), and module names handed to importlib as strings (alone or as
    "package.module:attribute", the plug-in lists' way to name what they import when used)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    type_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                 and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")
                 for n in ast.walk(node)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-node.level]
                module = ".".join(base + ((node.module,) if node.module else ()))
            else:
                module = node.module or ""
            names = [module] + [f"{module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            where = node.value.partition(":")[0]      # "package.module:attribute", imported when used
            if where in known:
                names = [where]
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    return found


def import_graph() -> dict[str, set[str]]:
    paths = {module_name(p): p for p in files()}
    known = set(paths)
    graph = {}
    for module, path in paths.items():
        graph[module] = {m for m in our_imports(path, known)
                         if m != module and not module.startswith(m + ".") and m != "danvan_desktop"}
    return graph


def test_every_layer_imports_only_what_its_door_allows():
    offenders = []
    for module, imports in import_graph().items():
        part = part_of(module)
        if part not in ALLOWED:
            continue
        for target in imports:
            if target not in ROOT_MODULES and part_of(target) not in ALLOWED[part]:
                offenders.append(f"{module} imports {target}")
    assert sorted(offenders) == []


def test_no_import_cycles_between_modules():
    graph = import_graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:        # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert cycles == []


def test_the_cycle_finder_sees_a_loop_through_a_function_and_through_importlib(tmp_path, monkeypatch):
    pkg = tmp_path / "danvan_desktop"
    (pkg / "services").mkdir(parents=True)
    for name in ("__init__.py", "services/__init__.py"):
        (pkg / name).write_text("")
    (pkg / "services" / "a.py").write_text("def f():\n    from danvan_desktop.services import b\n")
    (pkg / "services" / "b.py").write_text("import importlib\nimportlib.import_module('danvan_desktop.services.a')\n")
    (pkg / "services" / "c.py").write_text("FACTORIES = ['danvan_desktop.services.a:f']\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", pkg)
    graph = import_graph()
    assert graph["danvan_desktop.services.a"] == {"danvan_desktop.services.b"}
    assert graph["danvan_desktop.services.b"] == {"danvan_desktop.services.a"}
    assert graph["danvan_desktop.services.c"] == {"danvan_desktop.services.a"}


THREADS = {"threading", "concurrent.futures", "multiprocessing", "_thread"}
QT_THREADS = {"QThreadPool", "QRunnable", "QThread", "QtConcurrent"}


def test_the_gui_starts_no_thread_of_its_own_long_work_goes_to_the_job_runner():
    """gui/worker.py is the one way off the GUI thread: it hands jobs to the file's runner (services/jobs.py),
    which owns the only other connection. No page starts a thread, a pool job or a connection."""
    offenders = []
    for path in files("gui"):
        if path.name == "worker.py" and path.parent.name == "gui":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                offenders += [f"{path.name} imports {a.name}" for a in node.names if a.name in THREADS]
            elif isinstance(node, ast.ImportFrom):
                if node.module in THREADS:
                    offenders.append(f"{path.name} imports {node.module}")
                offenders += [f"{path.name} imports {a.name}" for a in node.names if a.name in QT_THREADS]
            elif isinstance(node, ast.Attribute) and node.attr in ("on_own_connection", "globalInstance"):
                offenders.append(f"{path.name} calls {node.attr}")
    assert offenders == []
