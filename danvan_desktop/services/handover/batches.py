"""The batches a unit exchanged: the export receipt to print, unacknowledged hand-overs, conflict review."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from danvan_desktop.domain.formats import number, short_date
from danvan_desktop.domain.i18n import _, in_vietnamese
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.exchange.schema import travelling_schema
from danvan_desktop.render.document import Document, Header, Paragraph, Signature, Table, Title
from danvan_desktop.store import audit
from danvan_desktop.store.database import Database
from danvan_desktop.store.exchange_log import BatchIn, BatchOut, Conflict, ExchangeLog, local_day

RECEIVED_PAGE = 500       # received files listed at a time (a province receives ~2 400 a year)
ACK_DAYS_SETTING = "exchange_ack_warn_days"
DEFAULT_ACK_DAYS = 7

# Vietnamese names of the tables a receipt lists; a table not named here shows its own name.
TABLE_LABELS = {
    "units": "Đơn vị", "villages": "Thôn, tổ dân phố", "posts": "Chức danh", "bloc_members": "Thành viên khối",
    "composition_profiles": "Quy chế thành phần", "village_teams": "Tổ dân vận thôn", "tasks": "Nhiệm vụ",
    "meetings": "Cuộc họp", "situation_notes": "Tình hình nhân dân", "figures": "Danh mục chỉ tiêu",
    "figure_values": "Số liệu", "dvk_models": "Mô hình “Dân vận khéo”", "reports": "Báo cáo",
    "report_sections": "Mục báo cáo", "doc_numbers": "Sổ số văn bản", "team_members": "Thành viên tổ dân vận",
    "task_assignments": "Phân công nhiệm vụ", "task_progress": "Tiến độ nhiệm vụ",
    "meeting_attendance": "Thành phần dự họp", "meeting_agenda_items": "Nội dung cuộc họp",
    "meeting_conclusions": "Kết luận cuộc họp",
    "annual_plans": "Kế hoạch năm", "plan_items": "Nội dung kế hoạch năm", "trainings": "Tập huấn",
    "document_register": "Sổ văn bản", "scorecard_entries": "Chỉ tiêu nhập tay",
}


def table_label(table: str) -> str:
    return _(TABLE_LABELS[table]) if table in TABLE_LABELS else table


def created_day(iso: str | None) -> dt.date | None:
    return local_day(iso)


def short_period(code: str) -> str:
    """'11/2026', 'Quý IV/2026', '6 tháng đầu năm 2026' … for narrow table columns."""
    try:
        period = Period.parse(code)
    except RuleError:
        return code
    if period.kind.value == "monthly":
        return f"{period.months[0]:02d}/{period.year}"
    return period.label().capitalize()


class ExchangeBatchService:
    def __init__(self, db: Database, today: Callable[[], dt.date] = vietnam_today) -> None:
        self.db = db
        self.today = today
        self.log = ExchangeLog(db)

    # -- acknowledgement ----------------------------------------------------------------------
    def ack_warn_days(self) -> int:
        try:
            return max(1, int(self.db.get_setting(ACK_DAYS_SETTING, str(DEFAULT_ACK_DAYS)) or DEFAULT_ACK_DAYS))
        except ValueError:
            return DEFAULT_ACK_DAYS

    def set_ack_warn_days(self, days: int) -> None:
        if not 1 <= days <= 90:
            raise RuleError(_("Số ngày chờ biên nhận phải từ 1 đến 90."), "ack_days")
        self.db.set_setting(ACK_DAYS_SETTING, str(days))

    def received(self, limit: int = RECEIVED_PAGE, offset: int = 0) -> list[BatchIn]:
        """Files received (batches and receipts), newest import first, one page: a province's decade holds
        24 000 of them, too many to read and sort each time the tab is shown."""
        rows = self.db.conn.execute("SELECT * FROM exchange_batches_in ORDER BY imported_at DESC, batch_id "
                                    "LIMIT ? OFFSET ?", (limit, offset))
        return [ExchangeLog._in(r) for r in rows]

    def unacknowledged(self) -> list[tuple[BatchOut, int]]:
        """Batches handed over longer ago than the setting allows and still without a receipt (with their age)."""
        limit = self.ack_warn_days()
        result = []
        for batch in self.log.batches_out():
            day = created_day(batch.created_at)
            if batch.acknowledged_at is None and day is not None and (self.today() - day).days > limit:
                result.append((batch, (self.today() - day).days))
        return result

    # -- the export receipt -------------------------------------------------------------------
    @in_vietnamese
    def receipt_document(self, batch_id: str) -> Document:
        """The printable receipt of an export: batch, counts, periods and the key fingerprint to read by phone."""
        from danvan_desktop.services.unit.setup import SetupService
        batch = self.log.batch_out(batch_id)
        if batch is None:
            raise RuleError(_("Không tìm thấy lô dữ liệu đã xuất."))
        unit = SetupService(self.db).unit()
        day = created_day(batch.created_at) or self.today()
        periods = Period.parse(batch.period).label() if batch.period else \
            (", ".join(Period.parse(p).label() for p in batch.periods) or "—")
        counted = [(table_label(t), number(n)) for t, n in batch.counts.items() if n]
        counted.append((_("Tổng cộng"), number(batch.total)))
        # two pairs of columns keep the receipt on one page; three once the tables are many (the year's work)
        pairs = 3 if len(counted) > 24 else 2
        per = (len(counted) + pairs - 1) // pairs
        rows = [[cell for k in range(pairs) for cell in (counted[i + k * per] if i + k * per < len(counted)
                                                         else ("", ""))] for i in range(per)]
        body = [
            Paragraph(_("Tệp: {name}").format(name=batch.file_name), indent=False),
            Paragraph(_("Lô số {seq}, xuất ngày {day}; mã lô {batch}.").format(
                seq=batch.sequence, day=short_date(day), batch=batch.batch_id), indent=False),
            Paragraph(_("Kỳ báo cáo: {periods}. Nội dung: {what}.").format(
                periods=periods, what=_("những gì thay đổi từ lần bàn giao trước") if batch.since_stamp
                else _("toàn bộ dữ liệu")), indent=False),
        ]
        if batch.includes_private:
            body.append(Paragraph(_("Tệp có kèm ghi chú riêng tư và thông tin cá nhân; cần bảo quản theo chế độ "
                                    "tài liệu hạn chế tiếp cận."), italic=True))
        body += [
            Paragraph(_("Mã nhận dạng khóa ký của đơn vị — cấp trên đọc lại qua điện thoại để đối chiếu khi nhập tệp "
                        "lần đầu:"), indent=False),
            Paragraph(batch.fingerprint, bold=True, align="center"),   # not last: no full stop is added
            Paragraph(_("Số bản ghi theo loại dữ liệu:"), indent=False),
            Table([_("Loại dữ liệu"), _("Số bản ghi")] * pairs, rows,
                  widths=[3.0, 1.2] * 2 if pairs == 2 else [2.1, 0.9] * 3, align_right=[1, 3, 5][:pairs]),
        ]
        return Document(
            header=Header(upper_body=unit.upper_party_name.upper(),
                          issuing_body=[unit.party_committee_name.upper(), _("KHỐI DÂN VẬN")], place=unit.place_name,
                          date=day),
            title=Title(_("BIÊN NHẬN BÀN GIAO DỮ LIỆU"), _("gửi {upper}").format(
                upper=unit.upper_unit_name or _("cấp trên"))),
            body=body,
            signatures=[Signature(caption=_("NGƯỜI NHẬN")), Signature(caption=_("NGƯỜI BÀN GIAO"),
                                                                         name=self.db.actor or "")],
            metadata={"title": _("Biên nhận bàn giao dữ liệu lô {seq}").format(seq=batch.sequence),
                      "author": unit.name})

    # -- conflicts ----------------------------------------------------------------------------
    def conflicts(self) -> list[Conflict]:
        return self.log.conflicts()

    def resolve(self, seq: int, *, use_other: bool) -> None:
        """Keep the version in use, or make the other one current again as a new local change."""
        conflict = next((c for c in self.log.conflicts() if c.seq == seq), None)
        if conflict is None:
            raise RuleError(_("Xung đột này đã được xử lý."))
        with self.db.transaction() as conn:
            if use_other:
                schema = travelling_schema(conn).get(conflict.table_name)
                if schema is None:
                    raise RuleError(_("Bảng {table} không còn trong chương trình.").format(table=conflict.table_name))
                before = conn.execute(f'SELECT * FROM "{conflict.table_name}" WHERE id = ?',
                                      (conflict.record_id,)).fetchone()
                if before is None:
                    raise RuleError(_("Không tìm thấy bản ghi của xung đột."))
                values = {k: v for k, v in conflict.other_version.items()
                          if k in schema.columns and k not in ("id", "created_at", "origin", "updated_by", "updated_at")}
                values.update(updated_at=self.db.clock.tick(), updated_by=self.db.actor or "",
                              origin=self.db.installation_id)
                conn.execute(f'UPDATE "{conflict.table_name}" SET {", ".join(f"{chr(34)}{k}{chr(34)} = ?" for k in values)} '
                             "WHERE id = ?", (*values.values(), conflict.record_id))
                audit.write(self.db, conflict.table_name, conflict.record_id, "update", dict(before), values)
            self.log.resolve_conflict(seq, "other" if use_other else "kept")
