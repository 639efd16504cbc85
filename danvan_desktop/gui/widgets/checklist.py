"""A list of tick boxes (villages, members): fill it with (key, text), tick keys, read the ticked keys back."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

KEY = Qt.ItemDataRole.UserRole


def fill_checklist(widget: QListWidget, items: Iterable[tuple[str, str]], ticked: Iterable[str] = ()) -> None:
    """One tick box per (key, text), in the order given; those in `ticked` ticked."""
    ticked = set(ticked)
    widget.clear()
    for key, text in items:
        item = QListWidgetItem(text)
        item.setData(KEY, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if key in ticked else Qt.CheckState.Unchecked)
        widget.addItem(item)


def checked_keys(widget: QListWidget) -> list[str]:
    return [widget.item(i).data(KEY) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def set_checked(widget: QListWidget, keys: Iterable[str]) -> None:
    keys = set(keys)
    for i in range(widget.count()):
        item = widget.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(KEY) in keys else Qt.CheckState.Unchecked)
