"""The drafted report in the shape of seed 004: what was directed, results by actor, limits with causes,
the period's occasions, next period's tasks in the right year, "Nhân dân" as officers write it."""

from __future__ import annotations

from danvan_desktop.services.report.wording import after_colon, nhan_dan


def _text(services, period):
    existing = [r for r in services.reports.list() if r.period == period]
    report = existing[-1] if existing else services.reports.create_draft(period)
    return {s.key: s.text for s in services.reports.sections(report.id)}


def test_october_names_what_was_directed_and_15_10(xa):
    text = _text(xa, "2026-10")
    lead = text["leadership"]
    assert lead.startswith("Thực hiện sự lãnh đạo, chỉ đạo của Đảng ủy xã, trong tháng Khối dân vận")
    assert "Tại cuộc giao ban Khối dân vận ngày 09/10/2026, đồng chí chủ trì kết luận, giao nhiệm vụ: các đoàn " \
           "thể tiếp tục nắm chắc" in lead
    assert "96 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 - 15/10/2026)" in lead
    assert "\nNguyên nhân: " in text["limits"]
    assert "nhân dân đồng tình" not in text["teams"] and "Nhân dân đồng tình" in text["teams"]
    assert "18/11" in text["next"]                                         # November's occasion ahead


def test_december_reviews_the_year_and_january_has_its_own_target(services):
    services.today = lambda: __import__("datetime").date(2027, 1, 5)
    services.reports.today = services.today
    text = _text(services, "2026-12")
    assert "tổng kết công tác năm 2026" in text["leadership"] and "chương trình công tác năm 2027" in text["leadership"]
    assert "năm 2026 (chỉ tiêu" not in text["next"] and "đạt chỉ tiêu năm 2026" not in text["next"]
    assert "mô hình “Dân vận khéo” năm 2027 (chỉ tiêu: ít nhất 03 mô hình)" in text["next"]
    assert "Tết Nguyên đán" in text["next"]


def test_the_leadership_paragraph_names_the_registers_directives_of_the_period(services):
    import datetime as dt

    from danvan_desktop.domain.yearwork import RegisteredDocument
    from danvan_desktop.services.yearwork.register import RegisterService
    RegisterService(services.db, services.today).save(RegisteredDocument(
        number="12-KH/ĐU", doc_date=dt.date(2026, 10, 5), received_on=dt.date(2026, 10, 6), kind="Kế hoạch",
        issuer="Ban Thường vụ Đảng ủy", subject="tuyên truyền Ngày truyền thống công tác dân vận"))
    lead = _text(services, "2026-10")["leadership"]
    assert lead.startswith("Thực hiện sự lãnh đạo, chỉ đạo của Đảng ủy xã (Kế hoạch số 12-KH/ĐU ngày 05/10/2026")
    assert "12-KH/ĐU" not in _text(services, "2026-09")["leadership"]     # only the period's own directives


def test_vietnamese_capitalisation():
    assert nhan_dan("nhân dân đồng tình; Ủy ban nhân dân xã; Hội đồng nhân dân; công an nhân dân") == \
        "Nhân dân đồng tình; Ủy ban nhân dân xã; Hội đồng nhân dân; công an nhân dân"
    assert after_colon("Tổ chức họp dân.") == "tổ chức họp dân" and after_colon("UBND xã kiểm tra") == "UBND xã kiểm tra"


def test_results_by_organisation_and_lessons_for_the_year(xa):
    front = _text(xa, "2026-10")["front"]
    lines = [line for line in front.splitlines() if line.startswith("- Hội LHPN xã: ")]
    assert lines and "hoàn thiện hồ sơ đề nghị công nhận mô hình “Dân vận khéo”" in lines[0]
    assert len(front.splitlines()) == len(set(front.splitlines()))
    year = _text(xa, "2025")["limits"]
    assert "\nNguyên nhân: " in year and "\nBài học kinh nghiệm: Một là," in year
