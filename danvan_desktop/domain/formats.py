"""Vietnamese dates, date lines and numbers, all through babel.

The Party rule for date lines: a leading zero for days 1–9 and for months 1 and 2 only
("ngày 05 tháng 01 năm 2026", "ngày 16 tháng 3 năm 2023").
"""

from __future__ import annotations

import datetime as dt

from danvan_desktop.domain.i18n import _, language

LOCALES = {"vi": "vi_VN", "en": "en_GB"}


# babel is imported by the first date or number written, not with this module: the window's first paint
# shows none (its figures come after), and babel's modules are a tenth of a bare window's start.
def format_date(*args, **kwargs) -> str:
    from babel.dates import format_date as babel_format_date
    return babel_format_date(*args, **kwargs)


def format_decimal(*args, **kwargs) -> str:
    from babel.numbers import format_decimal as babel_format_decimal
    return babel_format_decimal(*args, **kwargs)


def format_percent(*args, **kwargs) -> str:
    from babel.numbers import format_percent as babel_format_percent
    return babel_format_percent(*args, **kwargs)


def _locale() -> str:
    return LOCALES.get(language(), "vi_VN")


def document_date(day: dt.date) -> str:
    """'ngày 05 tháng 01 năm 2026' — the date as it stands on a document (always Vietnamese)."""
    month_pattern = "MM" if day.month <= 2 else "M"
    return format_date(day, f"'ngày' dd 'tháng' {month_pattern} 'năm' y", locale="vi_VN")


def date_line(place: str, day: dt.date) -> str:
    """'Yên Phú, ngày 16 tháng 3 năm 2023'."""
    return f"{place.strip()}, {document_date(day)}"


def short_date(day: dt.date | None) -> str:
    """dd/MM/yyyy as officers write it; empty for no date."""
    if day is None:
        return ""
    return format_date(day, "dd/MM/yyyy", locale=_locale())


def parse_short_date(text: str) -> dt.date:
    """Read dd/MM/yyyy, d/M/yyyy or ISO yyyy-mm-dd; raises ValueError with a Vietnamese message."""
    text = text.strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(_("Ngày «{text}» không hợp lệ; hãy viết theo dạng ngày/tháng/năm, ví dụ 05/01/2026.")
                     .format(text=text))


def number(value: float, digits: int | None = None) -> str:
    """1.234 / 1.234,5 in Vietnamese."""
    if digits is not None:
        fmt = "#,##0." + "0" * digits if digits else "#,##0"
        return format_decimal(value, format=fmt, locale=_locale())
    return format_decimal(value, locale=_locale())


def percent(ratio: float, digits: int = 2) -> str:
    """0.8548 → '85,48%'; a whole percentage without decimals, as officers write it: 1 → '100%'."""
    if digits and round(ratio * 100, digits) == round(ratio * 100):
        digits = 0
    fmt = "#,##0." + "0" * digits + "%" if digits else "#,##0%"
    return format_percent(ratio, format=fmt, locale=_locale())


def month_label(year: int, month: int) -> str:
    """'tháng 10 năm 2026' / 'October 2026'."""
    return _("tháng {month} năm {year}").format(month=month, year=year)


def timestamp(moment: dt.datetime) -> str:
    """dd/MM/yyyy HH:mm in local time."""
    return format_date(moment.date(), "dd/MM/yyyy", locale=_locale()) + moment.strftime(" %H:%M")
