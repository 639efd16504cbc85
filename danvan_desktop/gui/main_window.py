"""The main window: a sidebar of pages, a stack that shows one, Undo/Redo, and the status bar."""

from __future__ import annotations

import logging

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QUndoStack
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
from danvan_desktop.gui import help_menu, window_state
from danvan_desktop.gui.appearance import apply_appearance
from danvan_desktop.gui.data_files import FileActions
from danvan_desktop.gui.events import DataEvents
from danvan_desktop.gui.open_windows import take_over
from danvan_desktop.gui.pages.registry import pages
from danvan_desktop.gui.pages.spec import PageContext
from danvan_desktop.gui.shortcuts import set_key
from danvan_desktop.gui.theme import icon, themed
from danvan_desktop.services.app import AppServices

SIDEBAR_CHARS = 18          # the sidebar is at most about this many characters wide
# Qt.TextFlag.TextWordWrap. Nothing the first paint runs names an enum of Qt's namespace (QtCore.Qt): its ~90
# enums are made together on first use, 15–40 ms that the window would wait for (tests/test_start_imports.py)
WORD_WRAP = 0x1000


class MainWindow(QMainWindow):
    def __init__(self, services: AppServices, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = QUndoStack(self)
        self.events = DataEvents(self)
        unit = services.setup.unit()
        self.setWindowTitle(_("Khối dân vận {unit} — danvan-desktop {version}").format(
            unit=unit.name, version=__version__))
        window_state.initial_size(self)        # never taller than the screen less its taskbar
        self._restored = window_state.restore(self, services.preferences)
        self._shown_pages: dict[str, QWidget] = {}
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")     # (by name: see WORD_WRAP)
        self.sidebar.setWordWrap(True)
        themed(self.sidebar)        # its colours and spacing are in ui/theme.qss (QListWidget#sidebar)
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
        self.page_shortcuts: dict[str, str] = {}
        for spec in pages(upper=unit.level == "upper"):
            self._specs[spec.key] = spec
            self.page_keys.append(spec.key)
            self.stack.addWidget(QWidget())          # a placeholder until the page is first shown
            item = QListWidgetItem(icon(f"pages/{spec.key}"), _(spec.title))
            self.sidebar.addItem(item)
            self.page_shortcuts[spec.key] = spec.shortcut
        self._fit_sidebar()
        self.sidebar.currentRowChanged.connect(self._on_page_changed)
        self._language = language()
        self.successor: MainWindow | None = None
        self.events.changed.connect(self._on_data_changed)
        self._build_menu()
        self.file_actions = FileActions(self, open_window)
        self.statusBar().showMessage(_("Tệp dữ liệu: {path}").format(path=services.db.path))
        self.sidebar.setCurrentRow(0)

    def _build_page(self, key: str) -> QWidget:
        """Make a page on first use and put it in its place in the stack."""
        widget = self._specs[key].build(self.context)
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
        set_key(undo, QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, _("Làm lại"))
        set_key(redo, QKeySequence.StandardKey.Redo)
        edit.addAction(undo)
        edit.addAction(redo)
        view = self.menuBar().addMenu(_("&Trang"))
        for row, key in enumerate(self.page_keys):
            # "&" in a page's name is a character, not a mnemonic ("Họp & biên bản", not "Họp _biên bản")
            action = view.addAction(self.sidebar.item(row).text().replace("&", "&&"))
            action.triggered.connect(lambda _c=False, k=key: self.navigate(k))
            if self.page_shortcuts.get(key):     # the page's key lives on its menu entry, shown beside it
                set_key(action, self.page_shortcuts[key])
            self.addAction(action)               # works while the menu is closed
        help_menu.install(self)      # Trợ giúp: the guide (F1), the log folder, About

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
        key = self.page_keys[row]
        if hasattr(page, "refresh"):
            page.refresh()
        if key not in self._shown_pages:       # splitters as the officer left them last time
            self._shown_pages[key] = page
            window_state.restore_splitters(key, page, self.services.preferences)

    def _on_data_changed(self, _table: str) -> None:
        """Other pages are refreshed when shown; the dashboard and banners must be right at once."""
        dashboard = self.pages.built.get("dashboard")
        if dashboard is not None and self.current_page_key() != "dashboard":
            dashboard.refresh()

    def show_restored(self) -> None:
        """Show the window as it was left: maximised or at its place and size."""
        if window_state.was_maximised(self.services.preferences):
            self.showMaximized()
        else:
            self.show()

    def save_state(self) -> None:
        try:
            window_state.save(self, self._shown_pages, self.services.preferences)
        except Exception:
            logging.getLogger(__name__).exception("saving the window state")

    def closeEvent(self, event) -> None:
        if self.successor is None:             # a window replaced by a new language hands its place on
            self.save_state()
            # the file's long work ends with its window: the running job finishes (its steps are the
            # user's own; a stop in the middle would leave half of what they asked for), the waiting are dropped
            self.services.jobs.shutdown()
        super().closeEvent(event)

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
        # a long name ("Villages / residential groups") wraps onto two lines rather than widen the sidebar
        # for every page: at 14 pt in English that gives the pages ~100 pixels back
        cap = metrics.averageCharWidth() * SIDEBAR_CHARS
        text_width = min(longest, cap)
        side = metrics.height()                 # the page icons are as tall as a line of text
        self.sidebar.setIconSize(QSize(side, side))
        self.sidebar.setFixedWidth(max(150, text_width + side + 6 + 2 * 12 + 12))
        # the theme's item padding, px(6) above and below, scales with the text size and is inside the hint
        padding = 2 * round(6 * font.pointSizeF() / 11) + 2
        for i in range(self.sidebar.count()):     # each entry as tall as its wrapped name needs
            item = self.sidebar.item(i)
            bounds = metrics.boundingRect(QRect(0, 0, text_width, 1000), WORD_WRAP, item.text())
            item.setSizeHint(QSize(text_width + side + 6, bounds.height() + padding))

    def _on_appearance_changed(self) -> None:
        """A new text size applies to the open window at once; a new language rebuilds the window,
        because every label was translated when it was made."""
        apply_appearance(QApplication.instance(), self.services)
        self._fit_sidebar()
        if self.services.preferences.language() != self._language:
            self.rebuild()

    def rebuild(self) -> MainWindow:
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
        take_over(self, successor)
        self.close()
        return successor


def open_window(services: AppServices):
    if not services.setup.is_set_up():
        # a new file only: the wizard is not imported at every start
        from danvan_desktop.gui.setup_wizard import SetupWizard
        wizard = SetupWizard(services.setup)
        if not wizard.exec():
            return None
    return MainWindow(services)


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
