"""The people's situation log (tình hình nhân dân): dated notes per village, their level and follow-up."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from danvan_desktop.domain.formats import short_date
from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.domain.records import Record, RuleError
from danvan_desktop.domain.text import clean, clean_multiline


class Topic(str, Enum):
    OPINION = "opinion"
    LIVELIHOOD = "livelihood"
    SECURITY = "security"
    RELIGION = "religion"
    ETHNIC = "ethnic"
    LAND = "land"
    ENVIRONMENT = "environment"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _(TOPIC_LABELS[self])


TOPIC_LABELS = {
    Topic.OPINION: N_("Tư tưởng – dư luận xã hội"),
    Topic.LIVELIHOOD: N_("Đời sống – việc làm"),
    Topic.SECURITY: N_("An ninh trật tự"),
    Topic.RELIGION: N_("Tôn giáo"),
    Topic.ETHNIC: N_("Dân tộc"),
    Topic.LAND: N_("Đất đai – giải phóng mặt bằng"),
    Topic.ENVIRONMENT: N_("Môi trường"),
    Topic.OTHER: N_("Vấn đề khác"),
}


class Level(str, Enum):
    NORMAL = "normal"
    WATCH = "watch"
    HOT = "hot"

    @property
    def label(self) -> str:
        return _(LEVEL_LABELS[self])


LEVEL_LABELS = {
    Level.NORMAL: N_("Bình thường"),
    Level.WATCH: N_("Cần theo dõi"),
    Level.HOT: N_("Điểm nóng"),
}


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
