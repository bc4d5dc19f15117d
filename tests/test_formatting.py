"""Display formatting of numbers, percentages, periods and dates."""

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from activity.formatting import (
    MONTH_NAMES_EN,
    MONTH_NAMES_UK,
    MONTH_NAMES_UK_GENITIVE,
    format_date,
    format_number,
    format_percent,
    period_label,
)
from activity.period_text import parse_period
from activity.periods import (
    Period,
    half_year_period,
    month_period,
    quarter_period,
    week_period,
    year_period,
)

NB = "\u00a0"
NINE_MONTHS_2019 = Period(date(2019, 1, 1), date(2019, 9, 30), "custom", cumulative=True)
CUSTOM = Period(date(2019, 7, 1), date(2019, 9, 15), "custom")


@pytest.mark.parametrize(
    "value, lang, decimals, expected",
    [
        (1546, "uk", None, f"1{NB}546"),
        (1546, "en", None, "1,546"),
        (1234567, "uk", None, f"1{NB}234{NB}567"),
        (3.5, "uk", None, "3,5"),
        (3.5, "en", None, "3.5"),
        (1546.5, "uk", None, f"1{NB}546,5"),
        (3.0, "uk", None, "3"),
        (3.0, "en", 2, "3"),
        (12, "uk", 2, "12"),
        (2.96, "uk", None, "3"),
        (2.25, "en", 2, "2.25"),
        (2.5, "en", 2, "2.5"),
        (2.567, "uk", 2, "2,57"),
        (2.6, "uk", 0, "3"),
        (999, "uk", None, "999"),
        (0, "uk", None, "0"),
        (-5, "uk", None, "−5"),
        (-1546.5, "en", None, "-1,546.5"),
        (-0.01, "uk", None, "0"),
        (None, "uk", None, "—"),
        (None, "en", None, "—"),
        (float("nan"), "uk", None, "—"),
    ],
)
def test_format_number(value: float | None, lang: str, decimals: int | None, expected: str) -> None:
    assert format_number(value, lang=lang, decimals=decimals) == expected


@pytest.mark.parametrize(
    "value, lang, expected",
    [
        (12.5, "uk", f"+12,5{NB}%"),
        (12.5, "en", "+12.5%"),
        (-3, "uk", f"−3{NB}%"),
        (-3.25, "en", "-3.2%"),
        (0, "uk", f"0{NB}%"),
        (0.01, "en", "0%"),
        (1250, "uk", f"+1{NB}250{NB}%"),
        (None, "uk", "—"),
        (None, "en", "—"),
    ],
)
def test_format_percent(value: float | None, lang: str, expected: str) -> None:
    assert format_percent(value, lang=lang) == expected


@pytest.mark.parametrize(
    "d, lang, expected",
    [
        (date(2019, 10, 1), "uk", "01.10.2019"),
        (date(2019, 10, 1), "en", "2019-10-01"),
        (datetime(2019, 10, 1, 15, 30), "uk", "01.10.2019"),
        (None, "uk", "—"),
    ],
)
def test_format_date(d: date | None, lang: str, expected: str) -> None:
    assert format_date(d, lang=lang) == expected


@pytest.mark.parametrize(
    "period, uk, uk_short, en",
    [
        (month_period(2021, 3), "березень 2021", "бер. 2021", "March 2021"),
        (quarter_period(2019, 3), "ІІІ квартал 2019", "ІІІ кв. 2019", "Q3 2019"),
        (quarter_period(2018, 4), "ІV квартал 2018", "ІV кв. 2018", "Q4 2018"),
        (half_year_period(2022, 1), "І півріччя 2022", "І півр. 2022", "H1 2022"),
        (year_period(2017), "2017 рік", "2017", "2017"),
        (NINE_MONTHS_2019, "9 місяців 2019", "9 міс. 2019", "9 months 2019"),
        (
            Period(date(2019, 1, 1), date(2019, 2, 28), "custom", True),
            "2 місяці 2019",
            "2 міс. 2019",
            "2 months 2019",
        ),
        (CUSTOM, "01.07.2019–15.09.2019", "01.07.2019–15.09.2019", "2019-07-01 – 2019-09-15"),
        (week_period(2021, 10), "тиждень 10, 2021", "тиж. 10, 2021", "week 10, 2021"),
    ],
)
def test_period_label(period: Period, uk: str, uk_short: str, en: str) -> None:
    assert period_label(period) == uk
    assert period_label(period, short=True) == uk_short
    assert period_label(period, lang="en") == en


def test_roman_numerals_use_cyrillic_i() -> None:
    label = period_label(quarter_period(2019, 3))
    assert label.startswith("\u0406\u0406\u0406 ")
    assert "I" not in label  # no Latin I


def test_unknown_language() -> None:
    with pytest.raises(ValueError):
        format_number(1, lang="de")


def test_month_tables() -> None:
    assert MONTH_NAMES_UK[2] == "березень"
    assert MONTH_NAMES_UK_GENITIVE[2] == "березня"
    assert MONTH_NAMES_EN[2] == "March"


# --- properties -------------------------------------------------------------------------------

years = st.integers(min_value=1990, max_value=2100)
labelled_periods = st.one_of(
    st.builds(month_period, years, st.integers(1, 12)),
    st.builds(quarter_period, years, st.integers(1, 4)),
    st.builds(half_year_period, years, st.integers(1, 2)),
    st.builds(year_period, years),
    st.builds(week_period, years, st.integers(1, 52)),
    st.builds(
        lambda y, n: Period(date(y, 1, 1), month_period(y, n).end, "custom", True),
        years,
        st.sampled_from([2, 4, 5, 7, 8, 9, 10, 11]),
    ),
)


@given(labelled_periods, st.sampled_from(["uk", "en"]), st.booleans())
def test_labels_parse_back(p: Period, lang: str, short: bool) -> None:
    assert parse_period(period_label(p, lang=lang, short=short)) == p


@given(st.integers(min_value=-(10**12), max_value=10**12), st.sampled_from(["uk", "en"]))
def test_integers_never_show_decimals(n: int, lang: str) -> None:
    text = format_number(n, lang=lang)
    assert text.replace(NB, "").replace(",", "").lstrip("−-") == str(abs(n))
    assert " " not in text


@given(st.floats(min_value=-1e9, max_value=1e9), st.integers(0, 3))
def test_decimals_is_a_maximum(x: float, decimals: int) -> None:
    text = format_number(x, lang="en", decimals=decimals)
    fraction = text.split(".")[1] if "." in text else ""
    assert len(fraction) <= decimals and not fraction.endswith("0")
