"""`obs_summary`: what `obs` holds, counted, so the app's overview questions need not scan every figure.

Grain: one row per place, department, metric, granularity, demo flag and headline flag (`headline` is
TRUE for figures without a breakdown), with how many figures, the first period start, the last
period end and the last date a figure stands on (`as_of`, or the period end). At national scale
(10,5 M figures) that is about 105 000 rows. The pages' lists of places, departments and metrics,
the latest period, the holdings table and the header counts are answered from it
(activity.warehouse.queries); every filtered figure is still read from `obs`.

The loader keeps it beside `obs`: `refresh_summary(con, places)` right after `obs` is brought up
to date for the same places (None: everything). A warehouse without the table is read the slow way.
"""

from __future__ import annotations

import duckdb

TABLE = "obs_summary"

# Counts per group of `obs` rows, for the places given (all places when the list is NULL).
SUMMARY = """
SELECT city_code, city_uk, city, department, metric, kind, granularity, demo,
       breakdown IS NULL AS headline,
       count(*) AS figures, min(period_start) AS first_start, max(period_end) AS last_end,
       max(coalesce(as_of, period_end)) AS last_date
FROM obs
WHERE ?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], city_code)
GROUP BY ALL
"""


def refresh_summary(con: duckdb.DuckDBPyConnection, places: set[str] | None) -> None:
    """Bring `obs_summary` up to date with `obs` for these places; None, no table yet, or more than a
    fifth of the places it counts: rebuild all (cheaper than deleting and inserting most of it)."""
    if places is not None and not places:
        return
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND database_name = current_database()",
        [TABLE]).fetchone()[0]
    if places is None or not exists or len(places) * 5 > con.execute(
            f"SELECT count(DISTINCT city_code) FROM {TABLE}").fetchone()[0]:
        con.execute(f"CREATE OR REPLACE TABLE {TABLE} AS {SUMMARY} ORDER BY city_code, metric", [None, None])
        return
    codes = sorted(places)
    con.execute(f"DELETE FROM {TABLE} WHERE list_contains(?::VARCHAR[], city_code)", [codes])
    con.execute(f"INSERT INTO {TABLE} {SUMMARY} ORDER BY city_code, metric", [codes, codes])
