"""The scorecard of every commune at an upper level: 200 communes × 10 years vs 2 communes, a ratio.

    PYTHONPATH=$PWD .venv/bin/python bench/bench_scorecard_upper.py [communes]   # default 200

Builds an upper-level database as if every commune had handed over 10 years of its year's work:
per commune 12 villages and their teams (70 team members), 11 bloc members, 120 monthly briefings,
40 training sessions, 240 petition figures, 30 "Dân vận khéo" models, 10 annual plans of 13 items,
this year's plan tasks (one per item and month passed) and a few situation notes. Rows are written
with plain SQL into the tables an import writes (as bench_upper_level.py does). Then times, best of
3, `ScorecardService.every_commune(2026)` — what the upper level's Công tác năm page shows.

What "good" is: well under a second at 200 communes, and a ratio 200/2 of at most ≈ 100 (linear:
every per-commune query on an index that starts with unit_code).

What it showed (2 shared cores; 200 communes ≈ 420 000 rows, built in 5–7 s):

    communes     first version         after the fix
           2      16.5 ms (8.3/commune)    9.8 ms (4.9/commune)
         200    4680.0 ms (23.4/commune)  839.3 ms (4.2/commune)    ratio 283 → 86

  The first version read each plan task through the repository (a dataclass per task) and scanned
  every team member of every commune (team_members had no index on unit_code); the fix reads the
  tasks' completion days in one query and adds team_members_unit / village_teams_unit (migration 048).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

from danvan_desktop.domain.unit import Unit
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.yearwork import YearWork

TODAY = dt.date(2026, 11, 21)
YEARS = 10
HEAD = "id, unit_code, created_at, updated_at, updated_by, origin, deleted"


def build(path: Path, communes: int) -> AppServices:
    services = AppServices.open(path, today=lambda: TODAY)
    services.setup.create_unit(Unit(code="T38", name="Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Hóa",
                                    province="Thanh Hóa", level="upper"))
    rng = random.Random(communes)
    rows: dict[str, list[tuple]] = {k: [] for k in ("units", "villages", "village_teams", "team_members",
                                                     "bloc_members", "meetings", "trainings", "figure_values",
                                                     "dvk_models", "annual_plans", "plan_items", "tasks",
                                                     "situation_notes")}
    for c in range(communes):
        code = f"{16000 + c}"
        stamp = f"2026-11-01T08:00:00.000Z-0000-{c:08d}"

        def head(code: str = code, stamp: str = stamp, c: int = c) -> tuple:
            return (str(uuid.uuid4()), code, stamp, stamp, "", f"{c:08d}", 0)
        rows["units"].append((*head(), code, f"xã Số {c}", "Thanh Hóa"))
        villages = []
        for k in range(12):
            v = head()
            villages.append(v[0])
            rows["villages"].append((*v, f"Thôn {k + 1}", "thôn", k))
            rows["village_teams"].append((*head(), v[0], int(rng.random() < 0.8), int(rng.random() < 0.8)))
        team = []
        for k in range(70):
            t = head()
            team.append(t[0])
            post = "Người có uy tín" if k % 7 == 6 else "Trưởng thôn"
            rows["team_members"].append((*t, villages[k % 12], f"Người {k}", "member", post))
        members = []
        for k in range(11):
            m = head()
            members.append(m[0])
            rows["bloc_members"].append((*m, f"Thành viên {k}", "ct_nd", "member", "2025-09-01", None))
        for y in range(TODAY.year - YEARS + 1, TODAY.year + 1):
            for month in range(1, 13):
                day = dt.date(y, month, 20)
                if day <= TODAY:
                    kind = "quarterly" if month % 3 == 0 else "monthly"
                    rows["meetings"].append((*head(), kind, f"{y}-{month:02d}", day.isoformat()))
                    rows["figure_values"].append((*head(), "don_nhan", f"{y}-{month:02d}", 10.0))
                    rows["figure_values"].append((*head(), "don_da_gq", f"{y}-{month:02d}", 9.0))
            for q in range(4):
                rows["trainings"].append((*head(), dt.date(y, 3 * q + 1, 10).isoformat(), "Tập huấn", "Tỉnh",
                                          json.dumps(rng.sample(members, 8)), json.dumps(rng.sample(team, 50))))
            for k in range(3):
                rows["dvk_models"].append((*head(), f"Mô hình {y}-{k}", "economy", "organisation", y))
            plan = head()
            rows["annual_plans"].append((*plan, y, 1, f"{y - 1}-12-26", "approved", "Quyết định số 15-QĐ/ĐU",
                                         f"{y}-01-06", "h" * 64))
            for n in range(13):
                months = sorted(rng.sample(range(1, 13), rng.randint(1, 4)))
                task_ids = {}
                if y == TODAY.year:
                    for month in months:
                        if month <= TODAY.month:
                            t = head()
                            task_ids[f"{y}-{month:02d}"] = t[0]
                            done = dt.date(y, month, 25).isoformat() if month < TODAY.month else None
                            rows["tasks"].append((*t, f"Nội dung {n}", f"{y}-{month:02d}-28",
                                                  "done" if done else "in_progress", done))
                rows["plan_items"].append((*head(), plan[0], n, "other", f"Nội dung {n}", members[0],
                                           json.dumps(months), json.dumps(task_ids)))
        rows["situation_notes"].append((*head(), "2026-05-01", villages[0], "religion", "normal", "Tôn giáo", 1))
    columns = {
        "units": "code, name, province", "villages": "name, kind, sort_order",
        "village_teams": "village_id, has_regulation, has_programme",
        "team_members": "village_id, full_name, team_role, post",
        "bloc_members": "full_name, post_code, bloc_role, start_date, end_date",
        "meetings": "kind, period, meeting_date", "trainings": "held_on, topic, organiser, member_ids, team_member_ids",
        "figure_values": "figure_code, period, value", "dvk_models": "name, field, owner_kind, year",
        "annual_plans": "year, number, doc_date, status, approval_decision, approved_on, content_hash",
        "plan_items": "plan_id, sort_order, field, content, owner_id, months, task_ids",
        "tasks": "title, due_date, status, done_on", "situation_notes": "noted_on, village_id, topic, level, summary, "
                                                                      "resolved",
    }
    with services.db.transaction() as tx:
        for table, cols in columns.items():
            marks = ", ".join("?" for _c in range(7 + len(cols.split(","))))
            tx.executemany(f"INSERT INTO {table} ({HEAD}, {cols}) VALUES ({marks})", rows[table])
    services.db.conn.execute("ANALYZE")
    return services


def timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _i in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    communes = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    folder = Path(tempfile.mkdtemp(prefix="danvan-bench-scorecard-"))
    started = time.perf_counter()
    small, big = build(folder / "small.sqlite3", 2), build(folder / "big.sqlite3", communes)
    built = time.perf_counter() - started
    results = []
    for services in (small, big):
        card = YearWork.of(services).scorecard
        rows = card.every_commune(TODAY.year)
        assert all(r.judged >= 12 for r in rows), [(r.unit_code, r.judged) for r in rows][:3]
        results.append((len(rows), timed(lambda card=card: card.every_commune(TODAY.year))))
    (n_small, t_small), (n_big, t_big) = results
    print(f"scorecard of every commune, {YEARS} years of data (built in {built:.0f} s)")
    print(f"{'communes':>10}{'time':>12}{'per commune':>14}")
    for n, t in results:
        print(f"{n:>10}{t * 1000:>10.1f}ms{t * 1000 / n:>12.2f}ms")
    print(f"ratio {n_big}/{n_small}: {t_big / t_small:.1f}")
    small.close()
    big.close()


if __name__ == "__main__":
    main()
