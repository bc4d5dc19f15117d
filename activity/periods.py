"""Period maths: the span a figure covers, and reading the ways officials write it.

Pure functions only (no pandas, no I/O). Rules callers rely on:

* A ``Period`` is a closed date range ``start..end`` with a granularity from ``GRANULARITIES``.
* Year-to-date spans ("9 місяців 2019") are kept as their own ``custom`` period with
  ``cumulative=True``; they are never split into months or added to monthly figures.
  Any range from 1 January to the end of a month of the same year is such a span, unless it is
  exactly a quarter, half-year or year ("6 місяців 2019" is read as the first half-year).
* A single date (``date``/``datetime``, "2021-03-15", "15.03.2021", an Excel serial) is read as
  the MONTH that contains it: spreadsheets store month headers as the first of the month.
* Whole numbers 1000..2999 (int or float) are years; other numbers in 60..2958465 are Excel serials.
* A range from the 1st of a month to the 1st of a later month ("з 01.07 по 01.10.2019") means
  "up to 1 October": its end is exclusive, so it reads as 2019-07-01..2019-09-30 (a quarter).
  A start date without a year takes the end's year, or the year before if it would fall after
  the end. Month-name ranges ("січень-вересень 2019") cover whole months.
* A label without a year ("Січень", "І квартал") needs ``year=``; a year in the text wins.
"""

from __future__ import annotations

import math
import numbers
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

GRANULARITIES = ("month", "quarter", "half_year", "year", "week", "custom")

MONTH_NAMES_UK = tuple(
    "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад "
    "грудень".split()
)
MONTH_NAMES_UK_GENITIVE = tuple(
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня".split()
)
MONTH_NAMES_UK_LOCATIVE = tuple(
    "січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні".split()
)
MONTH_ABBR_UK = tuple("січ. лют. бер. квіт. трав. черв. лип. серп. вер. жовт. лист. груд.".split())
MONTH_NAMES_EN = tuple(
    "January February March April May June July August September October November December".split()
)

_MONTH_WORDS = {"sept": 9}
for _table in (MONTH_NAMES_UK, MONTH_NAMES_UK_GENITIVE, MONTH_NAMES_UK_LOCATIVE, MONTH_ABBR_UK):
    _MONTH_WORDS.update((name.rstrip("."), i) for i, name in enumerate(_table, start=1))
for _i, _name in enumerate(MONTH_NAMES_EN + MONTH_NAMES_UK, start=1):
    _MONTH_WORDS.update({_name.lower(): (_i - 1) % 12 + 1, _name[:3].lower(): (_i - 1) % 12 + 1})


def _numbered(words: str) -> dict[str, int]:
    """ "a b|c d" -> {"a": 1, "b": 1, "c": 2, "d": 2}: numbered groups of synonyms."""
    return {w: i for i, group in enumerate(words.split("|"), start=1) for w in group.split()}


_ORDINALS = _numbered(
    "i перший перше першого first|ii другий друге другого second|iii третій третє третього third"
    "|iv четвертий четверте четвертого fourth|v|vi"
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
_EXCEL_MAX_SERIAL = 2958465  # 9999-12-31
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'"})


class PeriodError(ValueError):
    """A period that cannot be read or built; ``str()`` is the Ukrainian message."""

    def __init__(self, message_uk: str, message_en: str | None = None) -> None:
        super().__init__(message_uk)
        self.message_uk = message_uk
        self.message_en = message_en or message_uk


def _month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _shift_months(d: date, n: int) -> date:
    """Move ``d`` by ``n`` months; a month end stays a month end, other days are clamped."""
    total = d.year * 12 + d.month - 1 + n
    year, month = divmod(total, 12)
    month += 1
    last = _month_end(year, month).day
    if d == _month_end(d.year, d.month):
        return date(year, month, last)
    return date(year, month, min(d.day, last))


@dataclass(frozen=True, order=True)
class Period:
    """A closed span of dates with its granularity; see the module docstring for the rules."""

    start: date
    end: date
    granularity: str
    cumulative: bool = False

    def __post_init__(self) -> None:
        if self.granularity not in GRANULARITIES:
            raise PeriodError(
                f"Невідома гранулярність періоду «{self.granularity}»",
                f"Unknown period granularity {self.granularity!r}",
            )
        if not isinstance(self.start, date) or not isinstance(self.end, date):
            raise PeriodError(
                "Початок і кінець періоду мають бути датами", "Period start and end must be dates"
            )
        if self.start > self.end:
            raise PeriodError(
                f"Період починається ({self.start}) після кінця ({self.end})",
                f"Period starts ({self.start}) after it ends ({self.end})",
            )

    @property
    def months(self) -> tuple[tuple[int, int], ...]:
        """(year, month) of every calendar month fully inside the period (coverage only)."""
        out = []
        y, m = self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            if date(y, m, 1) >= self.start and _month_end(y, m) <= self.end:
                out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return tuple(out)

    @property
    def n_months(self) -> int:
        return len(self.months)

    @property
    def key(self) -> str:
        s = self.start
        if self.granularity == "month":
            return f"{s.year:04d}-{s.month:02d}"
        if self.granularity == "quarter":
            return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
        if self.granularity == "half_year":
            return f"{s.year:04d}-H{(s.month - 1) // 6 + 1}"
        if self.granularity == "year":
            return f"{s.year:04d}"
        if self.granularity == "week":
            iso = s.isocalendar()
            return f"{iso.year:04d}-W{iso.week:02d}"
        return f"{s.isoformat()}..{self.end.isoformat()}"

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end


def _build(start_args: tuple[int, int, int], end_args: tuple[int, int], gran: str) -> Period:
    try:
        return Period(date(*start_args), _month_end(*end_args), gran)
    except (ValueError, OverflowError) as exc:
        if isinstance(exc, PeriodError):
            raise
        raise PeriodError(
            f"Неможливий період: {start_args[:2]} ({gran})",
            f"Impossible period: {start_args[:2]} ({gran})",
        ) from None


def month_period(year: int, month: int) -> Period:
    if not 1 <= month <= 12:
        raise PeriodError(
            f"Місяця {month} не існує (має бути 1–12)",
            f"Month {month} does not exist (must be 1-12)",
        )
    return _build((year, month, 1), (year, month), "month")


def quarter_period(year: int, q: int) -> Period:
    if not 1 <= q <= 4:
        raise PeriodError(
            f"Кварталу {q} не існує (має бути І–IV)", f"Quarter {q} does not exist (must be 1-4)"
        )
    return _build((year, 3 * q - 2, 1), (year, 3 * q), "quarter")


def half_year_period(year: int, h: int) -> Period:
    if h not in (1, 2):
        raise PeriodError(
            f"Півріччя {h} не існує (має бути І або ІІ)",
            f"Half-year {h} does not exist (must be 1 or 2)",
        )
    return _build((year, 6 * h - 5, 1), (year, 6 * h), "half_year")


def year_period(year: int) -> Period:
    return _build((year, 1, 1), (year, 12), "year")


def week_period(year: int, week: int) -> Period:
    """ISO week ``week`` of ISO year ``year`` (Monday..Sunday)."""
    try:
        start = date.fromisocalendar(year, week, 1)
    except ValueError:
        raise PeriodError(
            f"Тижня {week} у {year} році не існує", f"Week {week} of {year} does not exist"
        ) from None
    return Period(start, start + timedelta(days=6), "week")


def period_from_range(start: date, end: date) -> Period:
    """Snap a date range to month/quarter/half_year/year when it is exactly one, else custom."""
    if start > end:
        raise PeriodError(
            f"Період починається ({start}) після кінця ({end})",
            f"Period starts ({start}) after it ends ({end})",
        )
    if start.day == 1 and end == _month_end(end.year, end.month) and start.year == end.year:
        m1, m2 = start.month, end.month
        if m1 == m2:
            return Period(start, end, "month")
        if m1 % 3 == 1 and m2 == m1 + 2:
            return Period(start, end, "quarter")
        if m1 % 6 == 1 and m2 == m1 + 5:
            return Period(start, end, "half_year")
        if (m1, m2) == (1, 12):
            return Period(start, end, "year")
        if m1 == 1:
            return Period(start, end, "custom", cumulative=True)
    return Period(start, end, "custom")


def excel_serial_to_date(serial: float, *, date1904: bool = False) -> date:
    """Date of an Excel serial; the time of day is dropped.

    1900 system: serial 1 is 1900-01-01; Excel's fictitious 1900-02-29 (serial 60) is read as
    1900-02-28, so a month header stays in February. 1904 system: serial 0 is 1904-01-01.
    """
    if (
        isinstance(serial, bool)
        or not isinstance(serial, numbers.Real)
        or not math.isfinite(serial)
    ):
        raise PeriodError(f"«{serial}» не є датою Excel", f"{serial!r} is not an Excel date")
    n = math.floor(serial)
    if date1904:
        if not 0 <= n <= _EXCEL_MAX_SERIAL - 1462:
            raise PeriodError(
                f"Число {serial} поза межами дат Excel", f"{serial} is outside Excel's date range"
            )
        return date(1904, 1, 1) + timedelta(days=n)
    if not 1 <= n <= _EXCEL_MAX_SERIAL:
        raise PeriodError(
            f"Число {serial} поза межами дат Excel", f"{serial} is outside Excel's date range"
        )
    if n < 60:
        return date(1899, 12, 31) + timedelta(days=n)
    if n == 60:
        return date(1900, 2, 28)
    return date(1899, 12, 30) + timedelta(days=n)


def previous_period(p: Period) -> Period:
    """The equivalent period just before ``p``; a year-to-date span goes back one year."""
    if p.granularity == "week":
        return Period(p.start - timedelta(days=7), p.end - timedelta(days=7), "week")
    if p.cumulative:
        return same_period_last_year(p)
    step = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}.get(p.granularity)
    if step is None and p.start.day == 1 and p.end == _month_end(p.end.year, p.end.month):
        step = (p.end.year - p.start.year) * 12 + p.end.month - p.start.month + 1
    if step is None:
        length = p.end - p.start + timedelta(days=1)
        return Period(p.start - length, p.end - length, "custom")
    start = _shift_months(p.start, -step)
    end = _shift_months(p.end, -step)
    if p.granularity != "custom":
        return Period(start, end, p.granularity)
    return period_from_range(start, end)


def same_period_last_year(p: Period) -> Period:
    """The same span one year earlier (ISO week 53 falls back to week 52)."""
    if p.granularity == "week":
        iso = p.start.isocalendar()
        try:
            return week_period(iso.year - 1, iso.week)
        except PeriodError:
            return week_period(iso.year - 1, 52)
    start, end = _shift_months(p.start, -12), _shift_months(p.end, -12)
    if p.granularity != "custom":
        return Period(start, end, p.granularity)
    return period_from_range(start, end)


_KEY_PATTERNS = (
    (re.compile(r"(\d{4})"), lambda m: year_period(int(m[1]))),
    (re.compile(r"(\d{4})-(\d{2})"), lambda m: month_period(int(m[1]), int(m[2]))),
    (re.compile(r"(\d{4})-Q(\d)"), lambda m: quarter_period(int(m[1]), int(m[2]))),
    (re.compile(r"(\d{4})-H(\d)"), lambda m: half_year_period(int(m[1]), int(m[2]))),
    (re.compile(r"(\d{4})-W(\d{2})"), lambda m: week_period(int(m[1]), int(m[2]))),
    (
        re.compile(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})"),
        lambda m: period_from_range(date.fromisoformat(m[1]), date.fromisoformat(m[2])),
    ),
)


def period_from_key(key: str) -> Period:
    """Inverse of ``Period.key`` (exact format only)."""
    for pattern, build in _KEY_PATTERNS:
        m = pattern.fullmatch(key.strip()) if isinstance(key, str) else None
        if m:
            try:
                return build(m)
            except ValueError as exc:
                if isinstance(exc, PeriodError):
                    raise
                break
    raise PeriodError(f"Невідомий ключ періоду «{key}»", f"Unknown period key {key!r}")


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
        (_WORD_NUM + r"(?:півріччя|півр\.?|half(?:-year)?)\s*(\d{4})?", "half"),
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


def _read_text(text: str, year: int | None) -> Period:
    s = re.sub(r"\s+", " ", text.translate(_APOSTROPHES)).strip().lower()
    s = re.sub(r"^(?:за|у|в|протягом)\s+(?:період\s+)?", "", s)
    s = re.sub(r"(?<=\d)\s*(?:року|рік|р\.?)\s*\.?$", "", s)
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
