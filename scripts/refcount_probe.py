"""Measure whether PySide6 leaks or loses references to None, True and False.

PySide6 6.12.0 on CPython < 3.12 lowers ``sys.getrefcount(None)`` on void-returning calls; when the
count reaches 0 the interpreter aborts (``Fatal Python error: none_dealloc``). On 3.12+ these
singletons are immortal and their counts do not move. This probe runs typical calls and prints the
drift of each count per 10 000 calls. A ballast of extra references keeps the probe itself alive.

    python scripts/refcount_probe.py [--calls 10000]
"""
from __future__ import annotations

import argparse
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import PySide6
from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

_KEEP: list = []
BALLAST = 1_000_000  # extra references so that a losing build cannot reach 0 during the probe


class _Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return 10

    def columnCount(self, parent=QModelIndex()):
        return 2

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.UserRole:
            return index.row() % 2 == 0  # a bool handed to Qt
        return None if index.column() else "x"

    def setData(self, index, value, role=Qt.EditRole):
        return True

    def flags(self, index):
        return Qt.ItemIsEnabled | Qt.ItemIsEditable


class _Proxy(QSortFilterProxyModel):
    def filterAcceptsRow(self, row, parent):
        return bool(row % 2)


class _Filter(QObject):
    def eventFilter(self, obj, ev):
        return False


class _Widget(QWidget):
    def event(self, ev):  # Qt calls this; returns bool to C++
        return ev.type() == QEvent.User


def _cases(app):
    label = QLabel()
    std = QStandardItem("a")
    std_model = QStandardItemModel()
    std_model.appendRow(QStandardItem("b"))
    lw = QListWidget()
    lwi = QListWidgetItem("c", lw)
    lwi.setFlags(lwi.flags() | Qt.ItemIsUserCheckable)
    box = QCheckBox()
    model = _Model()
    idx = model.index(0, 1)
    std_idx = std_model.index(0, 0)
    proxy = _Proxy()
    proxy.setSourceModel(model)
    widget = _Widget()
    seen = []
    filt = _Filter()
    widget.installEventFilter(filt)
    label.setProperty("danvan_flag", True)
    box.toggled.connect(lambda checked: seen.append(checked) or seen.clear())
    _KEEP.extend([label, std, std_model, lw, lwi, box, model, proxy, widget, seen, filt])  # indexes do not own their models
    return {
        "QLabel.setText (void)": lambda: label.setText("Xã Yên Phú"),
        "QStandardItem.data() unset": lambda: std.data(Qt.UserRole + 7),
        "QModelIndex.data() unset (QStandardItemModel)": lambda: std_idx.data(Qt.UserRole + 7),
        "QListWidgetItem.data() unset": lambda: lwi.data(Qt.UserRole + 7),
        "QListWidgetItem.setCheckState (void)": lambda: lwi.setCheckState(Qt.Checked),
        "QStandardItem.setData (void)": lambda: std.setData(3, Qt.UserRole),
        "Python model data() -> None, read back": lambda: idx.data(Qt.DisplayRole),
        "bool call True (QListWidgetItem.isSelected after select)": _selected(lwi),
        "bool call False (QCheckBox.isChecked)": lambda: box.isChecked(),
        "bool call (QWidget.isVisible)": lambda: label.isVisible(),
        "bool call (QStandardItem.isCheckable)": lambda: std.isCheckable(),
        "Python filterAcceptsRow -> bool, 10 rows (invalidate)": proxy.invalidate,
        "Python event() -> bool via sendEvent": lambda: app.sendEvent(widget, QEvent(QEvent.User)),
        "Python setData -> bool through a proxy": lambda: proxy.setData(proxy.index(0, 0), 1),
        "Python data() -> bool, read back": lambda: idx.data(Qt.UserRole),
        "QObject.property() -> bool": lambda: label.property("danvan_flag"),
        "signal toggled(bool) to a Python slot": lambda: box.setChecked(not box.isChecked()),
    }


def _selected(item):
    item.setSelected(True)
    return item.isSelected


def _counts():
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=10_000)
    args = parser.parse_args(argv)
    _KEEP.append([None] * BALLAST + [True] * BALLAST + [False] * BALLAST)  # never freed
    app = QApplication.instance() or QApplication([])
    cases = _cases(app)
    per = 10_000 / args.calls
    print(f"Python {sys.version.split()[0]}  PySide6 {PySide6.__version__}  "
          f"(drift of sys.getrefcount per 10 000 calls: None / True / False)")
    worst = 0
    for name, call in cases.items():
        call()  # warm up: first calls may intern or cache
        before = _counts()
        for _ in range(args.calls):
            call()
        after = _counts()
        drift = [round((a - b) * per) for a, b in zip(after, before)]
        worst = max(worst, *(abs(d) for d in drift))
        print(f"  {name:58s} {drift[0]:+7d} {drift[1]:+7d} {drift[2]:+7d}")
    verdict = "LOSES OR LEAKS REFERENCES" if worst else "stable"
    if sys.version_info >= (3, 12):
        verdict += " (None, True and False are immortal on Python >= 3.12: their counts never move)"
    print(f"verdict: {verdict}")
    return 1 if worst else 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip teardown: freeing the ballast after lost references would abort
