"""The job runner (services/jobs.py), without a screen: one job at a time in the order given, on one thread
with its own connection; a failure is handed back and the next job still runs; cancel stops between steps;
shutdown lets the running job finish, drops the waiting ones and closes the connection."""

from __future__ import annotations

import logging
import sqlite3
import threading

import pytest

from danvan_desktop.services.jobs import JobRunner

WAIT = 20


@pytest.fixture
def runner():
    jobs = JobRunner(lambda: None)
    yield jobs
    jobs.shutdown()


def test_jobs_submitted_together_run_one_at_a_time_in_the_order_given(runner):
    release = threading.Event()
    started, active, most = [], [0], [0]
    guard = threading.Lock()

    def job(number):
        def work(_services):
            with guard:
                active[0] += 1
                most[0] = max(most[0], active[0])
            started.append(number)
            if number == 0:
                release.wait(WAIT)           # the first holds the runner while the others are given
            with guard:
                active[0] -= 1
            return number
        return work

    handles = [runner.submit(job(n)) for n in range(6)]
    assert handles[0].wait(0.2) is False and all(h.state == "queued" for h in handles[1:])
    release.set()
    assert all(h.wait(WAIT) for h in handles)
    assert started == list(range(6)) and most[0] == 1
    assert [h.result for h in handles] == list(range(6)) and {h.state for h in handles} == {"done"}


def test_a_failing_job_hands_its_exception_back_and_the_next_one_still_runs(runner):
    failures, results = [], []

    def broken(_services):
        yield 0, 1, "step"
        raise ValueError("tệp hỏng")

    first = runner.submit(broken, on_failed=lambda exc, details: failures.append((exc, details)))
    second = runner.submit(lambda _services: "next", on_done=results.append)
    assert first.wait(WAIT) and second.wait(WAIT)
    assert first.state == "failed" and isinstance(first.error, ValueError)
    (exc, details), = failures
    assert str(exc) == "tệp hỏng" and "ValueError" in details and "broken" in details
    assert results == ["next"] and second.state == "done"


def test_cancel_stops_the_job_between_two_steps(runner):
    steps, closed, failures = [], [], []

    def job(_services):
        try:
            for step in range(3):
                steps.append(step)
                yield step, 3, f"bước {step}"
        finally:
            closed.append(True)

    handle = None

    def progress(done, total, text):
        if done == 1:
            handle.cancel()            # the officer presses Hủy while step 1 shows

    gate = threading.Event()
    runner.submit(lambda _s: gate.wait(WAIT))          # hold the runner until the handle is known
    handle = runner.submit(job, on_progress=progress, on_failed=lambda exc, details: failures.append((exc, details)))
    gate.set()
    assert handle.wait(WAIT)
    assert steps == [0, 1] and closed == [True]        # step 2 never began; the job's own clean-up ran
    assert handle.state == "cancelled" and failures == [(None, "cancelled")]


def test_a_job_cancelled_while_waiting_never_starts(runner):
    gate = threading.Event()
    ran = []
    runner.submit(lambda _s: gate.wait(WAIT))
    waiting = runner.submit(lambda _s: ran.append(True))
    waiting.cancel()
    gate.set()
    assert waiting.wait(WAIT) and waiting.state == "cancelled" and ran == []


def test_the_runner_works_on_its_own_connection_on_its_own_thread_and_shutdown_closes_it(services):
    seen = {}

    def job(runner_services):
        seen["thread"] = threading.current_thread()
        seen["conn"] = runner_services.db.conn
        seen["same_clock"] = runner_services.db.clock is services.db.clock
        return runner_services.setup.unit().name

    handle = services.jobs.submit(job)
    assert handle.wait(WAIT) and handle.result == "xã Thử Nghiệm"
    assert seen["thread"] is not threading.main_thread() and seen["conn"] is not services.db.conn
    assert seen["same_clock"]           # a job's changes and the window's are stamped in the order they happen
    services.jobs.shutdown()
    assert not seen["thread"].is_alive()
    with pytest.raises(sqlite3.ProgrammingError):
        seen["conn"].execute("SELECT 1")
    services.db.conn.execute("SELECT 1")     # the window's own connection is untouched
    with pytest.raises(RuntimeError):
        services.jobs.submit(job)


def test_shutdown_lets_the_running_job_finish_and_drops_the_waiting_ones(runner, caplog):
    began, release = threading.Event(), threading.Event()
    running = runner.submit(lambda _s: began.set() or (release.wait(WAIT) and "finished"))
    waiting = runner.submit(lambda _s: "never", name="Đang xuất dữ liệu")
    assert began.wait(WAIT)
    caplog.set_level(logging.WARNING, logger="danvan.jobs")
    stopper = threading.Thread(target=runner.shutdown)
    stopper.start()
    assert waiting.wait(WAIT) and waiting.state == "dropped"
    assert running.state == "running"
    release.set()
    stopper.join(WAIT)
    assert not stopper.is_alive() and running.state == "done" and running.result == "finished"
    assert any("Đang xuất dữ liệu" in r.getMessage() and "dropped" in r.getMessage() for r in caplog.records)


def test_a_job_that_leaves_a_transaction_open_does_not_lock_out_the_window(services):
    services.jobs.submit(lambda s: s.db.conn.execute("BEGIN IMMEDIATE")).wait(WAIT)
    still_open = services.jobs.submit(lambda s: s.db.conn.in_transaction)
    assert still_open.wait(WAIT) and still_open.result is False
    services.villages.add_pasted("Thôn Mới")    # the window writes at once, with no "database is locked"
