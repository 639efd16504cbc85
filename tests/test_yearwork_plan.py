"""The annual plan: drafted, approved by the Đảng ủy (decision and date) and locked, printed in the
Party layout, its items become tasks in their month, and completion is tracked item by item."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan_desktop.domain.members import BlocMember, BlocRole
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.tasks import TaskStatus
from danvan_desktop.domain.yearwork import PlanItem, months_text
from danvan_desktop.services.yearwork import YearWork
from tests import pdftools


@pytest.fixture
def bloc(services):
    head = services.roster.save(BlocMember(full_name="Lê Văn Thắng", post_code="pbt_tt",
                                           bloc_role=BlocRole.HEAD.value, start_date=dt.date(2025, 10, 1)))
    deputy = services.roster.save(BlocMember(full_name="Nguyễn Thị Hương", post_code="ct_mttq",
                                             bloc_role=BlocRole.DEPUTY.value, start_date=dt.date(2025, 10, 1)))
    return services, YearWork.of(services), head, deputy


def _item(plan, owner, months, content="Tuyên truyền Luật Thực hiện dân chủ ở cơ sở", village_ids=()):
    return PlanItem(plan_id=plan.id, field="propaganda", content=content, owner_id=owner.id, months=months,
                    village_ids=list(village_ids), expected_result="100% thôn tổ chức tuyên truyền")


def test_a_plan_item_needs_content_an_owner_and_months(bloc):
    _services, work, head, _deputy = bloc
    plan = work.plans.create(2026)
    with pytest.raises(RuleError, match="tháng thực hiện"):
        work.plans.save_item(_item(plan, head, []))
    with pytest.raises(RuleError, match="từ 1 đến 12"):
        work.plans.save_item(_item(plan, head, [13]))
    with pytest.raises(RuleError, match="không được để trống"):
        work.plans.save_item(_item(plan, head, [3], content="  "))
    with pytest.raises(RuleError, match="Đã có kế hoạch năm 2026"):
        work.plans.create(2026)
    assert work.plans.items(plan.id) == []


def test_approval_numbers_records_and_locks_the_plan(bloc, today):
    _services, work, head, deputy = bloc
    plan = work.plans.create(2026)
    with pytest.raises(RuleError, match="chưa có nội dung"):
        work.plans.approve(plan.id, "Quyết định số 15-QĐ/ĐU", today)
    item = work.plans.save_item(_item(plan, head, [3, 4]))
    with pytest.raises(RuleError, match="số quyết định"):
        work.plans.approve(plan.id, "  ", today)
    with pytest.raises(RuleError, match="tương lai"):
        work.plans.approve(plan.id, "Quyết định số 15-QĐ/ĐU", today + dt.timedelta(days=1))
    approved = work.plans.approve(plan.id, "Quyết định số 15-QĐ/ĐU", today)
    assert approved.locked and approved.number == 1 and approved.approval_decision == "Quyết định số 15-QĐ/ĐU"
    assert work.plans.printed_number(approved) == "Số 01-KH/DV"
    item.owner_id = deputy.id
    with pytest.raises(RuleError, match="đã được Đảng ủy phê duyệt"):
        work.plans.save_item(item)
    with pytest.raises(RuleError, match="đã được Đảng ủy phê duyệt"):
        work.plans.delete_item(item.id)
    with pytest.raises(RuleError, match="đã được Đảng ủy phê duyệt"):
        work.plans.approve(plan.id, "Quyết định số 16-QĐ/ĐU", today)
    assert work.plans.items(plan.id)[0].owner_id == head.id


def test_items_become_tasks_in_their_month_once_and_completion_follows_them(bloc, today):
    services, work, head, deputy = bloc
    village = services.villages.list()[0]
    plan = work.plans.create(2026)
    plan.doc_date = dt.date(2025, 12, 26)
    work.plans.save_plan(plan)
    early = work.plans.save_item(_item(plan, head, [9, 10], village_ids=[village.id]))
    late = work.plans.save_item(_item(plan, deputy, [12], content="Xây dựng kế hoạch năm sau"))
    assert work.plans.bring_due(today) == []                     # a draft gives no task
    work.plans.approve(plan.id, "Quyết định số 15-QĐ/ĐU", dt.date(2026, 1, 6))
    made = work.plans.bring_due(today)
    assert [(t.due_date, t.source_kind, t.responsible_id) for t in made] == [
        (dt.date(2026, 9, 30), "plan", head.id), (dt.date(2026, 10, 31), "plan", head.id)]
    assert "Kế hoạch số 01-KH/DV năm 2026, nội dung 1" == made[0].source_ref
    assert services.tasks.village_ids(made[0].id) == [village.id]
    assert work.plans.bring_due(today) == []                     # once per item and month
    rows = {r.item.id: r for r in work.plans.progress(plan.id)}
    assert rows[early.id].state is TaskStatus.OVERDUE and rows[late.id].state is TaskStatus.NOT_STARTED
    assert work.plans.completion(2026) == (0, 2)
    for task in made:
        services.tasks.mark_done(task.id, on=task.due_date)
    rows = {r.item.id: r for r in work.plans.progress(plan.id)}
    assert rows[early.id].state is TaskStatus.DONE and rows[early.id].done_on == dt.date(2026, 10, 31)
    # as it stood on 15 October, the item was not yet done
    assert work.plans.completion(2026, dt.date(2026, 10, 15)) == (0, 2)
    assert work.plans.completion(2026) == (1, 2)
    # December's task comes in December; recording the item done is allowed on a locked plan
    assert [t.due_date for t in work.plans.bring_due(dt.date(2026, 12, 1))] == [dt.date(2026, 12, 31)]
    work.plans.record_done(late.id, today, "Đã trình Đảng ủy")
    assert work.plans.completion(2026) == (2, 2)


def test_next_years_draft_copies_the_items_and_hands_a_leavers_items_to_the_head(bloc, today):
    services, work, head, deputy = bloc
    plan = work.plans.create(2026)
    work.plans.save_item(_item(plan, deputy, [3]))
    services.roster.end_term(deputy.id, today - dt.timedelta(days=1), "Quyết định số 20-QĐ/ĐU")
    draft = work.plans.create(2027, copy_from=2026)
    items = work.plans.items(draft.id)
    assert [(i.content, i.owner_id, i.months) for i in items] == [
        ("Tuyên truyền Luật Thực hiện dân chủ ở cơ sở", head.id, [3])]
    assert not draft.locked


def test_months_read_as_officers_write_them():
    assert months_text(list(range(1, 13))) == "Hằng tháng"
    assert months_text([5, 6, 7]) == "Tháng 5–7"
    assert months_text([3, 9]) == "Tháng 3, 9"


def test_the_printed_plan_follows_the_party_layout(bloc, today, tmp_path):
    _services, work, head, deputy = bloc
    plan = work.plans.create(2027)
    work.plans.save_item(_item(plan, head, [3, 4]))
    work.plans.save_item(PlanItem(plan_id=plan.id, field="dvk", content="Xây dựng mới 03 mô hình “Dân vận khéo”",
                                  owner_id=deputy.id, months=[3], expected_result="03 mô hình"))
    pdf, docx = tmp_path / "kh.pdf", tmp_path / "kh.docx"
    work.plan_document.write(plan, pdf, docx)
    text = pdftools.text(pdf)
    for phrase in ("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY XÃ THỬ NGHIỆM", "KHỐI DÂN VẬN", "KẾ HOẠCH",
                   "hoạt động của Khối dân vận năm 2027", "I- MỤC ĐÍCH, YÊU CẦU",
                   "II- NỘI DUNG VÀ THỜI GIAN THỰC HIỆN", "1- Tuyên truyền, vận động Nhân dân",
                   "2- Phong trào thi đua “Dân vận khéo”", "III- TỔ CHỨC THỰC HIỆN", "Nguyễn Thị Hương",
                   "Tháng 3, 4", "T/M KHỐI DÂN VẬN", "Lê Văn Thắng", "Nơi nhận", "DỰ THẢO"):
        assert phrase in " ".join(text.split()), phrase
    assert all(f["emb"] == "yes" for f in pdftools.fonts(pdf))
    assert docx.stat().st_size > 0


def test_plan_command_prints_drafts_approves_and_lists(tmp_path, capsys):
    from danvan_desktop.cli import main
    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    pdf = tmp_path / "kh2027.pdf"
    assert main(["plan", "--db", str(db), "--year", "2027", "--pdf", str(pdf)]) == 0
    text = " ".join(pdftools.text(pdf).split())
    assert "hoạt động của Khối dân vận năm 2027" in text and "DỰ THẢO" in text and "Số -KH/DV" in text
    capsys.readouterr()
    assert main(["plan", "--db", str(db), "--year", "2028"]) == 1
    assert "Chưa có kế hoạch năm 2028" in capsys.readouterr().err
    assert main(["plan", "--db", str(db), "--year", "2028", "--new"]) == 0
    assert "Đã lập dự thảo kế hoạch năm 2028 (13 nội dung)." in capsys.readouterr().out   # copied from 2027
    assert main(["plan", "--db", str(db), "--year", "2027", "--approve", "Quyết định số 40-QĐ/ĐU",
                 "--approved-on", "21/11/2026"]) == 0
    out = capsys.readouterr().out
    assert "Đã ghi phê duyệt: Quyết định số 40-QĐ/ĐU ngày 21/11/2026; 0 nhiệm vụ" in out
    assert main(["plan", "--db", str(db), "--year", "2027", "--pdf", str(pdf)]) == 0
    text = " ".join(pdftools.text(pdf).split())
    assert "Số 02-KH/DV" in text and "Đảng ủy phê duyệt tại Quyết định số 40-QĐ/ĐU ngày 21/11/2026" in text
    capsys.readouterr()
    assert main(["plan", "--db", str(db), "--year", "2026"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Kế hoạch hoạt động năm 2026 — đã phê duyệt (Quyết định số 15-QĐ/ĐU ngày 06/01/2026)")
    assert "[Hoàn thành]" in out and "Hoàn thành" in out.splitlines()[-1]
