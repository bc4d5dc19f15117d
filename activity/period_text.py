"""Reading a period from the ways officials write it: ``parse_period`` (a label, a date, a year, an
Excel date serial). Rules for text beyond those in the ``activity.periods`` docstring:

* A range from the 1st of a month to the 1st of a later month ("з 01.07 по 01.10.2019") means
  "up to 1 October": its end is exclusive, so it reads as 2019-07-01..2019-09-30 (a quarter).
  A start date without a year takes the end's year, or the year before if it would fall after
  the end. Month-name ranges ("січень-вересень 2019") cover whole months.
* A label without a year ("Січень", "І квартал") needs ``year=``; a year in the text wins.
* A side of a range that is a bare day ("з 1 по 7 листопада 2025", "10–16.03.2025") takes the
  other side's month and year. A range of exactly Monday to Sunday is that ISO week ("за тиждень
  10–16.03.2025"); any other range of days is a custom period ("з 1 по 14 березня").
* Lead words report titles put before a period are dropped: "за", "у"/"в", "протягом",
  "упродовж", "впродовж", "за тиждень", "за період", "звітний"; "у 2023 році" is the year, as are
  "за рік 2023" and "2023-го року"; "березень місяць" is March; "у першому півріччі" the first half;
  "за півроку" the first half; "за три квартали" nine months.
* "станом на 1 січня 2023 року" (a snapshot) is that one day: a custom period starting and ending
  on it (``snapshot_date`` reads the date alone).
"""

from __future__ import annotations

import math
import numbers
import re
from datetime import date, datetime, timedelta

from activity.months import (
    MONTH_ABBR_UK,
    MONTH_NAMES_EN,
    MONTH_NAMES_UK,
    MONTH_NAMES_UK_GENITIVE,
    MONTH_NAMES_UK_INSTRUMENTAL,
    MONTH_NAMES_UK_LOCATIVE,
)
from activity.periods import (
    _EXCEL_MAX_SERIAL,
    Period,
    PeriodError,
    _month_end,
    excel_serial_to_date,
    half_year_period,
    month_period,
    period_from_range,
    quarter_period,
    week_period,
    year_period,
)

_MONTH_WORDS = {"sept": 9}
for _table in (MONTH_NAMES_UK, MONTH_NAMES_UK_GENITIVE, MONTH_NAMES_UK_LOCATIVE, MONTH_NAMES_UK_INSTRUMENTAL,
               MONTH_ABBR_UK):
    _MONTH_WORDS.update((name.rstrip("."), i) for i, name in enumerate(_table, start=1))
for _i, _name in enumerate(MONTH_NAMES_EN + MONTH_NAMES_UK, start=1):
    _MONTH_WORDS.update({_name.lower(): (_i - 1) % 12 + 1, _name[:3].lower(): (_i - 1) % 12 + 1})


def _numbered(words: str) -> dict[str, int]:
    """ "a b|c d" -> {"a": 1, "b": 1, "c": 2, "d": 2}: numbered groups of synonyms."""
    return {w: i for i, group in enumerate(words.split("|"), start=1) for w in group.split()}


_ORDINALS = _numbered(
    "i перший перше першого першому first|ii другий друге другого другому second"
    "|iii третій третє третього третьому third|iv четвертий четверте четвертого четвертому fourth|v|vi"
)
_COUNT_WORDS = _numbered(
    "один|два дві|три|чотири|п'ять|шість|сім|вісім|дев'ять|десять|одинадцять|дванадцять"
)

_EXAMPLES_UK = (
    "«березень 2021», «ІІІ квартал 2019», «І півріччя 2022», «2017 рік», "
    "«9 місяців 2019», «з 01.07 по 30.09.2019», «2021-03», «2019-Q3»"
)
_EXAMPLES_EN = (
    '"March 2021", "Q3 2019", "H1 2022", "2017", "9 months 2019", '
    '"01.07.2019 - 30.09.2019", "2021-03", "2021-W10"'
)
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'"})


_RANGE_SEPARATORS = (r"\s+(?:по|до|to)\s+", r"\s*[–—]\s*", r"\s*\.\.\s*", r"\s+-\s+", r"-")
_DAY = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2}))?"
    r"|(\d{1,2})\s+([^\W\d_]+)\.?(?:\s+(\d{4}))?"
)
_WORD_NUM = r"([\w']+?)(?:-(?:й|ий|го|е|ше|ге))?\s*"
_TEXT_PATTERNS = tuple(
    (re.compile(p), kind)
    for p, kind in (
        (r"(\d{4})", "year"),
        (r"(\d{4})-(\d{1,2})", "iso_month"),
        (r"(\d{1,2})[./](\d{4})", "month_year"),
        (r"(?:(\d{4})\s*-?\s*)?q(\d)(?:\s*-?\s*(\d{4}))?", "q"),
        (r"(?:(\d{4})\s*-?\s*)?h(\d)(?:\s*-?\s*(\d{4}))?", "h"),
        (_WORD_NUM + r"(?:квартал\w*|кв\.?|quarter)\s*(\d{4})?", "quarter"),
        (_WORD_NUM + r"(?:півріччя|півріччі|півр\.?|half(?:-year)?)\s*(\d{4})?", "half"),
        (r"(\d{4})-?w(\d{1,2})", "iso_week"),
        (r"(?:тиждень|тиж\.?|week|w)\s*(\d{1,2}),?\s*(\d{4})", "week"),
        (r"([\w']+)\s*(?:місяц\w*|міс\.?|months?)\s*(\d{4})?", "months"),
        (r"([^\W\d_]+)\.?\s*,?\s*(\d{4})?", "month_word"),
    )
)


def _ordinal(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    token = token.replace("і", "i") if set(token) <= set("iіv") else token
    return _ORDINALS.get(token)


def _with_year(found: str | None, year: int | None, text: str) -> int:
    if found:
        return int(found)
    if year is None:
        raise PeriodError(
            f"У періоді «{text}» не вказано рік (має бути, наприклад, "
            f"«березень 2021» або «з 01.07 по 30.09.2019»)",
            f'The period {text!r} has no year (write e.g. "March 2021" '
            f'or "01.07.2019 - 30.09.2019")',
        )
    return year


def _parse_day(side: str) -> tuple[int | None, int, int] | None:
    m = _DAY.fullmatch(side.strip())
    if not m:
        return None
    if m[1]:
        return int(m[1]), int(m[2]), int(m[3])
    if m[4]:
        y = m[6] and int(m[6]) + (2000 if len(m[6]) == 2 else 0)
        return y or None, int(m[5]), int(m[4])
    month = _MONTH_WORDS.get(m[8])
    return (int(m[9]) if m[9] else None, month, int(m[7])) if month else None


def _parse_month_side(side: str, day: int) -> tuple[int | None, int, int] | None:
    """ "вересня 2019" -> (2019, 9, day): one end of a range of whole months."""
    m = re.fullmatch(r"([^\W\d_]+)\.?(?:\s+(\d{4}))?", side.strip())
    month = _MONTH_WORDS.get(m[1]) if m else None
    return (int(m[2]) if m[2] else None, month, day) if month else None


def _parse_range(s: str, text: str, year: int | None) -> Period | None:
    s = re.sub(r"^(?:з|із|від|from)\s+", "", s)
    for sep in _RANGE_SEPARATORS:
        parts = re.split(sep, s, maxsplit=1)
        if len(parts) != 2:
            continue
        a, b = _parse_day(parts[0]), _parse_day(parts[1])
        if b and not a and re.fullmatch(r"\d{1,2}", parts[0].strip()):
            a = (b[0], b[1], int(parts[0]))  # "з 1 по 7 листопада": the start takes the end's month
        if a and b:
            break
        a, b = _parse_month_side(parts[0], 1), _parse_month_side(parts[1], 0)
        if a and b:  # "січень-вересень 2019": whole months, day 0 stands for the month's end
            break
    else:
        return None
    try:
        end_year = b[0] if b[0] is not None else _with_year(None, year, text)
        end = date(end_year, b[1], b[2]) if b[2] else _month_end(end_year, b[1])
        start = date(end.year if a[0] is None else a[0], a[1], a[2])
        if a[0] is None and start > end:
            start = date(end.year - 1, a[1], a[2])
    except ValueError as exc:
        if isinstance(exc, PeriodError):
            raise
        raise PeriodError(
            f"У періоді «{text}» неможлива дата", f"The period {text!r} contains an impossible date"
        ) from None
    if start.day == 1 and end.day == 1 and (end.year, end.month) > (start.year, start.month):
        end -= timedelta(days=1)  # "з 01.07 по 01.10" means up to 1 October
    if start.weekday() == 0 and end - start == timedelta(days=6):
        iso = start.isocalendar()
        return week_period(iso.year, iso.week)
    return period_from_range(start, end)


def _parse_text(text: str, year: int | None) -> Period:
    try:
        return _read_text(text, year)
    except PeriodError as exc:
        if f"«{text}»" in exc.message_uk:
            raise
        raise PeriodError(
            f"Період «{text}»: {exc.message_uk}", f"Period {text!r}: {exc.message_en}"
        ) from None
    except (ValueError, OverflowError):
        raise PeriodError(
            f"Період «{text}» містить неможливу дату",
            f"The period {text!r} contains an impossible date",
        ) from None


_SNAPSHOT = re.compile(r"^(?:станом\s+)?на\s+(.+?)(?:\s*(?:року|р\.?))?\.?$")


def snapshot_date(text: str, year: int | None = None) -> date | None:
    """The day of a snapshot label ("станом на 1 січня 2023 року", "станом на 01.01.2023"), else None."""
    s = re.sub(r"\s+", " ", text.translate(_APOSTROPHES)).strip().lower()
    m = _SNAPSHOT.fullmatch(s) if s.startswith("станом") else None
    day = _parse_day(m[1]) if m else None
    if not day or (day[0] is None and year is None):
        return None
    try:
        return date(day[0] if day[0] is not None else year, day[1], day[2])
    except ValueError:
        return None


def _read_text(text: str, year: int | None) -> Period:
    s = re.sub(r"\s+", " ", text.translate(_APOSTROPHES)).strip().lower()
    if s.startswith("станом"):
        d = snapshot_date(s, year)
        if d is None:
            raise PeriodError(f"Не вдалося прочитати дату «{text}»", f"Cannot read the date {text!r}")
        return Period(d, d, "custom")
    s = re.sub(r"^(?:за|у|в|протягом|упродовж|впродовж)\s+(?:тиждень\s+|період\s+)?(?:\(\s*)?", "", s)
    s = re.sub(r"\)$", "", s).strip()
    s = re.sub(r"^(?:звітн\w+|календарн\w+|бюджетн\w+)\s+", "", s)  # "за звітний 2023 рік"
    s = re.sub(r"^(?:рік|року)\s+(?=\d{4}$)", "", s)  # "за рік 2023"
    s = re.sub(r"^(?:пів\s*року|півроку)(?=\s|$)", "і півріччя", s)  # "за півроку 2024 року": its first half
    s = re.sub(r"^(?:три|3)\s+квартали(?=\s|$)", "9 місяців", s)  # "за три квартали" (not "3 квартал"): nine months
    s = re.sub(r"^([^\W\d_]+)\s+місяц\w*(?=\s+\d{4})",  # "за березень місяць 2024 року"
               lambda m: m[1] if m[1] in _MONTH_WORDS else m[0], s)
    s = re.sub(r"(?<=\d{4})-?(?:го|й)\b", "", s)  # "2024-го року"
    s = re.sub(r"(?<=\d)\s*(?:року|рік|році|р\.?)\s*\.?$", "", s)
    s = re.sub(r"(?<=\d)\.$", "", s).strip()
    for pattern, kind in _TEXT_PATTERNS:
        m = pattern.fullmatch(s)
        if not m:
            continue
        if kind == "year":
            return year_period(int(m[1]))
        if kind == "iso_month":
            return month_period(int(m[1]), int(m[2]))
        if kind == "month_year":
            return month_period(int(m[2]), int(m[1]))
        if kind in ("q", "h"):
            y = _with_year(m[1] or m[3], year, text)
            return (quarter_period if kind == "q" else half_year_period)(y, int(m[2]))
        if kind in ("quarter", "half") and (n := _ordinal(m[1])) is not None:
            y = _with_year(m[2], year, text)
            return (quarter_period if kind == "quarter" else half_year_period)(y, n)
        if kind in ("iso_week", "week"):
            w, y = (m[2], m[1]) if kind == "iso_week" else (m[1], m[2])
            return week_period(int(y), int(w))
        if kind == "months":
            n = int(m[1]) if m[1].isdigit() else _COUNT_WORDS.get(m[1])
            if n is not None and 1 <= n <= 12:
                y = _with_year(m[2], year, text)
                return period_from_range(date(y, 1, 1), _month_end(y, n))
        if kind == "month_word" and m[1] in _MONTH_WORDS:
            return month_period(_with_year(m[2], year, text), _MONTH_WORDS[m[1]])
    day = _parse_day(s)
    if day and day[0] is not None:
        return month_period(day[0], day[1])
    found = _parse_range(s, text, year)
    if found is not None:
        return found
    raise PeriodError(
        f"Не вдалося розпізнати період «{text}». Приклади: {_EXAMPLES_UK}",
        f"Cannot read the period {text!r}. Examples: {_EXAMPLES_EN}",
    )


def parse_period(value: object, *, year: int | None = None, date1904: bool = False) -> Period:
    """Read a period as officials write it; raises ``PeriodError`` for anything else."""
    if isinstance(value, Period):
        return value
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return month_period(value.year, value.month)
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        value = float(value)
        if math.isfinite(value) and value == int(value) and 1000 <= value <= 2999:
            return year_period(int(value))
        if math.isfinite(value) and 59 < value <= _EXCEL_MAX_SERIAL:
            d = excel_serial_to_date(value, date1904=date1904)
            return month_period(d.year, d.month)
    elif isinstance(value, str):
        return _parse_text(value, year)
    raise PeriodError(
        f"Не вдалося розпізнати період «{value}». Приклади: {_EXAMPLES_UK}",
        f"Cannot read the period {value!r}. Examples: {_EXAMPLES_EN}",
    )
