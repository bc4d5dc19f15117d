"""Every query the app runs, as plain functions over the warehouse: pages hold no SQL.

Each function asks DuckDB for exactly the rows a screen needs (filtered by city, metric and dates,
with bound parameters) and returns a small DataFrame; nothing loads the whole table.

Speed at national scale (bench/queries.py; targets: p95 <= 50 ms, >= 30x a pandas filter):
* `obs` is sorted by city, metric and period, so a filter DuckDB can push into the scan skips row
  groups by their min/max. A list filter is written `list_contains(?::VARCHAR[], column)`, which
  DuckDB turns into such a filter (`IN (SELECT unnest(?))` is a join and reads every row group);
  with one value it is `column = ?`, which DuckDB also applies inside the scan, so a few cities
  are read one by one (`_city_query`). Figures are read from `obs` itself (the view `observations`
  is `SELECT * FROM obs`; DuckDB plans a query on the table ~0.3 ms faster).
* Questions about the whole warehouse (places, departments, metrics, the latest period, holdings,
  the header counts) are answered from `obs_summary` (etl.load.observations).
* The warehouse stays open between queries and answers become DataFrames through Arrow
  (activity.warehouse.store.read); the Holdings table is sorted there too (activity.warehouse.store.ordered).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from activity import identity
from activity.warehouse.store import frame as _frame
from activity.warehouse.store import ordered as _ordered
from activity.warehouse.store import read as _query
from activity.warehouse.store import read_arrow as _arrow
from activity.warehouse.store import read_row as _row

# Fixed SQL of the figure rules (activity.identity): the day a stock stands on, in `obs`; a figure's
# key in `facts` f joined to `metrics` m; which copy of a figure `observations` shows (over a CTE `f`
# that holds the columns of both `facts` and `sources`).
STOCK_DAY = identity.stock_day_sql()
KEY_START, KEY_END = identity.key_parts_sql("f.", stock="m.kind = 'stock'")[4:]
PRECEDENCE = identity.precedence_sql(sources="f.", facts="f.")

OBS_COLUMNS = """city_code, city_uk, city, department, metric, kind, period_start, period_end,
    granularity, value, as_of, approximate, status, source, locator, demo, breakdown, department_code,
    department_kind"""


def holdings(city_codes: list[str] | None = None) -> pd.DataFrame:
    """One row per city, department, metric and granularity: how many figures, which span, demo or not
    (ordered by city, department, metric, granularity, demo; two cities of one Ukrainian name by
    their English one). `city_codes`: those cities only (None: every city)."""
    order = ["city_uk", "department", "metric", "granularity", "demo", "city"]
    return _query(
        """
        SELECT city_uk, city, department, metric, granularity, demo,
               sum(figures)::BIGINT AS figures, min(first_start) AS first_start, max(last_end) AS last_end
        FROM obs_summary
        WHERE ?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], city_code)
        GROUP BY ALL
        """,
        [city_codes, city_codes],
        order_by=order,
    )


def sources() -> pd.DataFrame:
    """Loaded files, newest first, with their figures, warnings and whether they are demo data."""
    return _query(
        """
        SELECT name, kind, is_demo AS demo, figures, warnings, loaded_at, loaded_by, content_hash
        FROM sources WHERE active ORDER BY loaded_at DESC, name
        """
    )


def totals() -> dict:
    """Counts for the header: figures, cities, metrics, and sources (the loaded files listed below)."""
    row = _row(
        """
        SELECT coalesce(sum(figures), 0)::BIGINT AS figures, count(DISTINCT city_code) AS cities,
               count(DISTINCT metric) AS metrics, (SELECT count(*) FROM sources WHERE active) AS sources,
               coalesce(sum(figures) FILTER (WHERE demo), 0)::BIGINT AS demo_figures
        FROM obs_summary
        """
    )
    return {k: int(v) for k, v in row.items()}


def places_present(include_demo: bool = True) -> pd.DataFrame:
    """Cities with figures: code, names, how many figures, first and last date."""
    return _query(
        """
        SELECT city_code, city_uk, city, sum(figures)::BIGINT AS figures,
               min(first_start) AS first_start, max(last_end) AS last_end
        FROM obs_summary WHERE (? OR NOT demo)
        GROUP BY ALL ORDER BY figures DESC, city_uk
        """,
        [include_demo],
    )


def departments_present(city_codes: list[str], include_demo: bool = True) -> pd.DataFrame:
    """Departments with figures in these cities, the busiest first."""
    return _query(
        """
        SELECT city_code, department, sum(figures)::BIGINT AS figures FROM obs_summary
        WHERE list_contains(?::VARCHAR[], city_code) AND (? OR NOT demo)
        GROUP BY ALL ORDER BY city_code, figures DESC, department
        """,
        [city_codes, include_demo],
    )


def department_list(city_codes: list[str], include_demo: bool = True) -> pd.DataFrame:
    """The departments with figures in these cities, one row each: its city, code, Ukrainian and
    English names (the registry's `departments.name_en`), kind, figures and span; by city, then the
    busiest first. From `obs_summary` (the small `departments` table only gives the English name)."""
    return _query(
        """
        WITH held AS (
            SELECT city_code, department_code, any_value(city_uk) AS city_uk, any_value(city) AS city,
                   any_value(department) AS department, any_value(department_kind) AS department_kind,
                   sum(figures)::BIGINT AS figures, min(first_start) AS first_start, max(last_end) AS last_end
            FROM obs_summary
            WHERE list_contains(?::VARCHAR[], city_code) AND (? OR NOT demo)
            GROUP BY city_code, department_code
        )
        SELECT h.city_code, h.city_uk, h.city, h.department_code, h.department,
               coalesce(nullif(d.name_en, ''), h.department) AS department_en, h.department_kind, h.figures,
               h.first_start, h.last_end
        FROM held h LEFT JOIN departments d ON d.code = h.department_code
        ORDER BY h.city_uk, h.city_code, h.figures DESC, h.department, h.department_code
        """,
        [city_codes, include_demo],
    )


def metrics_present(city_codes: list[str], include_demo: bool = True) -> pd.DataFrame:
    """Metrics with figures for these cities: code, kind, figures, last date."""
    return _query(
        """
        SELECT metric, kind, sum(figures)::BIGINT AS figures, max(last_date) AS last_date
        FROM obs_summary
        WHERE list_contains(?::VARCHAR[], city_code) AND (? OR NOT demo) AND headline
        GROUP BY ALL ORDER BY figures DESC, metric
        """,
        [city_codes, include_demo],
    )


def observations_for(
    city_codes: list[str],
    metrics: list[str],
    start: date,
    end: date,
    *,
    include_demo: bool = True,
    departments: list[str] | None = None,
    department_codes: list[str] | None = None,
) -> pd.DataFrame:
    """Headline figures (no sub-counts) for these cities and metrics that touch [start, end]; of
    the departments named (`departments`: canonical names, `department_codes`: codes; None: all).

    Flows: every figure whose period overlaps the range. Stocks: every level standing on or before
    the day after `end` (a stock's date is its as-of date, or the day after its period).
    """
    return _query(*_city_query(
        "SELECT *", city_codes,
        f"""list_contains(?::VARCHAR[], metric)
          AND (? OR NOT demo)
          AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], department))
          AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], department_code))
          AND breakdown IS NULL
          AND CASE WHEN kind = 'stock'
                   THEN {STOCK_DAY} <= ?::DATE + 1
                   ELSE period_start <= ?::DATE AND period_end >= ?::DATE END""",
        [metrics, include_demo, departments, departments, department_codes, department_codes, end, end, start],
        "ORDER BY city_code, metric, period_start, period_end",
    ))


_ONE_BY_ONE = 8  # up to this many cities are read one by one (see _city_query)


def _city_query(select: str, city_codes: list[str], where: str, params: list, rest: str = "",
                rest_params: tuple | list = ()) -> tuple[str, list]:
    """`<select> FROM (the figures of these cities for which <where> holds) <rest>`, and its
    parameters: `params` are those of `where`, `rest_params` those of `rest`. Every piece is fixed
    text of this module; values are only ever bound.

    DuckDB applies `city_code = ?` inside the scan: it reads the other columns only for that city's
    rows. `list_contains` with two codes or more only skips row groups by their min/max and reads
    every column of the ~120 000 rows of each group it keeps (a city's rows are a few thousand of
    them). So a few cities are read one by one, their rows put together with UNION ALL."""
    codes = list(dict.fromkeys(city_codes or []))
    if 2 <= len(codes) <= _ONE_BY_ONE:
        one = f"SELECT {OBS_COLUMNS} FROM obs WHERE city_code = ? AND {where}"
        rows, rows_params = " UNION ALL ".join([one] * len(codes)), [v for code in codes for v in (code, *params)]
    else:
        rows = f"SELECT {OBS_COLUMNS} FROM obs WHERE list_contains(?::VARCHAR[], city_code) AND {where}"
        rows_params = [city_codes, *params]
    return select + " FROM (" + rows + ") " + rest, [*rows_params, *rest_params]


def latest_period_end(city_codes: list[str], include_demo: bool = True) -> date | None:
    """The end of the latest flow period reported for these cities."""
    row = _row(
        """
        SELECT max(last_end) AS last FROM obs_summary
        WHERE list_contains(?::VARCHAR[], city_code) AND kind = 'flow' AND (? OR NOT demo)
        """,
        [city_codes, include_demo],
    )
    value = row["last"]
    return None if pd.isna(value) else pd.Timestamp(value).date()


def population(city_codes: list[str]) -> pd.DataFrame:
    """Residents by city and year, with the source of each figure."""
    return _query(
        """
        SELECT place_code AS city_code, year, population, source FROM population
        WHERE list_contains(?::VARCHAR[], place_code) ORDER BY city_code, year
        """,
        [city_codes],
    )


DATA_ORDER = ["city_uk", "city_code", "metric", "period_start", "period_end", "breakdown", "department", "as_of"]
_IN_ARROW = 50_000


def data_rows(
    city_codes: list[str],
    metrics: list[str] | None,
    start: date,
    end: date,
    *,
    include_demo: bool = True,
    limit: int = 1000,
    offset: int = 0,
    department_codes: list[str] | None = None,
) -> tuple[pd.DataFrame, int]:
    """Observations for the Data page (sub-counts included), one page at a time, and the total count;
    of the departments whose codes are given (None: every department).

    One query per call: up to `_IN_ARROW` matching rows are fetched whole, then sorted (`_ordered`,
    as DATA_ORDER, which orders every row) and cut to the page in Arrow; with more, DuckDB sorts
    and the rows carry the count of all matching rows. `limit=0` returns no rows, only the count;
    a page past the end asks for the count on its own."""
    where = """(?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], metric))
          AND (? OR NOT demo)
          AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], department_code))
          AND coalesce(as_of, period_end) >= ?::DATE AND period_start <= ?::DATE"""
    params = [metrics, metrics, include_demo, department_codes, department_codes, start, end]
    if limit > 0:  # every matching row, if not too many, sorted and cut in Arrow (DuckDB sorts texts slowly)
        table = _arrow(*_city_query("SELECT *", city_codes, where, params, "LIMIT ?", [_IN_ARROW + 1]))
        if table is not None and table.num_rows <= _IN_ARROW:
            ordered = _ordered(table, DATA_ORDER, nulls_first=frozenset({"breakdown"}))
            return _frame(ordered.slice(offset, limit)), table.num_rows
    if limit <= 0:  # the count alone: any one matching row carries it (none: the count is 0)
        found = _query(*_city_query("SELECT *, count(*) OVER () AS matching", city_codes, where, params, "LIMIT 1"))
        return found.drop(columns="matching").iloc[:0], int(found["matching"].iloc[0]) if len(found) else 0
    found = _query(*_city_query(
        "SELECT *, count(*) OVER () AS matching", city_codes, where, params,
        """ORDER BY city_uk, city_code, metric, period_start, period_end, breakdown NULLS FIRST, department, as_of
           LIMIT ? OFFSET ?""",  # DATA_ORDER
        [limit, offset],
    ))
    if len(found) or not offset:
        count = int(found["matching"].iloc[0]) if len(found) else 0
    else:
        count = int(_query(*_city_query("SELECT count(*) AS n", city_codes, where, params))["n"].iloc[0])
    return found.drop(columns="matching"), count


def sources_matching(names: list[str], hashes: list[str]) -> pd.DataFrame:
    """Active sources with one of these names or content hashes (what an upload would replace or repeat)."""
    return _query(
        """
        SELECT name, content_hash, kind, figures, loaded_at, loaded_by FROM sources
        WHERE active AND (name IN (SELECT unnest(?::VARCHAR[])) OR content_hash IN (SELECT unnest(?::VARCHAR[])))
        ORDER BY loaded_at DESC
        """,
        [names, hashes],
    )


def source_list(include_inactive: bool = False) -> pd.DataFrame:
    """Every loaded file or report, newest first: state active, replaced (by the version with hash
    `superseded_by`, loaded at `superseded_at`) or removed."""
    return _query(
        """
        SELECT s.source_id, s.name, s.kind, s.is_demo AS demo, s.figures, s.warnings, s.loaded_at,
               s.loaded_by, s.content_hash,
               CASE WHEN s.active THEN 'active' WHEN s.superseded_by IS NOT NULL THEN 'replaced'
                    ELSE 'removed' END AS state,
               n.content_hash AS superseded_by, n.loaded_at AS superseded_at
        FROM sources s LEFT JOIN sources n ON n.source_id = s.superseded_by
        WHERE ? OR s.active
        ORDER BY s.active DESC, s.loaded_at DESC, s.name
        """,
        [include_inactive],
    )


def load_history(limit: int = 500) -> pd.DataFrame:
    """The load log, newest first, with what each replacement superseded (its hash, time and figures)."""
    return _query(
        """
        SELECT l.load_id, l.logged_at, l.action, l.source_name, l.content_hash, l.figures, l.warnings,
               l.loaded_by, r.content_hash AS replaced_hash, r.loaded_at AS replaced_loaded_at,
               r.figures AS replaced_figures
        FROM load_log l LEFT JOIN sources r ON r.source_id = l.replaced_source_id
        ORDER BY l.logged_at DESC, l.load_id DESC, l.source_name
        LIMIT ?
        """,
        [limit],
    )


def totals_against_months(include_demo: bool = True, city_codes: list[str] | None = None) -> pd.DataFrame:
    """Each quarterly, half-yearly or annual flow figure beside the sum of the monthly figures inside
    its span (same city, department and metric): how many months, their sum and their sources.
    Of the places given (None: every place; the same for the other checks of the Quality page)."""
    return _query(
        """
        WITH flows AS (
            SELECT * FROM observations
            WHERE kind = 'flow' AND status = 'reported' AND breakdown IS NULL AND (? OR NOT demo)
              AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], city_code))
        )
        SELECT t.city_code, t.city_uk, t.city, t.department, t.metric, t.granularity, t.period_start,
               t.period_end, t.value AS total, t.approximate, t.demo, t.source, t.locator,
               sum(m.value) AS months_sum, count(*) AS months_reported,
               bool_or(m.approximate) AS months_approximate, bool_or(m.demo) AS months_demo,
               string_agg(DISTINCT m.source, '; ' ORDER BY m.source) AS month_sources
        FROM flows t JOIN flows m
          ON m.city_code = t.city_code AND m.department_code = t.department_code AND m.metric = t.metric
         AND m.granularity = 'month' AND m.period_start >= t.period_start AND m.period_end <= t.period_end
        WHERE t.granularity IN ('quarter', 'half_year', 'year')
        GROUP BY ALL
        ORDER BY t.city_uk, t.metric, t.period_start, t.period_end
        """,
        [include_demo, city_codes, city_codes],
    )


def duplicate_figures(include_demo: bool = True, limit: int = 5000, city_codes: list[str] | None = None) -> pd.DataFrame:
    """Figures given by more than one active source (same key as the `observations` view), one row
    per source, `kept` marking the one the view shows (real before demo, then the newest). The
    repeated keys are found by grouping; only their rows are ranked."""
    return _query(
        f"""
        WITH f AS (
            SELECT f.place_code, p.name_uk AS city_uk, p.name_en AS city, dp.name_uk AS department, f.department_code,
                   f.metric, m.kind,
                   f.period_start, f.period_end, f.granularity, f.as_of, f.breakdown, f.value, f.status,
                   f.locator, s.name AS source, s.is_demo, s.loaded_at, s.source_id,
                   {KEY_START} AS key_start, {KEY_END} AS key_end
            FROM facts f JOIN sources s USING (source_id) JOIN metrics m ON m.code = f.metric
            JOIN places p ON p.code = f.place_code JOIN departments dp ON dp.code = f.department_code
            WHERE s.active AND (? OR NOT s.is_demo) AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], f.place_code))
        ),
        repeated AS (
            SELECT place_code, department_code, metric, breakdown, key_start, key_end, count(*) AS copies
            FROM f GROUP BY ALL HAVING count(*) > 1
        ),
        d AS (
            SELECT f.*, r.copies,
                   row_number() OVER (PARTITION BY f.place_code, f.department_code, f.metric, f.breakdown, f.key_start,
                                      f.key_end ORDER BY {PRECEDENCE}) AS rank
            FROM f JOIN repeated r
              ON f.place_code = r.place_code AND f.department_code = r.department_code AND f.metric = r.metric
             AND f.breakdown IS NOT DISTINCT FROM r.breakdown AND f.key_start IS NOT DISTINCT FROM r.key_start
             AND f.key_end = r.key_end
        )
        SELECT place_code AS city_code, city_uk, city, department, department_code, metric, kind, period_start, period_end,
               granularity, as_of, breakdown, value, status, source, locator, is_demo AS demo, rank = 1 AS kept, copies,
               key_start, key_end
        FROM d
        ORDER BY city_uk, metric, key_start NULLS FIRST, key_end, breakdown NULLS FIRST, department, rank
        LIMIT ?
        """,
        [include_demo, city_codes, city_codes, limit],
    )


def unknown_wordings() -> pd.DataFrame:
    """Metric wordings seen in uploads that the catalog did not know: in how many files, how many
    cells, when last."""
    return _query(
        """
        SELECT wording, count(*) AS files, sum(count) AS cells, max(seen_at) AS last_seen,
               string_agg(file, '; ' ORDER BY file) AS file_names
        FROM unknown_wordings GROUP BY wording ORDER BY cells DESC, wording
        """
    )


def months_not_reported(include_demo: bool = True, limit: int = 5000, city_codes: list[str] | None = None) -> pd.DataFrame:
    """Per city and flow metric, the months within the city's reporting span (its first to its last
    flow figure, any metric) that no figure of that metric covers (a month, or a longer period holding
    it); `monthly_figures` tells whether the city reports that metric by month at all."""
    return _query(
        """
        WITH figs AS (
            SELECT city_code, city_uk, city, metric, granularity, period_start, period_end FROM observations
            WHERE kind = 'flow' AND breakdown IS NULL AND (? OR NOT demo) AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], city_code))
        ),
        spans AS (
            SELECT city_code, date_trunc('month', min(period_start)) AS first,
                   date_trunc('month', max(period_end)) AS last
            FROM figs GROUP BY city_code
        ),
        pairs AS (
            SELECT city_code, any_value(city_uk) AS city_uk, any_value(city) AS city, metric,
                   count(*) FILTER (WHERE granularity = 'month') AS monthly_figures
            FROM figs GROUP BY city_code, metric
        ),
        months AS (
            SELECT p.city_code, p.city_uk, p.city, p.metric, p.monthly_figures, CAST(g.month AS DATE) AS month
            FROM pairs p JOIN spans s USING (city_code),
                 LATERAL (SELECT unnest(generate_series(s.first, s.last, INTERVAL 1 MONTH)) AS month) g
        ),
        missing AS (
            SELECT * FROM months m WHERE NOT EXISTS (
                SELECT 1 FROM figs f WHERE f.city_code = m.city_code AND f.metric = m.metric
                  AND f.period_start <= last_day(m.month) AND f.period_end >= m.month)
        )
        SELECT city_code, city_uk, city, metric, monthly_figures, list(month ORDER BY month) AS months,
               count(*) AS n
        FROM missing GROUP BY ALL
        ORDER BY city_uk, metric
        LIMIT ?
        """,
        [include_demo, city_codes, city_codes, limit],
    )
