"""Parsing numbers as officials type them."""

import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from activity.formatting import format_number
from activity.numbers import NumberError, ParsedNumber, parse_number


@pytest.mark.parametrize("value", [None, "", "   ", "\u00a0", "\t\n", float("nan")])
def test_not_reported(value: object) -> None:
    assert parse_number(value) is None


@pytest.mark.parametrize(
    "value, expected",
    [
        (320, 320.0),
        (3.5, 3.5),
        (0, 0.0),
        (-2, -2.0),
        (Decimal("12.5"), 12.5),
        ("320", 320.0),
        ("1 546", 1546.0),
        ("1\u00a0546", 1546.0),
        ("1\u202f546", 1546.0),
        ("1\u2009546", 1546.0),
        ("1'546", 1546.0),
        ("1’546", 1546.0),
        ("3,5", 3.5),
        ("3.5", 3.5),
        ("1 546,5", 1546.5),
        ("1 546.5", 1546.5),
        ("+12", 12.0),
        ("-5", -5.0),
        ("−5", -5.0),
        ("320.", 320.0),
        ("1 546,5.", 1546.5),
        ("1,546", 1.546),
        ("1.234.567", 1234567.0),
        ("1.234.567,5", 1234567.5),
        ("1,234,567", 1234567.0),
        ("1 234 567", 1234567.0),
        ("1\u00a0234\u00a0567", 1234567.0),
        ("  42  ", 42.0),
        (",5", 0.5),
        ("-0", 0.0),
        ("0012", 12.0),
    ],
)
def test_exact_numbers(value: object, expected: float) -> None:
    assert parse_number(value) == ParsedNumber(expected, False)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("~320", 320.0),
        ("≈ 320", 320.0),
        ("близько 320", 320.0),
        ("Близько 1 546", 1546.0),
        ("понад 40", 40.0),
        ("більше 40", 40.0),
        ("більше ніж 40", 40.0),
        ("приблизно 300", 300.0),
        ("майже 300", 300.0),
        ("трохи більше 3 100", 3100.0),
        ("дещо менше 250", 250.0),
        ("40+", 40.0),
        ("about 320", 320.0),
    ],
)
def test_approximate_numbers(text: str, expected: float) -> None:
    assert parse_number(text) == ParsedNumber(expected, True)


@pytest.mark.parametrize(
    "value, fragment",
    [
        ("п'ять", "«п'ять»"),
        ("abc", "«abc»"),
        ("12 шт", "«12 шт»"),
        ("#DIV/0!", "помилку Excel"),
        ("1 2", "«1 2»"),
        ("1,2,3", "«1,2,3»"),
        ("—", "«—»"),
        ("близько", "«близько»"),
        ("12%", "«12%»"),
        ("١٢", "«١٢»"),
        (True, "так/ні"),
        (False, "так/ні"),
        (float("inf"), "Нескінченне"),
        ([1], "не є числом"),
    ],
)
def test_not_a_number(value: object, fragment: str) -> None:
    with pytest.raises(NumberError) as info:
        parse_number(value)
    assert fragment in str(info.value)
    assert info.value.message_uk == str(info.value)
    assert info.value.message_en and info.value.message_en != info.value.message_uk


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_uk_formatted_int_parses_back(n: int) -> None:
    parsed = parse_number(format_number(n, lang="uk"))
    assert parsed == ParsedNumber(float(n), False)


@given(
    st.integers(min_value=0, max_value=10**9),
    st.sampled_from([" ", "\u00a0", "\u202f", "\u2009", "'"]),
)
def test_any_thousands_separator(n: int, sep: str) -> None:
    grouped = f"{n:,}".replace(",", sep)
    assert parse_number(grouped).value == n


@given(st.integers(0, 10**6), st.integers(0, 99), st.sampled_from([",", "."]))
def test_decimal_comma_or_dot(whole: int, frac: int, mark: str) -> None:
    value = parse_number(f"{whole}{mark}{frac:02d}").value
    assert math.isclose(value, whole + frac / 100)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_floats_pass_through(x: float) -> None:
    assert parse_number(x) == ParsedNumber(x, False)


@given(st.text(max_size=20))
def test_text_never_raises_another_error(text: str) -> None:
    try:
        result = parse_number(text)
    except NumberError:
        return
    assert result is None or math.isfinite(result.value)
