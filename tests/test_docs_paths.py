"""The docs stay true: every path a page of docs/ names (`services/roster/care.py`, `tests/test_fit.py`,
`gui/pages/handover/{upper_tab,export_tab}.py`), every module attribute (`services/roster/care.delete_impact`,
`i18n.vietnamese`, `danvan_desktop.domain.today.today`), every class member (`TaskService.create_task`),
every link between pages and every line of DESIGN.md's folder tree exists in the code; and every feature
package has its page under the same name (docs/<feature>.md)."""

from __future__ import annotations

import ast
import fnmatch
import itertools
import re
import sqlite3
from functools import cache
from pathlib import Path

import danvan_desktop

PACKAGE = Path(danvan_desktop.__file__).resolve().parent
ROOT = PACKAGE.parent
DOCS = ROOT / "docs"

# A path is checked when its first folder is one of these (relative to the checkout or to the package)
# or when it ends with one of the code extensions; "PDF/DOCX" or "draft/approved" are words, not paths.
ROOTS = {"danvan_desktop", "domain", "store", "services", "gui", "commands", "exchange", "render", "ui",
         "resources", "docs", "tests", "bench", "scripts", "installer", "i18n", ".ci"}
CODE_EXTENSIONS = {"py", "sql", "md", "qss", "json", "spec", "nsi", "yml", "sh", "html", "po", "pot", "svg"}
# `a.b` in code whose last part is one of these is a file name (`manifest.json`, `danvan.log`), not an attribute.
FILE_EXTENSIONS = CODE_EXTENSIONS | {"log", "ini", "ico", "png", "pdf", "docx", "xlsx", "csv", "dvx", "exe",
                                     "sqlite3", "jsonl", "sig", "mo", "ttf", "tmp", "txt", "desktop", "cfg", "toml"}
# Names in code that stand for a value of the program, not a module (`db.transaction()`, `profile.finish`),
# and names from outside the program (sqlite3's Connection, Qt's classes).
RECEIVERS = {"db", "profile", "services", "self", "item", "page", "member", "window"}
OUTSIDE = {"Connection", "sqlite3", "os", "sys", "str", "list", "random", "importlib", "babel", "zipfile", "json", "datetime",
           "dt", "pytest"}

_GROUP = r"\{[^}\n]*\}"
_PATH = re.compile(rf"(?<![\w/.{{}}-])((?:[\w.-]|{_GROUP})+(?:/(?:[\w.<>*-]|{_GROUP})*)+)")
_CODE = re.compile(r"`([^`\n]+)`")
_DOTTED = re.compile(r"(?<![\w/.<-])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)")
_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
_TREE_LINE = re.compile(r"^( {0,19})([\w.-]+/?(?:, [\w.-]+/?)*)(?: {2,}|$)")


def expand(text: str) -> list[str]:
    """`a/{b,c}.py` → `a/b.py`, `a/c.py` (spaces after the commas allowed)."""
    parts = re.split(rf"({_GROUP})", text)
    choices = [[c.strip() for c in p[1:-1].split(",")] if p.startswith("{") else [p] for p in parts]
    return ["".join(c) for c in itertools.product(*choices)]


@cache
def all_files() -> tuple[str, ...]:
    skip = {".git", ".venv", "__pycache__", "build", "dist", ".pytest_cache", ".ruff_cache"}
    found = []
    for path in ROOT.rglob("*"):
        rel = path.relative_to(ROOT)
        if not skip & set(rel.parts):
            found.append(rel.as_posix() + ("/" if path.is_dir() else ""))
    return tuple(found)


def path_exists(ref: str) -> bool:
    """A file or folder at the checkout's root or in the package (a module may be named without its
    `.py`); a path that starts elsewhere (`layouts/*.json`) anywhere below; a placeholder (`NNN`,
    `<feature>`, `*`) must match at least one."""
    ref = ref.removeprefix("./").rstrip("/")
    pattern = re.sub(r"<[^>]*>", "*", ref).replace("NNN_name", "NNN_*").replace("NNN", "[0-9][0-9][0-9]")
    candidates = [pattern, "danvan_desktop/" + pattern]
    if ref.split("/")[0] not in ROOTS:
        candidates.append("*/" + pattern)
    candidates += [c + ".py" for c in candidates]
    return any(fnmatch.fnmatchcase(f.rstrip("/"), c) for f in all_files() for c in candidates)


@cache
def module_file(dotted: str) -> Path | None:
    """`services.roster.care` (under the package) → its file, a package's `__init__.py` included."""
    base = PACKAGE.joinpath(*dotted.split(".")) if dotted else PACKAGE
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


@cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _names_in(body: list[ast.stmt]) -> set[str]:
    names: set[str] = set()
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


@cache
def classes() -> dict[str, list[ast.ClassDef]]:
    found: dict[str, list[ast.ClassDef]] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.ClassDef):
                found.setdefault(node.name, []).append(node)
    return found


def class_members(name: str, seen: frozenset[str] = frozenset()) -> set[str]:
    """Methods, class-level fields, `self.x = …` in any method, and what its bases of ours have."""
    members: set[str] = set()
    for node in classes().get(name, []):
        members |= _names_in(node.body)
        for sub in ast.walk(node):
            if isinstance(sub, ast.Attribute) and isinstance(sub.ctx, ast.Store) \
                    and isinstance(sub.value, ast.Name) and sub.value.id == "self":
                members.add(sub.attr)
        for base in node.bases:
            base_name = base.id if isinstance(base, ast.Name) else getattr(base, "attr", "")
            if base_name in classes() and base_name not in seen:
                members |= class_members(base_name, seen | {name})
    return members


def module_names(path: Path) -> set[str]:
    names = _names_in(_tree(path).body)
    if path.name == "__init__.py":
        names |= {p.stem for p in path.parent.glob("*.py")} | {p.name for p in path.parent.iterdir() if p.is_dir()}
    return names


def _members_ok(owner: str, chain: list[str]) -> bool:
    """`Class.member` or `Class.Nested.member`."""
    for attr in chain:
        if attr not in class_members(owner):
            return False
        owner = attr
    return True


def _attributes_ok(path: Path, chain: list[str]) -> bool:
    if not chain:
        return True
    if chain[0] not in module_names(path):
        return False
    if chain[0] in classes() and len(chain) > 1:
        return _members_ok(chain[0], chain[1:])
    return len(chain) == 1 or (path.name == "__init__.py" and module_file_near(path, chain) is not None)


def module_file_near(init: Path, chain: list[str]) -> Path | None:
    sub = init.parent / chain[0]
    target = sub.with_suffix(".py") if sub.with_suffix(".py").is_file() else sub / "__init__.py"
    return target if target.is_file() and _attributes_ok(target, chain[1:]) else None


def slashed_module_ok(ref: str) -> bool:
    """`services/roster/care.delete_impact` → services/roster/care.py defines delete_impact."""
    folder, _, last = ref.rpartition("/")
    module, *chain = last.split(".")
    base = folder.removeprefix("danvan_desktop/")
    path = module_file(f"{base}/{module}".replace("/", "."))
    return path is not None and _attributes_ok(path, chain)


@cache
def schema() -> dict[str, set[str]]:
    """Every table of the shipped migrations with its columns (`tasks.series_id` in a page is checked too)."""
    conn = sqlite3.connect(":memory:")
    for path in sorted((PACKAGE / "store" / "migrations").glob("[0-9][0-9][0-9]_*.sql")):
        conn.executescript(path.read_text(encoding="utf-8"))
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    found = {t: {r[1] for r in conn.execute(f"PRAGMA table_info({t})")} for t in tables}
    conn.close()
    return found


@cache
def stems() -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for path in PACKAGE.rglob("*.py"):
        found.setdefault(path.parent.name if path.name == "__init__.py" else path.stem, []).append(path)
    return found


def dotted_ok(ref: str) -> bool | None:
    """True/False for a reference to the program's code; None for a name it does not judge."""
    first, *chain = ref.split(".")
    if chain and chain[-1] in FILE_EXTENSIONS:
        return None
    if first == "danvan_desktop":
        for cut in range(len(chain), -1, -1):
            path = module_file(".".join(chain[:cut]))
            if path is not None:
                return _attributes_ok(path, chain[cut:])
        return False
    if first in RECEIVERS or first in OUTSIDE or re.fullmatch(r"Q[A-Z]\w*", first):
        return None
    readings = []    # a name may be a class, a table (`tasks.series_id`) and a module (`tasks.derived_status`)
    if first in classes():
        readings.append(_members_ok(first, chain))
    if first in schema():
        readings.append(len(chain) == 1 and chain[0] in schema()[first])
    if first in stems():
        readings.append(any(_attributes_ok(path, chain) for path in stems()[first]))
    return any(readings)


def problems_in(text: str, where: Path = DOCS) -> list[str]:
    """Every reference in a page's text that points at nothing."""
    found: list[str] = []
    for match in _PATH.finditer(text):
        for ref in expand(match.group(1)):
            ref = ref.rstrip(".,:;")
            head = ref.removeprefix("./").split("/")[0]
            last = ref.rsplit("/", 1)[-1]
            attr = last.partition(".")[2]
            if attr and attr.split(".")[-1] not in FILE_EXTENSIONS and "/" in ref:
                if head in ROOTS and not slashed_module_ok(ref):
                    found.append(f"no such module attribute: {ref}")
            elif (head in ROOTS or attr in CODE_EXTENSIONS) and not path_exists(ref):
                found.append(f"no such path: {ref}")
    for span in _CODE.findall(text):
        for match in _DOTTED.finditer(span):
            ref = match.group(1)
            if ref.endswith(".py"):
                if not path_exists(ref):
                    found.append(f"no such file: {ref}")
            elif dotted_ok(ref) is False:
                found.append(f"no such name: {ref}")
    for target in _LINK.findall(text):
        if "://" not in target and not (where / target).exists():
            found.append(f"broken link: {target}")
    return found


def tree_paths(design: str) -> list[str]:
    """The folder tree of DESIGN.md's "Layers and folders" as paths from the checkout's root."""
    block = design.split("## Layers and folders", 1)[1].split("```", 2)[1]
    stack: list[tuple[int, str]] = []
    paths: list[str] = []
    for line in block.splitlines()[1:]:
        entry = _TREE_LINE.match(line)
        if not entry:
            continue
        indent = len(entry.group(1))
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1] if stack else ""
        names = [n.strip() for n in entry.group(2).split(",")]
        paths += [parent + n for n in names]
        if len(names) == 1 and names[0].endswith("/"):
            stack.append((indent, parent + names[0]))
    return paths


def test_every_reference_in_the_docs_exists():
    problems = []
    for page in sorted(DOCS.glob("*.md")) + [ROOT / "README.md"]:
        problems += [f"{page.name}: {p}" for p in problems_in(page.read_text(encoding="utf-8"), page.parent)]
    assert problems == []


def docstrings(path: Path) -> str:
    tree = _tree(path)
    nodes = [n for n in ast.walk(tree) if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef,
                                                         ast.AsyncFunctionDef))]
    return "\n".join(filter(None, (ast.get_docstring(n) for n in nodes)))


def test_every_reference_in_the_code_docstrings_exists():
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        problems += [f"{path.relative_to(PACKAGE)}: {p}" for p in problems_in(docstrings(path), DOCS)]
    assert problems == []


def test_every_docs_page_named_anywhere_exists():
    """A renamed page leaves no reference behind: in code comments, help texts, the guide, the packaging."""
    texts = {".py", ".md", ".toml", ".html", ".yml", ".sh", ".cfg", ".in", ".spec", ".nsi", ".po", ".pot"}
    missing = []
    for rel in all_files():
        path = ROOT / rel
        if path.suffix in texts and path.is_file():
            for name in re.findall(r"(?<![\w/])docs/([\w.-]+\.md)", path.read_text(encoding="utf-8")):
                if not (DOCS / name).is_file():
                    missing.append(f"{rel}: docs/{name}")
    assert missing == []


def test_the_design_tree_names_real_folders_and_files():
    paths = tree_paths((DOCS / "DESIGN.md").read_text(encoding="utf-8"))
    assert "danvan_desktop/services/roster/" in paths and "tests/" in paths   # the tree is read
    assert [p for p in paths if not (ROOT / p).exists()] == []


def test_every_feature_package_has_its_page_under_the_same_name():
    features = {p.parent.name for p in (PACKAGE / "services").glob("*/__init__.py")}
    features |= {p.parent.name for p in (PACKAGE / "gui" / "pages").glob("*/__init__.py")}
    assert {"roster", "tasks", "meetings", "figures", "report", "handover"} <= features
    assert sorted(f for f in features if not (DOCS / f"{f}.md").is_file()) == []
    design = (DOCS / "DESIGN.md").read_text(encoding="utf-8")
    assert sorted(f for f in features if f"docs/{f}.md" not in design) == []
    # each page maps its package across the layers, names its tests and says its limits
    shape = []
    for feature in sorted(features):
        page = (DOCS / f"{feature}.md").read_text(encoding="utf-8")
        for part in ("## Package map", "## Tests", "## Known limits"):
            if part not in page:
                shape.append(f"{feature}.md has no «{part}»")
        if f"services/{feature}/" not in page and f"gui/pages/{feature}/" not in page:
            shape.append(f"{feature}.md names neither services/{feature}/ nor gui/pages/{feature}/")
        if "tests/test_" not in page:
            shape.append(f"{feature}.md names no test file")
    assert shape == []


def test_the_checker_finds_what_does_not_exist():
    made_up = """
    A real `services/roster/care.py` and `services/roster/care.delete_impact`, `TaskService.create_task`,
    `i18n.vietnamese()`, `danvan_desktop.domain.today.today`, `gui/pages/handover/{upper_tab,export_tab}.py`,
    `store/migrations/NNN_name.sql`, docs/<feature>.md, tests/test_fit.py, `db.transaction()`, `manifest.json`.
    Made up: `services/roster/ghost.py`, services/nowhere/, `services/roster/care.no_such_function`,
    `TaskService.no_such_method`, `GhostService.save`, `i18n.no_such_name`, `nomodule.function`,
    `gui/pages/handover/{upper_tab,ghost_tab}.py`, `test_no_such_test.py`, [a link](no-such-page.md),
    `danvan_desktop.domain.today.no_such`, `tasks.series_id` (a column), `tasks.no_such_column`.
    """
    assert problems_in(made_up) == [
        "no such path: services/roster/ghost.py",
        "no such path: services/nowhere/",
        "no such module attribute: services/roster/care.no_such_function",
        "no such path: gui/pages/handover/ghost_tab.py",
        "no such name: TaskService.no_such_method",
        "no such name: GhostService.save",
        "no such name: i18n.no_such_name",
        "no such name: nomodule.function",
        "no such file: test_no_such_test.py",
        "no such name: danvan_desktop.domain.today.no_such",
        "no such name: tasks.no_such_column",
        "broken link: no-such-page.md",
    ]


def test_the_tree_reader_follows_the_indentation():
    design = "## Layers and folders\n\n```\npkg/      the package\n  sub/    a folder\n    a.py, b.py  two\n" \
             "                a continuation line, not a name\n  c.py    beside sub\ntests/    tests\n```\n"
    assert tree_paths(design) == ["pkg/", "pkg/sub/", "pkg/sub/a.py", "pkg/sub/b.py", "pkg/c.py", "tests/"]
