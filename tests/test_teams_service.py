"""Village teams: members, one leader, soft-rule warnings, open and overdue counts per village."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan_desktop.domain.members import BlocMember
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.teams import TeamMember

D = dt.date


def test_team_warnings_clear_as_the_team_fills(services):
    east = next(v for v in services.villages.list() if v.name == "Thôn Đông")
    before = services.teams.overview_of(east.id)
    assert before.warnings == ["Tổ chưa có tổ trưởng.", "Tổ mới có 0 người (cần ít nhất 3).",
                               "Chưa có thành viên khối phụ trách thôn."]
    for name, role, post in [("Nguyễn Văn Hải", "leader", "Bí thư chi bộ"), ("Lê Thị Mai", "member", "Trưởng thôn"),
                             ("Trần Văn Nam", "member", "Trưởng ban Công tác Mặt trận")]:
        services.teams.save_member(TeamMember(village_id=east.id, full_name=name, team_role=role, post=post))
    services.roster.save(BlocMember(full_name="Hoàng Văn Bình", post_code="ct_ccb", start_date=D(2025, 10, 1),
                                    village_ids=[east.id]))
    after = services.teams.overview_of(east.id)
    assert after.warnings == []
    assert after.leader is not None and after.leader.full_name == "Nguyễn Văn Hải"
    assert [b.full_name for b in after.followers] == ["Hoàng Văn Bình"]


def test_second_leader_and_duplicate_name_are_refused(services):
    east = services.villages.list()[0]
    services.teams.save_member(TeamMember(village_id=east.id, full_name="Nguyễn Văn Hải", team_role="leader"))
    with pytest.raises(RuleError, match="đã có tổ trưởng"):
        services.teams.save_member(TeamMember(village_id=east.id, full_name="Lê Văn Hùng", team_role="leader"))
    with pytest.raises(RuleError, match="đã có trong tổ"):
        services.teams.save_member(TeamMember(village_id=east.id, full_name="nguyen van hai"))
    assert len(services.teams.members(east.id)) == 1


def test_team_record_and_task_counts(services):
    east = services.villages.list()[0]
    team = services.teams.team(east.id)
    team.founding_decision = "Quyết định số 15-QĐ/ĐU"
    team.founded_on = D(2021, 3, 8)
    team.has_regulation = True
    services.teams.save_team(team)
    assert services.teams.team(east.id).founding_decision == "Quyết định số 15-QĐ/ĐU"
    services.tasks.create_task(title="Cũ", village_ids=[east.id], due_date=D(2026, 11, 1))
    services.tasks.create_task(title="Mới", village_ids=[east.id], due_date=D(2026, 12, 1))
    overview = services.teams.overview_of(east.id)
    assert (overview.open_tasks, overview.overdue_tasks) == (2, 1)
