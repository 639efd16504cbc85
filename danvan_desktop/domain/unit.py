"""The unit (the commune, or an upper body) and its villages."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.names import check_place_name
from danvan_desktop.domain.records import Record, RuleError
from danvan_desktop.domain.text import clean


class UnitLevel(str, Enum):
    COMMUNE = "commune"
    UPPER = "upper"


VILLAGE_KINDS = (N_("thôn"), N_("bản"), N_("làng"), N_("ấp"), N_("khu phố"), N_("tổ dân phố"), N_("khóm"),
                 N_("xóm"))


@dataclass
class Unit(Record):
    code: str = ""
    name: str = ""                 # "xã Yên Phú"
    province: str = ""             # "Thanh Hóa"
    upper_unit_name: str = ""      # "Ban Dân vận Huyện ủy Yên Định" / "Ban Tuyên giáo và Dân vận Tỉnh ủy"
    upper_party_name: str = ""     # header top-left: "ĐẢNG BỘ TỈNH THANH HÓA"
    party_committee_name: str = "" # "ĐẢNG ỦY XÃ YÊN PHÚ"
    place_name: str = ""           # for date lines: "Yên Phú"
    doc_symbol: str = "DV"         # "Số 07-BC/DV"
    level: str = UnitLevel.COMMUNE.value

    def validate(self) -> None:
        self.code = clean(self.code).upper()
        self.name = clean(self.name)
        for attr in ("province", "upper_unit_name", "upper_party_name", "party_committee_name",
                     "place_name", "doc_symbol"):
            setattr(self, attr, clean(getattr(self, attr)))
        if not self.name:
            raise RuleError(_("Chưa nhập tên xã."), "name")
        if not self.code:
            raise RuleError(_("Chưa nhập mã đơn vị."), "code")
        if not all(ch.isalnum() or ch in "-_." for ch in self.code):
            raise RuleError(_("Mã đơn vị chỉ gồm chữ, số và dấu gạch (ví dụ 16171)."), "code")
        if not self.place_name:
            self.place_name = self.name.split(" ", 1)[-1] if " " in self.name else self.name


@dataclass
class Village(Record):
    name: str = ""
    kind: str = "thôn"
    sort_order: int = 0
    merged_into: str | None = None   # id of the village it was merged into, if any

    @property
    def label(self) -> str:
        """'Thôn Đông' — kind + name unless the name already starts with a kind."""
        lowered = self.name.lower()
        if any(lowered.startswith(k) for k in VILLAGE_KINDS):
            return self.name
        return f"{self.kind.capitalize()} {self.name}" if self.kind else self.name

    def validate(self) -> None:
        self.name = clean(self.name)
        self.kind = clean(self.kind).lower()
        if not self.name:
            raise RuleError(_("Tên thôn không được để trống."), "name")
        check_place_name(self.name)


def kind_of(name: str, default: str = "thôn") -> str:
    """The kind a pasted name announces ("Bản Nậm Cắn" → bản, "Tổ dân phố số 3" → tổ dân phố), else `default`.
    The name itself is kept as typed."""
    lowered = clean(name).lower()
    for kind in sorted(VILLAGE_KINDS, key=len, reverse=True):   # "tổ dân phố" before "tổ"
        if lowered.startswith(kind + " "):
            return kind
    return default
