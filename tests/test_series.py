"""The period and stock/flow rules: roll-ups, coverage, spreading, stocks, bases."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from activity.periods import month_period, quarter_period, year_period
from activity.series import buckets, change, flow_series, period_value, stock_series

NIZ = "UA74040250010023991"
LYS = "UA44120050010021900"


def fig(metric: str, start: str, end: str, value: float, *, city: str = NIZ, kind: str = "flow",
        gran: str = "month", as_of: str | None = None, dept: str = "відділ", demo: bool = False,
        status: str = "reported") -> dict:
    return {"city_code": city, "city_uk": "Ніжин" if city == NIZ else "Лисичанськ",
            "city": "Nizhyn" if city == NIZ else "Lysychansk", "department": dept, "metric": metric,
            "kind": kind, "period_start": pd.Timestamp(start), "period_end": pd.Timestamp(end),
            "granularity": gran, "value": value, "as_of": pd.Timestamp(as_of) if as_of else pd.NaT,
            "approximate": False, "status": status, "source": "f.xlsx", "locator": "A!B2", "demo": demo,
            "breakdown": None}


def months(metric: str, year: int, values: list[float | None], **kw) -> list[dict]:
    out = []
    for m, v in enumerate(values, start=1):
        if v is not None:
            p = month_period(year, m)
            out.append(fig(metric, p.start.isoformat(), p.end.isoformat(), v, **kw))
    return out


def frame(*rows) -> pd.DataFrame:
    flat = [r for group in rows for r in (group if isinstance(group, list) else [group])]
    return pd.DataFrame(flat)


def test_buckets_cover_the_range() -> None:
    assert [b.key for b in buckets("quarter", date(2019, 2, 1), date(2019, 8, 31))] == ["2019-Q1", "2019-Q2", "2019-Q3"]
    assert len(buckets("month", date(2017, 1, 1), date(2018, 12, 31))) == 24


def test_complete_months_roll_up_and_partial_ones_say_so() -> None:
    obs = frame(months("news_published", 2021, [10, 20, 30, 40, 50, None, 70, 80, 90, 100, 110, 120]))
    q = flow_series(obs, "quarter", date(2021, 1, 1), date(2021, 12, 31))
    assert q["total"].tolist() == [60, 90, 240, 330]
    assert q["complete"].tolist() == [True, False, True, True]
    assert q["months_reported"].tolist() == [3, 2, 3, 3]
    y = flow_series(obs, "year", date(2021, 1, 1), date(2021, 12, 31)).iloc[0]
    assert (y.total, y.months_reported, y.complete) == (720, 11, False)


def test_a_missing_month_is_a_gap_and_a_zero_is_zero() -> None:
    obs = frame(months("public_info_requests", 2021, [3, None, 0]))
    m = flow_series(obs, "month", date(2021, 1, 1), date(2021, 3, 31))
    assert [d.month for d in m["period_start"]] == [1, 3]
    assert m["value"].tolist() == [3, 0]


def test_a_year_figure_is_used_as_is_and_never_added_to_months() -> None:
    obs = frame(months("news_published", 2017, [480] * 12), fig("news_published", "2017-01-01", "2017-12-31", 5790, gran="year"))
    y = flow_series(obs, "year", date(2017, 1, 1), date(2017, 12, 31))
    assert y["total"].tolist() == [5790]  # the reported year, not 5760 + 5790
    m = flow_series(obs, "month", date(2017, 1, 1), date(2017, 12, 31))
    assert m["total"].tolist() == [480] * 12 and not m["spread"].any()


def test_a_longer_figure_alone_is_spread_as_a_monthly_average_with_its_span() -> None:
    obs = frame(fig("letters_received", "2019-07-01", "2019-09-30", 928, city=LYS, gran="quarter"))
    m = flow_series(obs, "month", date(2019, 1, 1), date(2019, 12, 31))
    assert len(m) == 3 and m["spread"].all()
    assert m["total"].round(2).tolist() == [309.33] * 3
    assert set(m["span_start"]) == {date(2019, 7, 1)} and set(m["span_end"]) == {date(2019, 9, 30)}
    y = flow_series(obs, "year", date(2019, 1, 1), date(2019, 12, 31)).iloc[0]
    assert (y.total, y.months_reported, y.complete, y.spread) == (928, 3, False, False)


def test_year_to_date_spans_are_never_spread_or_added() -> None:
    obs = frame(fig("news_published", "2019-01-01", "2019-09-30", 3000, gran="custom"))
    assert flow_series(obs, "month", date(2019, 1, 1), date(2019, 12, 31)).empty
    assert flow_series(obs, "year", date(2019, 1, 1), date(2019, 12, 31)).empty


def test_bases_per_month_and_per_10k() -> None:
    obs = frame(months("news_published", 2021, [100, 200, None]))
    pop = pd.DataFrame([{"city_code": NIZ, "year": 2021, "population": 50_000, "source": "s"}])
    q = flow_series(obs, "quarter", date(2021, 1, 1), date(2021, 3, 31), basis="per_month").iloc[0]
    assert q.value == 150  # 300 over the 2 months reported
    p = flow_series(obs, "quarter", date(2021, 1, 1), date(2021, 3, 31), basis="per_10k", population=pop).iloc[0]
    assert p.value == pytest.approx(300 / 50_000 * 10_000)


def test_departments_of_one_city_are_added() -> None:
    obs = frame(months("events_attended", 2021, [5, 5, 5], dept="a"), months("events_attended", 2021, [1, 1, None], dept="b"))
    q = flow_series(obs, "quarter", date(2021, 1, 1), date(2021, 3, 31)).iloc[0]
    assert (q.total, q.complete, q.months_reported) == (17, False, 2)


def test_stock_is_the_latest_level_never_a_sum() -> None:
    obs = frame(
        fig("ngos_registered", "2019-07-01", "2019-09-30", 155, city=LYS, kind="stock", gran="quarter", as_of="2019-10-01"),
        fig("ngos_registered", "2019-04-01", "2019-06-30", 150, city=LYS, kind="stock", gran="quarter", as_of="2019-07-01"),
        fig("ngos_registered", "2019-09-01", "2019-09-30", 999, city=LYS, kind="stock", as_of="2019-11-01"),
    )
    q3 = period_value(obs, LYS, "ngos_registered", "stock", quarter_period(2019, 3))
    assert (q3["value"], q3["as_of"]) == (155, date(2019, 10, 1))  # "станом на 01.10" ends September
    assert period_value(obs, LYS, "ngos_registered", "stock", month_period(2019, 8))["value"] == 150
    assert period_value(obs, LYS, "ngos_registered", "stock", year_period(2018)) is None
    levels = stock_series(obs, date(2019, 1, 1), date(2019, 12, 31))
    assert levels["value"].tolist() == [150, 155, 999]


def test_period_value_of_flows_reports_coverage() -> None:
    obs = frame(months("news_published", 2021, [10, None, 30]))
    v = period_value(obs, NIZ, "news_published", "flow", quarter_period(2021, 1))
    assert (v["value"], v["months_reported"], v["months_in_period"], v["complete"]) == (40, 2, 3, False)
    assert period_value(obs, NIZ, "news_published", "flow", month_period(2021, 2)) is None


def test_not_applicable_figures_are_not_values() -> None:
    obs = frame(fig("news_published", "2021-01-01", "2021-01-31", None, status="not_applicable"))
    assert flow_series(obs, "month", date(2021, 1, 1), date(2021, 1, 31)).empty


def test_change() -> None:
    assert change(120, 100) == (20, 20.0)
    assert change(5, 0) == (5, None)
    assert change(None, 3) == (None, None)
