"""The annual plan as a Party document (Hướng dẫn 36-HD/VPTW): "KẾ HOẠCH / hoạt động của Khối dân vận
năm …", I- purpose, II- the items grouped by field in tables, III- organisation, signature, Nơi nhận."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from danvan_desktop.domain.i18n import _, in_vietnamese
from danvan_desktop.domain.yearwork import PLAN_FIELDS, AnnualPlan, PlanItem, months_text, party_short_date
from danvan_desktop.services.documents.settings import DocumentSettings
from danvan_desktop.services.report import settings as report_settings
from danvan_desktop.services.yearwork.plan import PlanService
from danvan_desktop.store.database import Database
from danvan_desktop.store.units import UnitRepository
from danvan_desktop.store.villages import VillageRepository

if TYPE_CHECKING:
    from danvan_desktop.render.document import Document
    from danvan_desktop.render.layout import LayoutProfile

BLOC_NAME = "KHỐI DÂN VẬN"
ROMAN = ("I", "II", "III", "IV")


def _heading(index: int, text: str, state: bool) -> str:
    return f"{ROMAN[index]}{'. ' if state else '- '}{text}"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".;:!?" else text + "."


class PlanDocumentBuilder:
    def __init__(self, db: Database, plans: PlanService) -> None:
        self.db = db
        self.plans = plans
        self.settings = DocumentSettings(db)

    def recipients(self) -> list[str]:
        return [_("Ban Thường vụ Đảng ủy xã (báo cáo)"), _("Các đồng chí thành viên Khối dân vận"),
                _("Tổ dân vận các thôn"), _("Lưu Khối dân vận")]

    @in_vietnamese
    def build(self, plan: AnnualPlan, profile: LayoutProfile | None = None) -> Document:
        # the document model is imported when a plan is written, not when the dashboard opens the year's work
        from danvan_desktop.render.document import (
            Document,
            Header,
            Heading,
            Paragraph,
            Signature,
            Table,
            Title,
        )
        profile = profile or self.settings.profile()
        state = profile.family == "state"
        unit = UnitRepository(self.db).by_code(self.db.unit_code)
        items = self.plans.items(plan.id)
        members = {m.id: m for m in self.plans.members.all(include_deleted=True)}
        villages = {v.id: v.name for v in VillageRepository(self.db).all(include_deleted=True)}
        header = Header(upper_body=unit.upper_party_name,
                        issuing_body=[line for line in (unit.party_committee_name, BLOC_NAME) if line],
                        number=profile.format_number(plan.number, "KH", unit.doc_symbol or "DV"),
                        place=unit.place_name, date=plan.doc_date)
        body: list = [Heading(_heading(0, _("MỤC ĐÍCH, YÊU CẦU"), state), level=1)]
        body += [Paragraph(_sentence(line)) for line in plan.purpose.splitlines() if line.strip()]
        body.append(Heading(_heading(1, _("NỘI DUNG VÀ THỜI GIAN THỰC HIỆN"), state), level=1))
        index = 0
        group = 0
        for code, name, _cat in PLAN_FIELDS:
            rows_items = [i for i in items if i.field == code]
            if not rows_items:
                continue
            group += 1
            body.append(Heading(f"{group}{'. ' if state else '- '}{_(name)}", level=2))
            rows = []
            for item in rows_items:
                index += 1
                rows.append([str(index), item.content, self._owner(item, members),
                             self._places(item, villages), months_text(item.months), item.expected_result])
            body.append(Table(columns=[_("TT"), _("Nội dung công việc"), _("Người phụ trách"), _("Địa bàn"),
                                       _("Thời gian"), _("Kết quả cần đạt")],
                              rows=rows, widths=[0.6, 3.3, 1.6, 1.5, 1.35, 2.3]))
        body.append(Heading(_heading(2, _("TỔ CHỨC THỰC HIỆN"), state), level=1))
        lines = [line for line in plan.organisation.splitlines() if line.strip()]
        body += [Paragraph(_sentence(line)) for line in lines]
        defaults = report_settings.load(self.db, plan.doc_date or self.plans.today())
        stamp = _("DỰ THẢO — chưa được Đảng ủy phê duyệt")
        if plan.locked:
            stamp = _("Đảng ủy phê duyệt tại {decision} ngày {date} · mã kiểm tra {code}").format(
                decision=plan.approval_decision, date=party_short_date(plan.approved_on), code=plan.content_hash[:12])
        subject = _("hoạt động của Khối dân vận năm {year}").format(year=plan.year)
        return Document(header=header, title=Title(_("KẾ HOẠCH"), subject), body=body,
                        recipients=self.recipients(),
                        signatures=[Signature(authority=defaults.authority, post=defaults.post, name=defaults.name)],
                        layout=profile.code, stamp=stamp,
                        metadata={"title": _("Kế hoạch {subject}").format(subject=subject), "author": unit.name,
                                  "subject": subject})

    @staticmethod
    def _owner(item: PlanItem, members) -> str:
        m = members.get(item.owner_id)
        return m.full_name if m else ""

    @staticmethod
    def _places(item: PlanItem, villages) -> str:
        if not item.village_ids:
            return _("Toàn xã")
        return ", ".join(villages.get(v, "?") for v in item.village_ids)

    def write(self, plan: AnnualPlan, pdf: Path | None = None, docx: Path | None = None) -> list[Path]:
        from danvan_desktop.render.docx import render_docx
        from danvan_desktop.render.pdf import render_pdf
        profile = self.settings.profile()
        document = self.build(plan, profile)
        written = []
        if pdf is not None:
            written.append(render_pdf(document, Path(pdf), profile))
        if docx is not None:
            written.append(render_docx(document, Path(docx), profile))
        return written
