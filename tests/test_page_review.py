"""Перевірка звіту / Review: figures read from a report, corrected in a table, then loaded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from activity.warehouse.store import query
from etl.passwords import hash_password
from etl.reports.extraction import extract_text
from ui.review import editable_table, highlighted, problems_in, to_result

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "samples" / "pryklad_nizhyn_2024_05.txt"


@pytest.fixture
def app(page, built_db: Path, tmp_path: Path) -> tuple[AppTest, Path]:
    db = tmp_path / "w.duckdb"
    shutil.copyfile(built_db, db)
    at = page("review", db=db, auth={"accounts": {"olena": hash_password("рукопис-2024-весна")}},  # loading needs a login
              session={"auth_user": "olena"}, timeout=60)
    at.radio(key="rv_source").set_value("sample").run()
    return at, db


def test_the_example_is_read_checked_and_loaded(app) -> None:
    at, db = app
    assert not at.exception
    report = extract_text(SAMPLE.read_text(encoding="utf-8"), SAMPLE.name)
    assert len(report.figures) == 12
    assert "Ніжин" in at.markdown[0].value and "травень 2024" in at.markdown[0].value
    at.button(key="rv_load").click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Завантажено: 12")
    assert query("SELECT loaded_by FROM sources WHERE name = ?", [SAMPLE.name], path=db)["loaded_by"].tolist() == ["olena"]
    rows = query("""SELECT metric, value, demo, locator FROM observations WHERE source = ?
                    ORDER BY metric""", [SAMPLE.name], path=db)
    assert len(rows) == 12 and rows["demo"].all()
    assert dict(zip(rows["metric"], rows["value"], strict=True))["news_published"] == 431
    assert rows["locator"].str.contains("431").any()  # each figure keeps its sentence
    may = query("""SELECT value FROM observations WHERE city = 'Nizhyn' AND metric = 'news_published'
                   AND period_start = DATE '2024-05-01' AND granularity = 'month'""", path=db)
    assert may["value"].tolist() == [431]  # one figure per key: the newest demo source wins


def test_corrections_replace_the_loaded_version() -> None:
    raw = SAMPLE.read_bytes()
    report = extract_text(raw.decode("utf-8"), SAMPLE.name)
    table = editable_table(report)
    first = to_result(report, table, raw)
    table.loc[table["metric"] == "news_published", "value"] = 432
    table.loc[table["metric"] == "videos_published", "keep"] = False
    second = to_result(report, table, raw)
    assert first.content_hash != second.content_hash and first.name == second.name
    values = {f.metric: f.value for f in second.figures}
    assert values["news_published"] == 432 and "videos_published" not in values
    ngos = next(f for f in second.figures if f.metric == "ngos_registered")
    assert ngos.as_of.isoformat() == "2024-06-01"


def test_rows_to_fix_are_named() -> None:
    report = extract_text(SAMPLE.read_text(encoding="utf-8"), SAMPLE.name)
    table = editable_table(report)
    table.loc[0, "value"] = -1
    table.loc[1, "value"] = 2.5
    table.loc[2, "metric"] = None
    assert [row for row, _, _ in problems_in(table)] == [1, 2, 3]


def test_the_number_is_marked_in_its_sentence() -> None:
    text = "До відділу надійшло 52 листи (з них 3 запити)."
    md = highlighted(text, text.index("52"), 52)
    assert ":orange-background[**52**]" in md and "\\(" in md


def test_a_city_chosen_for_a_shared_name_is_remembered(page, built_db: Path, tmp_path: Path) -> None:
    """"Долинської міської ради" is Dolyna or Dolynska: the reviewer chooses once, ticks "remember", and
    the next report that writes it is read as Dolyna without asking."""
    from activity.places import resolve_place

    db = tmp_path / "w.duckdb"
    shutil.copyfile(built_db, db)
    text = ("Звіт про роботу сектору комунікацій Долинської міської ради за ІІ півріччя 2021 року\n"
            "Оприлюднено 120 новин на сайті.\n")
    at = page("review", db=db, auth={"accounts": {"olena": hash_password("рукопис-2024-весна")}},
              session={"auth_user": "olena"}, timeout=60)
    at.radio(key="rv_source").set_value("paste").run()
    at.text_area(key="rv_text").input(text).run()
    assert not at.exception and at.selectbox(key="rv_city_pick").value is None  # asked, not guessed
    dolyna = resolve_place("Долина Івано-Франківська область").place.code
    at.selectbox(key="rv_city_pick").set_value(dolyna).run()
    at.button(key="rv_city_go").click().run()
    assert at.checkbox(key="rv_remember_place").value is True
    at.button(key="rv_load").click().run()
    assert not at.exception and at.success and at.info[-1].value.startswith("Запам’ятали")
    again = extract_text(text, "інший.txt")
    assert again.place is not None and again.place.code == dolyna
