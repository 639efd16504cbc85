"""The upper level's consolidated report: its parts and sections (the shape of a real Party report,
seed 004), reusing the commune report's record, life (draft → approve → lock → new version) and
number register."""

from __future__ import annotations

from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.report import SectionSpec

PART_TITLES = {
    "I": N_("TÌNH HÌNH NHÂN DÂN TRÊN ĐỊA BÀN CÁC XÃ"),
    "II": N_("KẾT QUẢ CÔNG TÁC DÂN VẬN CỦA CÁC XÃ"),
    "III": N_("ĐÁNH GIÁ CHUNG"),
    "IV": N_("NHIỆM VỤ TRỌNG TÂM {next}"),
    "V": N_("ĐỀ XUẤT, KIẾN NGHỊ CỦA CÁC XÃ"),
}

SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("situation", "I", ""),
    SectionSpec("reporting", "II", N_("Tình hình báo cáo, bàn giao dữ liệu của các xã")),
    SectionSpec("government", "II", N_("Công tác dân vận chính quyền")),
    SectionSpec("outreach", "II", N_("Hòa giải ở cơ sở, tuyên truyền, vận động Nhân dân")),
    SectionSpec("dvk", "II", N_("Phong trào thi đua “Dân vận khéo”")),
    SectionSpec("strengths", "III", N_("Ưu điểm")),
    SectionSpec("limits", "III", N_("Hạn chế, nguyên nhân")),
    SectionSpec("next", "IV", ""),
    SectionSpec("proposals", "V", ""),
)

SHORT_TITLES = {"situation": "I", "reporting": "II.1", "government": "II.2", "outreach": "II.3", "dvk": "II.4",
                "strengths": "III.1", "limits": "III.2", "next": "IV", "proposals": "V"}

TABLE_AFTER = "dvk"            # the consolidated figures table is printed after this section
COMMUNES_AFTER = "reporting"   # the table naming every commune (months sent, reports, dates) after this one


def default_subject(period: Period) -> str:
    return _("tổng hợp tình hình Nhân dân và kết quả công tác dân vận của các xã {period}").format(
        period=period.label())
