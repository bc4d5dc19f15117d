"""Civil society page: stock levels at their as-of dates (never summed), the latest level per city, change over a year."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from activity.catalog import metrics_in_category
from activity.series import level_on, year_before
from activity.warehouse.store import query

NIZ = "UA74040250010023991"
LYS = "UA44120050010021900"
# The civil-society metrics the shipped data holds, in catalog order; the others (trade unions,
# associations wound up, ...) show their heading and "nothing for these filters", no cards.
CODES = [m.code for m in metrics_in_category("civil_society")
         if m.code in ("party_cells_registered", "ngos_registered", "religious_orgs_registered")]
CITIES = [(NIZ, "Ніжин"), (LYS, "Лисичанськ")]  # the sidebar's default order


@pytest.fixture
def at(page) -> AppTest:
    app = page("civil_society")
    assert not app.exception
    return app


def cards(at: AppTest) -> dict[tuple[str, str], object]:
    """The level cards by (metric, city code): one row of cards per metric, cities in sidebar order."""
    keys = [(m, c) for m in CODES for c, _ in CITIES]
    assert len(at.metric) == len(keys)
    return dict(zip(keys, at.metric, strict=True))


def charts(at: AppTest) -> dict[str, dict[str, list]]:
    """{metric: {trace name: [(as_of, value)]}} read from the plotly specs (keyed civil_<metric>)."""
    out = {}
    for chart, code in zip(at.get("plotly_chart"), CODES, strict=True):
        spec = json.loads(chart.proto.spec)
        out[code] = {t["name"]: list(zip([x[:10] for x in t["x"]], t["y"], strict=True)) for t in spec["data"]}
    return out


def wh(sql: str, params: list, db: Path) -> pd.DataFrame:
    return query(sql, params, path=db)


def test_latest_level_per_city_is_the_warehouse_latest(at: AppTest, built_db: Path) -> None:
    shown = cards(at)
    for code in CODES:
        for city, name in CITIES:
            row = wh("""SELECT as_of, value FROM observations WHERE city_code = ? AND metric = ?
                        AND breakdown IS NULL ORDER BY as_of DESC LIMIT 1""", [city, code], built_db).iloc[0]
            card = shown[(code, city)]
            as_of = pd.Timestamp(row["as_of"]).date()
            assert f"{name} · станом на {as_of:%d.%m.%Y}" in card.label
            assert "демо" in card.label  # the newest levels are demo figures
            assert card.value == str(int(row["value"]))


def test_change_is_against_the_level_standing_a_year_before(at: AppTest, built_db: Path) -> None:
    card = cards(at)[("party_cells_registered", LYS)]
    latest = wh("SELECT max(as_of) AS d FROM observations WHERE city_code = ? AND metric = 'party_cells_registered'",
                [LYS], built_db)["d"].iloc[0]
    latest = pd.Timestamp(latest).date()
    levels = wh("""SELECT as_of, value FROM observations WHERE city_code = ? AND metric = 'party_cells_registered'
                   AND as_of IN (?, (SELECT max(as_of) FROM observations WHERE city_code = ?
                                     AND metric = 'party_cells_registered' AND as_of <= ?))""",
                [LYS, latest, LYS, year_before(latest)], built_db).sort_values("as_of")
    before, now = levels["value"].tolist()
    diff = int(now - before)
    assert card.proto.delta == (f"+{diff}" if diff > 0 else str(diff))


def test_one_chart_point_per_as_of_date_never_summed(at: AppTest, built_db: Path) -> None:
    drawn = charts(at)
    for code in CODES:
        for city, name in CITIES:
            expected = wh("""SELECT as_of, value FROM observations WHERE city_code = ? AND metric = ?
                             AND breakdown IS NULL AND as_of BETWEEN DATE '2017-01-01' AND DATE '2025-01-01'
                             ORDER BY as_of""", [city, code], built_db)
            points = drawn[code][name]
            assert [p[0] for p in points] == [f"{d:%Y-%m-%d}" for d in pd.to_datetime(expected["as_of"])]
            assert [p[1] for p in points] == expected["value"].tolist()


def test_real_lysychansk_levels_as_of_01_10_2019(at: AppTest) -> None:
    at.toggle(key="hide_demo").set_value(True).run()
    assert not at.exception
    shown = cards(at)
    party, ngos = shown[("party_cells_registered", LYS)], shown[("ngos_registered", LYS)]
    assert party.label == "Лисичанськ · станом на 01.10.2019" and party.value == "97"
    assert ngos.label == "Лисичанськ · станом на 01.10.2019" and ngos.value == "155"
    assert party.proto.delta == "рівня роком раніше немає"
    assert shown[("ngos_registered", NIZ)].value == "—"  # Nizhyn has demo levels only
    assert charts(at)["party_cells_registered"]["Лисичанськ"] == [("2019-10-01", 97)]


def test_a_narrower_span_shows_the_level_standing_at_its_end(at: AppTest, built_db: Path) -> None:
    at.sidebar.select_slider(key="years").set_value((2019, 2019)).run()
    assert not at.exception
    card = cards(at)[("party_cells_registered", LYS)]
    row = wh("""SELECT as_of, value FROM observations WHERE city_code = ? AND metric = 'party_cells_registered'
                AND as_of <= DATE '2020-01-01' ORDER BY as_of DESC LIMIT 1""", [LYS], built_db).iloc[0]
    assert f"станом на {pd.Timestamp(row['as_of']):%d.%m.%Y}" in card.label and card.value == str(int(row["value"]))
    dates = wh("""SELECT DISTINCT as_of FROM observations WHERE city_code = ? AND metric = 'party_cells_registered'
                  AND as_of BETWEEN DATE '2019-01-01' AND DATE '2020-01-01' ORDER BY as_of""", [LYS], built_db)
    points = charts(at)["party_cells_registered"]["Лисичанськ"]
    assert [p[0] for p in points] == [f"{d:%Y-%m-%d}" for d in pd.to_datetime(dates["as_of"])]
    assert ("2019-10-01", 97) in points


def test_english(at: AppTest) -> None:
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert [s.value for s in at.subheader] == [m.label("en") for m in metrics_in_category("civil_society")]
    assert all(" · as of " in m.label for m in at.metric)
    assert "level on a date" in json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["title"]["text"]


def test_no_city_explains_what_to_do(at: AppTest) -> None:
    at.sidebar.multiselect(key="city").set_value([]).run()
    assert not at.exception
    assert "Оберіть місто" in at.info[0].value


def _obs(*rows: tuple[str, float, bool]) -> pd.DataFrame:
    return pd.DataFrame([{
        "city_code": LYS, "metric": "ngos_registered", "status": "reported", "kind": "stock",
        "department": "d", "period_start": pd.Timestamp(d) - pd.DateOffset(months=3),
        "period_end": pd.Timestamp(d) - pd.Timedelta(days=1), "as_of": pd.Timestamp(d), "value": v,
        "approximate": False, "demo": demo, "source": "f.csv", "locator": "E26",
    } for d, v, demo in rows])


def test_level_on_takes_the_latest_level_on_or_before_the_date() -> None:
    obs = _obs(("2018-10-01", 150, True), ("2019-10-01", 155, False))
    assert level_on(obs, LYS, "ngos_registered", date(2019, 10, 1))["value"] == 155
    assert level_on(obs, LYS, "ngos_registered", date(2019, 9, 30))["as_of"] == date(2018, 10, 1)
    assert level_on(obs, LYS, "ngos_registered", date(2018, 9, 30)) is None
    assert level_on(obs, NIZ, "ngos_registered", date(2020, 1, 1)) is None
    assert level_on(obs.iloc[0:0], LYS, "ngos_registered", date(2020, 1, 1)) is None


@pytest.mark.parametrize(("day", "expected"), [
    (date(2019, 10, 1), date(2018, 10, 1)),
    (date(2020, 2, 29), date(2019, 2, 28)),
    (date(2021, 1, 1), date(2020, 1, 1)),
])
def test_year_before(day: date, expected: date) -> None:
    assert year_before(day) == expected
