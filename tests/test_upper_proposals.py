"""What the province officer reads in the consolidated report's section V (the communes' proposals, each once,
the communes named, the most widely raised first, bounded) and in section I's list of open hot spots (the newest
first) — from a small province built through the real doors: communes write and approve their monthly reports,
export their files, the upper level imports them."""

from __future__ import annotations

import datetime as dt

import pytest
from exchange_helpers import make_commune, make_upper

from danvan_desktop.domain.situation import SituationNote
from danvan_desktop.services.upper import drafting

HEAD = "Lê Văn Thắng"
FUND = "Đề nghị cấp trên hỗ trợ kinh phí sửa chữa nhà văn hóa thôn"
TRAINING = "Đề nghị Ban Tuyên giáo và Dân vận Tỉnh ủy mở lớp tập huấn cho tổ trưởng tổ dân vận"
LEAD = "Đề nghị các ngành chức năng giải quyết dứt điểm các vụ việc kéo dài"
ROAD = "một số hộ chưa đồng thuận phương án bồi thường mở rộng đường"
FARM = "Nhân dân phản ánh mùi hôi từ trang trại chăn nuôi lợn"
CANAL = "Đề nghị nạo vét kênh tiêu nội đồng trước mùa mưa bão"
OWN = [f"Đề nghị hỗ trợ thiết bị số {k:02d} cho tổ dân vận thôn" for k in range(1, 13)]   # one commune's own twelve

# commune name -> {month: section V as its officer typed it}
TYPED = {
    "xã Đông Sơn": {1: f"- {FUND}.\n{LEAD}: {ROAD}; {FARM}; {ROAD}.", 2: f"{FUND}", 3: f"{FUND.lower()}."},
    "xã Dương Hòa": {1: f"{FUND}\n{TRAINING}.", 2: "Không có đề xuất, kiến nghị.", 3: f"  {FUND}  ."},
    "xã Ân Phú": {1: f"• {FUND}", 2: f"{TRAINING}\n{LEAD}: {FARM}.", 3: "\n".join(OWN)},
    "xã An Thịnh": {1: f"{FUND.upper()}", 2: f"{TRAINING}\n{CANAL}.", 3: f"{CANAL}"},
}
# a month first approved with another text, then corrected by a new version: only the correction counts
REPLACED = {("xã An Thịnh", 2): "Đề nghị nội dung của bản đã được thay thế"}
CODES = {"xã Đông Sơn": "99011", "xã Dương Hòa": "99012", "xã Ân Phú": "99013", "xã An Thịnh": "99014"}
# open hot spots: (commune, noted on); one from the year before, the others in 2026
SPOTS = [("xã Dương Hòa", dt.date(2025, 6, 2)), ("xã Ân Phú", dt.date(2026, 1, 20)), ("xã Đông Sơn", dt.date(2026, 3, 5)),
         ("xã An Thịnh", dt.date(2026, 3, 5)), ("xã Dương Hòa", dt.date(2026, 2, 11))]


def _commune(path, today, name: str):
    from danvan_desktop.domain.members import BlocMember, BlocRole
    services = make_commune(path, today, code=CODES[name], name=name)
    services.roster.save(BlocMember(full_name=HEAD, post_code="pbt_tt", bloc_role=BlocRole.HEAD.value,
                                    start_date=dt.date(2025, 1, 1), start_decision="Quyết định số 1-QĐ/ĐU"))
    services.db.set_setting("report_signer_name", HEAD)
    services.numbering.set_term_starts([dt.date(2025, 1, 1)])
    village = services.villages.list()[0].id
    for commune, noted in SPOTS:
        if commune == name:
            services.situation.save(SituationNote(noted_on=noted, village_id=village, topic="land", level="hot",
                                                  summary=f"Vụ việc đất đai ngày {noted:%d/%m/%Y}", source="Tổ dân vận",
                                                  follower=HEAD))
    reports = services.reports
    for month, text in TYPED[name].items():
        report = reports.create_draft(f"2026-{month:02d}")
        for typed in (REPLACED.get((name, month)), text):
            if typed is None:
                continue
            if report.is_locked:
                report = reports.new_version(report.id)
            reports.save_section(report.id, "proposals", typed)
            reports.update_header(report.id, doc_date=dt.date(2026, month, 28))
            reports.take_number(report.id)
            report = reports.approve(report.id, HEAD, keep_pdf=False)
    return services


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    """The upper level holding the four communes' first quarter of 2026 (an open copy per module)."""
    from conftest import TODAY
    folder = tmp_path_factory.mktemp("province")
    upper = make_upper(folder / "upper.sqlite3", TODAY)
    for name in TYPED:
        commune = _commune(folder / f"{CODES[name]}.sqlite3", TODAY, name)
        try:
            path = commune.exchange.exporter.export(folder / f"{CODES[name]}.dvx").path
        finally:
            commune.close()
        upper.exchange.importer.import_file(path, trust_new=True)
    yield upper
    upper.close()


def _section(upper, period: str, key: str) -> str:
    from danvan_desktop.services.upper.report import draft_parts
    texts, _table = draft_parts(upper.db, upper.today(), period)
    return texts[key]


def test_the_same_proposal_is_written_once_with_its_communes_the_most_widely_raised_first(province):
    text = _section(province, "2026-Q1", "proposals").splitlines()
    assert text[0] == ("Trong quý, 04 xã nêu 16 đề xuất, kiến nghị; 10 đề xuất, kiến nghị được nhiều xã "
                       "nêu nhất như sau:")
    # case, spaces, a leading dash or bullet and the full stop do not make another proposal; every commune raised it
    # in every month of the quarter, so the months say nothing and are left out
    assert text[1] == f"1. {FUND} (tất cả 04 xã)."
    # three communes, named in Vietnamese order (An < Ân, D < Đ), and the months, since only some of them
    assert text[2] == f"2. {TRAINING} (03 xã: xã An Thịnh, xã Ân Phú, xã Dương Hòa; tháng 1–2)."
    # the same request naming other items, or one twice: once, every item once, the most named first
    assert text[3] == f"3. {LEAD}: {FARM}; {ROAD} (02 xã: xã Ân Phú, xã Đông Sơn; tháng 1–2)."
    assert text[4] == f"4. {CANAL} (xã An Thịnh; tháng 2–3)."   # one commune, two months: before those of one
    assert sum(FUND.casefold() in line.casefold() for line in text) == 1
    assert "Không có đề xuất" not in "\n".join(text)


def test_past_ten_proposals_the_rest_are_counted_with_their_communes(province):
    text = _section(province, "2026-Q1", "proposals").splitlines()
    numbered = [line for line in text if line[:1].isdigit()]
    assert len(numbered) == drafting.LISTED_PROPOSALS == 10
    assert [line.split(". ", 1)[1] for line in numbered[4:]] == [f"{own} (xã Ân Phú; tháng 3)." for own in OWN[:6]]
    assert text[-1] == "Ngoài ra, còn 06 đề xuất, kiến nghị khác của xã Ân Phú."


def test_a_month_names_the_communes_without_months(province):
    text = _section(province, "2026-02", "proposals")
    assert text.splitlines() == [
        "Trong tháng, 03 xã nêu 04 đề xuất, kiến nghị như sau:",
        f"1. {TRAINING} (02 xã: xã An Thịnh, xã Ân Phú).",
        f"2. {LEAD}: {FARM} (xã Ân Phú).",                # then in Vietnamese order: "các" < "cấp" < "nạo"
        f"3. {FUND} (xã Đông Sơn).",
        f"4. {CANAL} (xã An Thịnh).",
    ]
    assert "tháng 2" not in text
    assert "bản đã được thay thế" not in text     # xã An Thịnh's month 2 as corrected, not as first approved
    assert _section(province, "2026-04", "proposals") == "Trong tháng, các xã không có đề xuất, kiến nghị."


def test_open_hot_spots_are_listed_newest_first(province):
    situation = _section(province, "2026-Q1", "situation")
    listed = situation.split("giải quyết:\n", 1)[1].splitlines()
    assert [line.split(" (")[0] for line in listed] == [
        "- Xã An Thịnh, thôn Thôn Một", "- Xã Đông Sơn, thôn Thôn Một",     # the same day: by commune, An < Đ
        "- Xã Dương Hòa, thôn Thôn Một", "- Xã Ân Phú, thôn Thôn Một",
        "- Xã Dương Hòa, thôn Thôn Một"]                                     # open since the year before: last
    assert "từ ngày 05/03/2026" in listed[0] and "từ ngày 02/06/2025" in listed[-1]


def test_past_the_listed_hot_spots_the_rest_say_how_many_are_older_than_the_period(province, monkeypatch):
    monkeypatch.setattr(drafting, "LISTED_SPOTS", 3)
    situation = _section(province, "2026-Q1", "situation")
    assert situation.splitlines()[-1] == ("- Và 02 vụ việc khác tại xã Ân Phú, xã Dương Hòa (trong đó 01 vụ việc phát "
                                          "sinh từ các kỳ trước, vụ việc lâu nhất từ ngày 02/06/2025).")
