"""Qt's own words in Vietnamese: standard buttons, "Show Details…", context menus, the wizard and the
widget-based file and print dialogs.

PySide6 ships no qtbase_vi.qm, so without this a Vietnamese screen shows Yes/No, Save/Cancel and
"Show Details..." in English. `QtStrings` is a QTranslator whose table is below: Qt asks it for every
string it shows (context, English source) and gets the Vietnamese, or the source back unchanged.
Installed by gui/app.py when the language is Vietnamese; Windows' native file and print dialogs speak
Windows' own language and do not pass through here.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

_BUTTONS = {
    "OK": "Đồng ý",
    "Save": "Lưu",
    "Save All": "Lưu tất cả",
    "Open": "Mở",
    "&Yes": "&Có",
    "Yes to &All": "Có với tất cả",
    "&No": "&Không",
    "N&o to All": "Không với tất cả",
    "Abort": "Hủy bỏ",
    "Retry": "Thử lại",
    "Ignore": "Bỏ qua",
    "Close": "Đóng",
    "Cancel": "Hủy",
    "Discard": "Bỏ thay đổi",
    "Don't Save": "Không lưu",
    "Close without Saving": "Đóng không lưu",
    "Help": "Trợ giúp",
    "Apply": "Áp dụng",
    "Reset": "Đặt lại",
    "Restore Defaults": "Khôi phục mặc định",
}

_EDIT_MENU = {
    "&Undo": "&Hoàn tác",
    "&Redo": "&Làm lại",
    "Cu&t": "&Cắt",
    "&Copy": "&Sao chép",
    "Copy &Link Location": "Sao chép địa chỉ liên kết",
    "&Paste": "&Dán",
    "Delete": "Xóa",
    "Select All": "Chọn tất cả",
}

# (context, English source) → Vietnamese. A context of None matches any context.
TABLE: dict[tuple[str | None, str], str] = {
    **{("QPlatformTheme", k): v for k, v in _BUTTONS.items()},
    **{("QDialogButtonBox", k): v for k, v in _BUTTONS.items()},
    **{("QLineEdit", k): v for k, v in _EDIT_MENU.items()},
    **{("QWidgetTextControl", k): v for k, v in _EDIT_MENU.items()},
    ("QMessageBox", "Show Details..."): "Xem chi tiết…",
    ("QMessageBox", "Hide Details..."): "Ẩn chi tiết…",
    ("QMessageBox", "OK"): "Đồng ý",
    ("QMessageBox", "Help"): "Trợ giúp",
    ("QWizard", "< &Back"): "< &Quay lại",
    ("QWizard", "&Back"): "&Quay lại",
    ("QWizard", "&Next"): "&Tiếp",
    ("QWizard", "&Next >"): "&Tiếp >",
    ("QWizard", "&Finish"): "&Hoàn tất",
    ("QWizard", "Cancel"): "Hủy",
    ("QWizard", "&Help"): "&Trợ giúp",
    ("QWizard", "Go Back"): "Quay lại",
    ("QWizard", "Continue"): "Tiếp tục",
    ("QWizard", "Commit"): "Xác nhận",
    ("QWizard", "Done"): "Xong",
    ("QAbstractSpinBox", "&Select All"): "&Chọn tất cả",
    ("QAbstractSpinBox", "&Step up"): "&Tăng",
    ("QAbstractSpinBox", "Step &down"): "&Giảm",
    ("QScrollBar", "Scroll here"): "Cuộn tới đây",
    ("QScrollBar", "Left edge"): "Mép trái",
    ("QScrollBar", "Top"): "Đầu",
    ("QScrollBar", "Right edge"): "Mép phải",
    ("QScrollBar", "Bottom"): "Cuối",
    ("QScrollBar", "Page left"): "Trang trái",
    ("QScrollBar", "Page up"): "Trang trên",
    ("QScrollBar", "Page right"): "Trang phải",
    ("QScrollBar", "Page down"): "Trang dưới",
    ("QScrollBar", "Scroll left"): "Cuộn trái",
    ("QScrollBar", "Scroll up"): "Cuộn lên",
    ("QScrollBar", "Scroll right"): "Cuộn phải",
    ("QScrollBar", "Scroll down"): "Cuộn xuống",
    # the widget-based file dialog (Linux; Windows shows its own)
    ("QFileDialog", "Look in:"): "Tìm trong:",
    ("QFileDialog", "File &name:"): "&Tên tệp:",
    ("QFileDialog", "Files of type:"): "Loại tệp:",
    ("QFileDialog", "&Open"): "&Mở",
    ("QFileDialog", "&Save"): "&Lưu",
    ("QFileDialog", "&Choose"): "&Chọn",
    ("QFileDialog", "Open"): "Mở",
    ("QFileDialog", "Save As"): "Lưu thành",
    ("QFileDialog", "Find Directory"): "Chọn thư mục",
    ("QFileDialog", "Directory:"): "Thư mục:",
    ("QFileDialog", "Back"): "Lùi",
    ("QFileDialog", "Forward"): "Tới",
    ("QFileDialog", "Parent Directory"): "Thư mục cha",
    ("QFileDialog", "Create New Folder"): "Tạo thư mục mới",
    ("QFileDialog", "New Folder"): "Thư mục mới",
    ("QFileDialog", "List View"): "Xem danh sách",
    ("QFileDialog", "Detail View"): "Xem chi tiết",
    ("QFileDialog", "All Files (*)"): "Mọi tệp (*)",
    ("QFileDialog", "&Rename"): "Đổi &tên",
    ("QFileDialog", "&Delete"): "&Xóa",
    ("QFileDialog", "Show &hidden files"): "Hiện tệp ẩn",
    ("QFileDialog", "&New Folder"): "Thư mục &mới",
    ("QFileDialog", "My Computer"): "Máy tính",
    ("QFileDialog", "Recent Places"): "Nơi dùng gần đây",
    ("QFileDialog", "Sidebar"): "Thanh bên",
    ("QFileDialog", "%1 already exists.\nDo you want to replace it?"): "%1 đã có.\nGhi đè lên tệp này?",
    ("QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."):
        "%1\nKhông tìm thấy tệp.\nHãy kiểm tra lại tên tệp.",
    ("QFileSystemModel", "Name"): "Tên",
    ("QFileSystemModel", "Size"): "Cỡ",
    ("QFileSystemModel", "Type"): "Loại",
    ("QFileSystemModel", "Kind"): "Loại",
    ("QFileSystemModel", "Date Modified"): "Ngày sửa",
    ("QFileSystemModel", "My Computer"): "Máy tính",
    ("QFileSystemModel", "Computer"): "Máy tính",
    # the widget-based print dialog (Linux; Windows shows its own)
    ("QPrintDialog", "Print"): "In",
    ("QPrintDialog", "&Print"): "&In",
    ("QPrintDialog", "&Options >>"): "&Tùy chọn >>",
    ("QPrintDialog", "&Options <<"): "&Tùy chọn <<",
    ("QPrintDialog", "Print to File (PDF)"): "In ra tệp (PDF)",
    ("QPrintDialog", "Print all"): "In tất cả",
    ("QPrintDialog", "Print range"): "In trong khoảng",
    ("QPrintDialog", "Print selection"): "In phần đã chọn",
    ("QPrintDialog", "Print current page"): "In trang hiện tại",
    ("QPrintPreviewDialog", "Print Preview"): "Xem trước khi in",
    ("QPrintPreviewDialog", "Print"): "In",
    ("QPrintPreviewDialog", "Close"): "Đóng",
    ("QPrintPreviewDialog", "Zoom in"): "Phóng to",
    ("QPrintPreviewDialog", "Zoom out"): "Thu nhỏ",
    ("QPrintPreviewDialog", "Fit width"): "Vừa chiều rộng",
    ("QPrintPreviewDialog", "Fit page"): "Vừa trang",
    ("QPrintPreviewDialog", "Portrait"): "Khổ dọc",
    ("QPrintPreviewDialog", "Landscape"): "Khổ ngang",
    ("QPrintPreviewDialog", "First page"): "Trang đầu",
    ("QPrintPreviewDialog", "Previous page"): "Trang trước",
    ("QPrintPreviewDialog", "Next page"): "Trang sau",
    ("QPrintPreviewDialog", "Last page"): "Trang cuối",
    ("QPrintPreviewDialog", "Page setup"): "Thiết lập trang",
}


class QtStrings(QTranslator):
    """Answers Qt's tr() calls from TABLE; anything not in it comes back as Qt wrote it."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        if context == "QGuiApplication" and source_text == "QT_LAYOUT_DIRECTION":
            return "LTR"
        return TABLE.get((context, source_text), source_text)

    def isEmpty(self) -> bool:
        return False
