"""Roster import/export on files as officers really make them: title rows, merged cells, NFD text, junk."""

from __future__ import annotations

import datetime as dt
import time
import unicodedata

import pytest
from openpyxl import Workbook, load_workbook

from danvan_desktop.domain.members import BlocMember
from danvan_desktop.domain.records import RuleError


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def windows_1258(text: str) -> bytes:
    """Text as Windows' Vietnamese code page stores it: base letters precomposed, tone marks apart."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            ch.encode("cp1258")
            out.append(ch)
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        for i, mark in enumerate(marks):
            joined = unicodedata.normalize("NFC", base + mark)
            if len(joined) == 1 and joined.encode("cp1258", errors="ignore"):
                base, marks = joined, marks[:i] + marks[i + 1:]
                break
        out.append(base + "".join(marks))
    return "".join(out).encode("cp1258")


def messy_team_workbook(path, *, with_bad_rows: bool = True) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["ĐẢNG BỘ XÃ THỬ NGHIỆM"])
    ws.append(["DANH SÁCH TỔ DÂN VẬN CÁC THÔN NĂM 2026"])
    ws.merge_cells("A2:E2")
    ws.append([])
    ws.append(["STT", "THON", "Ho ten", "chuc vu", "Dien Thoai"])      # no diacritics, any case
    ws.append([1, "Thôn Đông", nfd("Nguyễn Văn Hải"), "Bí thư chi bộ - Tổ trưởng", 912345678])
    ws.append([2, None, nfd("Lê Thị Mai"), nfd("Trưởng thôn"), "0983 112 457"])
    ws.append([3, None, "Trần Văn Nam", "Trưởng ban Công tác Mặt trận", None])
    ws.merge_cells("B5:B7")                                              # the village written once
    ws.append([4, "Tây", "Phạm Thị Hoa", "Bí thư chi bộ", None])
    if with_bad_rows:
        ws.append([5, "Thôn Bắc", "Hoàng Văn Sơn", "Trưởng thôn", None])  # no such village
        ws.append([6, "Thôn Tây", "123456", "", None])                   # junk in the name column
    ws.append([None, None, "Người lập biểu", None, None])                 # a note under the table
    for _row in range(30):                                                  # formatted but empty rows
        ws.append([None, None, None, None, None])
    wb.save(path)


def test_messy_xlsx_preview_then_clean_import(services, tmp_path):
    path = tmp_path / "to_dan_van.xlsx"
    messy_team_workbook(path)
    preview = services.roster_files.preview(path, teams=True)
    assert preview.header_row == 4
    by_row = {o.row: o for o in preview.outcomes}
    assert [by_row[r].action for r in (5, 6, 7, 8)] == ["add"] * 4
    assert by_row[6].village == "Thôn Đông" and by_row[7].village == "Thôn Đông"   # merged cell carried down
    assert by_row[8].village == "Thôn Tây"
    assert by_row[9].action == "refuse" and "Không có thôn «Thôn Bắc»" in by_row[9].detail
    assert by_row[10].action == "refuse" and "không giống họ và tên" in by_row[10].detail
    assert by_row[11].action == "skip"
    assert not preview.ok
    # Refused rows: nothing is written, by the preview or by an attempt to apply.
    with pytest.raises(RuleError, match="từ chối 2"):
        services.roster_files.apply(path, teams=True)
    east = next(v for v in services.villages.list() if v.name == "Thôn Đông")
    assert services.teams.members(east.id) == []

    messy_team_workbook(path, with_bad_rows=False)
    result = services.roster_files.apply(path, teams=True)
    assert result.applied and result.count("add") == 4
    members = {m.full_name: m for m in services.teams.members(east.id)}
    assert set(members) == {"Nguyễn Văn Hải", "Lê Thị Mai", "Trần Văn Nam"}     # stored NFC
    assert all(unicodedata.is_normalized("NFC", name) for name in members)
    hai = members["Nguyễn Văn Hải"]
    assert (hai.team_role, hai.post, hai.phone) == ("leader", "Bí thư chi bộ", "0912345678")
    # A second look at the same file finds everyone already there.
    again = services.roster_files.preview(path, teams=True)
    assert again.count("unchanged") == 4 and again.count("add") == 0


def test_csv_in_windows_vietnamese_encoding_with_semicolons(services, tmp_path):
    path = tmp_path / "to.csv"
    text = "Họ và tên;Thôn;Vai trò;Chức vụ\r\nNguyễn Văn Hải;Thôn Đông;Tổ trưởng;Bí thư chi bộ\r\n" \
           "Lê Thị Mai;Thôn Đông;Tổ viên;Trưởng thôn\r\n;;;\r\n"
    path.write_bytes(windows_1258(text))
    preview = services.roster_files.preview(path, teams=True)
    assert [o.action for o in preview.outcomes] == ["add", "add"]
    assert preview.outcomes[0].name == "Nguyễn Văn Hải"


@pytest.mark.parametrize("content, message", [
    (b"this is not a spreadsheet at all", "không phải bảng tính"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "EncryptionInfo".encode("utf-16-le"), "mật khẩu"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".xls"),
])
def test_unreadable_files_are_refused_with_a_reason(services, tmp_path, content, message):
    path = tmp_path / "roster.xlsx"
    path.write_bytes(content)
    preview = services.roster_files.preview(path, teams=True)
    assert message in preview.file_error and preview.outcomes == [] and not preview.ok
    with pytest.raises(RuleError, match=message):
        services.roster_files.apply(path, teams=True)


def test_no_name_column(services, tmp_path):
    path = tmp_path / "x.xlsx"
    wb = Workbook()
    wb.active.append(["Số", "Địa chỉ", "Ghi chú"])
    wb.active.append([1, "Thôn Đông", "abc"])
    wb.save(path)
    assert "Không tìm thấy cột họ và tên" in services.roster_files.preview(path, teams=True).file_error


def test_fifty_thousand_junk_rows_are_refused_quickly(services, tmp_path):
    path = tmp_path / "junk.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(["Họ và tên", "Thôn"])
    for i in range(50_000):
        ws.append([f"x{i}", i])
    wb.save(path)
    started = time.monotonic()
    preview = services.roster_files.preview(path, teams=True)
    assert "hơn 2.000 dòng" in preview.file_error
    assert time.monotonic() - started < 30   # generous: it must not read all 50 000 rows into the database


def test_bloc_members_import_matches_posts_loosely_and_refuses_unknown_ones(services, tmp_path):
    path = tmp_path / "khoi.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH KHỐI DÂN VẬN"])
    ws.append(["TT", "Họ và tên", "Chức danh", "Vai trò trong khối", "Thôn phụ trách", "Ngày tập huấn"])
    ws.append([1, "Lê Văn Thắng", "Phó Bí thư Thường trực Đảng ủy", "Trưởng khối", "Thôn Đông", "05/01/2026"])
    ws.append([2, "Nguyễn Thị Hương", "Chủ tịch UB MTTQ xã", "Phó trưởng khối", "Thôn Tây, Bản Nậm Cắn", None])
    ws.append([3, "Đinh Văn Lộc", "Trưởng thôn", "", "", None])
    wb.save(path)
    preview = services.roster_files.preview(path, teams=False)
    actions = [(o.name, o.action) for o in preview.outcomes]
    assert actions == [("Lê Văn Thắng", "add"), ("Nguyễn Thị Hương", "add"), ("Đinh Văn Lộc", "refuse")]
    assert "Chức danh «Trưởng thôn» không có trong danh sách" in preview.outcomes[2].detail
    assert services.roster.current() == []


def test_export_csv_has_bom_and_short_dates_and_xlsx_reads_back(services, tmp_path):
    east = services.villages.list()[0]
    services.roster.save(BlocMember(full_name="Lê Văn Thắng", post_code="pbt_tt", bloc_role="head",
                                    start_date=dt.date(2025, 10, 1), village_ids=[east.id]))
    csv_path = tmp_path / "khoi.csv"
    assert services.roster_files.export(csv_path, teams=False) == 1
    data = csv_path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "01/10/2025" in data.decode("utf-8-sig") and "Lê Văn Thắng" in data.decode("utf-8-sig")
    assert services.roster_files.preview(csv_path, teams=False).count("unchanged") == 1

    messy = tmp_path / "in.xlsx"
    messy_team_workbook(messy, with_bad_rows=False)
    services.roster_files.apply(messy, teams=True)
    out = tmp_path / "to.xlsx"
    assert services.roster_files.export(out, teams=True) == 4
    sheet = load_workbook(out).active
    assert sheet["A1"].value.startswith("DANH SÁCH TỔ DÂN VẬN CÁC THÔN")
    assert [c.value for c in sheet[3]][:3] == ["STT", "Thôn", "Họ và tên"]
    assert services.roster_files.preview(out, teams=True).count("unchanged") == 4
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
