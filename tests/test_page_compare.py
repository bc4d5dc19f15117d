"""Порівняння / Compare: cities side by side and periods side by side show the warehouse's figures."""

from __future__ import annotations

import base64
import csv
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from activity.formatting import format_number, format_percent
from activity.periods import quarter_period, year_period
from activity.series import period_basis, period_table
from activity.warehouse.store import query

ROOT = Path(__file__).resolve().parents[1]
NIZHYN, LYSYCHANSK = "UA74040250010023991", "UA44120050010021900"


@pytest.fixture
def app(page) -> AppTest:
    return page("compare")


def bars(at: AppTest) -> tuple[dict[str, list[float]], dict]:
    """{trace name: y values} of the page's bar chart (plotly may pack y as typed base64)."""
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    out = {}
    for trace in spec["data"]:
        y = trace["y"]
        if isinstance(y, dict):
            y = np.frombuffer(base64.b64decode(y["bdata"]), dtype=y["dtype"]).tolist()
        out[trace["name"]] = y
    return out, spec["layout"]


def year_sum(built_db: Path, city: str, metric: str, year: int) -> tuple[float, int]:
    """The warehouse's monthly figures of one year: their sum and how many months are reported."""
    row = query("""SELECT sum(value) AS s, count(*) AS n FROM observations WHERE city_code = ? AND metric = ?
                   AND granularity = 'month' AND year(period_start) = ?""", [city, metric, year], path=built_db)
    return float(row["s"][0]), int(row["n"][0])


def population(city: str, year: int) -> int:
    with (ROOT / "data" / "population.csv").open(encoding="utf-8") as fh:
        return next(int(r["population"]) for r in csv.DictReader(fh) if r["code"] == city and int(r["year"]) == year)


def uk(text: str) -> str:
    return text.replace("\u00a0", " ")


def test_default_compares_both_cities_for_the_latest_common_complete_year(app: AppTest, built_db: Path) -> None:
    assert not app.exception
    assert app.selectbox(key="cmp_period").value == "2021"  # Lysychansk stops in mid-2022
    data, layout = bars(app)
    assert set(data) == {"Ніжин", "Лисичанськ"}
    assert "2021" in layout["title"]["text"] and "Новини" in layout["title"]["text"]
    for name, code in (("Ніжин", NIZHYN), ("Лисичанськ", LYSYCHANSK)):
        total, n = year_sum(built_db, code, "news_published", 2021)
        assert n == 12 and data[name] == [total]
    table = app.dataframe[0].value
    assert list(table.columns[:3]) == ["Показник", "Ніжин", "Лисичанськ"]
    assert "12 з 12 міс." in table["Охоплення"][0]


def test_per_month_basis_is_the_year_sum_over_months_reported(app: AppTest, built_db: Path) -> None:
    app.sidebar.radio(key="basis").set_value("per_month").run()
    data, layout = bars(app)
    table = app.dataframe[0].value
    for name, code in (("Ніжин", NIZHYN), ("Лисичанськ", LYSYCHANSK)):
        total, n = year_sum(built_db, code, "news_published", 2021)
        assert data[name][0] == pytest.approx(total / n)
        assert table[name][0] == format_number(total / n, "uk", 1)
    assert "у середньому за місяць" in layout["title"]["text"]


def test_per_10k_divides_by_that_citys_population_and_names_the_source(app: AppTest, built_db: Path) -> None:
    app.sidebar.radio(key="basis").set_value("per_10k").run()
    data, _ = bars(app)
    for name, code in (("Ніжин", NIZHYN), ("Лисичанськ", LYSYCHANSK)):
        total, _ = year_sum(built_db, code, "news_published", 2021)
        assert data[name][0] == pytest.approx(total / population(code, 2021) * 10_000)
    note = uk(" ".join(c.value for c in app.caption))
    assert "Населення: Лисичанськ, 2021 — 93 340" in note and "Ніжин, 2021 — 66 983" in note


def test_a_city_without_figures_gets_a_note_not_a_zero(app: AppTest) -> None:
    app.selectbox(key="cmp_period").set_value("2023").run()
    assert not app.exception
    data, _ = bars(app)
    assert np.isnan(data["Лисичанськ"][0])
    assert app.dataframe[0].value["Лисичанськ"][0] == "—"
    warning = app.warning[0].value
    assert "не подано: Лисичанськ" in warning


def test_a_quarter_report_beside_summed_months_is_flagged(app: AppTest, built_db: Path) -> None:
    app.radio(key="cmp_gran").set_value("quarter").run()
    app.selectbox(key="cmp_period").set_value("2019-Q3").run()
    data, _ = bars(app)
    real = query("""SELECT value FROM observations WHERE city_code = ? AND metric = 'news_published'
                    AND granularity = 'quarter'""", [LYSYCHANSK], path=built_db)["value"]
    assert data["Лисичанськ"] == [float(real[0])]  # the report for the quarter, not the demo months
    warning = app.warning[0].value
    assert "різна періодичність" in warning and "один звіт за весь період" in warning
    assert "демо-дані поруч зі справжніми" in warning


def test_stocks_are_levels_at_the_period_end_with_their_date(app: AppTest, built_db: Path) -> None:
    app.sidebar.multiselect(key="metric").set_value(["ngos_registered"]).run()
    app.sidebar.radio(key="basis").set_value("per_month").run()
    data, _ = bars(app)
    level = query("""SELECT value FROM observations WHERE city_code = ? AND metric = 'ngos_registered'
                     AND coalesce(as_of, period_end + 1) = DATE '2022-01-01'""", [NIZHYN], path=built_db)
    assert data["Ніжин"] == [float(level["value"][0])]  # a level, never summed or averaged per month
    assert "станом на 01.01.2022" in app.dataframe[0].value["Охоплення"][0]


def test_periods_mode_documents_2021_against_2020(app: AppTest, built_db: Path) -> None:
    app.button_group(key="cmp_mode").set_value("periods").run()
    app.sidebar.multiselect(key="metric").set_value(["documents_published"]).run()
    app.button_group(key="cmp_pmode").set_value("custom").run()
    app.radio(key="cmp_pgran").set_value("year").run()
    app.selectbox(key="cmp_p1").set_value("2021").run()
    app.selectbox(key="cmp_p2").set_value("2020").run()
    assert not app.exception
    now, n_now = year_sum(built_db, NIZHYN, "documents_published", 2021)
    before, n_before = year_sum(built_db, NIZHYN, "documents_published", 2020)
    assert n_now == n_before == 12
    row = app.dataframe[0].value.iloc[0]
    assert (row["2021 рік"], row["2020 рік"]) == (format_number(now), format_number(before))
    assert row["Зміна"] == "+" + format_number(now - before)
    assert row["Зміна, %"] == "▲ " + format_percent((now - before) / before * 100)
    data, _ = bars(app)
    assert data == {"2021 рік": [now], "2020 рік": [before]}


def test_periods_mode_defaults_to_this_year_against_last_and_all_metrics(app: AppTest, built_db: Path) -> None:
    app.button_group(key="cmp_mode").set_value("periods").run()
    app.sidebar.multiselect(key="metric").set_value([]).run()
    table = app.dataframe[0].value
    assert list(table.columns[1:3]) == ["2024 рік", "2023 рік"]
    present = set(query("""SELECT DISTINCT metric FROM observations WHERE city_code = ?
                           AND year(coalesce(as_of - 1, period_end)) IN (2023, 2024)""", [NIZHYN], path=built_db)["metric"])
    assert len(table) == len(present)


def test_english_switch(app: AppTest) -> None:
    app.sidebar.radio(key="lang").set_value("en").run()
    assert not app.exception
    assert app.title[0].value == "Compare"
    table = app.dataframe[0].value
    assert list(table.columns[:3]) == ["Metric", "Nizhyn", "Lysychansk"]
    assert "12 of 12 months" in table["Coverage"][0]
    app.button_group(key="cmp_mode").set_value("periods").run()
    assert list(app.dataframe[0].value.columns) == ["Metric", "2024", "2023", "Change", "Change, %", "Notes", "Source"]


def test_period_table_and_basis_rules() -> None:
    def fig(start: str, end: str, gran: str, value: float, kind: str = "flow", metric: str = "news_published",
            as_of: str | None = None) -> dict:
        return {"city_code": NIZHYN, "department": "d", "metric": metric, "kind": kind, "granularity": gran,
                "period_start": pd.Timestamp(start), "period_end": pd.Timestamp(end), "value": value,
                "as_of": pd.Timestamp(as_of) if as_of else pd.NaT, "approximate": False, "status": "reported",
                "source": "s.xlsx", "locator": "A!B2", "demo": False}

    obs = pd.DataFrame([fig("2019-07-01", "2019-07-31", "month", 10), fig("2019-08-01", "2019-08-31", "month", 20),
                        fig("2019-07-01", "2019-09-30", "quarter", 99),
                        fig("2019-09-01", "2019-09-30", "month", 150, "stock", "ngos_registered", "2019-10-01")])
    kinds = {"news_published": "flow", "ngos_registered": "stock"}
    table = period_table(obs, [NIZHYN, LYSYCHANSK], list(kinds), kinds, [quarter_period(2019, 3), year_period(2019)])
    got = table.set_index(["city_code", "metric", "period_key"])
    q = got.loc[(NIZHYN, "news_published", "2019-Q3")]
    assert (q["total"], q["granularities"]) == (99, "quarter")  # the exact figure, not the months
    y = got.loc[(NIZHYN, "news_published", "2019")]
    assert (y["total"], y["granularities"], y["months_reported"], y["complete"]) == (30, "month", 2, False)
    assert not got.loc[(LYSYCHANSK, "news_published", "2019")]["reported"]
    pop = pd.DataFrame({"city_code": [NIZHYN], "year": [2019], "population": [50_000], "source": ["x"]})
    values = period_basis(table, "per_month", pop)
    assert values[(table["metric"] == "news_published") & (table["period_key"] == "2019")].iloc[0] == 15
    assert values[(table["metric"] == "ngos_registered") & (table["period_key"] == "2019")].iloc[0] == 150
    per_10k = period_basis(table, "per_10k", pop)
    assert per_10k[(table["metric"] == "ngos_registered") & (table["period_key"] == "2019")].iloc[0] == 30
