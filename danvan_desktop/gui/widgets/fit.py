"""Small helpers that keep widgets inside a 1366×768 screen at any text size and in any language."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
)

from danvan_desktop.gui.widgets.screen import available_screen, fit_to_screen

__all__ = ["WrapCheckBox", "available_screen", "compact_combo", "fit_to_screen", "wrapping_label"]


def compact_combo(combo: QComboBox, chars: int = 14) -> QComboBox:
    """A list box as wide as about `chars` characters rather than its longest entry (the open list
    still shows entries whole); the chosen entry is its tooltip when it is cut."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
    combo.currentTextChanged.connect(combo.setToolTip)
    combo.setToolTip(combo.currentText())
    return combo


def wrapping_label(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class WrapCheckBox(QCheckBox):
    """A tick box whose words wrap onto more lines when the window is narrow (QCheckBox's own text
    never wraps, so one long English sentence could widen a whole page)."""

    def __init__(self, text: str = "", parent=None) -> None:
        super().__init__(parent)
        # QStyle's enums take a few ms to make: not at every start (the main window needs only screen.py)
        from PySide6.QtWidgets import QStyle, QStyleOptionButton
        option = QStyleOptionButton()
        option.initFrom(self)
        indicator = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, option, self)
        spacing = self.style().pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, option, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(indicator + spacing, 0, 0, 0)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def setText(self, text: str) -> None:
        self.label.setText(text)

    def text(self) -> str:
        return self.label.text()

    def sizeHint(self):
        return self.layout().sizeHint()

    def minimumSizeHint(self):
        return self.layout().minimumSize()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.layout().heightForWidth(width)

    def hitButton(self, pos) -> bool:
        return QRect(0, 0, self.width(), self.height()).contains(pos)
