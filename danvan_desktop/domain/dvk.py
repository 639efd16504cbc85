"""“Dân vận khéo” models: a collective model (mô hình) with its field, owner, year and recognition."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.records import Record, RuleError
from danvan_desktop.domain.text import clean, clean_multiline

DEFAULT_TARGET_PER_YEAR = 3   # Kết luận 862-KL/TU: at least 3 new models a year


class DvkField(str, Enum):
    ECONOMY = "economy"
    CULTURE = "culture"
    DEFENCE = "defence"
    POLITICAL = "political"

    @property
    def label(self) -> str:
        return _(FIELD_LABELS[self])


FIELD_LABELS = {
    DvkField.ECONOMY: N_("Kinh tế"),
    DvkField.CULTURE: N_("Văn hóa – xã hội"),
    DvkField.DEFENCE: N_("Quốc phòng – an ninh"),
    DvkField.POLITICAL: N_("Xây dựng hệ thống chính trị"),
}


class OwnerKind(str, Enum):
    VILLAGE = "village"
    ORGANISATION = "organisation"
    MEMBER = "member"

    @property
    def label(self) -> str:
        return _(OWNER_LABELS[self])


OWNER_LABELS = {
    OwnerKind.VILLAGE: N_("Thôn"),
    OwnerKind.ORGANISATION: N_("Cơ quan, tổ chức"),
    OwnerKind.MEMBER: N_("Cá nhân"),
}


class Recognition(str, Enum):
    REGISTERED = "registered"
    COMMUNE = "commune"
    UPPER = "upper"

    @property
    def label(self) -> str:
        return _(RECOGNITION_LABELS[self])


RECOGNITION_LABELS = {
    Recognition.REGISTERED: N_("Đăng ký xây dựng"),
    Recognition.COMMUNE: N_("Được công nhận cấp xã"),
    Recognition.UPPER: N_("Được công nhận cấp trên"),
}


@dataclass
class DvkModel(Record):
    name: str = ""
    field: str = DvkField.ECONOMY.value
    owner_kind: str = OwnerKind.VILLAGE.value
    owner_id: str | None = None        # village id or bloc member id
    owner_name: str = ""               # organisation name, or the printed name of the village / member
    year: int = 0
    registered_on: dt.date | None = None
    recognition: str = Recognition.REGISTERED.value
    recognised_on: dt.date | None = None
    results: str = ""

    @property
    def is_recognised(self) -> bool:
        return self.recognition != Recognition.REGISTERED.value

    def validate(self, today: dt.date) -> None:
        self.name = clean(self.name).strip("\"“”")
        self.owner_name = clean(self.owner_name)
        self.results = clean_multiline(self.results)
        if not self.name:
            raise RuleError(_("Hãy nhập tên mô hình."), "name")
        if self.field not in {f.value for f in DvkField}:
            raise RuleError(_("Lĩnh vực không hợp lệ."), "field")
        if self.owner_kind not in {o.value for o in OwnerKind}:
            raise RuleError(_("Chủ thể mô hình không hợp lệ."), "owner_kind")
        if not self.owner_name:
            raise RuleError(_("Hãy chọn hoặc nhập chủ thể xây dựng mô hình."), "owner_name")
        if not self.year:
            self.year = (self.registered_on or today).year
        if not 2000 <= self.year <= today.year:
            raise RuleError(_("Năm xây dựng {year} không hợp lệ.").format(year=self.year), "year")
        if self.registered_on and self.registered_on > today:
            raise RuleError(_("Ngày đăng ký chưa tới."), "registered_on")
        if self.recognition not in {r.value for r in Recognition}:
            raise RuleError(_("Mức công nhận không hợp lệ."), "recognition")
        if not self.is_recognised:
            self.recognised_on = None
        elif self.recognised_on is not None:
            if self.recognised_on > today:
                raise RuleError(_("Ngày công nhận chưa tới."), "recognised_on")
            if self.registered_on and self.recognised_on < self.registered_on:
                raise RuleError(_("Ngày công nhận trước ngày đăng ký."), "recognised_on")
