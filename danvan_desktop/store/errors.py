"""Errors of the store, each with a Vietnamese message a commune officer can act on."""

from __future__ import annotations

from danvan_desktop.domain import disk
from danvan_desktop.domain.i18n import _


class StoreError(Exception):
    """Base: `str(error)` is the message to show."""


class NotADatabase(StoreError):
    def __init__(self, path) -> None:
        super().__init__(_("Tệp «{path}» không phải là tệp dữ liệu của chương trình (SQLite), hoặc đã hỏng. "
                           "Không có gì bị thay đổi.").format(path=path))


class IsAFolder(StoreError):
    def __init__(self, path) -> None:
        super().__init__(_("«{path}» là một thư mục, không phải tệp dữ liệu. Hãy chọn tệp dữ liệu của chương "
                           "trình (đuôi .sqlite3). Không có gì bị thay đổi.").format(path=path))


class ReadOnlyDatabase(StoreError):
    def __init__(self, path) -> None:
        super().__init__(_("Tệp dữ liệu «{path}» chỉ cho phép đọc; không thể lưu thay đổi. Hãy chép tệp vào "
                           "một thư mục có quyền ghi (ví dụ Tài liệu) rồi mở lại.").format(path=path))


class NewerDatabase(StoreError):
    def __init__(self, path, found: int, supported: int) -> None:
        super().__init__(_("Tệp dữ liệu «{path}» được tạo bởi phiên bản mới hơn của chương trình (lược đồ "
                           "{found}, phiên bản này hỗ trợ đến {supported}). Hãy cập nhật chương trình; tệp "
                           "không bị thay đổi.").format(path=path, found=found, supported=supported))


class DatabaseLocked(StoreError):
    def __init__(self, path) -> None:
        super().__init__(_("Tệp dữ liệu «{path}» đang được một cửa sổ khác của chương trình sử dụng. Hãy đóng "
                           "cửa sổ đó rồi thử lại.").format(path=path))


class NotFound(StoreError):
    def __init__(self, what: str, record_id: str) -> None:
        super().__init__(_("Không tìm thấy {what} (mã {id}); có thể đã bị xóa.").format(what=what, id=record_id))


class RefusedByConstraint(StoreError):
    """A write the table's own rules refused (CHECK, UNIQUE, NOT NULL, a missing reference): the program's
    checks missed a case. Nothing was written; the file is sound."""

    def __init__(self, path, detail: str) -> None:
        super().__init__(_("Dữ liệu không được lưu vì vi phạm ràng buộc của tệp dữ liệu ({detail}). Không có gì bị "
                           "thay đổi; tệp dữ liệu vẫn nguyên vẹn.").format(detail=detail))


class DiskFull(StoreError):
    """SQLite could not grow the file or its journal: the transaction is undone, the data is as before."""

    def __init__(self, path) -> None:
        super().__init__(disk.full_message(path))
