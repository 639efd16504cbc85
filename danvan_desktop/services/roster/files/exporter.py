"""Export the bloc roster or the village teams to .xlsx (openpyxl) or .csv (UTF-8 with BOM, dd/MM/yyyy).

Both files read back through the importer unchanged. A file is written under a temporary name in
the same folder, flushed to disk, then renamed: a crash never leaves half a file under the real name.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import tempfile
from pathlib import Path

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.members import BlocRole
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.teams import TeamRole
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.services.roster.service import RosterService
from danvan_desktop.services.tasks.teams import TeamService
from danvan_desktop.store.database import Database
from danvan_desktop.store.units import UnitRepository

Cell = str | int | dt.date | None


def _team_table(db: Database, today) -> tuple[list[str], list[list[Cell]]]:
    header = [_("STT"), _("Thôn"), _("Họ và tên"), _("Vai trò trong tổ"), _("Chức vụ ở thôn"), _("Điện thoại")]
    rows: list[list[Cell]] = []
    for overview in TeamService(db, today).overview():
        for member in overview.members:
            rows.append([len(rows) + 1, overview.village.label, member.full_name,
                         TeamRole(member.team_role).label, member.post, member.phone])
    return header, rows


def _bloc_table(db: Database, today) -> tuple[list[str], list[list[Cell]]]:
    roster = RosterService(db, today)
    posts = roster.post_names()
    villages = {v.id: v.label for v in TeamService(db, today).villages.all(include_deleted=True)}
    header = [_("STT"), _("Họ và tên"), _("Chức danh"), _("Vai trò trong khối"), _("Từ ngày"), _("Quyết định"),
              _("Điện thoại"), _("Ngày tập huấn"), _("Thôn phụ trách")]
    rows: list[list[Cell]] = []
    for m in roster.current():
        rows.append([len(rows) + 1, m.full_name, posts.get(m.post_code, m.post_code), BlocRole(m.bloc_role).label,
                     m.start_date, m.start_decision, m.phone, m.trained_on,
                     ", ".join(villages.get(v, "") for v in m.village_ids)])
    return header, rows


def export_roster(db: Database, path: Path, *, teams: bool, today=vietnam_today) -> int:
    """Write the table to `path` (.xlsx or .csv); returns the number of people written."""
    path = Path(path)
    with db.snapshot():          # one read transaction: the people and their villages as they stood together
        header, rows = (_team_table if teams else _bloc_table)(db, today)
        unit = UnitRepository(db).by_code(db.unit_code)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        data = _csv_bytes(header, rows)
    elif suffix == ".xlsx":
        title = (_("DANH SÁCH TỔ DÂN VẬN CÁC THÔN") if teams else _("DANH SÁCH THÀNH VIÊN KHỐI DÂN VẬN"))
        if unit is not None:
            title = f"{title} – {unit.name.upper()}"
        data = _xlsx_bytes(title, header, rows)
    else:
        raise RuleError(_("Chỉ xuất được tệp .xlsx hoặc .csv."))
    _write_atomically(path, data)
    return len(rows)


def _csv_bytes(header: list[str], rows: list[list[Cell]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else ("" if v is None else v)
                         for v in row])
    # The byte-order mark tells Excel on Windows the file is UTF-8 (else Vietnamese comes out garbled).
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx_bytes(title: str, header: list[str], rows: list[list[Cell]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Danh sách")
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append([])
    sheet.append(header)
    thin = Side(style="thin")
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
            if isinstance(cell.value, dt.date):
                cell.number_format = "DD/MM/YYYY"
            elif isinstance(cell.value, str):
                cell.number_format = "@"    # a phone stays text, its leading zero kept
    for index, title_text in enumerate(header, start=1):
        width = max([len(str(title_text))] + [len(str(r[index - 1] or "")) for r in rows]) + 2
        sheet.column_dimensions[sheet.cell(3, index).column_letter].width = min(max(width, 6), 45)
    sheet.freeze_panes = "A4"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_atomically(path: Path, data: bytes) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise RuleError(_("Không ghi được vào thư mục «{folder}»: {reason}").format(
            folder=folder, reason=exc.strerror or exc)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise RuleError(_("Không ghi được tệp «{name}»: {reason}. Tệp có đang mở trong Excel không?").format(
            name=path.name, reason=exc.strerror or exc)) from None
