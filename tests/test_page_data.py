"""Data page: every figure for the filters, counted and paged by the warehouse, each traced to its file and cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from activity.warehouse.store import query

NIZ = "UA74040250010023991"
LYS = "UA44120050010021900"
NBSP = "\u00a0"
HEADERS_UK = ["Місто", "Показник", "Період", "Значення", "≈", "Станом на", "Джерело", "Клітинка", "Вид",
              "Статус", "Демо", "Розбивка", "Підрозділ"]
HEADERS_EN = ["City", "Metric", "Period", "Value", "≈", "As of", "Source", "Cell", "Kind", "Status", "Demo",
              "Breakdown", "Department"]


@pytest.fixture
def at(page) -> AppTest:
    app = page("data")
    assert not app.exception
    return app


def count(db: Path, cities: list[str], metrics: list[str] | None, start: str, end: str, demo: bool = True) -> int:
    """The warehouse's own count of figures touching [start, end] (a stock by its as-of date)."""
    return int(query(
        """SELECT count(*) AS n FROM observations
           WHERE city_code IN (SELECT unnest(?::VARCHAR[]))
             AND (?::VARCHAR[] IS NULL OR metric IN (SELECT unnest(?::VARCHAR[])))
             AND (? OR NOT demo)
             AND coalesce(as_of, period_end) >= ?::DATE AND period_start <= ?::DATE""",
        [cities, metrics, metrics, demo, start, end], path=db)["n"].iloc[0])


def found(at: AppTest) -> int:
    text = next(m.value for m in at.markdown if "Знайдено" in m.value or "found" in m.value)
    return int("".join(ch for ch in text if ch.isdigit()))


def test_default_filters_count_and_first_page(at: AppTest, built_db: Path) -> None:
    n = count(built_db, [NIZ, LYS], ["news_published"], "2017-01-01", "2024-12-31")
    assert found(at) == n
    table = at.dataframe[0].value
    assert list(table.columns) == HEADERS_UK
    assert len(table) == min(n, 200)
    assert set(table["Показник"]) == {"Новини та інформаційні матеріали на сайті"}
    assert set(table["Вид"]) == {"потік"}


def test_empty_metric_list_means_every_metric_paged_by_200(at: AppTest, built_db: Path) -> None:
    at.sidebar.multiselect(key="metric").set_value([]).run()
    n = count(built_db, [NIZ, LYS], None, "2017-01-01", "2024-12-31")
    total = int(query("SELECT count(*) AS n FROM observations", path=built_db)["n"].iloc[0])
    assert found(at) == n == total  # the default span and cities hold every figure
    assert f"Знайдено {n:,} показник".replace(",", NBSP) in at.markdown[0].value
    assert len(at.dataframe[0].value) == 200
    pages = -(-n // 200)
    at.number_input(key="page").set_value(pages).run()
    assert not at.exception
    assert len(at.dataframe[0].value) == n - (pages - 1) * 200
    assert any(f"Сторінка {pages} з {pages}" in c.value for c in at.caption)
    # narrowing the filters under a late page falls back to the last page there is
    at.sidebar.multiselect(key="metric").set_value(["news_published"]).run()
    assert not at.exception
    assert at.number_input(key="page").value == -(-count(built_db, [NIZ, LYS], ["news_published"], "2017-01-01", "2024-12-31") // 200)


def test_real_nizhyn_2017_figure_traced_to_its_file_and_cell(at: AppTest, built_db: Path) -> None:
    at.sidebar.multiselect(key="city").set_value([NIZ]).run()
    at.sidebar.select_slider(key="years").set_value((2017, 2017)).run()
    real = query("""SELECT locator FROM observations WHERE city_code = ? AND metric = 'news_published'
                    AND granularity = 'year' AND NOT demo""", [NIZ], path=built_db)
    assert found(at) == count(built_db, [NIZ], ["news_published"], "2017-01-01", "2017-12-31")
    table = at.dataframe[0].value
    row = table[table["Значення"] == f"5{NBSP}790"]
    assert len(row) == 1
    row = row.iloc[0]
    assert (row["Джерело"], row["Клітинка"]) == ("nizhyn_2017_year.csv", real["locator"].iloc[0])
    assert (row["Період"], row["Демо"], row["Місто"], row["Статус"]) == ("2017 рік", "ні", "Ніжин", "подано")
    # the year figure and the demo months are separate rows: nothing is added up here
    assert (table["Період"] == "2017 рік").sum() == 1


def test_hiding_demo_leaves_only_the_real_rows(at: AppTest, built_db: Path) -> None:
    at.sidebar.multiselect(key="metric").set_value([]).run()
    at.toggle(key="hide_demo").set_value(True).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert found(at) == len(table) == count(built_db, [NIZ, LYS], None, "2017-01-01", "2024-12-31", demo=False) == 40
    assert set(table["Демо"]) == {"ні"}
    stocks = table[table["Вид"] == "залишок"]
    party = stocks[(stocks["Місто"] == "Лисичанськ") & (stocks["Показник"] == "Осередки політичних партій")]
    assert party["Значення"].tolist() == ["97"] and party["Станом на"].tolist() == ["01.10.2019"]


def test_english_headers(at: AppTest) -> None:
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table.columns) == HEADERS_EN
    assert set(table["City"]) == {"Nizhyn", "Lysychansk"}
    assert set(table["Kind"]) == {"flow"}
    assert any("figures found" in m.value for m in at.markdown)


def test_no_figures_explains_what_to_do(at: AppTest) -> None:
    at.sidebar.multiselect(key="city").set_value([]).run()
    assert not at.exception
    assert "Оберіть місто" in at.info[0].value
