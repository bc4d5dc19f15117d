"""Якість даних / Data quality: totals against their months, figures given by several sources,
unknown wordings seen in uploads, months not reported, on a warehouse built to have each."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from activity import quality
from activity.warehouse import queries
from etl.load.loader import load
from etl.load.parse import parse_file
from etl.load.warehouse import record_unknown_wordings
from tests.conftest import DEPT_NIZHYN, long_rows, wide_rows, write_xlsx


def _long(path: Path, *rows: tuple[str, str, object]) -> Path:
    return write_xlsx(path, {"A": long_rows(*[["Ніжин", DEPT_NIZHYN, p, m, v, None] for p, m, v in rows])})


@pytest.fixture
def crafted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Nizhyn 2020: months of news (Jan–Mar: 10, 20, 30) and of letters (all twelve, 5 each); a first
    quarter of news that disagrees (70), a year of letters that agrees (60), a year of news that
    three months already exceed (50); videos in April from two files (4, then 5) and as demo (3)."""
    db = tmp_path / "q.duckdb"
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    months = write_xlsx(tmp_path / "nizhyn_2020.xlsx", {"2020": wide_rows(2020, metrics={
        "Новини та інформаційні матеріали на сайті": [10, 20, 30] + [None] * 9,
        "Вхідні листи": [5] * 12})})
    totals = _long(tmp_path / "totals.xlsx", ("І квартал 2020", "news_published", 70),
                   ("2020 рік", "letters_received", 60), ("2020 рік", "news_published", 50))
    first = _long(tmp_path / "videos_a.xlsx", ("квітень 2020", "videos_published", 4))
    demo = _long(tmp_path / "videos_demo.xlsx", ("квітень 2020", "videos_published", 3))
    load([parse_file(p) for p in (months, totals, first)], db, user="olena")
    load([parse_file(demo)], db, demo=True)
    load([parse_file(_long(tmp_path / "videos_b.xlsx", ("квітень 2020", "videos_published", 5)))], db)
    return db


def test_totals_that_disagree_with_their_months(crafted: Path) -> None:
    rows = quality.disagreements(queries.totals_against_months())
    found = {(r.metric, r.granularity): (r.total, r.months_sum, r.months_reported, r.months_in_period, r.difference,
                                         r.complete) for r in rows.itertuples()}
    assert found == {
        ("news_published", "quarter"): (70, 60, 3, 3, -10, True),  # all three months, a different sum
        ("news_published", "year"): (50, 60, 3, 12, 10, False),  # three months already more than the year
    }  # the letters' year (60 = 12 x 5) agrees, so it is not listed
    quarter = rows[rows["granularity"] == "quarter"].iloc[0]
    assert quarter["source"] == "totals.xlsx" and quarter["locator"] == "A!E2"
    assert quarter["month_sources"] == "nizhyn_2020.xlsx"


def test_the_shipped_lysychansk_quarter_agrees_with_the_demo_months(built_db: Path, monkeypatch) -> None:
    monkeypatch.setenv("DASHBOARD_DB", str(built_db))
    rows = queries.totals_against_months()
    q3 = rows[(rows["city"] == "Lysychansk") & (rows["granularity"] == "quarter")]
    assert len(q3) > 5 and (q3["total"] == q3["months_sum"]).all()  # by construction of the demo
    assert quality.disagreements(rows).empty


def test_figures_given_by_several_sources(crafted: Path) -> None:
    groups = quality.duplicate_groups(queries.duplicate_figures())
    assert len(groups) == 1
    g = groups.iloc[0]
    assert (g["metric"], g["value"], g["source"], g["sources"], g["values_differ"]) == (
        "videos_published", 5, "videos_b.xlsx", 3, True)  # real before demo, then the newest
    assert sorted((s, v) for s, _loc, v, _gran in g["others"]) == [("videos_a.xlsx", 4), ("videos_demo.xlsx", 3)]
    real_only = quality.duplicate_groups(queries.duplicate_figures(include_demo=False)).iloc[0]
    assert real_only["sources"] == 2
    shown = queries.observations_for(["UA74040250010023991"], ["videos_published"], date(2020, 4, 1), date(2020, 4, 30))
    assert shown["value"].tolist() == [5]  # what the view keeps is what the table calls kept


def test_unknown_wordings_seen_in_uploads(crafted: Path) -> None:
    assert queries.unknown_wordings().empty
    record_unknown_wordings(crafted, [("Фото звіти", "a.xlsx", 2), ("Фото звіти", "b.csv", 1), ("Вхідні лсти", "b.csv", 1)])
    record_unknown_wordings(crafted, [("Фото звіти", "a.xlsx", 3)])  # the same file again: its latest count
    rows = quality.with_suggestions(queries.unknown_wordings())
    assert rows[["wording", "files", "cells", "file_names"]].values.tolist() == [
        ["Фото звіти", 2, 4, "a.xlsx; b.csv"], ["Вхідні лсти", 1, 1, "b.csv"]]
    assert rows["suggestions"][1][0] == "letters_received"


def test_months_not_reported(crafted: Path) -> None:
    gaps = quality.gap_table(queries.months_not_reported())
    found = {r.metric: (r.n, r.ranges) for r in gaps.itertuples()}
    # the city's span is 2020; news months 4-12 are covered by the year's figure, letters by months
    assert found == {"videos_published": (11, "01.2020–03.2020, 05.2020–12.2020")}
    assert quality.gap_table(queries.months_not_reported(), "en")["ranges"][0] == "2020-01–2020-03, 2020-05–2020-12"


@pytest.mark.parametrize(("months", "runs"), [
    ([], []),
    ([date(2020, 1, 1)], [(date(2020, 1, 1), date(2020, 1, 1))]),
    ([date(2020, 12, 1), date(2021, 1, 1), date(2021, 3, 1)],
     [(date(2020, 12, 1), date(2021, 1, 1)), (date(2021, 3, 1), date(2021, 3, 1))]),
])
def test_month_ranges(months: list[date], runs: list[tuple[date, date]]) -> None:
    assert quality.month_ranges(months) == runs


def test_disagreements_rule_on_a_frame() -> None:
    rows = pd.DataFrame({
        "period_start": [date(2021, 1, 1)] * 3, "period_end": [date(2021, 3, 31)] * 3,
        "total": [30.0, 30.0, 30.0], "months_sum": [30.0, 20.0, 31.0], "months_reported": [3, 2, 2],
    })
    out = quality.disagreements(rows)
    assert out["difference"].tolist() == [1.0] and not out["complete"][0]  # 2 months at 20 may still reach 30


def test_the_quality_page_names_every_finding_with_its_source(crafted: Path, page) -> None:
    record_unknown_wordings(crafted, [("Фото звіти", "a.xlsx", 2)])
    at = page("quality", db=crafted, auth={}, timeout=60)
    assert not at.exception
    assert [s.value for s in at.subheader] == [
        "Підсумки, що не збігаються з місяцями: 2", "Однакові показники з кількох джерел: 1",
        "Невідомі назви показників у завантаженнях: 1", "Назви показників, зіставлені людьми: 0",
        "Неподані місяці: 11"]
    totals, dups, words, gaps = (d.value for d in at.dataframe)
    assert totals["Джерело підсумку"].tolist() == ["totals.xlsx: A!E2", "totals.xlsx: A!E4"]
    assert totals["Різниця (місяці − підсумок)"].tolist() == ["−10", "+10"]  # a true minus sign, as format_number writes it
    assert dups["Джерело"][0] == "videos_b.xlsx: A!E2" and "videos_a.xlsx: A!E2 = 4" in dups["Інші джерела"][0]
    assert words["Назва у файлі"].tolist() == ["Фото звіти"]
    assert gaps["Які"].tolist() == ["01.2020–03.2020, 05.2020–12.2020"]
    at.toggle(key="hide_demo").set_value(True).run()
    assert "videos_demo.xlsx" not in at.dataframe[1].value["Інші джерела"][0]
