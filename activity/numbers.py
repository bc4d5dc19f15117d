"""Reading numbers as officials type them into spreadsheets and reports.

Rules callers rely on:

* ``None``, empty or blank text and NaN mean "not reported" and give ``None``; a bool (a TRUE or
  FALSE in a number cell) is an error, as is any text that is not a number ("—", "п'ять", "12 шт").
* Thousands may be grouped with a space of any kind (normal, NBSP, narrow NBSP, thin) or an
  apostrophe ("1'546"); a comma or a dot is the decimal mark. A single comma is always decimal
  (Ukrainian convention): "1,546" is 1.546, left for the validator to flag as a fractional count.
  Two or more dot or comma groups ("1.234.567", "1,234,567") are thousands.
* "~320", "≈320", "близько 320", "понад 40", "приблизно 300", "40+" ... are marked approximate.
* Negative numbers ("-5", "−5") are returned as such; whether they are allowed is the caller's call.
"""

from __future__ import annotations

import math
import numbers
import re
from dataclasses import dataclass
from decimal import Decimal

_APPROX_PREFIXES = (
    "~",
    "≈",
    "близько",
    "трохи більше",
    "трохи менше",
    "дещо більше",
    "дещо менше",
    "понад",
    "більше ніж",
    "більш ніж",
    "більше",
    "приблизно",
    "майже",
    "орієнтовно",
    "about",
    "approx.",
    "approximately",
    "around",
    "over",
    "more than",
    "almost",
)
# what may stand between groups of three digits: spaces of every width, or an apostrophe ("2'046")
DIGIT_GROUP = "[ \u00a0\u202f\u2009\u2007'’ʼ]"
_NUMBER_FORMS = tuple(
    re.compile(p, re.ASCII)
    for p in (
        rf"(?P<int>\d{{1,3}}(?:{DIGIT_GROUP}\d{{3}})+|\d+)(?:[.,](?P<frac>\d+))?\.?",
        r"(?P<int>\d{1,3}(?:\.\d{3}){2,})(?:,(?P<frac>\d+))?\.?",
        r"(?P<int>\d{1,3}(?:,\d{3}){2,})(?:\.(?P<frac>\d+))?\.?",
        r"(?P<int>)[.,](?P<frac>\d+)",
    )
)


class NumberError(ValueError):
    """A value that should be a number but is not; ``str()`` is the Ukrainian message."""

    def __init__(self, message_uk: str, message_en: str | None = None) -> None:
        super().__init__(message_uk)
        self.message_uk = message_uk
        self.message_en = message_en or message_uk


@dataclass(frozen=True)
class ParsedNumber:
    value: float
    approximate: bool = False


def _not_a_number(text: str) -> NumberError:
    if text.startswith("#"):
        return NumberError(
            f"Клітинка містить помилку Excel «{text}», а не число",
            f"The cell holds the Excel error {text!r}, not a number",
        )
    return NumberError(
        f"Не вдалося прочитати число «{text}». Очікується, наприклад, «1 546», «3,5» "
        f"або «близько 320»",
        f'Cannot read the number {text!r}. Expected e.g. "1 546", "3.5" or "about 320"',
    )


def _strip_approximate(text: str) -> tuple[str, bool]:
    low = text.lower()
    for prefix in _APPROX_PREFIXES:
        if low.startswith(prefix):
            rest = text[len(prefix) :]
            if prefix[-1].isalpha() and rest[:1].isalpha():
                continue  # "більшеn" is not "більше n"
            return rest.strip(), True
    if text.endswith("+") and len(text) > 1:
        return text[:-1].strip(), True
    return text, False


def _parse_text(raw: str) -> ParsedNumber | None:
    text = re.sub(r"\s+", " ", raw).strip()
    if not text:
        return None
    body, approximate = _strip_approximate(text)
    sign = 1.0
    if body[:1] in ("-", "−", "+"):
        sign = -1.0 if body[0] != "+" else 1.0
        body = body[1:].lstrip()
    for form in _NUMBER_FORMS:
        m = form.fullmatch(body)
        if m:
            digits = re.sub(r"[^0-9]", "", m["int"]) or "0"
            value = float(f"{digits}.{m['frac'] or 0}")
            return ParsedNumber(sign * value if value else 0.0, approximate)
    raise _not_a_number(text)


def parse_number(value: object) -> ParsedNumber | None:
    """Read one figure; ``None`` when nothing was reported, ``NumberError`` when it is not a number."""
    if value is None:
        return None
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        raise NumberError(
            f"Логічне значення «{value}» (так/ні) замість числа",
            f"A logical value {value!r} (TRUE/FALSE) instead of a number",
        )
    if isinstance(value, numbers.Real | Decimal):
        number = float(value)
        if math.isnan(number):
            return None
        if math.isinf(number):
            raise NumberError(
                f"Нескінченне значення «{value}» замість числа",
                f"An infinite value {value!r} instead of a number",
            )
        return ParsedNumber(number, False)
    if isinstance(value, str):
        return _parse_text(value)
    raise NumberError(
        f"Значення «{value}» типу {type(value).__name__} не є числом",
        f"The value {value!r} of type {type(value).__name__} is not a number",
    )
