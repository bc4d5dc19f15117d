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

from activity.i18n import pick, plural, translator
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
T = {  # a period's label by granularity, and its short form
    "quarter": ("{n} квартал {year}", "Q{n} {year}"),
    "quarter_short": ("{n} кв. {year}", "Q{n} {year}"),
    "half_year": ("{n} півріччя {year}", "H{n} {year}"),
    "half_year_short": ("{n} півр. {year}", "H{n} {year}"),
    "year": ("{year} рік", "{year}"),
    "week": ("тиждень {week}, {year}", "week {week}, {year}"),
    "week_short": ("тиж. {week}, {year}", "W{week:02d} {year}"),
    "months_one": ("{n} місяць {year}", "{n} months {year}"),
    "months_few": ("{n} місяці {year}", "{n} months {year}"),
    "months_many": ("{n} місяців {year}", "{n} months {year}"),
    "months_short": ("{n} міс. {year}", "{n} months {year}"),
    "span": ("{start}–{end}", "{start} – {end}"),
}


t = translator(T)


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


def period_label(p: Period, lang: str = "uk", short: bool = False) -> str:
    """Human label of a period, e.g. "ІІІ квартал 2019" / "ІІІ кв. 2019" / "Q3 2019"."""
    _check_lang(lang)
    s, year, form = p.start, p.start.year, "_short" if short else ""
    if p.granularity == "month":
        en = MONTH_NAMES_EN[s.month - 1]
        return f"{pick((MONTH_ABBR_UK if short else MONTH_NAMES_UK)[s.month - 1], en[:3] if short else en, lang)} {year}"
    if p.granularity in ("quarter", "half_year"):
        n = (s.month - 1) // (3 if p.granularity == "quarter" else 6) + 1
        return t(p.granularity + form, lang, n=pick(ROMAN_UK[n - 1], str(n), lang), year=year)
    if p.granularity == "year":
        return str(year) if short else t("year", lang, year=year)
    if p.granularity == "week":
        iso = s.isocalendar()
        return t("week" + form, lang, week=iso.week, year=iso.year)
    if p.cumulative:
        n = p.n_months
        return t("months_short" if short else f"months_{plural(n, lang)}", lang, n=n, year=year)
    return t("span", lang, start=format_date(p.start, lang), end=format_date(p.end, lang))
