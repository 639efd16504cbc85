"""Build a province through the program's own doors: communes write a month through the services, export it
with the real exporter to a .dvx, and the upper level imports those files with the real importer.

    python bench/province.py --communes 200 --months 12 --years 1 --out /work/scratch/province

Everything is kept in --out (communes/<code>.sqlite3, files/<YYYY-MM>/<code>.dvx, upper.sqlite3), so a
second run with more years (or more communes) continues where the first stopped: a month already
exported by a commune is not written again, a file already imported is a no-op for the importer.
The months start in January 2017 (ten years end in December 2026). Prints progress and throughput.
Each commune's month is tens of records (figures, tasks and their progress, situation notes, a
briefing with its minute finalised, the approved monthly report), as a real commune's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from danvan_desktop.domain.members import BlocMember
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.situation import SituationNote
from danvan_desktop.domain.unit import Unit
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.demo.commune import DEMO_MEMBERS, DEMO_UNIT, DEMO_VILLAGES
from danvan_desktop.services.demo.report import NOTES
from danvan_desktop.services.demo.tasks import ONE_OFF, RESULTS
from danvan_desktop.services.demo.upper import UPPER_UNIT, _at

START = Period.month(2017, 1)           # the first month of every province built here
TERM_START = dt.date(2016, 7, 1)      # the bloc's term: before the first month


class Day:
    """The services' `today`, moved month by month (the commune writes as if it were that day)."""

    def __init__(self) -> None:
        self.value = dt.date(2016, 12, 31)

    def __call__(self) -> dt.date:
        return self.value


def months(count: int) -> list[Period]:
    result, period = [], START
    for _i in range(count):
        result.append(period)
        period = period.next()
    return result


def commune_code(index: int) -> str:
    return f"{20001 + 3 * index:05d}"


# -- a commune ------------------------------------------------------------------------------------
def set_up_commune(path: Path, index: int, day: Day) -> AppServices:
    path.parent.mkdir(parents=True, exist_ok=True)
    services = AppServices.open(path, today=day)
    if services.setup.is_set_up():
        return services
    code = commune_code(index)
    unit = dict(DEMO_UNIT)
    unit.update(code=code, name=f"xã Thử Nghiệm {index + 1}", place_name=f"Thử Nghiệm {index + 1}",
                party_committee_name=f"ĐẢNG ỦY XÃ THỬ NGHIỆM {index + 1}")
    services.preferences.set_current_user("Mai Thị Thu Trang")
    with services.db.transaction():
        services.setup.create_unit(Unit(**unit), "\n".join(DEMO_VILLAGES))
        villages = services.villages.list()
        for k, (name, post, role, phone, _trained) in enumerate(DEMO_MEMBERS):
            followed = [villages[(k * 2 + j) % len(villages)].id for j in range(2)] if k >= 2 else []
            services.roster.save(BlocMember(full_name=name, post_code=post, bloc_role=role.value,
                                            start_date=TERM_START, start_decision="Quyết định số 126-QĐ/ĐU",
                                            phone=phone, village_ids=followed))
        services.db.set_setting("report_due_day", "25")
        services.numbering.set_term_starts([TERM_START])
    return services


def write_month(services: AppServices, period: Period, rng: random.Random) -> None:
    """One month of a commune's work, written through the services as an officer would."""
    start = period.start
    villages = [v.id for v in services.villages.list()]
    members = services.roster.current(start)
    with services.db.transaction():
        received = rng.randint(3, 12)
        solved = max(received - rng.randint(0, 3), 0)
        carried = services.figures.month_value("don_dang_gq", period.previous().code) or 0
        sessions = rng.randint(5, 15)
        visits = rng.randint(8, 20)
        values = {"tcd_luot": visits, "tcd_nguoi": visits + rng.randint(0, 5), "don_nhan": received,
                  "don_da_gq": solved, "don_chuyen": 0, "don_dang_gq": carried + received - solved,
                  "hoa_giai": 2, "hoa_giai_tc": 2, "tuyen_truyen": sessions,
                  "tuyen_truyen_luot": sessions * rng.randint(30, 70)}
        for code, value in values.items():
            services.figures.set_value(code, period.code, value)
        for _k in range(rng.randint(2, 4)):
            title, category, kind, ref, _codes = rng.choice(ONE_OFF)
            given = rng.sample(villages, rng.randint(1, 3))
            task = services.tasks.create_task(title=title, category=category, source_kind=kind, source_ref=ref,
                                              village_ids=given, responsible_id=rng.choice(members).id,
                                              start_date=start + dt.timedelta(days=rng.randint(0, 5)),
                                              due_date=start + dt.timedelta(days=rng.randint(15, 26)))
            for vid in given:
                services.tasks.add_progress(task.id, village_id=vid, result=rng.choice(RESULTS),
                                            noted_on=start + dt.timedelta(days=rng.randint(6, 14)))
                if rng.random() < 0.7:
                    services.tasks.mark_done(task.id, village_id=vid, on=start + dt.timedelta(days=rng.randint(15, 26)))
        for topic, level, summary, source, action in rng.sample(NOTES, rng.randint(3, 5)):
            services.situation.save(SituationNote(
                noted_on=start + dt.timedelta(days=rng.randint(0, 26)), village_id=rng.choice(villages), topic=topic,
                level=level, summary=summary, source=source, action_taken=action,
                follower=rng.choice(members).full_name, resolved=level == "normal"))
    meetings = services.meetings
    meeting = meetings.create("monthly", start + dt.timedelta(days=rng.randint(4, 8)), period.previous().code)
    meeting.place, meeting.start_time, meeting.end_time = "Hội trường Đảng ủy xã", "08:00", "10:30"
    meetings.save(meeting)
    item = meetings.items(meeting.id)[0]
    item.title = f"Đánh giá tình hình Nhân dân và kết quả công tác dân vận {period.previous().label()}"
    item.discussion = "Tình hình tư tưởng của Nhân dân cơ bản ổn định; các đoàn thể đã phối hợp tuyên truyền."
    meetings.save_item(item)
    meetings.set_conclusions(item.id, "Các đoàn thể tiếp tục nắm chắc tình hình tư tưởng của Nhân dân\n"
                                      "Các tổ dân vận thôn họp định kỳ hằng tháng")
    meetings.finalise(meeting.id)
    reports = services.reports
    report = reports.create_draft(period.code)
    reports.update_header(report.id, doc_date=period.end)
    reports.take_number(report.id)
    reports.approve(report.id, reports.approvers()[0], keep_pdf=False)


def exported(services: AppServices) -> set[str]:
    return {b.period for b in services.exchange.exporter.log.batches_out()}


def commune_month(out: Path, index: int, period: Period, first: bool) -> Path:
    """Write (unless done) and export (unless done) one commune's month; returns its .dvx."""
    code = commune_code(index)
    target = out / "files" / period.code / f"{code}.dvx"
    if target.exists():
        return target
    day = Day()
    services = set_up_commune(out / "communes" / f"{code}.sqlite3", index, day)
    try:
        day.value = min(period.end, dt.date(2026, 11, 30))
        done = services.db.get_setting("bench_written", "") or ""
        if done < period.code:
            with services.db.transaction():   # the month and its mark, or neither: a kill never writes twice
                write_month(services, period, random.Random(f"{code}-{period.code}"))
                services.db.set_setting("bench_written", period.code)
        exporter = services.exchange.exporter
        hand_over = period.end + dt.timedelta(days=1 + index % 5)
        exporter.now = lambda: _at(hand_over, 9 + index % 8)
        target.parent.mkdir(parents=True, exist_ok=True)
        # the first hand-over carries everything; later ones what changed since the last
        exporter.export(target, period=period.code, since_last=not first)
    finally:
        services.close()
    return target


# -- the upper level ------------------------------------------------------------------------------
def open_upper(path: Path, day: Day) -> AppServices:
    upper = AppServices.open(path, today=day)
    if not upper.setup.is_set_up():
        upper.preferences.set_current_user("Lê Thị Hồng Nhung")
        upper.setup.create_unit(Unit(**UPPER_UNIT))
    return upper


def size_mb(path: Path) -> float:
    """The data file alone (its WAL, folded back at close, is not counted)."""
    return path.stat().st_size / 2**20 if path.exists() else 0.0


def build(out: Path, communes: int, total_months: int, quiet: bool = False) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    day = Day()
    upper = open_upper(out / "upper.sqlite3", day)
    importer = upper.exchange.importer
    stats = {"files": 0, "export_s": 0.0, "import_s": 0.0}
    began = time.perf_counter()
    try:
        for number, period in enumerate(months(total_months)):
            files, t_export, t_import = [], 0.0, 0.0
            for index in range(communes):
                t0 = time.perf_counter()
                files.append(commune_month(out, index, period, number == 0))
                t_export += time.perf_counter() - t0
            day.value = min(period.end + dt.timedelta(days=10), dt.date(2026, 11, 30))
            t0 = time.perf_counter()
            with importer.sitting():
                for file in files:
                    importer.import_file(file, trust_new=True)
            t_import = time.perf_counter() - t0
            stats["files"] += len(files)
            stats["export_s"] += t_export
            stats["import_s"] += t_import
            if not quiet:
                print(f"{period.code}: {len(files)} communes written+exported in {t_export:.1f} s "
                      f"({len(files) / max(t_export, 1e-9):.1f}/s), imported in {t_import:.1f} s "
                      f"({len(files) / max(t_import, 1e-9):.1f} files/s); upper {size_mb(out / 'upper.sqlite3'):.1f} MB; "
                      f"{time.perf_counter() - began:.0f} s so far", flush=True)
    finally:
        upper.close()
    stats["total_s"] = time.perf_counter() - began
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--communes", type=int, default=200)
    parser.add_argument("--months", type=int, default=12, help="months a year (12), or fewer for a short run")
    parser.add_argument("--years", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("/work/scratch/province"))
    args = parser.parse_args(argv)
    os.environ.setdefault("DANVAN_TODAY", "2026-11-30")
    total = args.months if args.years == 1 else 12 * (args.years - 1) + args.months
    stats = build(args.out, args.communes, total)
    print(f"{stats['files']} files: written+exported {stats['export_s']:.0f} s, imported {stats['import_s']:.0f} s, "
          f"{stats['files'] / max(stats['total_s'], 1e-9):.2f} commune-months/s; "
          f"upper {size_mb(args.out / 'upper.sqlite3'):.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
