"""The training record (862-KL/TU: 100% of bloc and village-team members trained): who was trained,
when, by whom, on what. Feeds the scorecard; a bloc member's own training date is kept in step."""

from __future__ import annotations

import datetime as dt

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.domain.yearwork import Training
from danvan_desktop.store.database import Database
from danvan_desktop.store.members import MemberRepository
from danvan_desktop.store.teams import TeamMemberRepository
from danvan_desktop.store.yearwork import TrainingRepository


class TrainingService:
    def __init__(self, db: Database, today=vietnam_today) -> None:
        self.db = db
        self.today = today
        self.repo = TrainingRepository(db)
        self.members = MemberRepository(db)
        self.team_members = TeamMemberRepository(db)

    def list(self, year: int | None = None) -> list[Training]:
        rows = self.repo.of_unit()
        return [t for t in rows if year is None or (t.held_on and t.held_on.year == year)]

    def get(self, training_id: str) -> Training:
        return self.repo.get(training_id)

    def save(self, training: Training) -> Training:
        training.validate(self.today())
        training.member_ids = list(dict.fromkeys(training.member_ids))
        training.team_member_ids = list(dict.fromkeys(training.team_member_ids))
        with self.db.transaction():
            members = {m.id: m for m in self.members.all()}
            for mid in training.member_ids:
                if mid not in members:
                    raise RuleError(_("Thành viên khối được chọn không có trong danh sách."), "member_ids")
            team = {m.id for m in self.team_members.all()}
            for tid in training.team_member_ids:
                if tid not in team:
                    raise RuleError(_("Thành viên tổ dân vận được chọn không có trong danh sách."),
                                    "team_member_ids")
            saved = (self.repo.insert(training) if self.repo.find(training.id) is None
                     else self.repo.update(training))
            # The member's own "trained on" (roster, report) shows the latest training.
            for mid in training.member_ids:
                member = members[mid]
                if member.trained_on is None or member.trained_on < training.held_on:
                    member.trained_on = training.held_on
                    self.members.update(member)
            return saved

    def delete(self, training_id: str) -> Training:
        return self.repo.soft_delete(training_id)

    def restore(self, training_id: str) -> Training:
        return self.repo.restore(training_id)

    def untrained_members(self, on: dt.date | None = None) -> list:
        """Current bloc members with no training record and no training date by `on`."""
        on = on or self.today()
        trained = {mid for t in self.repo.of_unit() if t.held_on and t.held_on <= on for mid in t.member_ids}
        return [m for m in self.members.current(on)
                if m.id not in trained and not (m.trained_on and m.trained_on <= on)]
