"""Every query the app runs, as plain functions over activity.store: pages hold no SQL.

Each function asks DuckDB for exactly the rows a screen needs (filtered by city, metric and dates,
with bound parameters) and returns a small DataFrame; nothing loads the whole table.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from activity.store import query

OBS_COLUMNS = """city_code, city_uk, city, department, metric, kind, period_start, period_end,
    granularity, value, as_of, approximate, status, source, locator, demo, breakdown"""


def holdings() -> pd.DataFrame:
    """One row per city, department, metric and granularity: how many figures, which span, demo or not."""
    return query(
        """
        SELECT city_uk, city, department, metric, granularity, demo,
               count(*) AS figures, min(period_start) AS first_start, max(period_end) AS last_end
        FROM observations
        GROUP BY ALL
        ORDER BY city_uk, department, metric, granularity, demo
        """
    )


def sources() -> pd.DataFrame:
    """Loaded files, newest first, with their figures, warnings and whether they are demo data."""
    return query(
        """
        SELECT name, kind, is_demo AS demo, figures, warnings, loaded_at, loaded_by, content_hash
        FROM sources WHERE active ORDER BY loaded_at DESC, name
        """
    )


def totals() -> dict:
    """Counts for the header: figures, cities, metrics, sources."""
    row = query(
        """
        SELECT count(*) AS figures, count(DISTINCT city_code) AS cities,
               count(DISTINCT metric) AS metrics, count(DISTINCT source) AS sources,
               count(*) FILTER (WHERE demo) AS demo_figures
        FROM observations
        """
    ).iloc[0]
    return {k: int(v) for k, v in row.items()}


def places_present(include_demo: bool = True) -> pd.DataFrame:
    """Cities with figures: code, names, how many figures, first and last date."""
    return query(
        """
        SELECT city_code, city_uk, city, count(*) AS figures,
               min(period_start) AS first_start, max(period_end) AS last_end
        FROM observations WHERE (? OR NOT demo)
        GROUP BY ALL ORDER BY figures DESC, city_uk
        """,
        [include_demo],
    )


def departments_present(city_codes: list[str], include_demo: bool = True) -> pd.DataFrame:
    return query(
        """
        SELECT city_code, department, count(*) AS figures FROM observations
        WHERE city_code IN (SELECT unnest(?::VARCHAR[])) AND (? OR NOT demo)
        GROUP BY ALL ORDER BY city_code, figures DESC
        """,
        [city_codes, include_demo],
    )


def metrics_present(city_codes: list[str], include_demo: bool = True) -> pd.DataFrame:
    """Metrics with figures for these cities: code, kind, figures, last date."""
    return query(
        """
        SELECT metric, kind, count(*) AS figures, max(coalesce(as_of, period_end)) AS last_date
        FROM observations
        WHERE city_code IN (SELECT unnest(?::VARCHAR[])) AND (? OR NOT demo) AND breakdown IS NULL
        GROUP BY ALL ORDER BY figures DESC
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
) -> pd.DataFrame:
    """Headline figures (no sub-counts) for these cities and metrics that touch [start, end].

    Flows: every figure whose period overlaps the range. Stocks: every level standing on or before
    the day after `end` (a stock's date is its as-of date, or the day after its period).
    """
    return query(
        f"""
        SELECT {OBS_COLUMNS} FROM observations
        WHERE city_code IN (SELECT unnest(?::VARCHAR[]))
          AND metric IN (SELECT unnest(?::VARCHAR[]))
          AND (? OR NOT demo)
          AND (?::VARCHAR[] IS NULL OR department IN (SELECT unnest(?::VARCHAR[])))
          AND breakdown IS NULL
          AND CASE WHEN kind = 'stock'
                   THEN coalesce(as_of, period_end + 1) <= ?::DATE + 1
                   ELSE period_start <= ?::DATE AND period_end >= ?::DATE END
        ORDER BY city_code, metric, period_start, period_end
        """,
        [city_codes, metrics, include_demo, departments, departments, end, end, start],
    )


def latest_period_end(city_codes: list[str], include_demo: bool = True) -> date | None:
    """The end of the latest flow period reported for these cities."""
    row = query(
        """
        SELECT max(period_end) AS last FROM observations
        WHERE city_code IN (SELECT unnest(?::VARCHAR[])) AND kind = 'flow' AND (? OR NOT demo)
        """,
        [city_codes, include_demo],
    )
    value = row["last"].iloc[0]
    return None if pd.isna(value) else pd.Timestamp(value).date()


def population(city_codes: list[str]) -> pd.DataFrame:
    """Residents by city and year, with the source of each figure."""
    return query(
        """
        SELECT place_code AS city_code, year, population, source FROM population
        WHERE place_code IN (SELECT unnest(?::VARCHAR[])) ORDER BY city_code, year
        """,
        [city_codes],
    )


def data_rows(
    city_codes: list[str],
    metrics: list[str] | None,
    start: date,
    end: date,
    *,
    include_demo: bool = True,
    limit: int = 1000,
    offset: int = 0,
) -> tuple[pd.DataFrame, int]:
    """Observations for the Data page (sub-counts included), one page at a time, and the total count."""
    where = """
        WHERE city_code IN (SELECT unnest(?::VARCHAR[]))
          AND (?::VARCHAR[] IS NULL OR metric IN (SELECT unnest(?::VARCHAR[])))
          AND (? OR NOT demo)
          AND coalesce(as_of, period_end) >= ?::DATE AND period_start <= ?::DATE
    """
    params = [city_codes, metrics, metrics, include_demo, start, end]
    count = int(query(f"SELECT count(*) AS n FROM observations {where}", params)["n"].iloc[0])
    rows = query(
        f"""SELECT {OBS_COLUMNS} FROM observations {where}
            ORDER BY city_uk, metric, period_start, period_end, breakdown NULLS FIRST
            LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    )
    return rows, count
