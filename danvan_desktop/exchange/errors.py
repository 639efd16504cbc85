"""Why a hand-over file is refused: one error type whose message names the file and the reason."""

from __future__ import annotations

from pathlib import Path

from danvan_desktop.domain.i18n import _


class ExchangeError(Exception):
    """A refused file. `str()` is the Vietnamese message: «file»: reason."""

    def __init__(self, reason: str, path: Path | str | None = None) -> None:
        # a reason may quote what the file holds: a lone surrogate there could not be printed or logged
        self.reason = reason.encode("utf-8", "backslashreplace").decode("utf-8")
        self.path = Path(path) if path is not None else None
        super().__init__(self._text())

    def _text(self) -> str:
        if self.path is None:
            return self.reason
        return _("Tệp «{name}» bị từ chối: {reason}").format(name=self.path.name, reason=self.reason)

    def at(self, path: Path | str) -> ExchangeError:
        """The same error, naming the file (raised deep down before the file name was known)."""
        self.path = Path(path)
        self.reason = self.reason.encode("utf-8", "backslashreplace").decode("utf-8")
        self.args = (self._text(),)
        return self


class NewerFormat(ExchangeError):
    """The file was written by a newer program: the user must update, not retry."""

    def __init__(self, found: int, supported: int, path: Path | str | None = None) -> None:
        self.found, self.supported = found, supported
        super().__init__(_("tệp được tạo bởi phiên bản mới hơn của chương trình (định dạng {found}, phiên bản "
                           "này đọc được đến {supported}). Hãy cập nhật chương trình.")
                         .format(found=found, supported=supported), path)


class UntrustedKey(ExchangeError):
    """The first file from an installation: its key must be confirmed (fingerprint) before import."""

    def __init__(self, unit_code: str, unit_name: str, fingerprint: str, path: Path | str | None = None) -> None:
        self.unit_code, self.unit_name, self.fingerprint = unit_code, unit_name, fingerprint
        super().__init__(_("lần đầu nhận tệp từ {unit} (mã {code}); mã nhận dạng khóa {fp} chưa được tin cậy. "
                           "Hãy gọi điện đối chiếu với biên nhận xuất tệp rồi chấp nhận khóa.")
                         .format(unit=unit_name, code=unit_code, fp=fingerprint), path)


class KeyChanged(ExchangeError):
    def __init__(self, unit_code: str, unit_name: str, fingerprint: str, trusted: str,
                 path: Path | str | None = None) -> None:
        self.unit_code, self.unit_name, self.fingerprint = unit_code, unit_name, fingerprint
        super().__init__(_("khóa ký của {unit} (mã {code}) đã thay đổi: tệp mang khóa {fp}, khóa đã tin cậy là "
                           "{trusted}. Có thể tệp bị giả mạo; chỉ chấp nhận khóa mới sau khi đã gọi điện xác minh.")
                         .format(unit=unit_name, code=unit_code, fp=fingerprint, trusted=trusted), path)


class NewInstallation(UntrustedKey):
    """A known unit's file from an installation never seen before (a reinstalled or a second PC): said as
    exactly that, and accepted only when the officer confirms the new fingerprint."""

    def __init__(self, unit_code: str, unit_name: str, fingerprint: str, installation_id: str,
                 known_fingerprint: str, known_installation: str, path: Path | str | None = None) -> None:
        self.unit_code, self.unit_name, self.fingerprint = unit_code, unit_name, fingerprint
        self.installation_id, self.known_fingerprint = installation_id, known_fingerprint
        self.known_installation = known_installation
        ExchangeError.__init__(self, new_installation_text(unit_code, unit_name, fingerprint, installation_id,
                                                           known_fingerprint, known_installation), path)


def new_installation_text(unit_code: str, unit_name: str, fingerprint: str, installation_id: str,
                          known_fingerprint: str, known_installation: str) -> str:
    return _("{unit} (mã {code}) đã có khóa tin cậy (mã nhận dạng {known}) từ bản cài đặt {known_installation}; "
             "tệp này đến từ một bản cài đặt mới {installation} (mã nhận dạng {fp}), ví dụ máy cài lại hoặc máy thứ "
             "hai. Chỉ chấp nhận sau khi đã gọi điện đối chiếu mã nhận dạng mới với đơn vị gửi.").format(
        unit=unit_name, code=unit_code, known=known_fingerprint, known_installation=known_installation[:8],
        installation=installation_id[:8], fp=fingerprint)


class DiskProblem(ExchangeError):
    """The file could not be written (full or read-only disk): the message says so; nothing is left."""

    def _text(self) -> str:
        return self.reason
