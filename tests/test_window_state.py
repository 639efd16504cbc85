"""The main window comes back as the officer left it: size, place, maximised, splitter positions; and it
never opens taller than the screen."""

from __future__ import annotations

from danvan_desktop.gui.main_window import MainWindow
from danvan_desktop.gui.widgets.fit import available_screen


def test_size_place_and_splitters_are_remembered(qtbot, services):
    first = MainWindow(services)
    qtbot.addWidget(first)
    first.resize(700, 500)       # inside the offscreen screen (800×600)
    first.move(30, 40)
    first.show()
    first.navigate("members")
    splitter = first.pages["members"].splitter
    splitter.setSizes([250, 420])
    sizes = splitter.sizes()
    first.close()

    second = MainWindow(services)
    qtbot.addWidget(second)
    second.show_restored()
    assert (second.width(), second.height()) == (700, 500)
    assert not second.isMaximized()
    second.navigate("members")
    assert second.pages["members"].splitter.sizes() == sizes


def test_maximised_is_remembered(qtbot, services):
    first = MainWindow(services)
    qtbot.addWidget(first)
    first.showMaximized()
    assert first.isMaximized()
    first.close()
    second = MainWindow(services)
    qtbot.addWidget(second)
    second.show_restored()
    assert second.isMaximized()


def test_a_first_window_is_no_taller_than_the_screen(qtbot, services):
    window = MainWindow(services)
    qtbot.addWidget(window)
    area = available_screen(window)
    assert window.height() <= area.height() - 40 and window.width() <= area.width()


def test_the_report_preview_is_no_taller_than_the_screen(qtbot, demo):
    from danvan_desktop.gui.pages.report.report_preview import PdfPreviewDialog
    from danvan_desktop.services.documents.printing import document_pdf

    meeting = next(m for m in demo.meetings.list() if m.locked)
    dialog = PdfPreviewDialog("Xem trước", document_pdf(demo.minutes.build(meeting.id)))
    qtbot.addWidget(dialog)
    area = available_screen(dialog)
    assert dialog.height() <= area.height() - 40 and dialog.page_count() >= 1
