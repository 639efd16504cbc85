"""Documents the render tests print: a biên bản with figures, footnotes and two signatures."""

from __future__ import annotations

import datetime as dt

from danvan_desktop.render.document import (
    Document,
    Footnote,
    Header,
    Heading,
    Paragraph,
    Signature,
    Table,
    Title,
)

SPEECH = ("Đồng chí Nguyễn Thị Hương, Chủ tịch Ủy ban MTTQ xã báo cáo tình hình Nhân dân: tư tưởng, tâm trạng "
          "của Nhân dân cơ bản ổn định, tin tưởng vào sự lãnh đạo của Đảng; một số hộ ở thôn Đông Hòa còn băn "
          "khoăn về việc đền bù giải phóng mặt bằng tuyến đường liên xã")


def minutes_document(speeches: int = 4, layout: str = "HD36-2018", footnotes: bool = True) -> Document:
    body = [Heading("1. Thành phần", level=2),
            Paragraph("Có mặt: 9/10 đồng chí thành viên Khối dân vận xã." + ("[[fn:1]]" if footnotes else "")),
            Heading("2. Diễn biến hội nghị", level=2)]
    for index in range(speeches):
        body.append(Paragraph(f"{SPEECH} (ý kiến số {index + 1})."))
    body.append(Table(["TT", "Chỉ tiêu", "Kết quả"], [[str(i), "Buổi tuyên truyền", "1.234"] for i in range(1, 6)],
                      widths=[1, 6, 2], align_right=[2], caption="Số liệu tháng"))
    body.append(Paragraph("Hội nghị kết thúc vào hồi 11 giờ 00 cùng ngày"))
    notes = [Footnote(1, "Vắng 01 đồng chí: Lê Đình Toàn, Chủ tịch Hội Nông dân (đi công tác).")] if footnotes else []
    return Document(
        header=Header("ĐẢNG BỘ TỈNH THANH HÓA", ["ĐẢNG ỦY XÃ YÊN PHÚ", "KHỐI DÂN VẬN"], "Số 07-BB/DV", "Yên Phú",
                      dt.date(2026, 2, 5)),
        title=Title("BIÊN BẢN", "hội nghị giao ban Khối dân vận tháng 01 năm 2026"),
        body=body, footnotes=notes,
        signatures=[Signature(caption="NGƯỜI GHI BIÊN BẢN", name="Mai Thị Thu Trang"),
                    Signature(caption="CHỦ TRÌ HỘI NGHỊ", name="Lê Văn Thắng")],
        layout=layout, metadata={"author": "Mai Thị Thu Trang"})
