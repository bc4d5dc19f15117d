"""`obs`, the figures `observations` shows (each once), and `obs_summary`, what `obs` holds counted
so the app's overview questions need not scan every figure: both kept up to date by the loader.

`obs` is rebuilt from `facts` for the places a load or removal touched (`refresh_observations`),
except where the loader writes a batch's rows straight (etl.load.storer).

`obs_summary`'s grain: one row per place, department, metric, granularity, demo flag and headline flag (`headline` is
TRUE for figures without a breakdown), with how many figures, the first period start, the last
period end and the last date a figure stands on (`as_of`, or the period end). At national scale
(10,5 M figures) that is about 105 000 rows. The pages' lists of places, departments and metrics,
the latest period, the holdings table and the header counts are answered from it
(activity.warehouse.queries); every filtered figure is still read from `obs`.

The loader keeps it beside `obs`: `refresh_summary(con, places)` right after `obs` is brought up
to date for the same places (None: everything).
"""

from __future__ import annotations

import duckdb

from activity.warehouse.schema import DEDUPED, SORT_KEY

TABLE = "obs_summary"

# Counts per group of `obs` rows, for the places given (all places when the list is NULL).
SUMMARY = """
SELECT city_code, city_uk, city, department, department_code, department_kind, metric, kind, granularity, demo,
       breakdown IS NULL AS headline,
       count(*) AS figures, min(period_start) AS first_start, max(period_end) AS last_end,
       max(coalesce(as_of, period_end)) AS last_date
FROM obs
WHERE ?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], city_code)
GROUP BY ALL
"""


def refresh_observations(con: duckdb.DuckDBPyConnection, places: set[str] | None) -> None:
    """Bring `obs` (behind the public view) and its counts (`obs_summary`) up to date with `facts`
    for these places (each figure once: activity.warehouse.schema.DEDUPED); None or many: rebuild all."""
    if places is not None and not places:
        return
    total = con.execute("SELECT count(DISTINCT place_code) FROM facts").fetchone()[0]
    if places is None or len(places) * 5 > total or not con.execute("SELECT count(*) FROM obs").fetchone()[0]:
        con.execute(f"CREATE OR REPLACE TABLE obs AS {DEDUPED} ORDER BY {SORT_KEY}", [None, None])
        refresh_summary(con, None)
        return
    codes = sorted(places)
    con.execute("DELETE FROM obs WHERE list_contains(?::VARCHAR[], city_code)", [codes])
    con.execute(f"INSERT INTO obs {DEDUPED} ORDER BY {SORT_KEY}", [codes, codes])
    refresh_summary(con, places)


def refresh_summary(con: duckdb.DuckDBPyConnection, places: set[str] | None) -> None:
    """Bring `obs_summary` up to date with `obs` for these places; None, or more than a fifth of the
    places it counts: rebuild all (cheaper than deleting and inserting most of it)."""
    if places is not None and not places:
        return
    if places is None or len(places) * 5 > con.execute(
            f"SELECT count(DISTINCT city_code) FROM {TABLE}").fetchone()[0]:
        con.execute(f"CREATE OR REPLACE TABLE {TABLE} AS {SUMMARY} ORDER BY city_code, metric", [None, None])
        return
    codes = sorted(places)
    con.execute(f"DELETE FROM {TABLE} WHERE list_contains(?::VARCHAR[], city_code)", [codes])
    con.execute(f"INSERT INTO {TABLE} {SUMMARY} ORDER BY city_code, metric", [codes, codes])
