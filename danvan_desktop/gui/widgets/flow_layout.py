"""A row of widgets that wraps onto the next line when the window is narrow (Qt's "flow layout"
example): filter bars and button rows stay on screen at 1366×768 with a large text size or in English."""

from __future__ import annotations

import logging

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget

_GROWING = (QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding)


class FlowLayout(QLayout):
    """Never raise in here: an exception inside a Qt virtual call crashes PySide6 6.12 outright."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout API ------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """One line of everything: what the row would like."""
        width, height = 0, 0
        for item in self._visible():
            hint = item.sizeHint()
            width += hint.width() + (self._spacing if width else 0)
            height = max(height, hint.height())
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """As narrow as the widest single widget: everything else wraps."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # -- placing ----------------------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not (i.widget() is not None and i.widget().isHidden())]

    def _arrange(self, rect: QRect, move: bool) -> int:
        try:
            return self._place(rect, move)
        except Exception:
            logging.getLogger(__name__).exception("flow layout")
            return rect.height()

    def _place(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line_height = area.x(), area.y(), 0
        line: list[tuple[QLayoutItem, QSize]] = []

        def place_line() -> None:
            if not move or not line:
                return
            # widgets that like to grow (a search box) share the room left on the line
            used = sum(size.width() for _i, size in line) + self._spacing * (len(line) - 1)
            growers = [i for i, (item, _s) in enumerate(line)
                       if item.widget() is not None and item.widget().sizePolicy().horizontalPolicy() in _GROWING]
            extra = max(0, area.width() - used) // len(growers) if growers else 0
            left = area.x()
            for index, (item, size) in enumerate(line):
                width = min(size.width() + (extra if index in growers else 0), area.width())
                item.setGeometry(QRect(QPoint(left, line_y), QSize(width, line_h)))
                left += width + self._spacing

        line_y, line_h = y, 0
        for item in self._visible():
            size = item.sizeHint().expandedTo(item.minimumSize())
            size.setWidth(min(size.width(), max(area.width(), item.minimumSize().width())))
            if line and x + size.width() > area.x() + area.width():
                line_h = line_height
                place_line()
                y += line_height + self._spacing
                x, line_height, line = area.x(), 0, []
                line_y = y
            line.append((item, size))
            x += size.width() + self._spacing
            line_height = max(line_height, size.height())
        line_h = line_height
        place_line()
        return y + line_height - rect.y() + m.bottom()
