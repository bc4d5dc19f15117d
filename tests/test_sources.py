"""Джерела / Sources: removing a source takes its figures out (obs refreshed, the log says who), the
page confirms before it removes, and the history shows what each replacement superseded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from activity.warehouse.store import query
from etl.load.loader import load
from etl.load.parse import parse_file
from etl.load.warehouse import SourceNotFound, remove_source
from etl.passwords import hash_password
from tests.conftest import DEPT_NIZHYN, long_rows, write_xlsx

MARCH = """SELECT value, source, demo FROM observations WHERE city = 'Nizhyn' AND metric = 'news_published'
           AND period_start = DATE '2021-03-01' AND granularity = 'month'"""


@pytest.fixture
def db(built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "w.duckdb"
    shutil.copyfile(built_db, copy)
    monkeypatch.setenv("DASHBOARD_DB", str(copy))
    return copy


def test_removing_a_source_takes_its_figures_out_and_logs_it(db: Path) -> None:
    assert query(MARCH, path=db).values.tolist() == [[465, "nizhyn_2021_03_month.csv", False]]
    assert remove_source(db, "nizhyn_2021_03_month.csv", "olena") == 3
    assert query(MARCH, path=db).values.tolist() == [[465, "nizhyn_2021.xlsx", True]]  # the demo figure stands again
    assert query("SELECT count(*) AS n FROM observations WHERE source = 'nizhyn_2021_03_month.csv'", path=db)["n"][0] == 0
    source = query("SELECT source_id, active FROM sources WHERE name = 'nizhyn_2021_03_month.csv'", path=db)
    assert source["active"].tolist() == [False]
    facts = query("SELECT count(*) AS n FROM facts WHERE source_id = ?", [int(source["source_id"][0])], path=db)
    assert facts["n"][0] == 0
    log = query("SELECT action, source_name, figures, loaded_by FROM load_log ORDER BY load_id DESC LIMIT 1", path=db)
    assert log.values.tolist() == [["removed", "nizhyn_2021_03_month.csv", 3, "olena"]]


def test_removing_the_only_quarterly_source_leaves_no_quarter(db: Path) -> None:
    remove_source(db, "lysychansk_2019_q3_quarter.csv", "olena")
    left = query("SELECT count(*) AS n FROM observations WHERE granularity = 'quarter'", path=db)["n"][0]
    assert left == 0
    stock = query("""SELECT value, source FROM observations WHERE city = 'Lysychansk'
                     AND metric = 'ngos_registered' AND as_of = DATE '2019-10-01'""", path=db)
    assert stock.values.tolist() == [[155, "lysychansk_2019.xlsx"]]  # the month's level is shown instead


def test_removing_an_unknown_source_changes_nothing(db: Path) -> None:
    before = db.read_bytes()
    with pytest.raises(SourceNotFound):
        remove_source(db, "немає.xlsx", "olena")
    assert db.read_bytes() == before


def _app(page, db: Path) -> AppTest:
    return page("sources", db=db, auth={"accounts": {"olena": hash_password("рукопис-2024-весна")}},
                session={"auth_user": "olena"}, timeout=60)


def test_the_page_lists_sources_and_removes_one_only_when_confirmed(db: Path, page) -> None:
    at = _app(page, db)
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 17 and table["Вміст (SHA-256)"].str.len().eq(12).all()
    real = table[table["Файл або звіт"] == "nizhyn_2017_year.csv"].iloc[0]
    assert real[["Тип", "Показників", "Демо", "Стан"]].tolist() == ["csv", 7, "ні", "діє"]
    at.selectbox(key="src_pick").set_value("nizhyn_2017_year.csv").run()
    assert at.button(key="src_remove").disabled
    assert "(7)" in at.checkbox(key="src_confirm").label
    at.checkbox(key="src_confirm").check().run()
    at.button(key="src_remove").click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Вилучено «nizhyn_2017_year.csv»: показників 7")
    assert at.checkbox(key="src_confirm").value is False
    assert "nizhyn_2017_year.csv" not in at.dataframe[0].value["Файл або звіт"].tolist()
    history = at.dataframe[1].value
    assert history.iloc[0][["Дія", "Файл або звіт", "Завантажив"]].tolist() == ["вилучено", "nizhyn_2017_year.csv", "olena"]
    at.toggle(key="src_all").set_value(True).run()
    every = at.dataframe[0].value
    assert every.loc[every["Файл або звіт"] == "nizhyn_2017_year.csv", "Стан"].tolist() == ["вилучено"]


def test_the_history_shows_what_a_replacement_superseded(db: Path, tmp_path: Path, page) -> None:
    for folder, value in (("v1", 100), ("v2", 120)):
        (tmp_path / folder).mkdir()
        path = write_xlsx(tmp_path / folder / "nizhyn_2025.xlsx",
                          {"A": long_rows(["Ніжин", DEPT_NIZHYN, "січень 2025", "news_published", value, None])})
        load([parse_file(path)], db, user="olena")
    first_hash = query("SELECT content_hash FROM sources WHERE name = 'nizhyn_2025.xlsx' AND NOT active", path=db)
    at = _app(page, db)
    history = at.dataframe[1].value
    row = history.iloc[0]
    assert row["Дія"] == "замінено" and row["Файл або звіт"] == "nizhyn_2025.xlsx"
    assert row["Що замінено"].startswith(f"версія {first_hash['content_hash'][0][:12]} від ")
    assert row["Що замінено"].endswith("(1 показн.)")
    at.toggle(key="src_all").set_value(True).run()
    every = at.dataframe[0].value
    states = every.loc[every["Файл або звіт"] == "nizhyn_2025.xlsx", ["Вміст (SHA-256)", "Стан"]].values.tolist()
    (new_hash, new_state), (old_hash, old_state) = states  # newest first
    assert new_state == "діє" and old_hash == first_hash["content_hash"][0][:12]
    assert old_state.startswith(f"замінено версією {new_hash} від ")
