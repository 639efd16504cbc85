"""The people's situation log (tình hình nhân dân): dated notes per village, their level and follow-up."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from danvan_desktop.domain.formats import short_date
from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.labels import LabelledEnum
from danvan_desktop.domain.records import Record, RuleError
from danvan_desktop.domain.text import clean, clean_multiline


class Topic(LabelledEnum):
    OPINION = "opinion", N_("Tư tưởng – dư luận xã hội")
    LIVELIHOOD = "livelihood", N_("Đời sống – việc làm")
    SECURITY = "security", N_("An ninh trật tự")
    RELIGION = "religion", N_("Tôn giáo")
    ETHNIC = "ethnic", N_("Dân tộc")
    LAND = "land", N_("Đất đai – giải phóng mặt bằng")
    ENVIRONMENT = "environment", N_("Môi trường")
    OTHER = "other", N_("Vấn đề khác")


class Level(LabelledEnum):
    NORMAL = "normal", N_("Bình thường")
    WATCH = "watch", N_("Cần theo dõi")
    HOT = "hot", N_("Điểm nóng")


@dataclass
class SituationNote(Record):
    noted_on: dt.date | None = None
    village_id: str | None = None      # None: the whole commune
    topic: str = Topic.OPINION.value
    level: str = Level.NORMAL.value
    summary: str = ""                  # what people think / what happened
    source: str = ""                   # where it came from (tổ dân vận, họp dân, công an …)
    action_taken: str = ""             # what was done about it
    follower: str = ""                 # who follows it up (a member or an organisation)
    resolved: bool = False
    resolved_on: dt.date | None = None
    private: bool = False              # stays out of hand-over files unless ticked in
    personal_people: str = ""          # names of the people concerned (personal data)

    @property
    def is_open_hot_spot(self) -> bool:
        return self.level == Level.HOT.value and not self.resolved and not self.deleted

    def validate(self, today: dt.date) -> None:
        self.summary = clean_multiline(self.summary)
        self.action_taken = clean_multiline(self.action_taken)
        self.source = clean(self.source)
        self.follower = clean(self.follower)
        self.personal_people = clean(self.personal_people)
        if self.noted_on is None:
            raise RuleError(_("Hãy nhập ngày ghi nhận."), "noted_on")
        if self.noted_on > today:
            raise RuleError(_("Ngày ghi nhận ({date}) chưa tới.").format(date=short_date(self.noted_on)), "noted_on")
        if not self.summary:
            raise RuleError(_("Hãy ghi nội dung tình hình."), "summary")
        if self.topic not in {t.value for t in Topic}:
            raise RuleError(_("Lĩnh vực không hợp lệ."), "topic")
        if self.level not in {lv.value for lv in Level}:
            raise RuleError(_("Mức độ không hợp lệ."), "level")
        if not self.resolved:
            self.resolved_on = None
            return
        if self.resolved_on is None:
            self.resolved_on = today
        if self.resolved_on < self.noted_on:
            raise RuleError(_("Ngày giải quyết ({done}) trước ngày ghi nhận ({noted}).").format(
                done=short_date(self.resolved_on), noted=short_date(self.noted_on)), "resolved_on")
        if self.resolved_on > today:
            raise RuleError(_("Ngày giải quyết ({date}) chưa tới.").format(date=short_date(self.resolved_on)),
                            "resolved_on")
