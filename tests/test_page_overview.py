"""The Overview page: KPI cards for one city and period, checked against the warehouse."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from activity.catalog import get_metric
from activity.warehouse.store import query

NIZHYN = "UA74040250010023991"
LYSYCHANSK = "UA44120050010021900"


@pytest.fixture
def app(page) -> AppTest:
    at = page("overview", entry_first=True)
    assert not at.exception
    return at


def choose(at: AppTest, city: str, gran: str, period: str) -> AppTest:
    at.sidebar.selectbox(key="city1").set_value(city).run()
    at.sidebar.radio(key="ov_gran").set_value(gran).run()
    at.sidebar.selectbox(key="ov_period").set_value(period).run()
    assert not at.exception
    return at


def cards(at: AppTest) -> dict[str, object]:
    """Card columns by their metric label."""
    return {col.metric[0].label: col for col in at.columns if len(col.metric)}


def card(at: AppTest, code: str, lang: str = "uk"):
    return cards(at)[get_metric(code).short(lang)]


def number(text: str) -> float:
    """'1 546' / '−30' / '-30 (−6,8 %)' / '≈ 320' → the first number."""
    head = text.split(" (")[0].replace("≈", "").replace("\u2212", "-").replace("\u00a0", "").replace(" ", "")
    return float(head.replace(",", "."))


def month_value(db: Path, city: str, metric: str, start: date) -> float | None:
    rows = query(
        "SELECT value FROM observations WHERE city_code = ? AND metric = ? AND granularity = 'month' "
        "AND period_start = ?", [city, metric, start], path=db)
    return float(rows["value"].iloc[0]) if len(rows) else None


def months_sum(db: Path, city: str, metric: str, start: date, end: date) -> float:
    rows = query(
        "SELECT sum(value) AS v FROM observations WHERE city_code = ? AND metric = ? AND granularity = 'month' "
        "AND period_start >= ? AND period_end <= ?", [city, metric, start, end], path=db)
    return float(rows["v"].iloc[0])


def test_default_view_is_the_latest_period_with_warehouse_deltas(app: AppTest, built_db: Path) -> None:
    last = query("SELECT max(period_end) AS d FROM observations WHERE city_code = ? AND kind = 'flow'",
                 [NIZHYN], path=built_db)["d"].iloc[0]
    last = last.date() if hasattr(last, "date") else last
    assert app.sidebar.selectbox(key="ov_period").value == f"{last.year}-{last.month:02d}"
    assert "грудень 2024" in app.markdown[0].value and "Ніжин" in app.markdown[0].value

    news = card(app, "news_published")
    now = month_value(built_db, NIZHYN, "news_published", date(2024, 12, 1))
    before = month_value(built_db, NIZHYN, "news_published", date(2024, 11, 1))
    year_ago = month_value(built_db, NIZHYN, "news_published", date(2023, 12, 1))
    assert number(news.metric[0].value) == now
    assert number(news.metric[0].delta) == now - before
    assert "до лист. 2024" in news.metric[0].proto.delta_description
    yoy = news.markdown[0].value
    assert number(yoy.split("[", 1)[1]) == now - year_ago and "до груд. 2023" in yoy
    assert "демо" in news.caption[0].value  # the shipped monthly figures are demo figures

    line = json.loads(news.get("plotly_chart")[0].proto.spec)["data"][0]
    assert len(line["x"]) == 12 and line["y"][-1] == now  # the last 12 months, ending with the card's value


def test_nizhyn_2017_shows_the_real_year_figure_not_demo_months_added(app: AppTest, built_db: Path) -> None:
    choose(app, NIZHYN, "year", "2017")
    real = query("SELECT value FROM observations WHERE city_code = ? AND metric = 'news_published' "
                 "AND granularity = 'year' AND NOT demo", [NIZHYN], path=built_db)["value"].iloc[0]
    demo_months = months_sum(built_db, NIZHYN, "news_published", date(2017, 1, 1), date(2017, 12, 31))
    news = card(app, "news_published")
    assert real == 5790 and news.metric[0].value == "5\u00a0790"
    assert number(news.metric[0].value) != real + demo_months  # the demo months are never added to it
    assert "nizhyn_2017_year.csv" in news.metric[0].help  # the year report itself, not demo months
    assert "демо" not in news.caption[0].value
    assert card(app, "documents_published").metric[0].value == "1\u00a0546"


def test_lysychansk_q3_2019_real_figures_stock_as_of_and_deltas(app: AppTest, built_db: Path) -> None:
    choose(app, LYSYCHANSK, "quarter", "2019-Q3")
    assert "ІІІ квартал 2019" in app.markdown[0].value
    news = card(app, "news_published")
    assert news.metric[0].value == "408"
    q2 = months_sum(built_db, LYSYCHANSK, "news_published", date(2019, 4, 1), date(2019, 6, 30))
    q3_2018 = months_sum(built_db, LYSYCHANSK, "news_published", date(2018, 7, 1), date(2018, 9, 30))
    assert number(news.metric[0].delta) == 408 - q2
    assert number(news.markdown[0].value.split("[", 1)[1]) == 408 - q3_2018
    assert "порівняно з демо" in news.caption[0].value  # compared with demo quarters

    party = card(app, "party_cells_registered")
    assert party.metric[0].value == "97"
    assert "станом на 01.10.2019" in party.caption[0].value
    assert card(app, "photos_in_news_published").metric[0].value == "≈ 320"


def test_a_month_with_a_gap_says_not_reported_never_zero(app: AppTest, built_db: Path) -> None:
    assert month_value(built_db, NIZHYN, "news_published", date(2019, 4, 1)) is None
    before = month_value(built_db, NIZHYN, "news_published", date(2019, 3, 1))
    choose(app, NIZHYN, "month", "2019-04")
    news = card(app, "news_published")
    assert news.metric[0].value == "не подано" and not news.metric[0].delta
    assert f"бер. 2019: {before:.0f}" in news.caption[0].value


def test_a_partial_quarter_shows_its_coverage(app: AppTest, built_db: Path) -> None:
    choose(app, NIZHYN, "quarter", "2019-Q2")
    news = card(app, "news_published")
    assert number(news.metric[0].value) == months_sum(built_db, NIZHYN, "news_published",
                                                      date(2019, 4, 1), date(2019, 6, 30))
    assert "2 з 3 міс." in news.caption[0].value


def test_department_filter_and_english_labels(app: AppTest) -> None:
    dept = app.sidebar.selectbox(key="dept")
    assert dept.value == "all"
    dept.set_value(dept.options[1]).run()
    assert not app.exception and dept.options[1] in app.markdown[0].value
    app.sidebar.radio(key="lang").set_value("en").run()
    assert not app.exception
    assert app.title[0].value == "Overview"
    assert "December 2024" in app.markdown[0].value and "Nizhyn" in app.markdown[0].value
    assert "Publications" in [h.value for h in app.subheader]
    news = card(app, "news_published", "en")
    assert "vs Nov 2024" in news.metric[0].proto.delta_description
    assert news.caption[0].value == "demo"
