"""Departments on the pages: compared side by side (one city's, or one kind's across cities), as
lines of their own on Trends, as a filter and a column on Data; each department's own figures, told
apart by code.

The shipped warehouse has one department per city; `two_departments` adds Nizhyn's general
department (a standard name, `<КАТОТТГ>.general`) with figures of its own for 2021.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from activity.formatting import format_number
from activity.warehouse.store import query
from tests.conftest import DEPT_NIZHYN, LYSYCHANSK, MONTHS, NIZHYN, long_rows, write_xlsx
from tests.test_page_compare import bars as compare_bars

GENERAL = f"{NIZHYN}.general"
COMMS = "nizhyn.communications"
INTERNAL = "lysychansk.internal_policy"
DEPT_LYSYCHANSK = "відділ з питань внутрішньої політики, зв’язку з громадськістю та ЗМІ"
NEWS, DOCS, NGOS = "news_published", "documents_published", "ngos_registered"


@pytest.fixture(scope="module")
def two_departments(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The shipped warehouse with Nizhyn's general department: every month of 2021's news, three
    months of documents, and a level of organisations as of 01.01.2022."""
    from etl.load.loader import load

    folder = tmp_path_factory.mktemp("two")
    db = folder / "warehouse.duckdb"
    shutil.copyfile(built_db, db)
    figures = [["Ніжин", "Загальний відділ", f"{m} 2021", NEWS, 10 + i] for i, m in enumerate(MONTHS)]
    figures += [["Ніжин", "Загальний відділ", f"{m} 2021", DOCS, 100 + i] for i, m in enumerate(MONTHS[:3])]
    figures += [["Ніжин", "Загальний відділ", "грудень 2021", NGOS, 7, "01.01.2022"]]
    path = write_xlsx(folder / "general_2021.xlsx", {"Звіт": long_rows(*figures)})
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DASHBOARD_LOCAL_DIR", str(folder / "local"))
        report = load([path], db, user="test")
    assert report.loaded, [p.render() for f in report.files for p in f.problems]
    return db


def flow_sum(db: Path, department: str, metric: str, year: int) -> tuple[float, int]:
    """A department's monthly figures of one year in the warehouse: their sum and how many months."""
    row = query("""SELECT sum(value) AS s, count(*) AS n FROM observations WHERE department_code = ? AND metric = ?
                   AND granularity = 'month' AND breakdown IS NULL AND year(period_start) = ?""",
                [department, metric, year], path=db)
    return float(row["s"][0]), int(row["n"][0])


def level_on(db: Path, department: str, metric: str, day: str) -> tuple[float, date]:
    """A department's stock level standing on `day` (the latest on or before it) and its date."""
    row = query("""SELECT value, coalesce(as_of, period_end + 1) AS d FROM observations
                   WHERE department_code = ? AND metric = ? AND breakdown IS NULL AND coalesce(as_of, period_end + 1) <= ?::DATE
                   ORDER BY d DESC, period_end DESC LIMIT 1""", [department, metric, day], path=db)
    return float(row["value"][0]), row["d"][0]


def bars(at: AppTest) -> dict[str, list[float]]:
    return compare_bars(at)[0]


def departments_mode(page, db: Path, metrics: list[str], *, scope: str = "city") -> AppTest:
    """Compare in the departments mode, 2021 as a year, these metrics."""
    at = page("compare", db=db)
    at.button_group(key="cmp_mode").set_value("departments").run()
    if scope != "city":
        at.button_group(key="cmp_dscope").set_value(scope).run()
    at.sidebar.multiselect(key="metric").set_value(metrics).run()
    at.radio(key="cmp_dgran").set_value("year").run()
    at.selectbox(key="cmp_dperiod").set_value("2021").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_one_citys_departments_side_by_side(page, two_departments: Path) -> None:
    at = departments_mode(page, two_departments, [NEWS, DOCS, NGOS])
    assert at.sidebar.selectbox(key="city1").value == NIZHYN
    assert at.multiselect(key="cmp_depts").value == [COMMS, GENERAL]
    table = at.dataframe[0].value
    assert list(table.columns) == ["Показник", DEPT_NIZHYN, "загальний відділ", "Охоплення", "Джерело"]
    assert len(table) == 3  # one row per metric
    rows = table.set_index("Показник")
    news = rows.loc["Новини та інформаційні матеріали на сайті"]
    for name, code in ((DEPT_NIZHYN, COMMS), ("загальний відділ", GENERAL)):
        total, n = flow_sum(two_departments, code, NEWS, 2021)
        assert n == 12 and news[name] == format_number(total)  # each department's own, not the city's sum
    docs = rows.loc["Оприлюднені документи (акти, рішення, проєкти)"]
    assert docs["загальний відділ"] == format_number(flow_sum(two_departments, GENERAL, DOCS, 2021)[0])
    assert "загальний відділ: 3 з 12 міс." in docs["Охоплення"]  # coverage: 3 of 12 months
    assert "general_2021.xlsx" in docs["Джерело"]
    ngos = rows.loc["Громадські організації (зареєстровано)"]
    for name, code in ((DEPT_NIZHYN, COMMS), ("загальний відділ", GENERAL)):
        value, day = level_on(two_departments, code, NGOS, "2022-01-01")
        assert ngos[name] == format_number(value)  # a level on its date, never summed over the year
        assert f"{name}: станом на {day:%d.%m.%Y}" in ngos["Охоплення"]
    warning = at.warning[0].value
    assert "неповні дані: загальний відділ — 3 з 12 міс." in warning
    chart = bars(at)
    assert set(chart) == {DEPT_NIZHYN, "загальний відділ"}
    assert {b.key for b in at.get("download_button")} >= {"dl_cmp_depts_chart_xlsx", "dl_cmp_depts_chart_csv"}


def test_per_month_basis_keeps_a_stock_as_its_level(page, two_departments: Path) -> None:
    at = departments_mode(page, two_departments, [NEWS, NGOS])
    at.sidebar.radio(key="basis").set_value("per_month").run()
    rows = at.dataframe[0].value.set_index("Показник")
    total, n = flow_sum(two_departments, GENERAL, NEWS, 2021)
    assert rows.loc["Новини та інформаційні матеріали на сайті", "загальний відділ"] == format_number(total / n, "uk", 1)
    value, _ = level_on(two_departments, GENERAL, NGOS, "2022-01-01")
    assert rows.loc["Громадські організації (зареєстровано)", "загальний відділ"] == format_number(value, "uk", 1)
    assert any("не усереднюються" in c.value for c in at.caption)


def test_one_kind_across_cities(page, two_departments: Path) -> None:
    """The kinds most cities have, enough for two departments: Nizhyn's communications and
    Lysychansk's internal policy departments; the general department (records) is left out."""
    at = departments_mode(page, two_departments, [NEWS], scope="kind")
    assert at.multiselect(key="cmp_kinds").value == ["communications", "internal_policy"]
    table = at.dataframe[0].value
    nizhyn, lysychansk = f"Ніжин · {DEPT_NIZHYN}", f"Лисичанськ · {DEPT_LYSYCHANSK}"
    assert list(table.columns[:3]) == ["Показник", nizhyn, lysychansk]
    for name, code in ((nizhyn, COMMS), (lysychansk, INTERNAL)):
        total, n = flow_sum(two_departments, code, NEWS, 2021)
        assert n == 12 and table[name][0] == format_number(total)
    assert "12 з 12 міс." in table["Охоплення"][0]
    at.multiselect(key="cmp_kinds").set_value(["records"]).run()
    table = at.dataframe[0].value
    assert list(table.columns[:2]) == ["Показник", "Ніжин · загальний відділ"]
    assert any("лише один підрозділ" in i.value for i in at.info)


def test_departments_mode_in_english_uses_the_english_names(page, two_departments: Path) -> None:
    at = page("compare", db=two_departments, session={"lang": "en"})
    at.button_group(key="cmp_mode").set_value("departments").run()
    assert not at.exception
    assert list(at.dataframe[0].value.columns[:3]) == [
        "Metric", "Information, Analysis and Public Communications Department", "General Department"]


def traces(at: AppTest) -> dict[str, dict[str, float]]:
    """{trace name: {period start: value}} of the first chart."""
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return {t["name"]: {x[:10]: y for x, y in zip(t["x"], t["y"], strict=True) if y is not None} for t in spec["data"]}


def test_trends_two_departments_are_two_lines(page, two_departments: Path) -> None:
    at = page("trends", db=two_departments)
    at.sidebar.radio(key="gran").set_value("year").run()
    summed = traces(at)["Ніжин"]["2021-01-01"]  # by default a city's departments are added up
    at.sidebar.multiselect(key="trend_dept").set_value([COMMS, GENERAL]).run()
    assert not at.exception
    lines = traces(at)
    assert set(lines) == {f"Ніжин · {DEPT_NIZHYN}", "Ніжин · загальний відділ"}
    comms, general = lines[f"Ніжин · {DEPT_NIZHYN}"], lines["Ніжин · загальний відділ"]
    assert general == {"2021-01-01": flow_sum(two_departments, GENERAL, NEWS, 2021)[0]}
    assert comms["2021-01-01"] == flow_sum(two_departments, COMMS, NEWS, 2021)[0]
    assert comms["2021-01-01"] + general["2021-01-01"] == summed


def test_trends_department_lines_export_names_each_department(page, two_departments: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from activity.catalog import get_metric  # noqa: F401  (the export labels metrics)
    from ui.export_views import series_view
    from ui.filters import Filters

    monkeypatch.setenv("DASHBOARD_DB", str(two_departments))
    f = Filters("uk", True, [NIZHYN, LYSYCHANSK], [NEWS], date(2021, 1, 1), date(2021, 12, 31), "year")
    tables, _ = series_view(f, [NEWS], "t", {COMMS: DEPT_NIZHYN, GENERAL: "загальний відділ"})()
    frame = tables[0].frame
    assert list(frame.columns[:3]) == ["Місто", "Підрозділ", "Показник"]
    by_department = dict(zip(frame["Підрозділ"], frame.iloc[:, 6], strict=True))
    assert by_department == {DEPT_NIZHYN: flow_sum(two_departments, COMMS, NEWS, 2021)[0],
                             "загальний відділ": flow_sum(two_departments, GENERAL, NEWS, 2021)[0]}


def found(at: AppTest) -> int:
    text = next(m.value for m in at.markdown if "Знайдено" in m.value)
    return int("".join(ch for ch in text if ch.isdigit()))


def test_data_department_filter_keeps_only_that_departments_rows(page, two_departments: Path) -> None:
    at = page("data", db=two_departments)
    at.sidebar.multiselect(key="metric").set_value([]).run()
    every = found(at)
    at.sidebar.multiselect(key="data_dept").set_value([GENERAL]).run()
    assert not at.exception
    n = int(query("SELECT count(*) AS n FROM observations WHERE department_code = ?", [GENERAL],
                  path=two_departments)["n"][0])
    assert found(at) == n == 16 < every
    table = at.dataframe[0].value
    assert len(table) == n and set(table["Підрозділ"]) == {"загальний відділ"}
    assert set(table["Джерело"]) == {"general_2021.xlsx"}


def test_data_export_has_the_department_of_every_row(two_departments: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.export_views import data_view
    from ui.filters import Filters

    monkeypatch.setenv("DASHBOARD_DB", str(two_departments))
    f = Filters("en", True, [NIZHYN, LYSYCHANSK], [], date(2021, 1, 1), date(2021, 12, 31))
    names = {GENERAL: "General Department"}
    table, context = data_view(f, None, 16, lambda k: k, "t", [GENERAL], names)()
    assert len(table.frame) == 16 and set(table.frame["department"]) == {"General Department"}
    assert ("Departments", "General Department") in context.filters


def test_department_list_gives_each_departments_names_and_kind(two_departments: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from activity.warehouse import queries

    monkeypatch.setenv("DASHBOARD_DB", str(two_departments))
    rows = queries.department_list([NIZHYN])
    assert rows[["department_code", "department", "department_en", "department_kind"]].values.tolist() == [
        [COMMS, DEPT_NIZHYN, "Information, Analysis and Public Communications Department", "communications"],
        [GENERAL, "загальний відділ", "General Department", "records"]]
    assert set(queries.department_list([LYSYCHANSK])["department_code"]) == {INTERNAL}


def test_the_departments_export_has_a_column_per_department_with_its_own_sources(
        two_departments: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from activity.periods import year_period
    from ui import data
    from ui.compare_common import Compare
    from ui.export_views import compare_view
    from ui.filters import Filters

    monkeypatch.setenv("DASHBOARD_DB", str(two_departments))
    cx = Compare.load(Filters("uk", True, [NIZHYN], [NEWS, NGOS]), "uk")
    names = {COMMS: DEPT_NIZHYN, GENERAL: "загальний відділ"}
    table = cx.with_basis(data.period_table_by_department([(NIZHYN, COMMS), (NIZHYN, GENERAL)], [NEWS, NGOS],
                                                          [year_period(2021)]))
    table = table.assign(department_name=table["department_code"].map(names))
    out, context = compare_view(cx, table, "department_name", "t", [], names)()
    frame = out.frame.set_index("Показник")
    assert list(frame.columns[:2]) == [DEPT_NIZHYN, "загальний відділ"]
    news = frame.loc["Новини та інформаційні матеріали на сайті"]
    assert news["загальний відділ"] == flow_sum(two_departments, GENERAL, NEWS, 2021)[0]
    assert news[DEPT_NIZHYN] == flow_sum(two_departments, COMMS, NEWS, 2021)[0]
    assert frame.loc["Громадські організації (зареєстровано)", "загальний відділ"] == 7
    general = out.sources[out.sources["column"] == "загальний відділ"]
    assert set(general["source"]) == {"general_2021.xlsx"} and len(general) == 13  # 12 months and the level
    assert "general_2021.xlsx" not in set(out.sources[out.sources["column"] == DEPT_NIZHYN]["source"])
    assert ("Підрозділи", f"{DEPT_NIZHYN}; загальний відділ") in context.filters
