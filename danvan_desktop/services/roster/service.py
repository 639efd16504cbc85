"""The bloc roster: add, edit, end a term, delete with undo, post history, and the composition check."""

from __future__ import annotations

import datetime as dt

from danvan_desktop.domain.composition import KL862, Breach, CompositionProfile, check_roster
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.members import BlocMember, BlocRole, Post
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.text import clean, fold, name_key
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.store.database import Database
from danvan_desktop.store.members import MemberRepository
from danvan_desktop.store.posts import PostRepository
from danvan_desktop.store.profiles import ProfileRepository

FAR_FUTURE_DAYS = 366


class RosterService:
    def __init__(self, db: Database, today=vietnam_today) -> None:
        self.db = db
        self.today = today
        self.members = MemberRepository(db)
        self.posts = PostRepository(db)
        self.profiles = ProfileRepository(db)

    # -- reading ----------------------------------------------------------------------------
    def current(self, on: dt.date | None = None) -> list[BlocMember]:
        return self.members.current(on or self.today())

    def all_terms(self) -> list[BlocMember]:
        return self.members.all()

    def post_names(self) -> dict[str, str]:
        return {code: _(name) for code, name in self.posts.names().items()}

    def post_list(self) -> list[Post]:
        return self.posts.all()

    def post_history(self, post_code: str) -> list[BlocMember]:
        """Who held a post, newest first."""
        terms = [m for m in self.members.all() if m.post_code == post_code]
        return sorted(terms, key=lambda m: m.start_date or dt.date.min, reverse=True)

    def post_holders(self) -> dict[str, list[BlocMember]]:
        """Every post in list order with everyone who held it, newest term first (empty: never held)."""
        holders: dict[str, list[BlocMember]] = {p.code: [] for p in self.posts.all()}
        for term in sorted(self.members.all(), key=lambda m: (m.start_date or dt.date.min, m.created_at),
                           reverse=True):
            holders.setdefault(term.post_code, []).append(term)
        return holders

    def change_log(self, member_id: str):
        """Who changed this term, when, and what (from the audit log), as the user reads it."""
        from danvan_desktop.services.unit.change_log import ChangeLogService
        return ChangeLogService(self.db).member(member_id)

    # -- rules ------------------------------------------------------------------------------
    def active_profile(self) -> CompositionProfile:
        code = self.db.get_setting("active_profile", KL862) or KL862
        profile = self.profiles.by_code(code) or self.profiles.by_code(KL862)
        if profile is None:
            raise RuleError(_("Chưa có quy chế thành phần khối; hãy mở Cài đặt."))
        return profile

    def check(self, on: dt.date | None = None) -> list[Breach]:
        profile = self.active_profile()
        return check_roster(self.members.all(), profile.rules, self.posts.names(), on or self.today())

    # -- writing ----------------------------------------------------------------------------
    def _validate(self, member: BlocMember) -> None:
        member.validate()
        if self.posts.by_code(member.post_code) is None:
            raise RuleError(_("Chức danh không có trong danh sách."), "post_code")
        today = self.today()
        if member.start_date and member.start_date > today + dt.timedelta(days=FAR_FUTURE_DAYS):
            raise RuleError(_("Ngày bắt đầu quá xa trong tương lai."), "start_date")
        rules = self.active_profile().rules
        if member.is_current(today) or member.start_date is None or member.start_date > today:
            self._check_single_post(member, rules.max_per_post, set(rules.multi_posts))
            self._check_single_role(member, rules)
        self._check_duplicate(member)

    def _others_current(self, member: BlocMember) -> list[BlocMember]:
        on = max(member.start_date or self.today(), self.today())
        return [m for m in self.members.current(on) if m.id != member.id]

    def _check_single_post(self, member: BlocMember, max_per_post: int, exempt: set[str]) -> None:
        if not max_per_post or member.post_code in exempt:
            return
        holders = [m for m in self._others_current(member) if m.post_code == member.post_code]
        if len(holders) >= max_per_post:
            raise RuleError(_("Chức danh «{post}» đang do đồng chí {name} đảm nhiệm; quy chế chỉ cho phép {k} "
                              "người. Hãy kết thúc nhiệm kỳ của người cũ trước.").format(
                post=self.post_names().get(member.post_code, member.post_code),
                name=holders[0].full_name, k=max_per_post), "post_code")

    def _check_single_role(self, member: BlocMember, rules) -> None:
        """As many heads and deputies as the profile allows (one each under 862-KL/TU)."""
        if member.bloc_role == BlocRole.MEMBER.value:
            return
        limit = rules.heads if member.bloc_role == BlocRole.HEAD.value else rules.deputies_max
        holders = [m for m in self._others_current(member) if m.bloc_role == member.bloc_role]
        if limit and len(holders) >= limit:
            if limit == 1:
                raise RuleError(_("Đồng chí {name} đang là {role}; mỗi khối chỉ có một.").format(
                    name=holders[0].full_name, role=BlocRole(member.bloc_role).label), "bloc_role")
            raise RuleError(_("Khối đã có {n} {role} ({names}); quy chế chỉ cho phép {k}.").format(
                n=len(holders), role=BlocRole(member.bloc_role).label,
                names=", ".join(m.full_name for m in holders), k=limit), "bloc_role")

    def _check_duplicate(self, member: BlocMember) -> None:
        key = name_key(member.full_name)
        for other in self._others_current(member):
            if name_key(other.full_name) == key and other.post_code == member.post_code:
                raise RuleError(_("Đồng chí {name} đã có trong khối với chức danh này.").format(
                    name=other.full_name), "full_name")

    def save(self, member: BlocMember) -> BlocMember:
        with self.db.transaction():
            self._validate(member)
            if self.members.find(member.id) is None:
                return self.members.insert(member)
            return self.members.update(member)

    def end_term(self, member_id: str, end_date: dt.date, decision: str) -> BlocMember:
        member = self.members.get(member_id, include_deleted=False)
        if member.end_date is not None:
            raise RuleError(_("Nhiệm kỳ của đồng chí {name} đã kết thúc ngày {date}.").format(
                name=member.full_name, date=member.end_date.strftime("%d/%m/%Y")))
        decision = clean(decision)
        if not decision:
            raise RuleError(_("Hãy nhập số quyết định kết thúc nhiệm kỳ."), "end_decision")
        member.end_date = end_date
        member.end_decision = decision
        member.validate()
        return self.members.update(member)

    def delete_impact(self, member_id: str):
        """What deleting this member touches (her open tasks, the villages she follows), for the question
        asked first."""
        from danvan_desktop.services.roster.care import delete_impact
        return delete_impact(self.db, self.members.get(member_id))

    def possible_duplicates(self, member: BlocMember) -> list[BlocMember]:
        """Members already on the roster who are probably this person (same name and phone)."""
        from danvan_desktop.services.roster.care import possible_duplicates
        return possible_duplicates(member, [m for m in self.members.all() if m.end_date is None])

    def delete(self, member_id: str) -> BlocMember:
        return self.members.soft_delete(member_id)

    def restore(self, member_id: str) -> BlocMember:
        with self.db.transaction():
            member = self.members.restore(member_id)
            member.deleted = False
            self._validate(member)
            return member

    def add_post(self, name: str) -> Post:
        name = clean(name)
        if not name:
            raise RuleError(_("Tên chức danh không được để trống."), "name")
        for post in self.posts.all():
            if name_key(post.name) == name_key(name):
                raise RuleError(_("Chức danh «{name}» đã có.").format(name=post.name), "name")
        code = "u_" + "_".join(fold(name).split())[:40]
        order = max((p.sort_order for p in self.posts.all()), default=0) + 10
        post = Post(code=code, name=name, sort_order=order)
        post.validate()
        return self.posts.insert(post)
