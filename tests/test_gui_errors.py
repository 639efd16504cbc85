"""Errors that reach the top: a known one (the file became read-only) shows its own Vietnamese message
without a traceback; an unexpected one shows the apology with the details to copy."""

from __future__ import annotations

import io
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from danvan_desktop.gui import excepthook
from danvan_desktop.store.errors import ReadOnlyDatabase


@pytest.fixture
def shown(qapp, monkeypatch):
    boxes: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: boxes.append(self) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(sys, "__stderr__", io.StringIO())     # the hook also prints the details there
    excepthook.install()
    return boxes


def test_a_known_store_error_shows_its_message_only(shown):
    error = ReadOnlyDatabase("E:/danvan.sqlite3")
    sys.excepthook(type(error), error, None)
    assert len(shown) == 1
    assert shown[0].text().startswith("Tệp dữ liệu «E:/danvan.sqlite3» chỉ cho phép đọc")
    assert shown[0].detailedText() == ""


def test_an_unexpected_error_offers_the_details(shown):
    try:
        raise KeyError("post_code")
    except KeyError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1
    assert shown[0].text().startswith("Chương trình gặp lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng")
    assert "KeyError: 'post_code'" in shown[0].detailedText()
    assert [b.text() for b in shown[0].buttons() if b.text() == "Chép chi tiết"] == ["Chép chi tiết"]
