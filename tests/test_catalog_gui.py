"""Every Vietnamese word the screen shows goes through the catalog: a string literal with Vietnamese letters
anywhere under gui/ must sit inside _(), N_(), ngettext() or pgettext() (docstrings aside), so that
`scripts/catalog.py update` extracts it and the English screen is English."""

from __future__ import annotations

import ast
from pathlib import Path

import danvan_desktop

GUI = Path(danvan_desktop.__file__).resolve().parent / "gui"
VIETNAMESE = set("àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ"
                 "ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ")
MARKERS = {"_", "N_", "ngettext", "pgettext"}
# Literals that are not screen text: Qt's own English words mapped to ours (the translator table itself).
NOT_SCREEN_TEXT = {"qt_strings.py"}
# Vietnamese that stays Vietnamese on an English screen, with the reason: data, not words of the program.
DATA = {
    "pages/roster/roster_import_dialog.py": "the sample rows of the Excel template an officer fills in",
    "pages/roster/villages_page.py": "'thôn', the stored kind of a village (part of its official name)",
    "pages/settings/settings_page.py": "'Tiếng Việt', the language's own name in the language list",
    "pages/settings/unit_form.py": "the kinds of unit and 'ĐẢNG ỦY ', parts of official Party and State names",
}


def untranslated(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS:
            inside.update(id(n) for n in ast.walk(node))
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body \
                and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
            inside.add(id(node.body[0].value))          # a docstring
    return [f"{path.relative_to(GUI)}:{node.lineno}: {node.value[:40]!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in inside
            and VIETNAMESE & set(node.value)]


def test_every_vietnamese_word_on_screen_is_in_the_catalog():
    found = [line for path in sorted(GUI.rglob("*.py")) if path.name not in NOT_SCREEN_TEXT
             and str(path.relative_to(GUI)) not in DATA for line in untranslated(path)]
    assert found == []


def test_the_scanner_sees_a_word_left_out_of_the_catalog(tmp_path):
    sample = tmp_path / "page.py"
    sample.write_text('"""Trang mẫu."""\nfrom x import _, N_\nA = _("Đã lưu")\nB = N_("Xóa")\nC = "Thêm mới"\n',
                      encoding="utf-8")
    global GUI
    saved, GUI = GUI, tmp_path
    try:
        assert [line.split(": ", 1)[1] for line in untranslated(sample)] == ["'Thêm mới'"]
    finally:
        GUI = saved
