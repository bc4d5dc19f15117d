"""`obs_summary` (etl.load.observations) answers the warehouse-wide questions exactly as `observations` does."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from activity.warehouse import queries
from activity.warehouse.schema import SUMMARY_COLUMNS
from activity.warehouse.store import query
from etl.load.observations import SUMMARY, TABLE, refresh_summary
from tests.conftest import LYSYCHANSK, NIZHYN

CITIES = [NIZHYN, LYSYCHANSK]
FIGURES = [name for name, _ in SUMMARY_COLUMNS].index("figures")  # the column of a summary row


def with_breakdowns(built_db: Path, folder: Path) -> Path:
    """The built warehouse plus sub-counts (figures with a breakdown), which it lacks: one beside a
    headline figure, one for a metric that has no headline figure in that city; `obs_summary`
    brought up to date with them."""
    copy = folder / "breakdowns.duckdb"
    shutil.copyfile(built_db, copy)
    con = duckdb.connect(str(copy))
    con.execute("""INSERT INTO obs SELECT * REPLACE ('за темами' AS breakdown, period_end + 400 AS period_end)
                   FROM obs WHERE city_code = ? AND metric = 'news_published' LIMIT 3""", [NIZHYN])
    con.execute("""INSERT INTO obs SELECT * REPLACE ('за темами' AS breakdown, 'petitions_submitted' AS metric)
                   FROM obs WHERE city_code = ? AND kind = 'flow' LIMIT 2""", [LYSYCHANSK])
    refresh_summary(con, None)
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


def counted_from_observations(path: Path) -> dict[str, object]:
    """The same questions answered by counting every figure of `observations` (no summary)."""
    def q(sql: str, params: list | None = None) -> pd.DataFrame:
        return query(sql, params, path=path)

    def metrics(codes: list[str], demo: bool) -> pd.DataFrame:
        return q("""SELECT metric, kind, count(*) AS figures, max(coalesce(as_of, period_end)) AS last_date
                    FROM observations
                    WHERE list_contains(?::VARCHAR[], city_code) AND (? OR NOT demo) AND breakdown IS NULL
                    GROUP BY ALL ORDER BY figures DESC, metric""", [codes, demo])

    def latest(demo: bool):
        value = q("""SELECT max(period_end) AS last FROM observations
                     WHERE list_contains(?::VARCHAR[], city_code) AND kind = 'flow' AND (? OR NOT demo)""",
                  [[NIZHYN], demo])["last"].iloc[0]
        return None if pd.isna(value) else pd.Timestamp(value).date()

    totals = q("""SELECT count(*) AS figures, count(DISTINCT city_code) AS cities, count(DISTINCT metric) AS metrics,
                         (SELECT count(*) FROM sources WHERE active) AS sources,
                         count(*) FILTER (WHERE demo) AS demo_figures FROM observations""").iloc[0]
    return {
        "holdings": q("""SELECT city_uk, city, department, metric, granularity, demo, count(*) AS figures,
                                min(period_start) AS first_start, max(period_end) AS last_end
                         FROM observations GROUP BY ALL
                         ORDER BY city_uk, department, metric, granularity, demo, city"""),
        "totals": {k: int(v) for k, v in totals.items()},
        **{f"places_{d}": q("""SELECT city_code, city_uk, city, count(*) AS figures, min(period_start) AS first_start,
                                      max(period_end) AS last_end
                               FROM observations WHERE (? OR NOT demo)
                               GROUP BY ALL ORDER BY figures DESC, city_uk""", [d]) for d in (True, False)},
        **{f"departments_{d}": q("""SELECT city_code, department, count(*) AS figures FROM observations
                                    WHERE list_contains(?::VARCHAR[], city_code) AND (? OR NOT demo)
                                    GROUP BY ALL ORDER BY city_code, figures DESC, department""", [CITIES, d])
           for d in (True, False)},
        **{f"metrics_{d}": metrics(CITIES, d) for d in (True, False)},
        "metrics_one": metrics([LYSYCHANSK], True),
        "metrics_none": metrics([], True),
        **{f"latest_{d}": latest(d) for d in (True, False)},
    }


def test_summary_gives_the_same_answers(built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = with_breakdowns(built_db, tmp_path)
    slow = counted_from_observations(base)
    assert "petitions_submitted" not in set(slow["metrics_True"]["metric"])  # only sub-counts of it
    assert "petitions_submitted" in set(slow["holdings"]["metric"])
    monkeypatch.setenv("DASHBOARD_DB", str(base))
    fast = answers()
    assert slow["totals"]["figures"] > slow["totals"]["demo_figures"] > 0  # demo and real figures both there
    for name, expected in slow.items():
        if isinstance(expected, pd.DataFrame):
            assert len(expected) or name == "metrics_none", name
            pd.testing.assert_frame_equal(fast[name], expected, obj=name, check_dtype=False)
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
    assert sum(r[FIGURES] for r in kept) == con.execute("SELECT count(*) FROM obs").fetchone()[0] < stale


def test_every_load_and_removal_keeps_the_summary_exact(built_db: Path, tmp_path: Path) -> None:
    """The loader refreshes `obs_summary` with `obs`: after a build, a one-place load and a removal,
    the counts equal a rebuild from `obs` and add up to every figure."""
    from etl.load.loader import load
    from etl.load.warehouse import remove_source
    from etl.synth import units, write_unit

    db = tmp_path / "w.duckdb"
    shutil.copyfile(built_db, db)

    def exact() -> int:
        with duckdb.connect(str(db), read_only=True) as con:
            kept = con.execute(f"SELECT * FROM {TABLE} ORDER BY ALL").fetchall()
            assert kept == con.execute(f"SELECT * FROM ({SUMMARY}) ORDER BY ALL", [None, None]).fetchall()
            total = con.execute("SELECT count(*) FROM obs").fetchone()[0]
            assert sum(r[FIGURES] for r in kept) == total
            return total

    before = exact()
    (tmp_path / "synth").mkdir()
    path, figures = write_unit(units(1)[0], range(2023, 2024), tmp_path / "synth", seed=3)
    assert load([path], db).loaded
    assert exact() == before + figures
    remove_source(db, path.name)
    assert exact() == before
