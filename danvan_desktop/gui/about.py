"""Giới thiệu chương trình: the version, where the data and the log are, and the licences of
everything the program carries (Qt through PySide6 under the LGPL, the fonts under the OFL …)."""

from __future__ import annotations

import html
import sys
from importlib import metadata

from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout

from danvan_desktop import __version__
from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.gui.widgets.dialog_buttons import close_buttons
from danvan_desktop.logs import log_file
from danvan_desktop.paths import default_db_path, user_data_dir

# (distribution, what it does here, licence) — the libraries a pip install or the bundle carries
BUNDLED = [
    ("PySide6-Essentials", N_("Qt 6: giao diện"), "LGPL-3.0"),
    ("PySide6-Addons", N_("Qt PDF: xem trước văn bản"), "LGPL-3.0"),
    ("shiboken6", N_("cầu nối Python – Qt"), "LGPL-3.0"),
    ("reportlab", N_("văn bản PDF"), "BSD-3-Clause"),
    ("python-docx", N_("văn bản Word (DOCX)"), "MIT"),
    ("openpyxl", N_("bảng tính Excel"), "MIT"),
    ("babel", N_("ngày tháng, con số tiếng Việt"), "BSD-3-Clause"),
    ("cryptography", N_("chữ ký tệp trao đổi"), "Apache-2.0 / BSD-3-Clause"),
    ("pypdf", N_("đọc PDF"), "BSD-3-Clause"),
    ("qrcode", N_("mã QR"), "BSD-3-Clause"),
    ("platformdirs", N_("thư mục dữ liệu"), "MIT"),
    ("lxml", N_("dùng bởi python-docx"), "BSD-3-Clause"),
    ("et-xmlfile", N_("dùng bởi openpyxl"), "MIT"),
    ("pillow", N_("ảnh"), "MIT-CMU"),
]


def _installed_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def licence_rows() -> list[tuple[str, str, str, str]]:
    """(name, version, use, licence) of each bundled part."""
    rows = [("Python", sys.version.split()[0], _("ngôn ngữ lập trình"), "PSF-2.0")]
    for name, use, licence in BUNDLED:          # listed even where the bundle kept no version metadata
        rows.append((name, _installed_version(name) or "—", _(use), licence))
    rows.append(("Liberation Serif", "2", _("phông chữ văn bản (khi máy không có Times New Roman)"), "OFL-1.1"))
    return rows


def about_html() -> str:
    esc = html.escape
    title = _("Phần mềm Khối dân vận cấp xã")
    version = _("Phiên bản {version}").format(version=__version__)
    places = [_("Thư mục dữ liệu: {path}").format(path=user_data_dir()),
              _("Tệp dữ liệu mặc định: {path}").format(path=default_db_path()),
              _("Nhật ký: {path}").format(path=log_file())]
    licence = _("Chương trình là phần mềm tự do theo giấy phép GPL-3.0 trở lên (tệp LICENSE). Chương trình "
                "dùng các thành phần sau, mỗi thành phần theo giấy phép của nó:")
    qt_note = _("Qt và PySide6 được dùng theo LGPL-3.0: các thư viện Qt nằm riêng trong thư mục chương trình "
                "và có thể thay bằng bản khác; mã nguồn Qt ở https://download.qt.io/.")
    heads = [_("Thành phần"), _("Phiên bản"), _("Dùng để"), _("Giấy phép")]
    head_row = "".join(f"<th align='left'>{esc(h)}</th>" for h in heads)
    rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in licence_rows())
    return (f"<h2>{esc(title)}</h2><p><b>{esc(version)}</b></p>"
            f"<p>{'<br>'.join(esc(p) for p in places)}</p><p>{esc(licence)}</p>"
            f"<table cellpadding='3'><tr>{head_row}</tr>{rows}</table><p>{esc(qt_note)}</p>")


class AboutDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Giới thiệu chương trình"))
        self.resize(760, 600)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(about_html())
        buttons = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
