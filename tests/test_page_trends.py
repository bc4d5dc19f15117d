"""Динаміка / Trends: the chart shows exactly the warehouse's figures, with gaps and without double counting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from activity.warehouse.store import query

NIZHYN, LYSYCHANSK = "UA74040250010023991", "UA44120050010021900"


@pytest.fixture
def app(page) -> AppTest:
    return page("trends")


def traces(at: AppTest, i: int = 0) -> dict[str, dict]:
    spec = json.loads(at.get("plotly_chart")[i].proto.spec)
    return {t["name"]: t for t in spec["data"]}, spec["layout"]


def points(trace: dict) -> dict[str, float]:
    return {x[:7]: y for x, y in zip(trace["x"], trace["y"], strict=True) if y is not None}


def test_default_view_is_monthly_news_for_both_cities(app: AppTest, built_db: Path) -> None:
    assert not app.exception
    data, layout = traces(app)
    assert set(data) == {"Ніжин", "Лисичанськ"}
    months = query("""SELECT strftime(period_start, '%Y-%m') AS m, value FROM observations
                      WHERE city_code = ? AND metric = 'news_published' AND granularity = 'month'""",
                   [NIZHYN], path=built_db)
    assert points(data["Ніжин"]) == dict(zip(months["m"], months["value"], strict=True))
    assert "Новини" in layout["title"]["text"] and "по місяцях" in layout["title"]["text"]
    assert layout["separators"] == ", "


def test_a_missing_month_is_a_gap_not_a_zero(app: AppTest, built_db: Path) -> None:
    data, _ = traces(app)
    lys = data["Лисичанськ"]
    reported = set(query("""SELECT strftime(period_start, '%Y-%m') AS m FROM observations WHERE city_code = ?
                            AND metric = 'news_published' AND granularity = 'month'""",
                         [LYSYCHANSK], path=built_db)["m"])
    gaps = [x[:7] for x, y in zip(lys["x"], lys["y"], strict=True) if y is None]
    assert len(lys["x"]) == 96  # one point per month of 2017-2024
    assert gaps and not set(gaps) & reported
    assert "2023-01" in gaps  # after mid-2022 nothing is reported: a gap, not a drop to 0


def test_yearly_view_uses_the_reported_year_not_months_plus_year(app: AppTest, built_db: Path) -> None:
    app.sidebar.radio(key="gran").set_value("year").run()
    data, layout = traces(app)
    nizhyn = points(data["Ніжин"])
    assert nizhyn["2017-01"] == 5790  # the real yearly figure (equal to its months), never 5790 twice
    sums = query("""SELECT year(period_start) AS y, sum(value) AS s FROM observations WHERE city_code = ?
                    AND metric = 'news_published' AND granularity = 'month' GROUP BY 1""", [NIZHYN], path=built_db)
    for y, s in zip(sums["y"], sums["s"], strict=True):
        assert nizhyn[f"{y}-01"] == s
    assert "по роках" in layout["title"]["text"]


def test_per_capita_is_value_over_population(app: AppTest, built_db: Path) -> None:
    app.sidebar.radio(key="gran").set_value("year").run()
    app.sidebar.radio(key="basis").set_value("per_10k").run()
    data, _ = traces(app)
    pop = query("SELECT population FROM population WHERE place_code = ? AND year = 2021", [NIZHYN], path=built_db)
    total = query("""SELECT sum(value) AS s FROM observations WHERE city_code = ? AND metric = 'news_published'
                     AND granularity = 'month' AND year(period_start) = 2021""", [NIZHYN], path=built_db)
    expected = total["s"][0] / pop["population"][0] * 10_000
    assert points(data["Ніжин"])["2021-01"] == pytest.approx(expected)
    assert app.caption[-1].value.startswith("Населення:")


def test_quarter_report_is_spread_on_a_monthly_chart_when_months_are_missing(app: AppTest) -> None:
    app.sidebar.multiselect(key="metric").set_value(["outgoing_documents"]).run()
    data, _ = traces(app)
    spread = next(t for name, t in data.items() if "середнє" in name)
    values = points(spread)
    assert set(values) == {"2019-07", "2019-08", "2019-09"}
    assert all(v == pytest.approx(34 / 3) for v in values.values())


def test_stocks_are_levels_at_their_dates(app: AppTest, built_db: Path) -> None:
    app.sidebar.multiselect(key="city").set_value([LYSYCHANSK]).run()
    app.sidebar.multiselect(key="metric").set_value(["party_cells_registered"]).run()
    data, _ = traces(app)
    lys = data["Лисичанськ"]
    assert dict(zip((x[:10] for x in lys["x"]), lys["y"], strict=True))["2019-10-01"] == 97
    n = query("""SELECT count(DISTINCT coalesce(as_of, period_end + 1)) AS n FROM observations
                 WHERE city_code = ? AND metric = 'party_cells_registered'""", [LYSYCHANSK], path=built_db)["n"][0]
    assert len(lys["x"]) == n


def test_english_switch(app: AppTest) -> None:
    app.session_state["lang"] = "en"  # set by the switch in dashboard.py, which switch_page skips
    app.run()
    data, layout = traces(app)
    assert set(data) == {"Nizhyn", "Lysychansk"}
    assert layout["title"]["text"].startswith("News items published") and layout["separators"] == ".,"


def test_empty_state(app: AppTest) -> None:
    app.sidebar.multiselect(key="city").set_value([]).run()
    assert not app.exception and app.info[0].value.startswith("Оберіть місто")
