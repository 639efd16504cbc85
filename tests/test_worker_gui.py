"""The GUI's side of the job runner (gui/worker.py): a job runs on the runner's thread while its progress and
its result arrive on the GUI thread; Hủy in the progress dialog stops it between two steps."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from danvan_desktop.gui.worker import run_job, run_quiet


def test_a_jobs_progress_and_result_arrive_on_the_gui_thread(qtbot, services):
    parent = QWidget()
    qtbot.addWidget(parent)
    ran_on, progress, results = [], [], []

    def job(runner_services):
        ran_on.append(threading.current_thread())
        villages = [v.name for v in runner_services.villages.list()]
        for i, name in enumerate(villages):
            yield i, len(villages), name
        return villages

    run_job(services.jobs, parent, "Đang đọc", job,
            on_done=lambda result: results.append((threading.current_thread(), result)))
    dialog = parent.findChild(QProgressDialog)
    dialog.setLabelText = lambda text: progress.append((threading.current_thread(), text))
    qtbot.waitUntil(lambda: bool(results), timeout=20_000)
    (thread, result), = results
    assert thread is threading.main_thread() and ran_on[0] is not threading.main_thread()
    assert sorted(result) == sorted(["Thôn Đông", "Thôn Tây", "Bản Nậm Cắn"])
    assert [text for _t, text in progress] == result
    assert {t for t, _text in progress} == {threading.main_thread()}
    assert dialog.isHidden()

    seen = []
    run_quiet(services.jobs, job, on_done=lambda result: seen.append(threading.current_thread()))
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert seen == [threading.main_thread()]


def test_cancel_in_the_progress_dialog_stops_the_job_between_two_steps(qtbot, services):
    parent = QWidget()
    qtbot.addWidget(parent)
    go, after, errors = threading.Event(), [], []

    def job(_services):
        yield 0, 2, "bước một"
        go.wait(20)
        yield 1, 2, "bước hai"
        after.append("the rest of the work")
        return "done"

    run_job(services.jobs, parent, "Đang xuất dữ liệu", job, on_done=lambda r: errors.append(("done", r)),
            on_error=lambda exc, details: errors.append((exc, details)))
    dialog = parent.findChild(QProgressDialog)
    assert not dialog.isVisible()                  # a short job never shows it
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.labelText() == "bước một", timeout=20_000)
    button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Hủy")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    go.set()
    qtbot.waitUntil(lambda: bool(errors), timeout=20_000)
    assert errors == [(None, "cancelled")] and after == []


def test_a_job_given_while_another_runs_says_it_waits_its_turn(qtbot, services):
    parent = QWidget()
    qtbot.addWidget(parent)
    go, order = threading.Event(), []
    run_quiet(services.jobs, lambda _s: go.wait(20) and order.append("the day's backup"), on_done=lambda _r: None)
    run_job(services.jobs, parent, "Đang xuất dữ liệu", lambda _s: order.append("the export"),
            on_done=lambda _r: order.append("shown"))
    dialog = parent.findChild(QProgressDialog)
    assert dialog.labelText() == "Đang xuất dữ liệu — đang chờ việc trước làm xong…"
    go.set()
    qtbot.waitUntil(lambda: "shown" in order, timeout=20_000)
    assert order == ["the day's backup", "the export", "shown"]
