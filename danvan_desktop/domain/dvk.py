"""“Dân vận khéo” models: a collective model (mô hình) with its field, owner, year and recognition."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.labels import LabelledEnum
from danvan_desktop.domain.records import Record, RuleError
from danvan_desktop.domain.text import clean, clean_multiline

DEFAULT_TARGET_PER_YEAR = 3   # Kết luận 862-KL/TU: at least 3 new models a year


class DvkField(LabelledEnum):
    ECONOMY = "economy", N_("Kinh tế")
    CULTURE = "culture", N_("Văn hóa – xã hội")
    DEFENCE = "defence", N_("Quốc phòng – an ninh")
    POLITICAL = "political", N_("Xây dựng hệ thống chính trị")


class OwnerKind(LabelledEnum):
    VILLAGE = "village", N_("Thôn")
    ORGANISATION = "organisation", N_("Cơ quan, tổ chức")
    MEMBER = "member", N_("Cá nhân")


class Recognition(LabelledEnum):
    REGISTERED = "registered", N_("Đăng ký xây dựng")
    COMMUNE = "commune", N_("Được công nhận cấp xã")
    UPPER = "upper", N_("Được công nhận cấp trên")


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
