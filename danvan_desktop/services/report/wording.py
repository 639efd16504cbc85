"""How officers write: "Nhân dân" with its capital (but "Ủy ban nhân dân"), a clause after a colon in
lower case, limits given with their causes."""

from __future__ import annotations

import re

_NHAN_DAN = re.compile(r"(?<![\wÀ-ỹ])nhân dân(?![\wÀ-ỹ])")
# Names of bodies in which "nhân dân" stays lower case.
_BODIES = ("ủy ban", "uỷ ban", "hội đồng", "công an", "quân đội", "tòa án", "toà án", "viện kiểm sát",
           "lực lượng vũ trang", "an ninh", "chiến tranh")


def nhan_dan(text: str) -> str:
    """'nhân dân đồng tình' → 'Nhân dân đồng tình'; 'Ủy ban nhân dân xã' is left as it is."""
    def repl(match: re.Match) -> str:
        before = text[max(0, match.start() - 24):match.start()].lower().rstrip()
        return match.group(0) if before.endswith(_BODIES) else "Nhân dân"
    return _NHAN_DAN.sub(repl, text)


def after_colon(text: str) -> str:
    """A clause as it reads after 'Thôn Đông: …' — first letter lower case unless a name, no final stop."""
    text = text.strip().rstrip(". ")
    first = text.split(" ", 1)[0] if text else ""
    keep = {"Nhân", "Đảng", "Nhà", "Ủy", "Ban", "Hội", "Đoàn", "Mặt", "Chi", "Thôn", "Bản", "Khu", "UBND", "MTTQ",
            "HĐND", "Bác", "Công"}
    if not first or first in keep or first.isupper():
        return text
    return text[:1].lower() + text[1:]
