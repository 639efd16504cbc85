"""A small bar chart of one figure over twelve months, drawn with QPainter (no chart library needed)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class TrendChart(QWidget):
    """Bars for months with data, a thin tick for months without; the latest month darker."""

    def __init__(self, parent=None, compact: bool = False) -> None:
        super().__init__(parent)
        self.compact = compact
        self.title = ""
        self.points: list[tuple[str, float | None, str]] = []   # (label, value, text shown above the bar)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(150 if compact else 220)

    def sizeHint(self) -> QSize:
        return QSize(520, 170 if self.compact else 260)

    def set_series(self, title: str, points: list[tuple[str, float | None, str]]) -> None:
        self.title, self.points = title, points
        self.setToolTip("\n".join(f"{label}: {text or '—'}" for label, _v, text in points))
        self.update()

    def values(self) -> list[float | None]:
        return [v for _l, v, _t in self.points]

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(8, 6, -8, -6)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#1f2d3d"))
        title_h = painter.fontMetrics().height() + 4
        title = painter.fontMetrics().elidedText(self.title, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), title_h), Qt.AlignmentFlag.AlignLeft, title)
        painter.setFont(self.font())
        metrics = painter.fontMetrics()
        label_h = metrics.height() + 2
        plot = QRectF(rect.left(), rect.top() + title_h + label_h, rect.width(),
                      rect.height() - title_h - 2 * label_h - 2)
        if not self.points or plot.height() < 10:
            painter.end()
            return
        peak = max((v for v in self.values() if v is not None), default=0) or 1
        slot = plot.width() / len(self.points)
        bar_w = slot * 0.62
        painter.setPen(QPen(QColor("#c9d3df")))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        for i, (label, value, text) in enumerate(self.points):
            x = plot.left() + i * slot + (slot - bar_w) / 2
            last = i == len(self.points) - 1
            if value is not None:
                h = max(plot.height() * value / peak, 1.5)
                bar = QRectF(x, plot.bottom() - h, bar_w, h)
                painter.fillRect(bar, QColor("#1f4e79" if last else "#7aa7d9"))
                painter.setPen(QColor("#1f2d3d"))
                painter.drawText(QRectF(x - slot * 0.2, bar.top() - label_h, bar_w + slot * 0.4, label_h),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, text)
            painter.setPen(QColor("#555555"))
            painter.drawText(QRectF(plot.left() + i * slot, plot.bottom() + 2, slot, label_h),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
        painter.end()
