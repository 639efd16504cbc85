"""The program's look, read from `danvan_desktop/ui/`: the style sheet (sizes follow the text size)
and the icons. Widgets say what they are (`set_role(label, "title")`, `set_tone(label, "bad")`);
`ui/theme.qss` says how that looks."""

from __future__ import annotations

import re
from functools import cache, lru_cache

import shiboken6
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from danvan_desktop.paths import package_path

DEFAULT_POINT_SIZE = 11
_SIZE = re.compile(r"size\(\s*([\d.]+)\s*\)")
_PX = re.compile(r"px\(\s*([\d.]+)\s*\)")


def _ui():
    return package_path("ui")


@lru_cache(maxsize=8)
def style_sheet(point_size: int) -> str:
    """theme.qss with size(f) → points and px(n) → pixels, both scaled to the chosen text size."""
    text = (_ui() / "theme.qss").read_text(encoding="utf-8")
    scale = point_size / DEFAULT_POINT_SIZE
    text = _SIZE.sub(lambda m: f"{max(1, round(point_size * float(m.group(1))))}pt", text)
    return _PX.sub(lambda m: f"{max(0, round(float(m.group(1)) * scale))}px", text)


_current = {"points": DEFAULT_POINT_SIZE}
_themed: list[QWidget] = []


def apply_theme(app: QApplication, point_size: int) -> None:
    """The application icon, and the theme at the new text size on every widget that uses it.

    The style sheet is given to the widgets that use it (titles, figures, the sidebar, tool bars), not
    to the whole application: an application-wide sheet routes every widget through Qt's style-sheet
    style, which measured twice as slow to open the pages (see docs/DESIGN.md)."""
    _current["points"] = point_size
    sheet = style_sheet(point_size)
    alive = [w for w in _themed if shiboken6.isValid(w)]
    _themed[:] = alive
    for widget in alive:
        widget.setStyleSheet(sheet)
    app.setWindowIcon(app_icon())


def themed(widget: QWidget) -> QWidget:
    """Give a widget the theme (it follows later changes of the text size)."""
    _theme(widget)
    return widget


def _theme(widget: QWidget) -> bool:
    """True if the widget is given the sheet now: setting a style sheet polishes it again with its properties
    (if Qt had polished it), so a role or tone set just before needs no _repolish."""
    if widget in _themed:
        return False
    _themed.append(widget)
    widget.setStyleSheet(style_sheet(_current["points"]))
    return True


def _repolish(widget: QWidget) -> None:
    # Qt's namespace is imported here, not at the top: its enums are made on first use, and the window's first
    # paint (whose widgets are themed as they are made) needs none of them
    from PySide6.QtCore import Qt
    if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        return      # not shown yet: Qt polishes it, role and tone included, when it is first shown
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def set_role(widget: QWidget, role: str) -> QWidget:
    """What the widget is (a title, a big number …): theme.qss gives it its size and weight."""
    widget.setProperty("role", role)
    if not _theme(widget):
        _repolish(widget)
    return widget


def set_tone(widget: QWidget, tone: str) -> QWidget:
    """ok / bad / accent / '' (none): theme.qss gives the colour."""
    if widget.property("tone") != tone:
        widget.setProperty("tone", tone)
        if not _theme(widget):
            _repolish(widget)
    return widget


@cache
def icon(name: str) -> QIcon:
    """An icon of ui/icons by its path without '.svg', e.g. 'pages/members', 'actions/save'."""
    path = _ui() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


@cache
def app_icon() -> QIcon:
    result = QIcon()
    folder = _ui() / "icons" / "app"
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = folder / f"danvan-{size}.png"
        if path.is_file():
            result.addFile(str(path))
    return result
