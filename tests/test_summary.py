"""`obs_summary` (etl.load.summary) answers the warehouse-wide questions exactly as `observations` does."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from activity.warehouse import queries
from etl.load.summary import SUMMARY, TABLE, refresh_summary
from tests.conftest import LYSYCHANSK, NIZHYN

CITIES = [NIZHYN, LYSYCHANSK]


def with_breakdowns(built_db: Path, folder: Path) -> Path:
    """The built warehouse plus sub-counts (figures with a breakdown), which it lacks: one beside a
    headline figure, one for a metric that has no headline figure in that city."""
    copy = folder / "breakdowns.duckdb"
    shutil.copyfile(built_db, copy)
    con = duckdb.connect(str(copy))
    con.execute(f"DROP TABLE IF EXISTS {TABLE}")  # read the slow way until summarised_copy
    con.execute("""INSERT INTO obs SELECT * REPLACE ('за темами' AS breakdown, period_end + 400 AS period_end)
                   FROM obs WHERE city_code = ? AND metric = 'news_published' LIMIT 3""", [NIZHYN])
    con.execute("""INSERT INTO obs SELECT * REPLACE ('за темами' AS breakdown, 'petitions_submitted' AS metric)
                   FROM obs WHERE city_code = ? AND kind = 'flow' LIMIT 2""", [LYSYCHANSK])
    con.close()
    return copy


def summarised_copy(built_db: Path, folder: Path) -> Path:
    copy = folder / "summarised.duckdb"
    shutil.copyfile(built_db, copy)
    con = duckdb.connect(str(copy))
    refresh_summary(con, None)
    con.close()
    return copy


def answers() -> dict[str, object]:
    return {
        "holdings": queries.holdings(),
        "totals": queries.totals(),
        **{f"places_{d}": queries.places_present(d) for d in (True, False)},
        **{f"departments_{d}": queries.departments_present(CITIES, d) for d in (True, False)},
        **{f"metrics_{d}": queries.metrics_present(CITIES, d) for d in (True, False)},
        "metrics_one": queries.metrics_present([LYSYCHANSK], True),
        "metrics_none": queries.metrics_present([], True),
        **{f"latest_{d}": queries.latest_period_end([NIZHYN], d) for d in (True, False)},
    }


def test_summary_gives_the_same_answers(built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = with_breakdowns(built_db, tmp_path)
    monkeypatch.setenv("DASHBOARD_DB", str(base))
    assert not queries._summarised()
    slow = answers()
    assert "petitions_submitted" not in set(slow["metrics_True"]["metric"])  # only sub-counts of it
    assert "petitions_submitted" in set(slow["holdings"]["metric"])
    monkeypatch.setenv("DASHBOARD_DB", str(summarised_copy(base, tmp_path)))
    assert queries._summarised()
    fast = answers()
    assert slow["totals"]["figures"] > slow["totals"]["demo_figures"] > 0  # demo and real figures both there
    for name, expected in slow.items():
        if isinstance(expected, pd.DataFrame):
            assert len(expected) or name == "metrics_none", name
            pd.testing.assert_frame_equal(fast[name], expected, obj=name)
        else:
            assert fast[name] == expected, name


def test_a_place_refreshed_alone_matches_a_rebuild(built_db: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(summarised_copy(built_db, tmp_path)))
    con.execute("DELETE FROM obs WHERE city_code = ? AND metric = 'news_published'", [NIZHYN])
    con.execute("UPDATE obs SET demo = NOT demo WHERE city_code = ? AND granularity = 'quarter'", [NIZHYN])
    stale = con.execute(f"SELECT sum(figures) FROM {TABLE}").fetchone()[0]
    refresh_summary(con, {NIZHYN})
    kept = con.execute(f"SELECT * FROM {TABLE} ORDER BY ALL").fetchall()
    rebuilt = con.execute(f"SELECT * FROM ({SUMMARY}) ORDER BY ALL", [None, None]).fetchall()
    assert kept == rebuilt
    assert sum(r[9] for r in kept) == con.execute("SELECT count(*) FROM obs").fetchone()[0] < stale


def test_a_swapped_in_warehouse_is_asked_again(built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    live = tmp_path / "live.duckdb"
    shutil.copyfile(built_db, live)
    with duckdb.connect(str(live)) as con:
        con.execute(f"DROP TABLE {TABLE}")  # a warehouse from before the summary
    monkeypatch.setenv("DASHBOARD_DB", str(live))
    assert not queries._summarised()
    os.replace(summarised_copy(built_db, tmp_path), live)  # what a load does
    assert queries._summarised()


def test_every_load_and_removal_keeps_the_summary_exact(built_db: Path, tmp_path: Path) -> None:
    """The loader refreshes `obs_summary` with `obs`: after a build, a one-place load and a removal,
    the counts equal a rebuild from `obs` and add up to every figure."""
    from etl.load.loader import load_paths
    from etl.load.warehouse import remove_source
    from etl.synth import units, write_unit

    db = tmp_path / "w.duckdb"
    shutil.copyfile(built_db, db)

    def exact() -> int:
        with duckdb.connect(str(db), read_only=True) as con:
            kept = con.execute(f"SELECT * FROM {TABLE} ORDER BY ALL").fetchall()
            assert kept == con.execute(f"SELECT * FROM ({SUMMARY}) ORDER BY ALL", [None, None]).fetchall()
            total = con.execute("SELECT count(*) FROM obs").fetchone()[0]
            assert sum(r[9] for r in kept) == total
            return total

    before = exact()
    (tmp_path / "synth").mkdir()
    path, figures = write_unit(units(1)[0], range(2023, 2024), tmp_path / "synth", seed=3)
    assert load_paths([path], db).loaded
    assert exact() == before + figures
    remove_source(db, path.name)
    assert exact() == before
