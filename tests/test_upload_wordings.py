"""The upload page's answer to unknown metric names: a metric chosen for each, remembered as the
signed-in user and loaded; or the files loaded without those rows (ui/upload_wordings.py). The
Data quality page lists what was remembered."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from activity.catalog import METRICS
from activity.warehouse.store import query
from activity.wordings import remembered
from tests.test_upload import AUTH, _csv, _table

ODD = "Фото-звіти для облради"


@pytest.fixture
def app(page, built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[AppTest, Path]:
    db = tmp_path / "w.duckdb"
    shutil.copyfile(built_db, db)
    monkeypatch.setenv("DASHBOARD_UPLOAD_DIR", str(tmp_path / "uploads"))
    return page("upload", db=db, auth=AUTH, session={"auth_user": "olena"}, timeout=60), db


def _mixed() -> bytes:
    return _csv(("квітень 2025", "Вхідні листи", 31), ("квітень 2025", ODD, 4), ("травень 2025", "Вхідні листи", 29))


def _figures(db: Path, metric: str) -> list[float]:
    return query(f"SELECT value FROM facts WHERE source_id IN (SELECT source_id FROM sources WHERE name = 'звіт.csv') "
                 f"AND metric = '{metric}' ORDER BY period_start", path=db)["value"].tolist()


def test_an_unknown_metric_is_chosen_remembered_and_loaded(app) -> None:
    at, db = app
    at.file_uploader(key="up_files").set_value(("звіт.csv", _mixed(), "text/csv")).run()
    assert not at.exception
    assert at.button(key="up_load").disabled
    choice = next(s for s in at.selectbox if s.key and s.key.startswith("up_metric_"))
    assert f"«{ODD}»" in choice.label and "звіт.csv" in choice.label
    assert len(choice.options) == len(METRICS) and choice.options[0].endswith(f"({choice.value})")  # the closest first
    choice.set_value("situation_briefs")
    at.button(key="up_metric_remember").click().run()
    assert not at.exception and not at.error
    assert [(r.text, r.code, r.added_by) for r in remembered().values()] == [(ODD, "situation_briefs", "olena")]
    assert "Запам’ятано назви показників" in at.success[0].value
    assert _figures(db, "situation_briefs") == [4] and _figures(db, "letters_received") == [31, 29]


def test_loading_without_the_unknown_rows_names_them(app) -> None:
    at, db = app
    at.file_uploader(key="up_files").set_value(("звіт.csv", _mixed(), "text/csv")).run()
    at.button(key="up_skip_unknown").click().run()
    assert not at.exception and not at.error
    assert "Пропущено рядків з невідомими показниками: 1" in at.success[0].value
    problems = _table(at, "problems")
    assert problems[["Клітинка або речення", "Вид"]].values.tolist() == [["D3", "попередження"]]
    assert ODD in problems["Повідомлення"][0]
    assert _figures(db, "letters_received") == [31, 29]
    assert query("SELECT wording, file FROM unknown_wordings", path=db).values.tolist() == [[ODD, "звіт.csv"]]
    assert remembered() == {}


def test_other_errors_keep_the_buttons_off(app) -> None:
    at, _ = app
    bad = _csv(("квітень 2025", ODD, 4), ("квітень 2025", "news_published", -3))
    at.file_uploader(key="up_files").set_value(("bad.csv", bad, "text/csv")).run()
    assert at.button(key="up_metric_remember").disabled and at.button(key="up_skip_unknown").disabled


def test_the_quality_page_lists_remembered_wordings(page, built_db: Path) -> None:
    from etl.load.wordings import add_wording

    add_wording(ODD, "situation_briefs", user="olena")
    at = page("quality", auth={}, timeout=60)
    assert not at.exception
    table = next(d.value for d in at.dataframe if "Хто зіставив" in d.value.columns)
    assert table.values.tolist()[0][:3] == [ODD, "Довідки про суспільно-політичну ситуацію", "olena"]


def test_a_wording_once_mapped_leaves_the_unknown_list(crafted_unknown: Path) -> None:
    from activity import quality
    from activity.warehouse import queries
    from etl.load.wordings import add_wording

    assert quality.with_suggestions(queries.unknown_wordings())["wording"].tolist() == [ODD, "Вхідні лсти"]
    add_wording(ODD, "situation_briefs", user="olena")
    assert quality.with_suggestions(queries.unknown_wordings())["wording"].tolist() == ["Вхідні лсти"]


@pytest.fixture
def crafted_unknown(built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from etl.load.warehouse import record_unknown_wordings

    db = tmp_path / "w.duckdb"
    shutil.copyfile(built_db, db)
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    record_unknown_wordings(db, [(ODD, "a.xlsx", 3), ("Вхідні лсти", "b.csv", 1)])
    return db
