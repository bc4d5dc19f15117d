"""Exports of the shipped warehouse: series tables and the report workbook against the warehouse's
own figures, the `export` command, and every page's download buttons (what they build when clicked)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from activity.export import to_xlsx
from activity.export.report_book import ReportEmpty, report_tables, report_workbook
from activity.export.tables import series_export
from activity.periods import period_from_key
from activity.warehouse.store import query
from etl.cli import main

NIZ, LYS = "UA74040250010023991", "UA44120050010021900"


@pytest.fixture
def wh(built_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DASHBOARD_DB", str(built_db))
    return built_db


def one(db: Path, sql: str, *params) -> float | None:
    value = query(sql, list(params), path=db).iloc[0, 0]
    return None if pd.isna(value) else float(value)


def month_sum(db: Path, city: str, metric: str, start: str, end: str) -> float | None:
    return one(db, """SELECT sum(value) FROM observations WHERE city_code = ? AND metric = ? AND granularity = 'month'
                      AND breakdown IS NULL AND period_start >= ?::DATE AND period_end <= ?::DATE""",
               city, metric, start, end)


def sheet_rows(data: bytes, sheet: str, first: str) -> tuple[list, list[list]]:
    """(header, rows) of a table sheet, found by its first header."""
    rows = list(openpyxl.load_workbook(io.BytesIO(data))[sheet].iter_rows(values_only=True))
    h = next(i for i, r in enumerate(rows) if r[0] == first)
    return list(rows[h]), [list(r) for r in rows[h + 1:]]


def test_flow_table_matches_the_warehouse_with_gaps_and_sources(wh: Path) -> None:
    tables, context = series_export([NIZ, LYS], ["news_published"], date(2022, 1, 1), date(2023, 12, 31),
                                    granularity="quarter")
    header, rows = sheet_rows(to_xlsx(tables, context), "Потоки", "Місто")
    assert header[:6] == ["Місто", "Показник", "Період", "Початок", "Кінець", "Значення (усього)"]
    by = {(r[0], r[2]): r for r in rows}
    assert len(rows) == 2 * 8
    assert by[("Ніжин", "І квартал 2022")][5] == month_sum(wh, NIZ, "news_published", "2022-01-01", "2022-03-31")
    gap = by[("Лисичанськ", "І квартал 2023")]  # demo figures for Lysychansk end in 2022
    assert gap[5] is None and gap[8] == "не подано"
    assert by[("Ніжин", "І квартал 2022")][3].date() == date(2022, 1, 1)
    cells = query("""SELECT source, locator FROM observations WHERE city_code = ? AND metric = 'news_published'
                     AND granularity = 'month' AND period_start BETWEEN '2022-01-01' AND '2022-03-31'
                     ORDER BY period_start""", [NIZ], path=wh)
    sources = list(openpyxl.load_workbook(io.BytesIO(to_xlsx(tables, context)))["Джерела"].iter_rows(values_only=True))
    listed = [(r[5], r[6]) for r in sources if r[2] == "Ніжин · Новини та інформаційні матеріали на сайті · І квартал 2022"]
    assert listed == list(zip(cells["source"], cells["locator"], strict=True))


def test_a_reported_zero_stays_zero(wh: Path) -> None:
    zero = query("""SELECT city_code, metric, period_start FROM observations WHERE value = 0 AND kind = 'flow'
                    AND granularity = 'month' AND breakdown IS NULL ORDER BY city_code, metric, period_start LIMIT 1""",
                 path=wh).iloc[0]
    start = pd.Timestamp(zero["period_start"]).date()
    tables, context = series_export([zero["city_code"]], [zero["metric"]], start, start.replace(day=28))
    header, rows = sheet_rows(to_xlsx(tables, context), "Потоки", "Місто")
    assert rows[0][5] == 0 and rows[0][8] is None


def test_levels_table_keeps_levels_on_their_dates(wh: Path) -> None:
    tables, context = series_export([LYS], ["ngos_registered"], date(2019, 1, 1), date(2019, 12, 31))
    header, rows = sheet_rows(to_xlsx(tables, context), "Залишки", "Місто")
    assert header == ["Місто", "Показник", "Станом на", "Значення", "Демо"]
    level = {r[2].date(): r[3] for r in rows}
    assert level[date(2019, 10, 1)] == 155  # the real report's "станом на 01.10.2019"


def test_report_workbook_against_the_warehouse(wh: Path) -> None:
    q3 = period_from_key("2019-Q3")
    data = report_workbook(LYS, q3, NIZ)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames[:3] == ["Публікації", "Документообіг і листування", "Заходи та виступи"]
    assert "Громадянське суспільство" in wb.sheetnames and wb.sheetnames[-2:] == ["Джерела", "Показники"]
    header, rows = sheet_rows(data, "Публікації", "Показник")
    assert header[:6] == ["Показник", "Лисичанськ, ІІІ квартал 2019", "Лисичанськ, ІІ квартал 2019",
                          "Зміна до попереднього періоду", "Зміна до попереднього періоду, %",
                          "Ніжин, ІІІ квартал 2019"]
    news = next(r for r in rows if r[0] == "Новини та інформаційні матеріали на сайті")
    prev = month_sum(wh, LYS, "news_published", "2019-04-01", "2019-06-30")
    nizhyn = month_sum(wh, NIZ, "news_published", "2019-07-01", "2019-09-30")
    assert news[1:4] == [408, prev, 408 - prev] and news[5] == nizhyn
    assert news[4] == pytest.approx(round((408 - prev) / prev * 100, 1))
    people = one(wh, "SELECT population FROM population WHERE place_code = ? AND year = 2019", LYS)
    assert news[6] == pytest.approx(round(408 / people * 10_000, 1))
    civil_header, civil = sheet_rows(data, "Громадянське суспільство", "Показник")
    ngos = next(r for r in civil if r[0].startswith("Громадські організації"))
    assert ngos[1] == 155 and "станом на 01.10.2019" in ngos[-1]
    sources = list(wb["Джерела"].iter_rows(values_only=True))
    assert ("Публікації", "B", "lysychansk_2019_q3_quarter.csv", "E16") in {
        (r[0], r[1][:1], r[5], r[6]) for r in sources[1:] if r[2] == "Новини та інформаційні матеріали на сайті"}


def test_report_workbook_in_english_and_with_nothing_to_report(wh: Path) -> None:
    tables = report_tables(NIZ, period_from_key("2021-03"), LYS, lang="en")
    assert [tb.sheet for tb in tables][0] == "Publications"
    assert list(tables[0].frame.columns[:2]) == ["Metric", "Nizhyn, March 2021"]
    assert tables[0].frame.iloc[0, 1] == 465
    with pytest.raises(ReportEmpty):
        report_tables(NIZ, period_from_key("2030-01"), LYS)


def cli(db: Path, *args: str):
    return CliRunner().invoke(main, ["--db", str(db), "export", *args], catch_exceptions=False)


def test_cli_exports_xlsx_with_the_apps_filters(built_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "новини.xlsx"
    result = cli(built_db, "--out", str(out), "--city", "Ніжин", "--metric", "Новини на сайті",
                 "--from", "січень 2021", "--to", "2021-03")
    assert result.exit_code == 0, result.output
    assert "Записано" in result.output
    header, rows = sheet_rows(out.read_bytes(), "Потоки", "Місто")
    assert [r[2] for r in rows] == ["січень 2021", "лютий 2021", "березень 2021"]
    assert [r[5] for r in rows] == [one(built_db, """SELECT value FROM observations WHERE city_code = ? AND
                                               metric = 'news_published' AND granularity = 'month'
                                               AND period_start = ?::DATE""", NIZ, f"2021-0{m}-01")
                                    for m in (1, 2, 3)]
    assert rows[2][5] == 465  # March 2021: the real monthly report wins over the demo figure


def test_cli_csv_in_english_with_comma_and_per_month_basis(built_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "news.csv"
    result = cli(built_db, "--out", str(out), "--city", NIZ, "--metric", "news_published", "--from", "2021-Q1",
                 "--to", "2021-Q1", "--granularity", "quarter", "--basis", "per_month", "--lang", "en", "--sep", ",",
                 "--no-demo")
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out, encoding="utf-8-sig")
    assert list(frame.columns[:6]) == ["City", "Metric", "Period", "Start", "End", "Value (average per month)"]
    assert frame["Value (average per month)"].tolist() == [465]  # real figures only: March's, over 1 month
    assert frame["Note"].tolist() == ["partial period: 1 of 3 months"]


def test_cli_report_and_errors(built_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "звіт.xlsx"
    assert cli(built_db, "--out", str(out), "--report", "Ніжин", "березень 2021", "--vs", "Лисичанськ").exit_code == 0
    assert openpyxl.load_workbook(out).sheetnames[0] == "Публікації"
    assert cli(built_db, "--out", str(tmp_path / "r.csv"), "--report", "Ніжин", "2021-03").exit_code == 2
    assert cli(built_db, "--out", str(tmp_path / "x.xlsx"), "--city", "Київ").exit_code == 2
    assert cli(built_db, "--out", str(tmp_path / "x.xlsx"), "--department", "відділ кадрів").exit_code == 2
    assert cli(built_db, "--out", str(tmp_path / "x.txt")).exit_code == 2
    nothing = cli(built_db, "--out", str(tmp_path / "x.xlsx"), "--report", "Ніжин", "2030-01")
    assert nothing.exit_code == 1 and not (tmp_path / "x.xlsx").exists()


@pytest.fixture
def clicked(wh: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    """Every download button a page renders: key -> (data callable, file name)."""
    import streamlit as st

    found: dict = {}
    real = DeltaGenerator.download_button

    def record(self, label, data, *args, **kwargs):
        found[kwargs["key"]] = (data, kwargs.get("file_name"))
        return real(self, label, data, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", record)
    monkeypatch.setattr(st, "download_button", lambda *a, **kw: record(st._main, *a, **kw))
    return found


def run_page(page, name: str) -> AppTest:
    at = page(name, timeout=60)
    assert not at.exception
    return at


def test_data_page_downloads_every_figure_it_found(clicked: dict, wh: Path, page) -> None:
    at = run_page(page, "data")
    at.sidebar.multiselect(key="metric").set_value([]).run()  # every metric: more than one page of 200
    shown = at.dataframe[0].value
    build, name = clicked["dl_data_xlsx"]
    assert name.endswith(".xlsx")
    header, rows = sheet_rows(build(), "Дані", "Місто")
    assert header == list(shown.columns)
    n = one(wh, """SELECT count(*) FROM observations WHERE city_code IN (?, ?)
                   AND coalesce(as_of, period_end) >= '2017-01-01' AND period_start <= '2024-12-31'""", NIZ, LYS)
    assert len(rows) == n > len(shown)  # every page of the table, not only the one on screen
    assert all(isinstance(r[3], int | float) for r in rows if r[3] is not None)
    csv_rows = clicked["dl_data_csv"][0]().decode("utf-8-sig").splitlines()
    assert csv_rows[0].split(";") == list(shown.columns) and len(csv_rows) == n + 1


@pytest.mark.parametrize(("name", "key", "sheet"), [
    ("trends", "dl_trend_flows_xlsx", "Потоки"), ("compare", "dl_cmp_cities_chart_xlsx", "Порівняння"),
    ("civil_society", "dl_civil_ngos_registered_xlsx", "Залишки"), ("holdings", "dl_holdings_xlsx", "Що є у сховищі"),
    ("holdings", "dl_files_xlsx", "Завантажені файли"), ("overview", "dl_overview_xlsx", "Огляд"),
    ("overview", "dl_report", "Публікації"),
])
def test_every_page_offers_its_tables(clicked: dict, page, name: str, key: str, sheet: str) -> None:
    run_page(page, name)
    assert key in clicked
    if not key.endswith("_xlsx") and key != "dl_report":
        return
    wb = openpyxl.load_workbook(io.BytesIO(clicked[key][0]()))
    assert sheet in wb.sheetnames and wb.sheetnames[-2:] == ["Джерела", "Показники"]
    if key.endswith("_xlsx"):
        assert clicked[key.replace("_xlsx", "_csv")][0]().startswith(b"\xef\xbb\xbf")


def test_trends_download_is_the_chart(clicked: dict, page) -> None:
    run_page(page, "trends")
    header, rows = sheet_rows(clicked["dl_trend_flows_xlsx"][0](), "Потоки", "Місто")
    assert len(rows) == 2 * 96  # two cities, every month of 2017-2024, as on the chart's x axis
    assert {r[0] for r in rows} == {"Ніжин", "Лисичанськ"}
