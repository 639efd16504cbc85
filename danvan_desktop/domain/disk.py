"""The one message for a full or read-only disk, whichever layer meets it (database, hand-over file, PDF).

Both say what happened, that nothing already saved is lost, and what to do. The layers turn their own
failures into these: SQLite's "database or disk is full" (store/connection.py), an OSError with
ENOSPC/EDQUOT or EROFS while writing a file (exchange/writer.py).
"""

from __future__ import annotations

import errno
from pathlib import Path

from danvan_desktop.domain.i18n import _

FULL = frozenset(e for e in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if e is not None)
READ_ONLY = frozenset({errno.EROFS})


def full_message(where: Path | str) -> str:
    return _("Ổ đĩa đầy: không ghi được vào «{where}». Thao tác vừa rồi chưa được thực hiện; những gì đã lưu "
             "trước đó vẫn còn nguyên. Hãy xóa bớt tệp không cần trên ổ đĩa này (hoặc chọn ổ khác) rồi làm "
             "lại.").format(where=where)


def read_only_message(where: Path | str) -> str:
    return _("Ổ đĩa hoặc thư mục «{where}» chỉ cho phép đọc: không ghi được. Thao tác vừa rồi chưa được thực "
             "hiện; những gì đã lưu trước đó vẫn còn nguyên. Hãy chọn thư mục có quyền ghi (hoặc gạt khóa chống "
             "ghi của USB) rồi làm lại.").format(where=where)


def message_for(exc: OSError, where: Path | str) -> str | None:
    """The disk message for an OSError, or None when it is some other failure."""
    if exc.errno in FULL:
        return full_message(where)
    if exc.errno in READ_ONLY:
        return read_only_message(where)
    return None
