"""Values beyond what a department can count are refused naming the cell; values far from the
department's own history load with a warning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from activity.plausibility import PER_MONTH, ceiling, far_from_history
from activity.warehouse.store import query
from etl.load.loader import load
from etl.load.parse import parse_file
from tests.conftest import DEPT_NIZHYN, MONTHS, long_rows, wide_rows, write_xlsx


def test_the_ceiling_grows_with_the_period_and_a_level_has_its_own() -> None:
    assert ceiling("count", False, 1) == PER_MONTH["count"]
    assert ceiling("count", False, 12) == 12 * PER_MONTH["count"]
    assert ceiling("count", True, 12) == ceiling("count", True, 1) > 12 * PER_MONTH["count"]


@pytest.mark.parametrize("packed", [False, True])
def test_1e20_letters_in_a_month_are_refused_naming_the_cell(tmp_path: Path, packed: bool) -> None:
    path = write_xlsx(tmp_path / "huge.xlsx", {"Звіт": long_rows(
        ["Ніжин", DEPT_NIZHYN, "березень 2021", "letters_received", 1e20, None],
        ["Ніжин", DEPT_NIZHYN, "березень 2021", "news_published", 465, None])})
    result = parse_file(path, packed=packed)
    assert not result.ok
    assert [(p.key, p.sheet, p.cell) for p in result.errors] == [("value_implausible", "Звіт", "E2")]
    assert "100 000" in result.errors[0].message().replace("\u00a0", " ")


def test_a_year_may_count_what_twelve_months_may_but_not_more(tmp_path: Path) -> None:
    yearly = long_rows(["Ніжин", DEPT_NIZHYN, "2021 рік", "news_published", 12 * PER_MONTH["count"], None],
                       ["Ніжин", DEPT_NIZHYN, "березень 2021", "news_published", PER_MONTH["count"] + 1, None])
    result = parse_file(write_xlsx(tmp_path / "y.xlsx", {"A": yearly}))
    assert [(p.key, p.cell) for p in result.errors] == [("value_implausible", "E3")]


def test_a_wide_sheet_names_the_implausible_month(tmp_path: Path) -> None:
    news = "Новини та інформаційні матеріали на сайті"
    path = write_xlsx(tmp_path / "wide.xlsx", {"2021": wide_rows(2021, metrics={news: [400] * 5 + [5e9] + [400] * 6})})
    result = parse_file(path, packed=True)
    assert [(p.key, p.sheet, p.cell) for p in result.errors] == [("value_implausible", "2021", "G7")]
    assert len(MONTHS) == 12


def test_far_from_history_in_both_directions() -> None:
    assert far_from_history(10_000, 1, 400) and far_from_history(10, 1, 400)
    assert not far_from_history(7_000, 1, 400) and not far_from_history(0, 1, 400)
    assert not far_from_history(10_000, 1, None)


def test_a_value_twenty_times_the_departments_usual_loads_with_a_warning(tmp_path: Path, built_db: Path) -> None:
    db = tmp_path / "w.duckdb"
    shutil.copyfile(built_db, db)
    usual = query("""SELECT median(value) AS m FROM observations WHERE city_code = 'UA74040250010023991'
                     AND metric = 'news_published' AND granularity = 'month' AND NOT demo""", path=db)["m"][0]
    path = write_xlsx(tmp_path / "jump.xlsx", {"A": long_rows(
        ["Ніжин", DEPT_NIZHYN, "січень 2030", "news_published", round(usual * 30), None],
        ["Ніжин", DEPT_NIZHYN, "лютий 2030", "news_published", round(usual), None])})
    report = load([path], db)
    assert report.loaded
    assert [(p.key, p.cell) for p in report.files[0].warnings] == [("value_unusual", "E2")]
