"""Small clear files: no module of the program is over 500 lines (the house rule; a longer one is a sign to
split it by responsibility, not to trim its comments)."""

from __future__ import annotations

from pathlib import Path

import danvan_desktop

PACKAGE = Path(danvan_desktop.__file__).resolve().parent
LIMIT = 500


def lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def too_long(root: Path, limit: int = LIMIT) -> list[str]:
    return sorted(f"{p.relative_to(root).as_posix()}: {lines(p)} lines" for p in root.rglob("*.py")
                  if lines(p) > limit)


def test_no_module_is_over_500_lines():
    assert too_long(PACKAGE) == []


def test_the_count_sees_a_long_module(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "long.py").write_text("x = 1\n" * (LIMIT + 1), encoding="utf-8")
    (tmp_path / "pkg" / "short.py").write_text("x = 1\n" * LIMIT, encoding="utf-8")
    assert too_long(tmp_path) == ["pkg/long.py: 501 lines"]
