"""A .dvx double-clicked in Explorer starts `danvan.exe --open FILE`: the window opens on the hand-over
page's import tab with that file checked and listed."""

from __future__ import annotations

from danvan_desktop.cli import build_parser


def test_open_is_an_option_of_the_window(tmp_path):
    args = build_parser().parse_args(["--open", str(tmp_path / "xa.dvx")])
    assert args.command is None and args.open == tmp_path / "xa.dvx"


def test_the_file_lands_on_the_import_tab(qtbot, services, tmp_path):
    from danvan_desktop.gui.app import open_handover_file
    from danvan_desktop.gui.main_window import MainWindow
    exported = services.exchange.exporter.export(tmp_path / "xa.dvx").path
    window = MainWindow(services)
    qtbot.addWidget(window)
    open_handover_file(window, exported)
    page = window.pages["exchange"]
    assert window.page_keys[window.sidebar.currentRow()] == "exchange"
    assert page.tabs.currentWidget() is page.import_tab
    qtbot.waitUntil(lambda: len(page.import_tab.files.rows()) == 1, timeout=10000)
    assert page.import_tab.files.rows()[0].path == exported
