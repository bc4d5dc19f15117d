"""Every query the app runs, as plain functions over activity.store: pages hold no SQL."""

from __future__ import annotations

import pandas as pd

from activity.store import query


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
