"""queries.data_rows: the count comes with the page (one query), and pages add up to every row."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from activity.warehouse import queries
from activity.warehouse.store import query
from tests.conftest import LYSYCHANSK, NIZHYN

START, END = date(2017, 1, 1), date(2024, 12, 31)


@pytest.fixture(autouse=True)
def warehouse(built_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASHBOARD_DB", str(built_db))


def expected_count(cities: list[str], metrics: list[str] | None) -> int:
    return int(query(
        """SELECT count(*) AS n FROM observations WHERE list_contains(?::VARCHAR[], city_code)
           AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], metric))
           AND coalesce(as_of, period_end) >= ? AND period_start <= ?""",
        [cities, metrics, metrics, START, END])["n"].iloc[0])


@pytest.mark.parametrize("metrics", [None, ["news_published", "ngos_registered"]])
def test_pages_add_up_to_every_row_with_one_count(metrics: list[str] | None) -> None:
    cities = [NIZHYN, LYSYCHANSK]
    total = expected_count(cities, metrics)
    empty, count = queries.data_rows(cities, metrics, START, END, limit=0)
    assert count == total > 50 and empty.empty and "matching" not in empty.columns
    pages = [queries.data_rows(cities, metrics, START, END, limit=40, offset=o) for o in range(0, total, 40)]
    assert {n for _, n in pages} == {total}
    rows = pd.concat([p for p, _ in pages], ignore_index=True)
    whole, _ = queries.data_rows(cities, metrics, START, END, limit=total)
    pd.testing.assert_frame_equal(rows, whole.reset_index(drop=True))
    assert list(whole.columns) == [c.strip() for c in queries.OBS_COLUMNS.split(",")]


def test_a_page_past_the_end_is_empty_but_keeps_the_count() -> None:
    total = expected_count([NIZHYN], None)
    rows, count = queries.data_rows([NIZHYN], None, START, END, limit=200, offset=total + 200)
    assert rows.empty and count == total


def test_nothing_matching_counts_zero() -> None:
    rows, count = queries.data_rows([NIZHYN], ["no_such_metric"], START, END, limit=0)
    assert rows.empty and count == 0
    rows, count = queries.data_rows([NIZHYN], ["no_such_metric"], START, END, limit=10)
    assert rows.empty and count == 0
