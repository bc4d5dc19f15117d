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
* ``activity.period_text.parse_period`` reads a period from text, a date or a number (its docstring
  has the rules for ranges and labels).
"""

from __future__ import annotations

import math
import numbers
import re
from dataclasses import dataclass
from datetime import date, timedelta

from activity.months import MONTH_ABBR_UK as MONTH_ABBR_UK  # re-exported: callers import them here
from activity.months import MONTH_NAMES_EN as MONTH_NAMES_EN
from activity.months import MONTH_NAMES_UK as MONTH_NAMES_UK
from activity.months import MONTH_NAMES_UK_GENITIVE as MONTH_NAMES_UK_GENITIVE
from activity.months import MONTH_NAMES_UK_LOCATIVE as MONTH_NAMES_UK_LOCATIVE

GRANULARITIES = ("month", "quarter", "half_year", "year", "week", "custom")

_EXCEL_MAX_SERIAL = 2958465  # 9999-12-31


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
