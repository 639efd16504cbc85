"""The occasions of a period and of the next one, as a commune's report names them.

October carries 15/10, Ngày truyền thống công tác dân vận của Đảng (from 1930); November the Ngày hội
Đại đoàn kết toàn dân tộc (18/11); December the year-end reviews; January–February the Tết season.
"""

from __future__ import annotations

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import Period

DAN_VAN_FOUNDED = 1930


def of_period(period: Period) -> list[str]:
    """What the bloc did for the period's occasions (leadership paragraph)."""
    lines = []
    months = period.months
    if 10 in months:
        lines.append(_("Hưởng ứng kỷ niệm {n} năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 - "
                       "15/10/{year}), Khối dân vận chỉ đạo Mặt trận, các đoàn thể và các tổ dân vận thôn tổ chức "
                       "tuyên truyền về truyền thống công tác dân vận, gắn với phong trào thi đua “Dân vận khéo”."
                       ).format(n=period.year - DAN_VAN_FOUNDED, year=period.year))
    if 11 in months:
        lines.append(_("Phối hợp Ủy ban MTTQ xã chỉ đạo các khu dân cư tổ chức Ngày hội Đại đoàn kết toàn dân tộc "
                       "(18/11) gắn với tổng kết cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn "
                       "minh”."))
    if 12 in months:
        lines.append(_("Chỉ đạo Mặt trận, các đoàn thể và các tổ dân vận thôn tổng kết công tác năm {year}; chuẩn "
                       "bị nội dung tổng kết công tác dân vận năm {year}, xây dựng chương trình công tác năm {next}."
                       ).format(year=period.year, next=period.year + 1))
    return lines


def of_next_period(period: Period) -> list[str]:
    """Tasks the coming period's occasions bring (part IV)."""
    following = period.next()
    month, year = following.months[0], following.year
    lines = []
    if month == 10:
        lines.append(_("Tổ chức các hoạt động kỷ niệm {n} năm Ngày truyền thống công tác dân vận của Đảng "
                       "(15/10/1930 - 15/10/{year}).").format(n=year - DAN_VAN_FOUNDED, year=year))
    if month == 11:
        lines.append(_("Phối hợp tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở các khu dân cư (18/11)."))
    if month == 12:
        lines.append(_("Tổng kết công tác dân vận năm {year}; xây dựng chương trình công tác năm {next}.").format(
            year=year, next=year + 1))
    if month in (1, 2):
        lines.append(_("Tuyên truyền, vận động Nhân dân đón Tết Nguyên đán vui tươi, lành mạnh, an toàn, tiết kiệm; "
                       "phối hợp thăm hỏi, tặng quà gia đình chính sách, hộ nghèo, hộ có hoàn cảnh khó khăn."))
    return lines
