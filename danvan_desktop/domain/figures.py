"""The figures catalogue (chỉ tiêu / số liệu), monthly values and how a longer period derives from them.

A figure aggregates over a period by `sum`, `last` (the latest month with a value), `average`
or `ratio` of two other figures. Typed figures are entered per month; counted figures are
computed from the records by a counter. Quarter, half-year, nine-month and year values are
always derived from the months, never typed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.labels import LabelledEnum
from danvan_desktop.domain.records import Record, RuleError
from danvan_desktop.domain.text import clean


class Aggregation(LabelledEnum):
    SUM = "sum", N_("Cộng dồn")
    LAST = "last", N_("Lấy số cuối kỳ")
    AVERAGE = "average", N_("Bình quân")
    RATIO = "ratio", N_("Tỷ lệ giữa hai chỉ tiêu")


class Source(str, Enum):
    TYPED = "typed"
    COUNTED = "counted"


@dataclass
class Figure(Record):
    code: str = ""
    name_vi: str = ""
    name_en: str = ""
    unit: str = ""                    # "đơn", "lượt", "%"
    aggregation: str = Aggregation.SUM.value
    numerator: str = ""               # for ratio: the codes of the two figures
    denominator: str = ""
    source: str = Source.TYPED.value
    not_above: str = ""               # a figure this one may not exceed in the same month (resolved ≤ received)
    integer: bool = True
    builtin: bool = False
    sort_order: int = 0

    @property
    def is_ratio(self) -> bool:
        return self.aggregation == Aggregation.RATIO.value

    @property
    def is_typed(self) -> bool:
        return self.source == Source.TYPED.value and not self.is_ratio

    def name(self, language: str = "vi") -> str:
        return self.name_en if language == "en" and self.name_en else self.name_vi

    def validate(self, known_codes: Iterable[str]) -> None:
        self.code = clean(self.code).lower()
        self.name_vi = clean(self.name_vi)
        self.name_en = clean(self.name_en)
        self.unit = clean(self.unit)
        known = set(known_codes)
        if not re.fullmatch(r"[a-z][a-z0-9_]{1,39}", self.code):
            raise RuleError(_("Mã chỉ tiêu chỉ gồm chữ thường không dấu, số và dấu gạch dưới (ví dụ don_nhan)."),
                            "code")
        if not self.name_vi:
            raise RuleError(_("Hãy nhập tên chỉ tiêu."), "name_vi")
        if self.aggregation not in {a.value for a in Aggregation}:
            raise RuleError(_("Cách tổng hợp không hợp lệ."), "aggregation")
        if self.is_ratio:
            for attr in ("numerator", "denominator"):
                code = getattr(self, attr)
                if not code or code not in known or code == self.code:
                    raise RuleError(_("Tỷ lệ cần hai chỉ tiêu có trong danh mục (tử số và mẫu số)."), attr)
            self.unit = self.unit or "%"
            self.integer = False
        if self.not_above and (self.not_above not in known or self.not_above == self.code):
            raise RuleError(_("Chỉ tiêu so sánh «{code}» không có trong danh mục.").format(code=self.not_above),
                            "not_above")


@dataclass
class FigureValue(Record):
    figure_code: str = ""
    period: str = ""                   # a month: "2026-10"
    value: float = 0.0
    note: str = ""


def parse_value(text: str | float | None, figure: Figure) -> float | None:
    """A typed cell → number; empty → None. Vietnamese '1.234' and '12,5' are read as such."""
    if text is None:
        return None
    if isinstance(text, (int, float)):
        number = float(text)
    else:
        raw = clean(text).replace(" ", "")
        if not raw:
            return None
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", raw):      # 1.234 or 1.234,5
            raw = raw.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"-?\d+,\d+", raw):                      # 12,5
            raw = raw.replace(",", ".")
        try:
            number = float(raw)
        except ValueError:
            raise RuleError(_("«{text}» không phải là số; chỉ tiêu «{name}» cần một số.").format(
                text=text, name=figure.name_vi), "value") from None
    if math.isnan(number) or math.isinf(number):
        raise RuleError(_("Giá trị không hợp lệ."), "value")
    if number < 0:
        raise RuleError(_("Chỉ tiêu «{name}» không được âm.").format(name=figure.name_vi), "value")
    if figure.integer and number != int(number):
        raise RuleError(_("Chỉ tiêu «{name}» tính bằng {unit}, phải là số nguyên.").format(
            name=figure.name_vi, unit=figure.unit or _("đơn vị")), "value")
    return number


def aggregate(kind: str, monthly: list[float | None]) -> float | None:
    """Combine a period's monthly values (in month order; None = not entered)."""
    present = [v for v in monthly if v is not None]
    if not present:
        return None
    if kind == Aggregation.SUM.value:
        return float(sum(present))
    if kind == Aggregation.LAST.value:
        return present[-1]
    if kind == Aggregation.AVERAGE.value:
        return sum(present) / len(present)
    raise ValueError(kind)


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return numerator / denominator


# (code, vi name, en name, unit, aggregation, source, numerator, denominator, not_above, integer)
_F = tuple[str, str, str, str, str, str, str, str, str, bool]
DEFAULT_FIGURES: tuple[_F, ...] = (
    ("tcd_luot", N_("Lượt tiếp công dân"), "Citizen receptions", N_("lượt"), "sum", "typed", "", "", "", True),
    ("tcd_nguoi", N_("Số người được tiếp"), "People received", N_("người"), "sum", "typed", "", "", "", True),
    ("don_nhan", N_("Đơn thư tiếp nhận"), "Petitions received", N_("đơn"), "sum", "typed", "", "", "", True),
    ("don_da_gq", N_("Đơn thư đã giải quyết"), "Petitions resolved", N_("đơn"), "sum", "typed", "", "",
     "don_nhan", True),
    ("don_dang_gq", N_("Đơn thư đang giải quyết"), "Petitions in progress", N_("đơn"), "last", "typed", "", "",
     "", True),
    ("ty_le_gq_don", N_("Tỷ lệ giải quyết đơn thư"), "Petition resolution rate", "%", "ratio", "typed",
     "don_da_gq", "don_nhan", "", False),
    ("hoa_giai", N_("Vụ việc hòa giải"), "Mediation cases", N_("vụ"), "sum", "typed", "", "", "", True),
    ("hoa_giai_tc", N_("Vụ hòa giải thành công"), "Successful mediations", N_("vụ"), "sum", "typed", "", "",
     "hoa_giai", True),
    ("ty_le_hoa_giai", N_("Tỷ lệ hòa giải thành công"), "Mediation success rate", "%", "ratio", "typed",
     "hoa_giai_tc", "hoa_giai", "", False),
    ("tuyen_truyen", N_("Buổi tuyên truyền"), "Outreach sessions", N_("buổi"), "sum", "typed", "", "", "", True),
    ("tuyen_truyen_luot", N_("Lượt người dự tuyên truyền"), "Outreach attendance", N_("lượt người"), "sum",
     "typed", "", "", "", True),
    ("dvk_moi", N_("Mô hình “Dân vận khéo” mới"), "New “Dân vận khéo” models", N_("mô hình"), "sum", "counted",
     "", "", "", True),
    ("dvk_cong_nhan", N_("Mô hình “Dân vận khéo” được công nhận"), "Recognised “Dân vận khéo” models",
     N_("mô hình"), "sum", "counted", "", "", "", True),
    ("tv_tap_huan", N_("Thành viên khối được tập huấn"), "Bloc members trained", "%", "last", "counted", "", "",
     "", False),
    ("giao_ban", N_("Cuộc giao ban đã tổ chức"), "Briefings held", N_("cuộc"), "sum", "counted", "", "", "", True),
    ("nv_hoan_thanh", N_("Nhiệm vụ hoàn thành"), "Tasks completed", N_("nhiệm vụ"), "sum", "counted", "", "", "",
     True),
    ("diem_nong", N_("Điểm nóng phát sinh"), "New hot spots", N_("vụ việc"), "sum", "counted", "", "", "", True),
)


def default_figures() -> list[Figure]:
    return [Figure(code=c, name_vi=vi, name_en=en, unit=unit, aggregation=agg, source=src, numerator=num,
                   denominator=den, not_above=above, integer=integer, builtin=True, sort_order=(i + 1) * 10)
            for i, (c, vi, en, unit, agg, src, num, den, above, integer) in enumerate(DEFAULT_FIGURES)]


Counter = Callable[..., float | None]
