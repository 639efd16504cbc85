"""The situation log (hot spots until resolved) and “Dân vận khéo” models against the yearly target."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan_desktop.domain.dvk import DvkModel
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.situation import SituationNote
from danvan_desktop.services.figures.situation import NoteFilter


def test_hot_spot_stays_open_until_resolved(services, today):
    note = services.situation.save(SituationNote(noted_on=dt.date(2026, 11, 2), topic="land", level="hot",
                                                 summary="Tranh chấp đất ở giáp ranh"))
    assert [n.id for n in services.situation.open_hot_spots()] == [note.id]
    services.situation.resolve(note.id, dt.date(2026, 11, 20), "Hòa giải thành")
    assert services.situation.open_hot_spots() == []
    assert services.situation.get(note.id).action_taken == "Hòa giải thành"


def test_bad_notes_are_refused(services):
    with pytest.raises(RuleError, match="chưa tới"):
        services.situation.save(SituationNote(noted_on=dt.date(2026, 12, 1), summary="x"))
    with pytest.raises(RuleError, match="nội dung"):
        services.situation.save(SituationNote(noted_on=dt.date(2026, 11, 1), summary="  "))
    with pytest.raises(RuleError, match="trước ngày ghi nhận"):
        services.situation.save(SituationNote(noted_on=dt.date(2026, 11, 10), summary="x", resolved=True,
                                              resolved_on=dt.date(2026, 11, 1)))
    assert services.situation.count() == 0


def test_filter_runs_in_sql_with_folded_text(services):
    village = services.villages.list()[0]
    services.situation.save(SituationNote(noted_on=dt.date(2026, 10, 1), village_id=village.id, topic="religion",
                                          summary="Đề nghị sửa chữa nhà thờ họ"))
    services.situation.save(SituationNote(noted_on=dt.date(2026, 11, 1), topic="environment", level="watch",
                                          summary="Rác thải ven sông"))
    assert len(services.situation.page(NoteFilter(text="nha tho"), 0, 50)) == 1
    assert len(services.situation.page(NoteFilter(village_id=village.id), 0, 50)) == 1
    assert len(services.situation.page(NoteFilter(open_only=True), 0, 50)) == 1
    assert len(services.situation.page(NoteFilter(period="2026-10"), 0, 50)) == 1
    deleted = services.situation.page(NoteFilter(period="2026-10"), 0, 50)[0]
    services.situation.delete(deleted.id)
    assert services.situation.count(NoteFilter(period="2026-10")) == 0
    services.situation.restore(deleted.id)
    assert services.situation.count(NoteFilter(period="2026-10")) == 1


def test_dvk_progress_against_the_target(services):
    assert services.dvk.progress(2026).new == 0 and services.dvk.progress(2026).target == 3
    for name in ("Camera an ninh", "Đường hoa nông thôn mới", "Tổ tự quản rác thải"):
        services.dvk.save(DvkModel(name=name, owner_name="Thôn Đông", year=2026, field="culture"))
    services.dvk.save(DvkModel(name="Mô hình cũ", owner_name="Hội Nông dân", owner_kind="organisation", year=2025,
                               recognition="commune", recognised_on=dt.date(2025, 12, 1)))
    progress = services.dvk.progress(2026)
    assert (progress.new, progress.recognised, progress.reached) == (3, 0, True)
    assert services.dvk.progress(2025).recognised == 1
    with pytest.raises(RuleError, match="đã có trong năm 2026"):
        services.dvk.save(DvkModel(name="camera an ninh", owner_name="thôn Đông", year=2026))
    with pytest.raises(RuleError, match="chủ thể"):
        services.dvk.save(DvkModel(name="Không chủ", year=2026))
