"""The Qt binding the program runs on must not corrupt Python's reference counts (issue 9 item 5)."""

import sys

import PySide6

from danvan_desktop.gui import qt_check


def test_the_installed_pyside6_keeps_the_count_of_none():
    # PySide6 6.12.0 on Python 3.11 loses 64 references here; the pinned 6.11 loses none
    assert qt_check.lost_references() == 0
    assert qt_check.problem() is None


def test_a_binding_that_loses_references_is_refused_with_versions_and_a_way_out():
    message = qt_check.problem(measure=lambda: qt_check.PROBE_CALLS)
    assert message is not None
    assert PySide6.__version__ in message
    assert f"{sys.version_info.major}.{sys.version_info.minor}" in message
    assert "6.11" in message and "3.12" in message
    assert "none_dealloc" in message


def test_a_stray_reference_or_two_is_not_taken_for_the_bug():
    # other threads may touch None while the probe runs; the bug loses one reference per call
    assert qt_check.problem(measure=lambda: 2) is None
