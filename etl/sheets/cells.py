"""Turn one cell into a value, a date or a problem: the rules both layouts share.

Empty is "not reported" (no figure), 0 is a reported zero, "н/з" is "not applicable". A dash is
read as not reported with a warning. Text that is not a number, a logical value, an Excel error,
a formula that was never calculated, a negative or a fractional count are errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from activity.catalog import Metric
from activity.numbers import NumberError, parse_number
from activity.periods import PeriodError, excel_serial_to_date
from etl.figures import NOT_APPLICABLE, REPORTED

NOT_APPLICABLE_MARKS = {"н/з", "н/з.", "не застосовується", "n/a", "na", "не застосовно"}
DASHES = {"-", "–", "—", "−"}
EXCEL_ERROR = re.compile(r"^#(DIV/0!|N/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA)$", re.I)
TRUE_WORDS = {"так", "true", "1", "yes", "y", "+", "~", "приблизно", "≈"}
FALSE_WORDS = {"ні", "false", "0", "no", "n", ""}


@dataclass(frozen=True)
class CellValue:
    value: float | None
    status: str
    approximate: bool


class CellProblem(Exception):
    """A problem with a cell: `key` and `params` for etl.problems.Problem; `warning` if not fatal."""

    def __init__(self, key: str, warning: bool = False, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.warning = warning
        self.params = params


def read_value(raw: object, metric: Metric, *, uncalculated: bool = False) -> CellValue | None:
    """A figure's value from a cell; None when nothing is reported. Raises CellProblem."""
    if uncalculated:
        raise CellProblem("formula_no_value")
    if raw is None:
        return None
    if type(raw) is int and metric.unit == "count":  # the common case, without the general parser
        if raw < 0:
            raise CellProblem("negative_count", found=str(raw), metric=metric.label_uk)
        return CellValue(float(raw), REPORTED, False)
    if isinstance(raw, bool):
        raise CellProblem("bool_in_number", found="TRUE" if raw else "FALSE")
    if isinstance(raw, (date, datetime)):
        raise CellProblem("bad_number", detail=f"Дата {raw} у клітинці для числа; очікується кількість.")
    if isinstance(raw, str):
        text = " ".join(raw.split())
        low = text.lower()
        if low in NOT_APPLICABLE_MARKS:
            return CellValue(None, NOT_APPLICABLE, False)
        if text in DASHES:
            raise CellProblem("dash_as_missing", warning=True)
        if EXCEL_ERROR.match(text):
            raise CellProblem("excel_error", found=text)
        if low in {"true", "false", "істина", "хибність"}:
            raise CellProblem("bool_in_number", found=text.upper())
    if type(raw).__name__ == "CellError":  # calamine's error cell type
        raise CellProblem("excel_error", found=str(raw))
    try:
        parsed = parse_number(raw)
    except NumberError as exc:
        raise CellProblem("bad_number", detail=exc.message_uk, detail_en=exc.message_en) from exc
    if parsed is None:
        return None
    value = parsed.value
    if metric.unit == "count":
        if value < 0:
            raise CellProblem("negative_count", found=_show(value), metric=metric.label_uk)
        if value != int(value):
            raise CellProblem("fractional_count", found=_show(value), metric=metric.label_uk)
        value = float(int(value))
    return CellValue(value, REPORTED, parsed.approximate)


def read_date(raw: object, *, date1904: bool = False) -> date | None:
    """A date from a cell: a real date, an Excel serial, or dd.mm.yyyy / yyyy-mm-dd text."""
    if raw is None:
        return None
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        try:
            return excel_serial_to_date(float(raw), date1904=date1904)
        except (PeriodError, ValueError, OverflowError) as exc:
            raise CellProblem("bad_date", found=str(raw)) from exc
    text = re.sub(r"\s*(р\.|року|р)$", "", " ".join(str(raw).split()))
    m = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text)
    if m:
        d, mo, y = (int(g) for g in m.groups())
    else:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
        if not m:
            raise CellProblem("bad_date", found=text)
        y, mo, d = (int(g) for g in m.groups())
    try:
        return date(y, mo, d)
    except ValueError as exc:
        raise CellProblem("bad_date", found=text) from exc


def read_flag(raw: object) -> bool:
    if raw is None:
        return False
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise CellProblem("bad_number", detail=f"Очікується «так» або «ні», а не «{text}».",
                      detail_en=f"Expected 'так' (yes) or 'ні' (no), not '{text}'.")


def _show(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value).replace(".", ",")
