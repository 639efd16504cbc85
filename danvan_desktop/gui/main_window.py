"""The main window: a sidebar of pages, a stack that shows one, Undo/Redo, and the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from danvan_desktop import __version__
from danvan_desktop.domain.i18n import _, language
from danvan_desktop.gui.appearance import apply_appearance
from danvan_desktop.gui.events import DataEvents
from danvan_desktop.gui.pages.registry import pages
from danvan_desktop.gui.pages.spec import PageContext
from danvan_desktop.services.app import AppServices


class MainWindow(QMainWindow):
    def __init__(self, services: AppServices, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = QUndoStack(self)
        self.events = DataEvents(self)
        unit = services.setup.unit()
        self.setWindowTitle(_("Khối dân vận {unit} — danvan-desktop {version}").format(
            unit=unit.name, version=__version__))
        self.resize(1280, 760)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.sidebar = QListWidget()
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setStyleSheet(
            "QListWidget { background:#1f4e79; color:white; border:none; padding-top:8px; }"
            "QListWidget::item { padding:9px 12px; }"
            "QListWidget::item:selected { background:#2e75b6; color:white; font-weight:bold; }")
        self.stack = QStackedWidget()
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.context = PageContext(services, self.undo_stack, self.events, self.navigate)
        self.page_keys: list[str] = []
        # Pages are built when first shown (the first paint is the dashboard alone, whatever the size of
        # the database); `pages[key]` builds one on demand, `built` lists those that exist.
        self.pages = LazyPages(self._build_page)
        self._specs: dict = {}
        for spec in pages(upper=unit.level == "upper"):
            self._specs[spec.key] = spec
            self.page_keys.append(spec.key)
            self.stack.addWidget(QWidget())          # a placeholder until the page is first shown
            item = QListWidgetItem(_(spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.sidebar.addItem(item)
            if spec.shortcut:
                action = QAction(self)
                action.setShortcut(QKeySequence(spec.shortcut))
                action.triggered.connect(lambda _c=False, key=spec.key: self.navigate(key))
                self.addAction(action)
        self._fit_sidebar()
        self.sidebar.currentRowChanged.connect(self._on_page_changed)
        self._language = language()
        self.successor: MainWindow | None = None
        self.events.changed.connect(self._on_data_changed)
        self._build_menu()
        self.statusBar().showMessage(_("Tệp dữ liệu: {path}").format(path=services.db.path))
        self.sidebar.setCurrentRow(0)

    def _build_page(self, key: str) -> QWidget:
        """Make a page on first use and put it in its place in the stack."""
        widget = self._specs[key].factory(self.context)
        index = self.page_keys.index(key)
        placeholder = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, self._scrollable(widget))
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        if hasattr(widget, "appearance_changed"):
            widget.appearance_changed.connect(self._on_appearance_changed)
        return widget

    @staticmethod
    def _scrollable(page: QWidget) -> QScrollArea:
        """A page wider than the screen (long English labels, a large font) scrolls sideways instead of
        pushing the window past a 1366-pixel screen."""
        holder = QScrollArea()
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setWidgetResizable(True)
        holder.setWidget(page)
        return holder

    def _build_menu(self) -> None:
        edit = self.menuBar().addMenu(_("&Sửa"))
        undo = self.undo_stack.createUndoAction(self, _("Hoàn tác"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, _("Làm lại"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(undo)
        edit.addAction(redo)
        view = self.menuBar().addMenu(_("&Trang"))
        for row, key in enumerate(self.page_keys):
            action = view.addAction(self.sidebar.item(row).text())
            action.triggered.connect(lambda _c=False, k=key: self.navigate(k))

    def navigate(self, key: str, **filters) -> None:
        """Open a page; pages that understand filters (e.g. overdue=True) apply them."""
        if key not in self._specs:
            return
        self.sidebar.setCurrentRow(self.page_keys.index(key))
        page = self.pages[key]
        if filters and hasattr(page, "apply_filters"):
            page.apply_filters(**filters)

    def _on_page_changed(self, row: int) -> None:
        if row < 0:
            return
        page = self.pages[self.page_keys[row]]
        self.stack.setCurrentIndex(row)
        if hasattr(page, "refresh"):
            page.refresh()

    def _on_data_changed(self, _table: str) -> None:
        """Other pages are refreshed when shown; the dashboard and banners must be right at once."""
        dashboard = self.pages.built.get("dashboard")
        if dashboard is not None and self.current_page_key() != "dashboard":
            dashboard.refresh()

    def current_page_key(self) -> str:
        return self.page_keys[self.stack.currentIndex()]

    def _fit_sidebar(self) -> None:
        """As wide as the longest page name in bold (the current page), and no wider: the list pages
        need every pixel at 1366×768."""
        font = QFont(self.sidebar.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        longest = max((metrics.horizontalAdvance(self.sidebar.item(i).text()) for i in range(self.sidebar.count())),
                      default=120)
        self.sidebar.setFixedWidth(max(150, longest + 2 * 12 + 12))

    def _on_appearance_changed(self) -> None:
        """A new text size applies to the open window at once; a new language rebuilds the window,
        because every label was translated when it was made."""
        apply_appearance(QApplication.instance(), self.services)
        self._fit_sidebar()
        if self.services.preferences.language() != self._language:
            self.rebuild()

    def rebuild(self) -> "MainWindow":
        """Replace this window with a new one in the current language, on the same page and place."""
        key = self.current_page_key()
        successor = MainWindow(self.services)
        successor.setGeometry(self.geometry())
        successor.navigate(key)
        if self.isMaximized():
            successor.showMaximized()
        elif self.isVisible():
            successor.show()
        notice = getattr(successor.pages.built.get(key), "show_language_notice", None)
        if notice is not None:
            notice()
        self.successor = successor
        _OPEN_WINDOWS.append(successor)
        if self in _OPEN_WINDOWS:
            _OPEN_WINDOWS.remove(self)
        self.close()
        return successor


class LazyPages:
    """The window's pages by key, each built by `build(key)` the first time it is asked for."""

    def __init__(self, build) -> None:
        self._build = build
        self.built: dict[str, QWidget] = {}

    def __getitem__(self, key: str) -> QWidget:
        if key not in self.built:
            self.built[key] = self._build(key)
        return self.built[key]

    def get(self, key: str, default=None):
        return self.built.get(key, default)


# Windows made by rebuild() have no other owner; this keeps them alive while they are open.
_OPEN_WINDOWS: list[MainWindow] = []
