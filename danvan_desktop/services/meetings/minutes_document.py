"""The biên bản of a meeting as a Document (Party practice, Hướng dẫn 16-HD/VPTW), ready to print.

Header with "Số …-BB/DV", "BIÊN BẢN" and the meeting's name; then time, place, subject, chair,
minute-taker, documents; 1. Thành phần (present/absent with names and reasons, guests);
2. Diễn biến (each item, each speaker's points in order); 3. Kết luận; the closing time;
NGƯỜI GHI BIÊN BẢN left and CHỦ TRÌ HỘI NGHỊ right (THƯ KÝ / CHỦ TỌA in the State layout).
"""

from __future__ import annotations

from pathlib import Path

from danvan_desktop.domain.formats import document_date
from danvan_desktop.domain.i18n import _, in_vietnamese
from danvan_desktop.domain.meetings import Presence, spoken_time
from danvan_desktop.render.document import Document, Header, Heading, Paragraph, Signature, Title
from danvan_desktop.render.layout import LayoutProfile
from danvan_desktop.services.documents.settings import DocumentSettings
from danvan_desktop.services.meetings.service import MeetingBundle, MeetingService
from danvan_desktop.services.unit.setup import SetupService
from danvan_desktop.store.database import Database

BLOC_NAME = "KHỐI DÂN VẬN"


def _person(name: str, post: str) -> str:
    return _("đồng chí {name}, {post}").format(name=name, post=post) if post else _("đồng chí {name}").format(
        name=name)


def _count(n: int) -> str:
    """Counts as documents write them: '01', '09', '10'."""
    return f"{n:02d}"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".;:!?" else text + "."


class MinutesDocumentBuilder:
    def __init__(self, db: Database, meetings: MeetingService | None = None) -> None:
        self.db = db
        self.meetings = meetings or MeetingService(db)
        self.setup = SetupService(db)
        self.settings = DocumentSettings(db)

    @in_vietnamese
    def build(self, meeting_id: str, profile: LayoutProfile | None = None) -> Document:
        profile = profile or self.settings.profile()
        b = self.meetings.bundle(meeting_id)
        m = b.meeting
        unit = self.setup.unit()
        header = Header(upper_body=unit.upper_party_name,
                        issuing_body=[line for line in (unit.party_committee_name, BLOC_NAME) if line],
                        number=profile.format_number(m.number, "BB", unit.doc_symbol or "DV"),
                        place=unit.place_name, date=m.meeting_date)
        body = self._opening(b) + self._composition(b) + self._proceedings(b) + self._conclusions(b)
        body.append(Paragraph(_("Hội nghị kết thúc vào hồi {time} cùng ngày.").format(time=spoken_time(m.end_time))))
        state = profile.family == "state"
        signatures = [Signature(caption=_("THƯ KÝ") if state else _("NGƯỜI GHI BIÊN BẢN"), name=m.secretary_name),
                      Signature(caption=_("CHỦ TỌA") if state else _("CHỦ TRÌ HỘI NGHỊ"), name=m.chair_name)]
        return Document(header=header, title=Title(_("BIÊN BẢN"), m.subject()), body=body, signatures=signatures,
                        layout=profile.code, stamp=self._stamp(b),
                        metadata={"title": _("Biên bản {name}").format(name=m.subject()),
                                  "author": m.secretary_name, "subject": m.display_name()})

    # -- parts ------------------------------------------------------------------------------
    def _opening(self, b: MeetingBundle) -> list:
        m = b.meeting
        when = document_date(m.meeting_date) if m.meeting_date else _("ngày … tháng … năm …")
        lines = [
            _("Thời gian: vào hồi {time}, {date}.").format(time=spoken_time(m.start_time), date=when),
            _("Địa điểm: {place}.").format(place=m.place.rstrip(".") or "…"),
        ]
        titles = [i.title for i in b.items if i.title]
        if titles:
            lines.append(_("Nội dung: {items}.").format(items="; ".join(t.rstrip(".;") for t in titles)))
        lines.append(_("Người chủ trì: {person}.").format(person=_person(m.chair_name or "…", m.chair_post)))
        lines.append(_("Người ghi biên bản: {person}.").format(
            person=_person(m.secretary_name or "…", m.secretary_post)))
        if m.documents:
            lines.append(_("Tài liệu sử dụng: {documents}").format(documents=_sentence(m.documents.replace("\n",
                                                                                                          "; "))))
        return [Paragraph(line) for line in lines]

    def _composition(self, b: MeetingBundle) -> list:
        present = [e for e in b.attendance if e.presence.attended]
        late = [e for e in b.attendance if e.presence is Presence.LATE]
        absent = [e for e in b.attendance if not e.presence.attended]
        blocks: list = [Heading(_("1. Thành phần"), level=2)]
        names = ", ".join(_("{name} ({post})").format(name=e.member_name, post=e.member_post) if e.member_post
                          else e.member_name for e in present)
        blocks.append(Paragraph(_("- Thành viên Khối dân vận có mặt: {present}/{total} đồng chí{names}.").format(
            present=_count(len(present)), total=_count(len(b.attendance)),
            names=_(", gồm các đồng chí: {names}").format(names=names) if names else "")))
        if late:
            blocks.append(Paragraph(_("- Đến muộn: {people}.").format(people="; ".join(
                _person(e.member_name, "") + (f" ({e.reason})" if e.reason else "") for e in late))))
        if absent:
            parts = []
            for e in absent:
                why = (_("có lý do: {reason}").format(reason=e.reason) if e.reason else _("có lý do"))
                if e.presence is Presence.UNEXCUSED:
                    why = _("không có lý do")
                parts.append(_("{person} ({why})").format(person=_person(e.member_name, e.member_post), why=why))
            blocks.append(Paragraph(_("- Vắng mặt: {n} đồng chí: {people}.").format(n=_count(len(absent)),
                                                                                   people="; ".join(parts))))
        else:
            blocks.append(Paragraph(_("- Vắng mặt: không.")))
        guests = b.meeting.guest_list()
        if guests:
            blocks.append(Paragraph(_("- Khách mời: {people}.").format(people="; ".join(
                _person(g.name, g.post) for g in guests))))
        return blocks

    def _proceedings(self, b: MeetingBundle) -> list:
        blocks: list = [Heading(_("2. Diễn biến hội nghị"), level=2)]
        items = [i for i in b.items if i.title or i.discussion]
        for n, item in enumerate(items, start=1):
            if len(items) > 1 or item.title:
                blocks.append(Heading(f"2.{n}. {item.title}" if len(items) > 1 else item.title, level=3))
            if item.presenter and not item.discussion.startswith(_("Đồng chí {name}").format(name=item.presenter)):
                blocks.append(Paragraph(_("Đồng chí {name} trình bày nội dung.").format(name=item.presenter)))
            for line in item.discussion.split("\n"):
                if line.strip():
                    blocks.append(Paragraph(_sentence(line)))
        return blocks

    def _conclusions(self, b: MeetingBundle) -> list:
        m = b.meeting
        blocks: list = [Heading(_("3. Kết luận"), level=2)]
        if m.chair_name:
            blocks.append(Paragraph(_("Đồng chí {name} chủ trì hội nghị kết luận:").format(name=m.chair_name)))
        grouped = [(item, b.conclusions_of(item.id)) for item in b.items]
        grouped = [(item, rows) for item, rows in grouped if rows]
        for item, rows in grouped:
            if len(grouped) > 1 and item.title:
                blocks.append(Paragraph(_("Về {title}:").format(title=item.title[:1].lower() + item.title[1:]),
                                        italic=True))
            for row in rows:
                blocks.append(Paragraph("- " + _sentence(row.text).rstrip(".") + ";"))
        # The last conclusion closes with a full stop, as a list in a document does.
        if grouped and isinstance(blocks[-1], Paragraph) and blocks[-1].text.endswith(";"):
            blocks[-1].text = blocks[-1].text[:-1] + "."
        return blocks

    def _stamp(self, b: MeetingBundle) -> str:
        m = b.meeting
        if not m.locked:
            return _("Bản nháp — biên bản chưa hoàn thành")
        text = _("Biên bản đã hoàn thành · mã kiểm tra {code}").format(code=m.content_hash[:12])
        if m.version > 1:
            text = _("Bản sửa đổi lần {n} · {rest}").format(n=m.version - 1, rest=text)
        return text


def write_minutes(db: Database, meeting_id: str, pdf: Path | None = None, docx: Path | None = None) -> list[Path]:
    """Render a meeting's biên bản to PDF and/or DOCX; returns the files written."""
    from danvan_desktop.render.docx import render_docx
    from danvan_desktop.render.pdf import render_pdf

    builder = MinutesDocumentBuilder(db)
    profile = builder.settings.profile()
    document = builder.build(meeting_id, profile)
    written = []
    if pdf is not None:
        written.append(render_pdf(document, pdf, profile))
    if docx is not None:
        written.append(render_docx(document, docx, profile))
    return written
