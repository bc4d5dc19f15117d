"""Display formatting of numbers, percentages, periods and dates, Ukrainian first.

Rules callers rely on:

* Missing values (``None``, NaN) print as an em dash "—", never as 0.
* ``decimals`` is the most decimals shown (default 1); trailing zeros are dropped, so whole
  numbers never show ",0" / ".0". Ukrainian output groups thousands with NBSP (U+00A0), uses a
  decimal comma and the minus sign U+2212; English uses "," for thousands, "." and "-".
* ``format_percent`` takes percentage points (12.5 means 12.5 %) and always signs non-zero values.
* Ukrainian Roman numerals use Cyrillic І (U+0406): "І", "ІІ", "ІІІ", "ІV".
"""

from __future__ import annotations

import math
from datetime import date, datetime

from activity.periods import (
    MONTH_ABBR_UK,
    MONTH_NAMES_EN,
    MONTH_NAMES_UK,
    MONTH_NAMES_UK_GENITIVE,
    Period,
)

__all__ = [
    "MONTH_NAMES_EN",
    "MONTH_NAMES_UK",
    "MONTH_NAMES_UK_GENITIVE",
    "format_date",
    "format_number",
    "format_percent",
    "period_label",
]

DASH = "—"
NBSP = "\u00a0"
ROMAN_UK = ("І", "ІІ", "ІІІ", "ІV")
LANGS = ("uk", "en")


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"Unknown language {lang!r}; expected one of {LANGS}")


def _missing(value: float | int | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _plain(value: float | int, lang: str, decimals: int | None) -> str:
    """Unsigned digits of ``abs(value)`` with grouping and the decimal mark of ``lang``."""
    places = 1 if decimals is None else max(decimals, 0)
    if isinstance(value, int):
        text = f"{abs(value):,}"
    else:
        text = f"{abs(value):,.{places}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    if lang == "uk":
        text = text.replace(",", NBSP).replace(".", ",")
    return text


def format_number(value: float | int | None, lang: str = "uk", decimals: int | None = None) -> str:
    """ "1 546" / "3,5" in Ukrainian, "1,546" / "3.5" in English, "—" when missing."""
    _check_lang(lang)
    if _missing(value):
        return DASH
    text = _plain(value, lang, decimals)
    negative = value < 0 and text.strip("0,." + NBSP) != ""
    if negative:
        return ("−" if lang == "uk" else "-") + text
    return text


def format_percent(value: float | None, lang: str = "uk") -> str:
    """A change in percentage points: "+12,5 %" (uk, NBSP before %) or "+12.5%" (en)."""
    _check_lang(lang)
    if _missing(value):
        return DASH
    text = _plain(value, lang, None)
    zero = text.strip("0,." + NBSP) == ""
    sign = "" if zero else ("+" if value > 0 else ("−" if lang == "uk" else "-"))
    return f"{sign}{text}{NBSP}%" if lang == "uk" else f"{sign}{text}%"


def format_date(d: date | None, lang: str = "uk") -> str:
    """ "01.10.2019" in Ukrainian, ISO "2019-10-01" in English, "—" when missing."""
    _check_lang(lang)
    if d is None:
        return DASH
    if isinstance(d, datetime):
        d = d.date()
    return d.strftime("%d.%m.%Y") if lang == "uk" else d.isoformat()


def _months_word_uk(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "місяць"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "місяці"
    return "місяців"


def period_label(p: Period, lang: str = "uk", short: bool = False) -> str:
    """Human label of a period, e.g. "ІІІ квартал 2019" / "ІІІ кв. 2019" / "Q3 2019"."""
    _check_lang(lang)
    s, year = p.start, p.start.year
    uk = lang == "uk"
    if p.granularity == "month":
        if uk:
            return f"{(MONTH_ABBR_UK if short else MONTH_NAMES_UK)[s.month - 1]} {year}"
        name = MONTH_NAMES_EN[s.month - 1]
        return f"{name[:3] if short else name} {year}"
    if p.granularity == "quarter":
        q = (s.month - 1) // 3 + 1
        if uk:
            return f"{ROMAN_UK[q - 1]} {'кв.' if short else 'квартал'} {year}"
        return f"Q{q} {year}"
    if p.granularity == "half_year":
        h = (s.month - 1) // 6 + 1
        if uk:
            return f"{ROMAN_UK[h - 1]} {'півр.' if short else 'півріччя'} {year}"
        return f"H{h} {year}"
    if p.granularity == "year":
        return f"{year} рік" if uk and not short else str(year)
    if p.granularity == "week":
        iso = s.isocalendar()
        if uk:
            return f"{'тиж.' if short else 'тиждень'} {iso.week}, {iso.year}"
        return f"W{iso.week:02d} {iso.year}" if short else f"week {iso.week}, {iso.year}"
    if p.cumulative:
        n = p.n_months
        if uk:
            return f"{n} {'міс.' if short else _months_word_uk(n)} {year}"
        return f"{n} months {year}"
    if uk:
        return f"{format_date(p.start)}–{format_date(p.end)}"
    return f"{p.start.isoformat()} – {p.end.isoformat()}"
