"""Period maths: parsing officials' labels, keys, arithmetic, Excel serials."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from activity.period_text import parse_period
from activity.periods import (
    GRANULARITIES,
    MONTH_NAMES_EN,
    MONTH_NAMES_UK,
    MONTH_NAMES_UK_GENITIVE,
    Period,
    PeriodError,
    excel_serial_to_date,
    half_year_period,
    month_period,
    period_from_key,
    period_from_range,
    previous_period,
    quarter_period,
    same_period_last_year,
    week_period,
    year_period,
)

Q3_2019 = quarter_period(2019, 3)
NINE_MONTHS_2019 = Period(date(2019, 1, 1), date(2019, 9, 30), "custom", cumulative=True)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("березень 2021", month_period(2021, 3)),
        ("березня 2021 року", month_period(2021, 3)),
        ("БЕРЕЗЕНЬ 2021 р.", month_period(2021, 3)),
        ("за березень 2021 року", month_period(2021, 3)),
        ("  березень\u00a0\u00a02021  ", month_period(2021, 3)),
        ("у березні 2021", month_period(2021, 3)),
        ("March 2021", month_period(2021, 3)),
        ("бер. 2021", month_period(2021, 3)),
        ("січ 2021", month_period(2021, 1)),
        ("листопада 2020 р", month_period(2020, 11)),
        ("ІІІ квартал 2019", Q3_2019),
        ("III квартал 2019", Q3_2019),
        ("IІI квартал 2019", Q3_2019),
        ("3 квартал 2019", Q3_2019),
        ("3-й квартал 2019", Q3_2019),
        ("ІІІ кв. 2019", Q3_2019),
        ("за ІІІ квартал 2019 року", Q3_2019),
        ("IV квартал 2018", quarter_period(2018, 4)),
        ("ІV квартал 2018", quarter_period(2018, 4)),
        ("2019-Q3", Q3_2019),
        ("Q3 2019", Q3_2019),
        ("І півріччя 2022", half_year_period(2022, 1)),
        ("ІІ півріччя 2022", half_year_period(2022, 2)),
        ("2022-H1", half_year_period(2022, 1)),
        ("9 місяців 2019", NINE_MONTHS_2019),
        ("дев'ять місяців 2019", NINE_MONTHS_2019),
        ("дев’ять місяців 2019 року", NINE_MONTHS_2019),
        ("6 місяців 2019", half_year_period(2019, 1)),
        ("2017 рік", year_period(2017)),
        ("за 2017 рік", year_period(2017)),
        ("2017", year_period(2017)),
        ("2017 р.", year_period(2017)),
        ("з 01.07 по 30.09.2019", Q3_2019),
        ("з 01.04 по 30.06.2021", quarter_period(2021, 2)),
        ("з 01.07.2019 по 01.10.2019", Q3_2019),
        ("з 01.07 по 01.10.2019", Q3_2019),
        ("01.07.2019 - 30.09.2019", Q3_2019),
        ("01.07.2019-30.09.2019", Q3_2019),
        ("з 1 липня по 30 вересня 2019 року", Q3_2019),
        ("в період з 01.07 по 01.10.2019 року", Q3_2019),
        ("з 15.12 по 15.01.2020", Period(date(2019, 12, 15), date(2020, 1, 15), "custom")),
        ("з 01.07 по 15.09.2019", Period(date(2019, 7, 1), date(2019, 9, 15), "custom")),
        ("з 01.01 по 30.09.2019", NINE_MONTHS_2019),
        ("2019-07-01 – 2019-09-15", Period(date(2019, 7, 1), date(2019, 9, 15), "custom")),
        ("січень-вересень 2019", NINE_MONTHS_2019),
        ("за січень – вересень 2019 року", NINE_MONTHS_2019),
        ("з січня по вересень 2019", NINE_MONTHS_2019),
        ("липень-вересень 2019", Q3_2019),
        ("жовтень-березень 2020", Period(date(2019, 10, 1), date(2020, 3, 31), "custom")),
        ("2021-03", month_period(2021, 3)),
        ("2021-03-01", month_period(2021, 3)),
        ("15.03.2021", month_period(2021, 3)),
        ("03.2021", month_period(2021, 3)),
        ("2021-W10", week_period(2021, 10)),
        ("тиждень 10, 2021", week_period(2021, 10)),
    ],
)
def test_parse_period_text(text: str, expected: Period) -> None:
    assert parse_period(text) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        (2017, year_period(2017)),
        (2017.0, year_period(2017)),
        (date(2021, 3, 15), month_period(2021, 3)),
        (datetime(2021, 3, 1, 12, 30), month_period(2021, 3)),
        (44256, month_period(2021, 3)),
        (44256.75, month_period(2021, 3)),
        (Q3_2019, Q3_2019),
    ],
)
def test_parse_period_values(value: object, expected: Period) -> None:
    assert parse_period(value) == expected


def test_parse_period_excel_1904() -> None:
    assert parse_period(42794, date1904=True) == month_period(2021, 3)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Січень", month_period(2020, 1)),
        ("грудня", month_period(2020, 12)),
        ("І квартал", quarter_period(2020, 1)),
        ("1 півріччя", half_year_period(2020, 1)),
        ("Q4", quarter_period(2020, 4)),
        ("з 01.07 по 30.09", quarter_period(2020, 3)),
        ("березень 2019", month_period(2019, 3)),  # a year in the text wins
    ],
)
def test_parse_period_with_year_from_title(text: str, expected: Period) -> None:
    assert parse_period(text, year=2020) == expected


@pytest.mark.parametrize(
    "value, fragment",
    [
        ("Січень", "не вказано рік"),
        ("І квартал", "не вказано рік"),
        ("13.2021", "13"),
        ("2021-13", "13"),
        ("V квартал 2019", "5"),
        ("ІІІ півріччя 2019", "3"),
        ("", "Приклади"),
        ("   ", "Приклади"),
        ("abc", "«abc»"),
        ("квартал 2019", "«квартал 2019»"),
        ("31.02.2019 - 01.03.2019", "неможлива дата"),
        ("2021-W54", "54"),
        ("9 місяців 0000", "0000"),
        (None, "Приклади"),
        (True, "Приклади"),
        (float("nan"), "Приклади"),
        (1.5, "Приклади"),
        ([2019], "Приклади"),
    ],
)
def test_parse_period_errors(value: object, fragment: str) -> None:
    with pytest.raises(PeriodError) as info:
        parse_period(value)
    assert fragment in str(info.value)
    assert info.value.message_uk == str(info.value)
    assert info.value.message_en


def test_error_quotes_value_and_lists_examples_in_both_languages() -> None:
    with pytest.raises(PeriodError) as info:
        parse_period("минулого тижня")
    assert "«минулого тижня»" in info.value.message_uk
    assert "ІІІ квартал 2019" in info.value.message_uk
    assert "'минулого тижня'" in info.value.message_en
    assert "Q3 2019" in info.value.message_en


@pytest.mark.parametrize(
    "period, key, months",
    [
        (month_period(2021, 3), "2021-03", ((2021, 3),)),
        (Q3_2019, "2019-Q3", ((2019, 7), (2019, 8), (2019, 9))),
        (half_year_period(2022, 1), "2022-H1", tuple((2022, m) for m in range(1, 7))),
        (year_period(2017), "2017", tuple((2017, m) for m in range(1, 13))),
        (week_period(2021, 10), "2021-W10", ()),
        (
            Period(date(2019, 7, 1), date(2019, 9, 15), "custom"),
            "2019-07-01..2019-09-15",
            ((2019, 7), (2019, 8)),
        ),
        (NINE_MONTHS_2019, "2019-01-01..2019-09-30", tuple((2019, m) for m in range(1, 10))),
    ],
)
def test_key_months_and_inverse(period: Period, key: str, months: tuple) -> None:
    assert period.key == key
    assert period.months == months
    assert period.n_months == len(months)
    assert period_from_key(key) == period


@pytest.mark.parametrize(
    "start, end, granularity, cumulative",
    [
        (date(2021, 3, 1), date(2021, 3, 31), "month", False),
        (date(2019, 7, 1), date(2019, 9, 30), "quarter", False),
        (date(2022, 7, 1), date(2022, 12, 31), "half_year", False),
        (date(2017, 1, 1), date(2017, 12, 31), "year", False),
        (date(2019, 1, 1), date(2019, 9, 30), "custom", True),
        (date(2019, 2, 1), date(2019, 4, 30), "custom", False),
        (date(2019, 12, 1), date(2020, 1, 31), "custom", False),
        (date(2021, 3, 1), date(2021, 3, 7), "custom", False),
    ],
)
def test_period_from_range_snaps(
    start: date, end: date, granularity: str, cumulative: bool
) -> None:
    p = period_from_range(start, end)
    assert (p.granularity, p.cumulative, p.start, p.end) == (granularity, cumulative, start, end)


@pytest.mark.parametrize(
    "period, previous, last_year",
    [
        (month_period(2021, 1), month_period(2020, 12), month_period(2020, 1)),
        (quarter_period(2019, 1), quarter_period(2018, 4), quarter_period(2018, 1)),
        (half_year_period(2022, 2), half_year_period(2022, 1), half_year_period(2021, 2)),
        (year_period(2017), year_period(2016), year_period(2016)),
        (week_period(2021, 1), week_period(2020, 53), week_period(2020, 1)),
        (week_period(2020, 53), week_period(2020, 52), week_period(2019, 52)),
        (
            NINE_MONTHS_2019,
            Period(date(2018, 1, 1), date(2018, 9, 30), "custom", True),
            Period(date(2018, 1, 1), date(2018, 9, 30), "custom", True),
        ),
        (
            Period(date(2019, 7, 1), date(2019, 8, 31), "custom"),
            Period(date(2019, 5, 1), date(2019, 6, 30), "custom"),
            Period(date(2018, 7, 1), date(2018, 8, 31), "custom"),
        ),
        (
            Period(date(2019, 7, 1), date(2019, 7, 10), "custom"),
            Period(date(2019, 6, 21), date(2019, 6, 30), "custom"),
            Period(date(2018, 7, 1), date(2018, 7, 10), "custom"),
        ),
    ],
)
def test_previous_and_last_year(period: Period, previous: Period, last_year: Period) -> None:
    assert previous_period(period) == previous
    assert same_period_last_year(period) == last_year


@pytest.mark.parametrize(
    "serial, date1904, expected",
    [
        (1, False, date(1900, 1, 1)),
        (59, False, date(1900, 2, 28)),
        (60, False, date(1900, 2, 28)),  # Excel's fictitious 29 February 1900
        (61, False, date(1900, 3, 1)),
        (43647, False, date(2019, 7, 1)),
        (43647.99, False, date(2019, 7, 1)),
        (2958465, False, date(9999, 12, 31)),
        (0, True, date(1904, 1, 1)),
        (42185, True, date(2019, 7, 1)),
    ],
)
def test_excel_serial_to_date(serial: float, date1904: bool, expected: date) -> None:
    assert excel_serial_to_date(serial, date1904=date1904) == expected


@pytest.mark.parametrize("serial", [0, -1, 2958466, float("nan"), float("inf"), True])
def test_excel_serial_out_of_range(serial: float) -> None:
    with pytest.raises(PeriodError):
        excel_serial_to_date(serial)


def test_period_validation_and_ordering() -> None:
    with pytest.raises(PeriodError):
        Period(date(2020, 2, 1), date(2020, 1, 1), "custom")
    with pytest.raises(PeriodError):
        Period(date(2020, 1, 1), date(2020, 1, 31), "fortnight")
    with pytest.raises(PeriodError):
        month_period(2021, 13)
    assert sorted([quarter_period(2019, 3), month_period(2019, 1)])[0] == month_period(2019, 1)
    assert year_period(2019).contains(Q3_2019)
    assert not Q3_2019.contains(year_period(2019))
    assert set(GRANULARITIES) == {"month", "quarter", "half_year", "year", "week", "custom"}
    assert len(MONTH_NAMES_UK) == len(MONTH_NAMES_UK_GENITIVE) == len(MONTH_NAMES_EN) == 12


# --- properties -------------------------------------------------------------------------------

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
years = st.integers(min_value=1990, max_value=2100)
standard_periods = st.one_of(
    st.builds(month_period, years, st.integers(1, 12)),
    st.builds(quarter_period, years, st.integers(1, 4)),
    st.builds(half_year_period, years, st.integers(1, 2)),
    st.builds(year_period, years),
    st.builds(week_period, years, st.integers(1, 52)),
)


@given(dates)
def test_any_date_reads_as_its_month(d: date) -> None:
    p = parse_period(d)
    assert p.granularity == "month" and p.start <= d <= p.end and p.start.day == 1


@given(dates, st.booleans())
def test_excel_serial_roundtrip(d: date, date1904: bool) -> None:
    base = date(1904, 1, 1) if date1904 else date(1899, 12, 30)
    serial = (d - base).days
    assert excel_serial_to_date(serial, date1904=date1904) == d


@given(standard_periods)
def test_key_roundtrip_and_previous_adjoins(p: Period) -> None:
    assert period_from_key(p.key) == p
    prev = previous_period(p)
    assert prev.granularity == p.granularity
    assert prev.end + timedelta(days=1) == p.start


@given(standard_periods)
def test_same_period_last_year_keeps_shape(p: Period) -> None:
    q = same_period_last_year(p)
    assert q.granularity == p.granularity and q.n_months == p.n_months
    if p.granularity != "week":
        assert (q.start.year, q.start.month) == (p.start.year - 1, p.start.month)


@given(dates, dates)
def test_range_key_roundtrip(a: date, b: date) -> None:
    p = period_from_range(min(a, b), max(a, b))
    assert period_from_key(p.key) == p
    assert p.contains(p)
    assert all(p.start <= date(y, m, 1) for y, m in p.months)


@given(st.text(max_size=40))
def test_parse_period_never_crashes_with_another_error(text: str) -> None:
    try:
        parse_period(text)
    except PeriodError:
        pass


@given(
    st.integers(1, 12),
    years,
    st.sampled_from([MONTH_NAMES_UK, MONTH_NAMES_UK_GENITIVE, MONTH_NAMES_EN]),
)
def test_month_names_any_case(month: int, year: int, table: tuple) -> None:
    assert parse_period(f"{table[month - 1].upper()} {year} р.") == month_period(year, month)


_FRAGMENTS = st.sampled_from(
    [
        "з",
        "по",
        "до",
        "-",
        "–",
        "..",
        ".",
        " ",
        "0",
        "00",
        "1",
        "13",
        "31",
        "2019",
        "0000",
        "9999",
        "99",
        "квартал",
        "кв.",
        "півріччя",
        "місяців",
        "березня",
        "ІІІ",
        "V",
        "q5",
        "h3",
        "w",
        "рік",
        "року",
    ]
)


@given(st.lists(_FRAGMENTS, max_size=8).map(" ".join), st.none() | years)
def test_parse_period_fragments_only_raise_period_error(text: str, year: int | None) -> None:
    try:
        p = parse_period(text, year=year)
    except PeriodError:
        return
    assert p.granularity in GRANULARITIES and p.start <= p.end
