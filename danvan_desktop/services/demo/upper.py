"""`danvan demo --upper`: an upper level holding ten demo communes, each received through a real .dvx file.

Every commune is a full demo commune (services/demo/commune.build_demo with its own code, name and seed);
it hands over last month's report on believable days around the upper body's due day (the 5th of
the following month by default) — most on time, a few late — and most send this month's data so far;
the last commune stopped a month earlier, so last month is missing for it. The upper level imports
those files as an officer would.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import tempfile
from pathlib import Path

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.periods import Period
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.today import VIETNAM
from danvan_desktop.domain.today import today as vietnam_today
from danvan_desktop.domain.unit import Unit, UnitLevel
from danvan_desktop.services.app import AppServices
from danvan_desktop.services.demo.atomic import build_whole
from danvan_desktop.services.demo.commune import DEMO_UNIT, build_demo

UPPER_UNIT = {
    "code": "TU38", "name": "Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Hóa", "province": "Thanh Hóa",
    "upper_unit_name": "Tỉnh ủy Thanh Hóa", "upper_party_name": "ĐẢNG BỘ TỈNH THANH HÓA",
    "party_committee_name": "TỈNH ỦY THANH HÓA", "place_name": "Thanh Hóa", "doc_symbol": "BTGDVTU",
    "level": UnitLevel.UPPER.value,
}

DEMO_COMMUNES = [
    ("16171", "xã Yên Phú", "Yên Phú"), ("16174", "xã Yên Trường", "Yên Trường"),
    ("16177", "xã Yên Thái", "Yên Thái"), ("16180", "xã Yên Lâm", "Yên Lâm"),
    ("16183", "xã Yên Tâm", "Yên Tâm"), ("16186", "xã Định Tân", "Định Tân"),
    ("16189", "xã Định Hòa", "Định Hòa"), ("16192", "xã Định Liên", "Định Liên"),
    ("16195", "xã Quý Lộc", "Quý Lộc"), ("16198", "xã Yên Ninh", "Yên Ninh"),
]


# Days around the due day on which the communes hand over last month's report: most on time, a few late.
LAST_MONTH_OFFSETS = (-3, 0, 2, -2, -1, 3, -4, 1)
# Days of this month on which most communes send what they have so far (not due yet).
THIS_MONTH_DAYS = (14, 18, 15, 19, 16, 20, 17, 19)


def _at(day: dt.date, hour: int) -> str:
    """An office hour in Vietnam as the manifest's UTC time (whatever the PC's zone)."""
    moment = dt.datetime(day.year, day.month, day.day, hour, 30, tzinfo=VIETNAM).astimezone(dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _commune_unit(code: str, name: str, place: str) -> dict:
    unit = dict(DEMO_UNIT)
    unit.update(code=code, name=name, place_name=place, party_committee_name=f"ĐẢNG ỦY {name.upper()}")
    return unit


def build_upper_demo(path: Path, today: dt.date | None = None, communes: int = len(DEMO_COMMUNES),
                     seed: int = 38) -> AppServices:
    """Create the upper level at `path` (refuses an existing file) and import the communes' files into it."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise RuleError(_("Tệp «{path}» đã tồn tại; chương trình không ghi đè. Hãy chọn tên khác.").format(path=path))
    today = today or vietnam_today()
    return build_whole(path, today, lambda upper: _fill(upper, today, communes, seed))


def _fill(upper: AppServices, today: dt.date, communes: int, seed: int) -> None:
    rng = random.Random(seed)
    upper.preferences.set_current_user("Lê Thị Hồng Nhung")
    upper.setup.create_unit(Unit(**UPPER_UNIT))
    from danvan_desktop.services.upper import settings as upper_settings
    signer = upper_settings.load(upper.db)
    signer.authority, signer.post, signer.name = "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn Thành"
    signer.approvers = [signer.name]
    upper_settings.save(upper.db, signer)
    this_month = Period.containing(today)
    last_month = this_month.previous()
    work = Path(tempfile.mkdtemp(prefix="danvan-upper-demo-"))
    try:
        for index, (code, name, place) in enumerate(DEMO_COMMUNES[:communes]):
            # the last commune stopped after handing over the month before last: last month is missing
            behind = index == communes - 1 and communes > 1
            built_on = min(today, upper.exchange.upper.due_date(last_month.previous()) + dt.timedelta(days=2)) \
                if behind else today
            commune = build_demo(work / f"{code}.sqlite3", today=built_on, seed=seed * 100 + index,
                                 unit=_commune_unit(code, name, place))
            try:
                exporter = commune.exchange.exporter
                reported = last_month.previous() if behind else last_month
                signed = commune.reports.current_for(reported.code)
                day = upper.exchange.upper.due_date(reported) + dt.timedelta(
                    days=LAST_MONTH_OFFSETS[index % len(LAST_MONTH_OFFSETS)])
                day = min(max(day, signed.doc_date if signed and signed.doc_date else day), built_on)
                exporter.now = lambda d=day: _at(d, rng.randint(8, 16))
                files = [exporter.export(work / exporter.suggested_name(), period=reported.code).path]
                # this month: most send what they have so far (this month's report is not due yet)
                day = dt.date(today.year, today.month, THIS_MONTH_DAYS[index % len(THIS_MONTH_DAYS)])
                if not behind and index < communes - 2 and day <= today:
                    member = commune.roster.current()[index % 5]
                    member.note = _("Đã cập nhật số điện thoại tháng {m}.").format(m=today.month)
                    commune.roster.save(member)
                    exporter.now = lambda d=day: _at(d, rng.randint(8, 16))
                    files.append(exporter.export(work / exporter.suggested_name(), since_last=True,
                                                 period=this_month.code).path)
                for file in files:
                    upper.exchange.importer.import_file(file, trust_new=True)
            finally:
                commune.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
