"""The app, driven by Streamlit's AppTest: every page renders and shows what the warehouse holds."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from activity.warehouse.store import query

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def app(page) -> AppTest:
    return page("holdings", run=False)


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_holdings_page_shows_the_warehouse_totals(app: AppTest, built_db: Path) -> None:
    app.run()
    assert not app.exception
    n = int(query("SELECT count(*) AS n FROM observations", path=built_db)["n"][0])
    shown = _metrics(app)
    assert shown["Показників"].replace("\u00a0", " ") == f"{n:,}".replace(",", " ")
    assert shown["Міст"] == "2"
    table = app.dataframe[0].value
    assert int(table["figures"].sum()) == n
    assert set(table["city"]) == {"Ніжин", "Лисичанськ"}


def test_hiding_demo_leaves_only_real_figures(app: AppTest, built_db: Path) -> None:
    app.run()
    app.toggle(key="hide_demo").set_value(True).run()
    table = app.dataframe[0].value
    real = int(query("SELECT count(*) AS n FROM observations WHERE NOT demo", path=built_db)["n"][0])
    assert int(table["figures"].sum()) == real == 40
    assert set(table["demo"]) == {"ні"}


def test_english(app: AppTest) -> None:
    app.session_state["lang"] = "en"  # set by the switch in dashboard.py, which switch_page skips
    app.run()
    assert not app.exception
    assert "Figures" in _metrics(app)
    assert set(app.dataframe[0].value["city"]) == {"Nizhyn", "Lysychansk"}


def test_entry_has_the_language_switch_and_opens_the_overview(page) -> None:
    at = page(None)
    assert not at.exception
    assert at.sidebar.radio(key="lang").value == "uk"
    assert at.title[0].value == "Огляд"


def test_a_shared_link_reopens_the_same_view(page) -> None:
    at = page(None, query={"lang": "English",  # bound widgets keep their shown label in the URL
                           "ov_gran": "year"})
    assert not at.exception
    assert at.title[0].value == "Overview"
    assert at.sidebar.radio(key="lang").value == "en"
    assert at.sidebar.radio(key="ov_gran").value == "year"


def test_no_warehouse_explains_what_to_do(page, tmp_path: Path) -> None:
    at = page("holdings", db=tmp_path / "none.duckdb")
    assert not at.exception
    assert "python -m etl build" in at.info[0].value


def test_pages_hold_no_sql() -> None:
    for page in [ROOT / "dashboard.py", *(ROOT / "pages").glob("*.py")]:
        text = page.read_text(encoding="utf-8").lower()
        assert "duckdb" not in text and "select " not in text, page


@pytest.mark.parametrize("name", ["overview", "trends", "compare", "civil_society", "data", "holdings"])
def test_every_page_explains_a_missing_warehouse(page, name: str, tmp_path: Path) -> None:
    at = page(name, db=tmp_path / "none.duckdb")
    assert not at.exception
    assert any("python -m etl build" in i.value for i in at.info)


@pytest.fixture(scope="module")
def many_places_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse of 32 hromadas (synthetic, one year): more than the Holdings page lists in full."""
    from etl.load.loader import load
    from etl.synth import units, write_unit

    folder = tmp_path_factory.mktemp("many")
    files = [write_unit(u, range(2023, 2024), folder, seed=9)[0] for u in units(32, seed=4)]
    db = folder / "many.duckdb"
    assert load(files, db, jobs=1).loaded
    return db


def test_holdings_of_many_places_lists_places_then_the_chosen_ones(page, many_places_db: Path) -> None:
    at = page("holdings", db=many_places_db)
    assert not at.exception
    by_place = at.dataframe[0].value
    per_place = query("SELECT city_uk, count(*) AS n FROM observations GROUP BY ALL", path=many_places_db)
    assert len(by_place) == 32 and int(by_place["figures"].sum()) == int(per_place["n"].sum())
    assert len(at.dataframe) == 2 and at.info  # the detailed table waits for a choice
    biggest = query("SELECT city_code, city_uk, count(*) AS n FROM observations GROUP BY ALL ORDER BY n DESC LIMIT 1",
                    path=many_places_db).iloc[0]
    at.multiselect(key="holdings_city").set_value([biggest["city_code"]]).run()
    detail = at.dataframe[1].value
    assert set(detail["city"]) == {biggest["city_uk"]} and int(detail["figures"].sum()) == int(biggest["n"])


QUALITY_CHECKS = ("totals_against_months", "duplicate_figures", "months_not_reported")


def test_quality_checks_of_chosen_places_are_those_places_rows_of_the_whole(many_places_db: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from activity.warehouse import queries

    monkeypatch.setenv("DASHBOARD_DB", str(many_places_db))
    gaps = queries.months_not_reported()
    codes = sorted(set(gaps["city_code"]))[:2]
    assert len(codes) == 2 and len(set(gaps["city_code"])) > 2  # the synthetic hromadas leave months out
    for name in QUALITY_CHECKS:
        whole = getattr(queries, name)()
        part = getattr(queries, name)(city_codes=codes)
        expected = whole[whole["city_code"].isin(codes)].reset_index(drop=True)
        pd.testing.assert_frame_equal(part.reset_index(drop=True), expected, check_dtype=False)


def test_quality_of_many_places_checks_the_chosen_ones(page, many_places_db: Path) -> None:
    from activity import quality
    from activity.warehouse import queries

    at = page("quality", db=many_places_db)  # DASHBOARD_DB stays there for the queries below
    assert not at.exception
    assert [s.value.split(":")[0] for s in at.subheader] == ["Невідомі назви показників у завантаженнях",
                                                             "Назви показників, зіставлені людьми"]
    assert any("Оберіть" in i.value for i in at.info)  # the checks wait for a choice
    gaps = queries.months_not_reported()
    code, name = gaps.iloc[0][["city_code", "city_uk"]]
    at.multiselect(key="quality_city").set_value([code]).run()
    assert not at.exception
    assert len(at.subheader) == 5
    shown = at.dataframe[-1].value
    assert set(shown["Місто"]) == {name}
    expected = quality.gap_table(queries.months_not_reported(city_codes=[code]), "uk", True)
    assert len(shown) == len(expected) > 0 and int(shown["Не подано місяців"].sum()) == int(expected["n"].sum())
