"""The commune's identity fields, shared by the set-up wizard and the settings page."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.unit import Unit


class UnitForm(QWidget):
    FIELDS = (
        ("name", N_("Tên xã"), N_("Ví dụ: xã Yên Phú")),
        ("code", N_("Mã đơn vị"), N_("Mã xã theo danh mục hành chính, ví dụ 16171")),
        ("province", N_("Tỉnh / thành phố"), N_("Ví dụ: Thanh Hóa")),
        ("upper_unit_name", N_("Cấp trên nhận báo cáo"), N_("Ví dụ: Ban Tuyên giáo và Dân vận Tỉnh ủy")),
        ("upper_party_name", N_("Đảng bộ cấp trên (đầu văn bản)"), N_("Ví dụ: ĐẢNG BỘ TỈNH THANH HÓA")),
        ("party_committee_name", N_("Tên cấp ủy trên văn bản"), N_("Ví dụ: ĐẢNG ỦY XÃ YÊN PHÚ")),
        ("place_name", N_("Địa danh ghi ngày tháng"), N_("Ví dụ: Yên Phú")),
        ("doc_symbol", N_("Ký hiệu văn bản của khối"), N_("Ví dụ: DV (Số 07-BC/DV)")),
    )

    # The same fields as an upper body (a province board) names them: its own name and the committee above it.
    UPPER_FIELDS: ClassVar[dict[str, tuple[str, str]]] = {
        "name": (N_("Tên cơ quan"), N_("Ví dụ: Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Hóa")),
        "code": (N_("Mã đơn vị"), N_("Ví dụ: TU38")),
        "upper_unit_name": (N_("Cấp ủy nhận báo cáo"), N_("Ví dụ: Tỉnh ủy Thanh Hóa")),
        "upper_party_name": (N_("Đảng bộ (nếu in trên cấp ủy)"), N_("Ví dụ: ĐẢNG BỘ TỈNH THANH HÓA")),
        "party_committee_name": (N_("Cấp ủy (dòng trên tên cơ quan)"), N_("Ví dụ: TỈNH ỦY THANH HÓA")),
        "doc_symbol": (N_("Ký hiệu văn bản của cơ quan"), N_("Ví dụ: BTGDVTU (Số 01-BC/BTGDVTU)")),
    }

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QFormLayout(self)
        self._layout = layout
        self.edits: dict[str, QLineEdit] = {}
        for name, label, hint in self.FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(_(hint))
            edit.setObjectName(name)
            self.edits[name] = edit
            layout.addRow(_(label), edit)
        self.edits["doc_symbol"].setText("DV")
        self.edits["name"].textEdited.connect(self._suggest)
        self.upper = False

    def set_upper(self, upper: bool) -> None:
        """Label the fields for an upper body (tên cơ quan, cấp ủy) or for a commune."""
        self.upper = upper
        for name, label, hint in self.FIELDS:
            label, hint = self.UPPER_FIELDS.get(name, (label, hint)) if upper else (label, hint)
            widget = self._layout.labelForField(self.edits[name])
            if widget is not None:
                widget.setText(_(label))
            self.edits[name].setPlaceholderText(_(hint))
        symbol = self.edits["doc_symbol"]
        if not symbol.isModified() and symbol.text() in ("DV", ""):
            symbol.setText("" if upper else "DV")

    def _suggest(self, text: str) -> None:
        """Fill the Party committee and place lines from the commune name while they are untouched:
        "phường Hạc Thành" → "ĐẢNG ỦY PHƯỜNG HẠC THÀNH" and "Hạc Thành"."""
        if self.upper:
            return
        bare, level = text.strip(), "xã"
        for prefix in ("thị trấn", "phường", "đặc khu", "xã"):
            if bare.lower().startswith(prefix + " "):
                bare, level = bare[len(prefix) + 1:].strip(), prefix
                break
        if not self.edits["place_name"].isModified():
            self.edits["place_name"].setText(bare)
        if not self.edits["party_committee_name"].isModified():
            self.edits["party_committee_name"].setText(f"ĐẢNG ỦY {level} {bare}".upper() if bare else "")

    def add_row(self, label: str, widget) -> None:
        """One more line in the same grid (the wizard asks who uses the program)."""
        self._layout.addRow(label, widget)

    def load(self, unit: Unit) -> None:
        for name, edit in self.edits.items():
            edit.setText(getattr(unit, name))
        self.edits["code"].setReadOnly(True)

    def unit(self, base: Unit | None = None) -> Unit:
        values = {name: edit.text() for name, edit in self.edits.items()}
        if base is None:
            return Unit(**values)
        return Unit(**{**base.__dict__, **values})
