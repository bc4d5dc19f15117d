"""The figure rules of activity.identity agree in every form: SQL, whole-number arrays (Arrow and
NumPy) and Python; and the warehouse follows them (what `observations` keeps of repeated figures)."""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import numpy as np
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from activity import identity
from activity.catalog import METRICS

FLOW, STOCK = "news_published", "ngos_registered"
PERIODS = [(date(2021, 1, 1), date(2021, 1, 31)), (date(2021, 1, 1), date(2021, 3, 31)),
           (date(2021, 2, 1), date(2021, 2, 28)), (date(2020, 10, 1), date(2021, 1, 31))]

row = st.fixed_dictionaries({
    "place_code": st.sampled_from(["UA1", "UA2"]),
    "department": st.sampled_from(["відділ А", "відділ Б"]),
    "metric": st.sampled_from([FLOW, STOCK]),
    "breakdown": st.sampled_from([None, "за темами"]),
    "period": st.sampled_from(PERIODS),
    "as_of": st.sampled_from([None, date(2021, 2, 1), date(2021, 4, 1)]),
})


def table_of(rows: list[dict]) -> pa.Table:
    return pa.table({
        "place_code": [r["place_code"] for r in rows], "department": [r["department"] for r in rows],
        "metric": [r["metric"] for r in rows],
        "period_start": pa.array([r["period"][0] for r in rows], pa.date32()),
        "period_end": pa.array([r["period"][1] for r in rows], pa.date32()),
        "granularity": ["month"] * len(rows), "value": [1.0] * len(rows), "status": ["reported"] * len(rows),
        "as_of": pa.array([r["as_of"] for r in rows], pa.date32()), "approximate": [False] * len(rows),
        "breakdown": pa.array([r["breakdown"] for r in rows], pa.string()), "locator": [f"A{i}" for i in range(len(rows))],
        "department_code": [r["department"] for r in rows],  # resolved: one code per department here
    })


def python_groups(rows: list[dict]) -> list[int]:
    """The group of each row by `figure_key`, numbered in order of first appearance."""
    seen: dict[tuple, int] = {}
    return [seen.setdefault(identity.figure_key(
        r["place_code"], r["department"], r["metric"], r["breakdown"], METRICS[r["metric"]].kind == "stock",
        r["period"][0], r["period"][1], r["as_of"]), len(seen)) for r in rows]


def sql_groups(rows: list[dict]) -> list[int]:
    con = duckdb.connect()
    con.register("f", table_of(rows))
    con.execute("CREATE TABLE m AS SELECT * FROM (VALUES (?, 'flow'), (?, 'stock')) t(code, kind)", [FLOW, STOCK])
    key = identity.key_sql("f.", stock="m.kind = 'stock'")
    found = con.execute(f"""SELECT f.locator, min(f.locator) OVER (PARTITION BY {key}) AS first
                            FROM f JOIN m ON m.code = f.metric""").fetchall()
    first = dict(found)
    order: dict[str, int] = {}
    return [order.setdefault(first[f"A{i}"], len(order)) for i in range(len(rows))]


def array_groups(rows: list[dict]) -> list[int]:
    codes = {}
    who = [[codes.setdefault((part, r[part]), len(codes)) for r in rows]
           for part in ("place_code", "department", "metric", "breakdown")]
    none = -1
    key = identity.key_arrays(who, [METRICS[r["metric"]].kind == "stock" for r in rows],
                              [r["period"][0].toordinal() for r in rows], [r["period"][1].toordinal() for r in rows],
                              [r["as_of"].toordinal() if r["as_of"] else none for r in rows], none)
    seen: dict[tuple, int] = {}
    return [seen.setdefault(tuple(int(k[i]) for k in key), len(seen)) for i in range(len(rows))]


@settings(max_examples=150, deadline=None)
@given(st.lists(row, min_size=1, max_size=12))
def test_the_forms_of_the_figure_key_group_rows_alike(rows: list[dict]) -> None:
    expected = python_groups(rows)
    assert sql_groups(rows) == expected
    assert array_groups(rows) == expected
    once = len(set(expected)) == len(rows)
    assert identity.once_in_obs(table_of(rows)) is once
    assert identity.all_distinct(identity.key_arrays(
        [np.array(array_groups(rows))], np.zeros(len(rows), bool), np.zeros(len(rows)), np.zeros(len(rows)),
        np.zeros(len(rows)), -1)) is once


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
       st.one_of(st.none(), st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))))
@settings(max_examples=60, deadline=None)
def test_the_stock_day_is_the_same_in_sql_and_python(period_end: date, as_of: date | None) -> None:
    sql = duckdb.execute(f"SELECT {identity.stock_day_sql()} FROM (SELECT ?::DATE AS as_of, ?::DATE AS period_end)",
                         [as_of, period_end]).fetchone()[0]
    assert sql == identity.stock_day(as_of, period_end)
    assert identity.stock_day(None, period_end) == identity.standing_day(period_end) == period_end + timedelta(days=1)


def test_a_stock_for_two_periods_on_one_day_is_one_figure_and_a_flow_is_two() -> None:
    quarter, month = (date(2021, 1, 1), date(2021, 3, 31)), (date(2021, 3, 1), date(2021, 3, 31))
    stock = [{"place_code": "UA1", "department": "d", "metric": STOCK, "breakdown": None, "period": p, "as_of": None}
             for p in (quarter, month)]
    flow = [dict(r, metric=FLOW) for r in stock]
    assert python_groups(stock) == [0, 0] and not identity.once_in_obs(table_of(stock))
    assert python_groups(flow) == [0, 1] and identity.once_in_obs(table_of(flow))


def test_observations_keep_the_copy_the_precedence_names(tmp_path, monkeypatch) -> None:
    """Real before demo, then the newest source; within one source the shorter (later-starting)
    period: the rows DEDUPED keeps, and the row the Quality page marks `kept`."""
    from activity.warehouse import queries
    from activity.warehouse.store import query
    from etl.load.loader import load
    from tests.conftest import DEPT_NIZHYN, NIZHYN, long_rows, write_xlsx

    db = tmp_path / "w.duckdb"

    def wb(name: str, *figures: list) -> object:
        return write_xlsx(tmp_path / name, {"A": long_rows(*figures)})

    ngos = "ngos_registered"
    assert load([wb("demo.xlsx", ["Ніжин", DEPT_NIZHYN, "березень 2021", "news_published", 9, None])], db,
                demo=True).loaded
    assert load([wb("old.xlsx", ["Ніжин", DEPT_NIZHYN, "березень 2021", "news_published", 7, None])], db).loaded
    assert load([wb("new.xlsx", ["Ніжин", DEPT_NIZHYN, "березень 2021", "news_published", 8, None],
                    ["Ніжин", DEPT_NIZHYN, "I квартал 2021", ngos, 40, None],
                    ["Ніжин", DEPT_NIZHYN, "березень 2021", ngos, 41, None])], db).loaded
    shown = query("SELECT metric, value, source FROM observations ORDER BY metric", path=db)
    assert shown.values.tolist() == [["news_published", 8.0, "new.xlsx"], [ngos, 41.0, "new.xlsx"]]
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    copies = queries.duplicate_figures()
    kept = copies[copies["kept"]]
    assert sorted(zip(kept["metric"], kept["value"], strict=True)) == [("news_published", 8.0), (ngos, 41.0)]
    assert sorted(copies[copies["metric"] == "news_published"]["value"]) == [7.0, 8.0, 9.0]
    assert NIZHYN in set(copies["city_code"])
