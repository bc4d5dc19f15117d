"""The fast paths of activity.warehouse.queries give the answers of the plain ones.

* the kept connection (activity.warehouse.store.read) against a fresh connection per query (activity.warehouse.store.query);
* frames built from Arrow (`_frame`) against DuckDB's `.df()`, dtype for dtype;
* rows sorted by `_ordered` against `ORDER BY`;
* a few cities read one by one (`_city_query`) against `list_contains`;
* a warehouse swapped in, or changed in place, is read anew.

(A warehouse the app keeps open cannot be opened read-write by the same process: DuckDB refuses
it. Loads never do, they write a copy and swap it in, and neither do these tests.)
"""

from __future__ import annotations

import os
import shutil
import threading
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pytest

from activity.warehouse import queries, store
from activity.warehouse.store import WarehouseMissing
from tests.conftest import LYSYCHANSK, NIZHYN

CITIES = [NIZHYN, LYSYCHANSK]
START, END = date(2017, 1, 1), date(2024, 12, 31)


def calls() -> dict[str, object]:
    """Every public query of activity.warehouse.queries, with filters that match rows."""
    metrics = list(queries.metrics_present(CITIES)["metric"])
    dept = queries.departments_present([NIZHYN])["department"].iloc[0]
    sources = queries.sources()
    return {
        "holdings": lambda: queries.holdings(),
        "sources": lambda: queries.sources(),
        "totals": lambda: queries.totals(),
        "places": lambda: queries.places_present(True),
        "places_real": lambda: queries.places_present(False),
        "departments": lambda: queries.departments_present(CITIES),
        "department_list": lambda: queries.department_list(CITIES),
        "metrics": lambda: queries.metrics_present(CITIES),
        "metrics_none": lambda: queries.metrics_present([]),
        "latest": lambda: queries.latest_period_end(CITIES),
        "population": lambda: queries.population(CITIES),
        "observations": lambda: queries.observations_for(CITIES, metrics, START, END),
        "observations_twice": lambda: queries.observations_for([NIZHYN, NIZHYN, LYSYCHANSK], metrics, START, END),
        "observations_one": lambda: queries.observations_for([NIZHYN], metrics, START, END, departments=[dept]),
        "observations_none": lambda: queries.observations_for([], metrics, START, END),
        "observations_real": lambda: queries.observations_for(CITIES, metrics, START, END, include_demo=False),
        "observations_codes": lambda: queries.observations_for(CITIES, metrics, START, END,
                                                               department_codes=["lysychansk.internal_policy"]),
        "data_count": lambda: queries.data_rows(CITIES, None, START, END, limit=0),
        "data_page": lambda: queries.data_rows(CITIES, metrics[:2], START, END, limit=30, offset=10),
        "data_all": lambda: queries.data_rows(CITIES, None, START, END, limit=100_000),
        "data_past_end": lambda: queries.data_rows(CITIES, None, START, END, limit=10, offset=100_000),
        "data_none": lambda: queries.data_rows(CITIES, ["no_such_metric"], START, END, limit=10),
        "data_codes": lambda: queries.data_rows(CITIES, None, START, END, limit=30, department_codes=["nizhyn.communications"]),
        "sources_matching": lambda: queries.sources_matching(list(sources["name"][:2]), []),
        "source_list": lambda: queries.source_list(True),
        "load_history": lambda: queries.load_history(50),
        "totals_against_months": lambda: queries.totals_against_months(),
        "duplicate_figures": lambda: queries.duplicate_figures(),
        "unknown_wordings": lambda: queries.unknown_wordings(),
        "months_not_reported": lambda: queries.months_not_reported(),
    }


def assert_same(fast: object, plain: object, name: str) -> None:
    if isinstance(plain, tuple):
        assert isinstance(fast, tuple) and fast[1] == plain[1], name
        pd.testing.assert_frame_equal(fast[0], plain[0], obj=name)
    elif isinstance(plain, pd.DataFrame):
        pd.testing.assert_frame_equal(fast, plain, obj=name)
    else:
        assert fast == plain, name


def test_every_query_answers_as_the_plain_path(built_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Kept connection, Arrow frames, sorting in Arrow and cities one by one against a connection
    per query, DuckDB's `.df()`, `ORDER BY` and `list_contains`."""
    monkeypatch.setenv("DASHBOARD_DB", str(built_db))
    fast = {name: call() for name, call in calls().items()}
    monkeypatch.setattr(queries, "_IN_ARROW", 5)  # the Data page's rows sorted by DuckDB
    sorted_by_duckdb = {name: call() for name, call in calls().items() if name.startswith("data_")}
    monkeypatch.setattr(store, "KEEP_OPEN", False)
    monkeypatch.setattr(queries, "_ONE_BY_ONE", 1)
    plain = {name: call() for name, call in calls().items()}
    for name, expected in plain.items():
        assert_same(fast[name], expected, name)
        if name in sorted_by_duckdb:
            assert_same(sorted_by_duckdb[name], expected, name + " (sorted by DuckDB)")
    assert len(fast["observations"]) and len(fast["data_all"][0]) > 50
    assert_same(fast["observations_twice"], fast["observations"], "the same city twice")


@pytest.mark.parametrize("sql_type, value", [
    ("VARCHAR", "'Ніжин'"), ("DATE", "DATE '2020-01-02'"), ("TIMESTAMP", "TIMESTAMP '2020-01-02 03:04:05.123456'"),
    ("BOOLEAN", "true"), ("DOUBLE", "1.5"), ("BIGINT", "5"), ("INTEGER", "5"),
])
@pytest.mark.parametrize("rows", ["full", "some_null", "all_null", "empty"])
def test_arrow_frames_are_duckdbs_frames(sql_type: str, value: str, rows: str) -> None:
    assert sql_type in store.ARROW_TYPES
    expr = {"full": f"{value}::{sql_type}", "some_null": f"CASE WHEN range = 1 THEN NULL ELSE {value}::{sql_type} END",
            "all_null": f"NULL::{sql_type}", "empty": f"{value}::{sql_type}"}[rows]
    sql = f"SELECT {expr} AS x, range AS n, 'a' AS t FROM range({0 if rows == 'empty' else 3})"
    con = duckdb.connect()
    expected = con.execute(sql).df()
    got = store.frame(con.sql(sql).to_arrow_table())
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert list(map(str, got.dtypes)) == list(map(str, expected.dtypes))


def test_arrow_order_is_duckdbs_order_by() -> None:
    con = duckdb.connect()
    con.execute("""CREATE TABLE t AS SELECT
        (['Ніжин', 'Ніжинська', 'Лисичанськ', 'Їжаківка', 'Іванівка', 'іванівка', 'Ivanivka', '', NULL])[1 + range % 9] AS a,
        (['відділ інформаційної діяльності', 'відділ інформаційно-аналітичної роботи', 'b', 'B', 'ä'])[1 + range % 5] AS b,
        CASE WHEN range % 7 = 0 THEN NULL ELSE range % 3 = 0 END AS c,
        range AS d
        FROM range(200)""")
    keys = ["a", "b", "c", "d"]
    expected = con.execute("SELECT * FROM t ORDER BY a, b, c, d").df()
    shuffled = con.sql("SELECT * FROM t ORDER BY d DESC").to_arrow_table()
    pd.testing.assert_frame_equal(store.frame(store.ordered(shuffled, keys)), expected)
    expected = con.execute("SELECT * FROM t ORDER BY a NULLS FIRST, b, c NULLS FIRST, d").df()
    got = store.frame(store.ordered(shuffled, keys, nulls_first=frozenset({"a", "c"})))
    pd.testing.assert_frame_equal(got, expected)
    assert store.ordered(pa.table({"a": pa.array([], pa.string())}), ["a"]).num_rows == 0


def test_a_swapped_in_or_rewritten_warehouse_is_read_anew(built_db: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    live = tmp_path / "live.duckdb"
    shutil.copyfile(built_db, live)
    monkeypatch.setenv("DASHBOARD_DB", str(live))
    figures = queries.totals()["figures"]
    nizhyn = int(queries.places_present().set_index("city_code").loc[NIZHYN, "figures"])

    smaller = tmp_path / "smaller.duckdb"
    shutil.copyfile(built_db, smaller)
    with duckdb.connect(str(smaller)) as con:
        con.execute("DELETE FROM obs WHERE city_code = ?", [NIZHYN])
        con.execute("DELETE FROM obs_summary WHERE city_code = ?", [NIZHYN])
    os.replace(smaller, live)  # what a load does
    assert queries.totals()["figures"] == figures - nizhyn

    stat = live.stat()
    live.write_bytes(built_db.read_bytes())  # rewritten in place (same inode), its time put back
    os.utime(live, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert queries.totals()["figures"] == figures

    live.unlink()
    with pytest.raises(WarehouseMissing):
        queries.totals()


def test_threads_share_the_kept_connection_across_swaps(built_db: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    live, other = tmp_path / "live.duckdb", tmp_path / "other.duckdb"
    shutil.copyfile(built_db, other)
    with duckdb.connect(str(other)) as con:
        con.execute("DELETE FROM obs_summary WHERE city_code = ?", [NIZHYN])
    monkeypatch.setenv("DASHBOARD_DB", str(other))
    smaller = queries.totals()["figures"]
    shutil.copyfile(built_db, live)
    monkeypatch.setenv("DASHBOARD_DB", str(live))
    full = queries.totals()["figures"]
    assert smaller < full
    seen: list[int] = []
    errors: list[BaseException] = []

    def ask() -> None:
        try:
            for _ in range(15):
                seen.append(queries.totals()["figures"])
                assert len(queries.observations_for(CITIES, ["news_published"], START, END))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for i in range(6):
        staged = tmp_path / f"staged{i}.duckdb"
        shutil.copyfile(other if i % 2 == 0 else built_db, staged)
        os.replace(staged, live)
    for t in threads:
        t.join()
    assert not errors, errors
    assert len(seen) == 60 and set(seen) <= {full, smaller}
    assert queries.totals()["figures"] == full  # the last file swapped in


def test_data_pages_with_sub_counts_match_duckdbs_order(built_db: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Sub-counts (a breakdown) sort after their headline figure (NULLS FIRST), in Arrow as in SQL."""
    from tests.test_summary import with_breakdowns

    monkeypatch.setenv("DASHBOARD_DB", str(with_breakdowns(built_db, tmp_path)))
    wide = (date(2000, 1, 1), date(2030, 12, 31))

    def pages() -> list:  # Nizhyn's sub-counts only: Lysychansk's two share every sort key (a tie)
        return [queries.data_rows([NIZHYN, "UA00000000000000000"], None, *wide, limit=limit, offset=offset)
                for limit, offset in [(0, 0), (25, 0), (25, 25), (100_000, 0), (10, 100_000)]]

    fast = pages()
    assert fast[3][0]["breakdown"].notna().sum() == 3
    monkeypatch.setattr(store, "KEEP_OPEN", False)
    for got, expected in zip(fast, pages(), strict=True):
        assert_same(got, expected, "data_rows")
